// SPDX-License-Identifier: Apache-2.0
#include "layout_spec.h"

#include "spec_field_reader.h"

namespace emu::api {

LayoutSpec LayoutSpec::fromObject(const Value &object, const std::string &file, Diagnostics &out)
{
    SpecFieldReader r(file, out);
    LayoutSpec spec;
    const Value *s = r.mappingField(object, "spec", "spec");
    if (!s)
        return spec;
    r.warnUnknownFields(*s, {"items"}, "spec");
    const Value *list = r.sequenceField(*s, "items", "spec.items");
    if (!list)
        return spec;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Value &v = list->at(i);
        const std::string path = SpecFieldReader::indexed("spec.items", i);
        if (!v.isMapping()) {
            r.error(v, path, std::string("must be a mapping, not ") + Value::describe(v.kind()));
            continue;
        }
        Item item;
        bool ok = true;
        for (auto [key, target] : {std::pair{"kind", &item.kind}, std::pair{"name", &item.name}}) {
            const Value *f = SpecFieldReader::field(v, key);
            const auto text = f ? r.stringValue(*f, SpecFieldReader::child(path, key)) : std::nullopt;
            if (!f)
                r.error(v, SpecFieldReader::child(path, key), "required field is missing");
            ok = ok && text;
            *target = text.value_or("");
        }
        if (const Value *ns = SpecFieldReader::field(v, "namespace")) {
            const auto text = r.stringValue(*ns, path + ".namespace");
            ok = ok && text;
            item.namespaceName = text.value_or("");
        }
        for (auto [key, target] : {std::pair{"x", &item.x}, std::pair{"y", &item.y}}) {
            const Value *f = SpecFieldReader::field(v, key);
            const auto number = f ? r.numberValue(*f, SpecFieldReader::child(path, key)) : std::nullopt;
            if (!f)
                r.error(v, SpecFieldReader::child(path, key), "required field is missing");
            ok = ok && number;
            *target = number.value_or(0);
        }
        if (ok)
            spec.items.push_back(std::move(item));
    }
    return spec;
}

} // namespace emu::api
