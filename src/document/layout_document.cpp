// SPDX-License-Identifier: Apache-2.0
#include "layout_document.h"

#include "emulator/api/yaml_writer.h"

#include <cmath>
#include <cstdio>

namespace app::document::LayoutDocument {

using emu::api::Value;

namespace {

std::string text(const Value &item, std::string_view key)
{
    const Value *v = item.find(key);
    return v && v->isScalar() && !v->isNull() ? v->text() : std::string();
}

std::optional<double> number(const Value &item, std::string_view key)
{
    const Value *v = item.find(key);
    return v ? v->asDouble() : std::nullopt;
}

// Positions are written with at most two decimals: enough for a canvas, and stable text.
std::string numberText(double d)
{
    const double rounded = std::round(d * 100.0) / 100.0;
    char buf[32];
    if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", rounded);
    else
        std::snprintf(buf, sizeof buf, "%.2f", rounded);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
    }
    if (s == "-0")
        s = "0";
    return s;
}

// A string as a plain scalar inside a flow mapping when it reads back unchanged, else quoted.
std::string flowString(const std::string &s)
{
    if (emu::api::YamlWriter::isSafePlainString(s) && s.find_first_of(",[]{}") == std::string::npos)
        return s;
    std::string quoted = emu::api::YamlWriter::toJson(Value::string(s), 0);
    quoted.pop_back(); // toJson ends with a newline
    return quoted;
}

} // namespace

bool isLayout(const Value &object)
{
    return object.isMapping() && text(object, "apiVersion") == "kubecanvas.io/v1alpha1"
           && text(object, "kind") == "Layout";
}

std::vector<Item> read(const Value &object)
{
    std::vector<Item> items;
    const Value *spec = object.find("spec");
    const Value *list = spec && spec->isMapping() ? spec->find("items") : nullptr;
    if (!list || !list->isSequence())
        return items;
    for (const Value &v : list->items()) {
        if (!v.isMapping())
            continue;
        Item item{text(v, "kind"), text(v, "namespace"), text(v, "name"), {}};
        const auto x = number(v, "x");
        const auto y = number(v, "y");
        if (item.kind.empty() || item.name.empty() || !x || !y)
            continue;
        item.record.pos = {*x, *y};
        const auto width = number(v, "width");
        const auto height = number(v, "height");
        if (width && height && *width > 0 && *height > 0)
            item.record.size = {*width, *height};
        if (const Value *collapsed = v.find("collapsed"))
            item.record.collapsed = collapsed->asBool().value_or(false);
        items.push_back(std::move(item));
    }
    return items;
}

std::string write(const std::vector<Item> &items)
{
    // One flow mapping per item keeps the Layout short and easy to diff.
    std::string out = "apiVersion: kubecanvas.io/v1alpha1\nkind: Layout\nmetadata:\n"
                      "  name: canvas\nspec:\n";
    out += items.empty() ? "  items: []\n" : "  items:\n";
    for (const Item &item : items) {
        out += "  - {kind: " + flowString(item.kind);
        if (!item.namespaceName.empty())
            out += ", namespace: " + flowString(item.namespaceName);
        out += ", name: " + flowString(item.name);
        out += ", x: " + numberText(item.record.pos.x());
        out += ", y: " + numberText(item.record.pos.y());
        if (!item.record.size.isEmpty()) {
            out += ", width: " + numberText(item.record.size.width());
            out += ", height: " + numberText(item.record.size.height());
        }
        if (item.record.collapsed)
            out += ", collapsed: true";
        out += "}\n";
    }
    return out;
}

} // namespace app::document::LayoutDocument
