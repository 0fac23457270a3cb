// SPDX-License-Identifier: Apache-2.0
#include "yaml_text_patcher.h"

#include "object_text.h"
#include "yaml_text_source.h"

#include "emulator/api/yaml_writer.h"

#include <vector>

namespace app::document {

using emu::api::SourcePos;
using emu::api::Value;
using emu::api::YamlWriter;

namespace {

struct Op
{
    FieldPath path;
    std::optional<Value> value; // nullopt: remove
};

std::string indentLines(const std::string &block, std::size_t columns, bool firstLineToo)
{
    std::string out;
    const std::string pad(columns, ' ');
    std::size_t pos = 0;
    bool first = true;
    while (pos < block.size()) {
        std::size_t end = block.find('\n', pos);
        end = end == std::string::npos ? block.size() : end + 1;
        const bool empty = end - pos <= 1 && block[pos] == '\n';
        if ((!first || firstLineToo) && !empty)
            out += pad;
        out.append(block, pos, end - pos);
        pos = end;
        first = false;
    }
    return out;
}

// The YAML for one entry: `key: value` or `- value`, in kubectl's layout.
std::string emitEntry(const FieldPath::Segment &segment, const Value &value)
{
    if (const auto *key = std::get_if<std::string>(&segment)) {
        Value m = Value::mapping();
        m.set(*key, value);
        return YamlWriter::toYaml(m);
    }
    Value s = Value::sequence();
    s.append(value);
    return YamlWriter::toYaml(s);
}

std::string splice(const std::string &text, std::size_t start, std::size_t end,
                   std::string replacement)
{
    // Keep a file without a final newline that way.
    if (end == text.size() && (end == 0 || text[end - 1] != '\n') && !replacement.empty()
        && replacement.back() == '\n')
        replacement.pop_back();
    return text.substr(0, start) + replacement + text.substr(end);
}

std::optional<std::string> replaceScalar(const YamlTextSource &src, const FieldPath &path,
                                         const Value &value)
{
    const Value *old = path.find(src.root());
    if (!old || !old->isScalar() || !value.isScalar() || (old->isNull() && old->text().empty()))
        return std::nullopt;
    const std::optional<std::size_t> start = src.offset(old->pos());
    if (!start || *start >= src.text().size())
        return std::nullopt;
    const std::string &t = src.text();
    const char quote = t[*start];
    std::size_t end = *start + 1;
    if (quote == '"' || quote == '\'') {
        while (end < t.size() && t[end] != '\n') {
            if (quote == '"' && t[end] == '\\') {
                end += 2;
            } else if (t[end] == quote) {
                if (quote == '\'' && end + 1 < t.size() && t[end + 1] == '\'') {
                    end += 2;
                    continue;
                }
                break;
            } else {
                ++end;
            }
        }
        if (end >= t.size() || t[end] != quote)
            return std::nullopt; // a quoted scalar over several lines
        ++end;
    } else if (quote == '|' || quote == '>') {
        return std::nullopt;
    } else {
        const Value *parent = path.parent().find(src.root());
        const std::optional<std::size_t> p = parent ? src.offset(parent->pos()) : std::nullopt;
        const bool inFlow = p && *p < t.size() && (t[*p] == '{' || t[*p] == '[');
        end = *start;
        while (end < t.size() && t[end] != '\n' && t[end] != '\r') {
            if (t[end] == '#' && end > *start && (t[end - 1] == ' ' || t[end - 1] == '\t'))
                break;
            if (inFlow && (t[end] == ',' || t[end] == ']' || t[end] == '}'))
                break;
            ++end;
        }
        while (end > *start && (t[end - 1] == ' ' || t[end - 1] == '\t'))
            --end;
    }
    std::string replacement;
    // Quotes the user chose (around a string that did not need them) are kept; quotes the
    // old value needed ("true", "80") are not forced on the new one.
    const bool choseQuotes = old->isString() && YamlWriter::isSafePlainString(old->text());
    if (value.isString() && choseQuotes && quote == '"') {
        replacement = YamlWriter::toJson(value, 0);
        replacement.pop_back();
    } else {
        replacement = YamlWriter::toYaml(value);
        replacement.pop_back();
    }
    if (replacement.find('\n') != std::string::npos)
        return std::nullopt;
    return t.substr(0, *start) + replacement + t.substr(end);
}

std::optional<std::string> replaceEntry(const YamlTextSource &src, const FieldPath &path,
                                        const std::optional<Value> &value)
{
    const std::optional<std::size_t> start = src.entryStart(path);
    if (!start)
        return std::nullopt;
    const std::optional<std::size_t> end = src.entryEnd(path, *start);
    if (!end)
        return std::nullopt;
    if (!value) {
        if (!src.onlySpacesBefore(*start))
            return std::nullopt; // `- key:` the item's first key: rewrite the item instead
        return splice(src.text(), src.lineStart(*start), *end, {});
    }
    const std::size_t column = *start - src.lineStart(*start);
    const std::string entry = emitEntry(path.segments().back(), *value);
    return splice(src.text(), *start, *end, indentLines(entry, column, false));
}

std::optional<std::string> insertEntry(const YamlTextSource &src, const FieldPath &path, const Value &value)
{
    // The deepest part of the path that exists, and what to add to it.
    std::size_t depth = path.size() - 1;
    const Value *container = nullptr;
    for (;; --depth) {
        container = FieldPath({path.segments().begin(), path.segments().begin() + depth})
                        .find(src.root());
        if (container || depth == 0)
            break;
    }
    if (!container || (!container->isMapping() && !container->isSequence()) || container->size() == 0)
        return std::nullopt;
    const FieldPath containerPath({path.segments().begin(), path.segments().begin() + depth});
    const FieldPath::Segment &segment = path.segments()[depth];
    if (container->isSequence() != std::holds_alternative<std::size_t>(segment))
        return std::nullopt;
    Value nested;
    if (!FieldPath({path.segments().begin() + depth + 1, path.segments().end()}).set(nested, value))
        return std::nullopt;

    const FieldPath lastChild = container->isMapping()
                                    ? containerPath.child(container->keyAt(container->size() - 1).text())
                                    : containerPath.child(container->size() - 1);
    const FieldPath firstChild = container->isMapping() ? containerPath.child(container->keyAt(0).text())
                                                        : containerPath.child(std::size_t(0));
    const std::optional<std::size_t> lastStart = src.entryStart(lastChild);
    const std::optional<std::size_t> firstStart = src.entryStart(firstChild);
    if (!lastStart || !firstStart)
        return std::nullopt;
    const std::optional<std::size_t> end = src.entryEnd(lastChild, *lastStart);
    if (!end)
        return std::nullopt;
    const std::size_t column = *firstStart - src.lineStart(*firstStart);
    const std::size_t at = src.skipDeeperComments(*end, column);
    std::string text = indentLines(emitEntry(segment, nested), column, true);
    if (at > 0 && src.text()[at - 1] != '\n')
        text.insert(0, "\n");
    return src.text().substr(0, at) + text + src.text().substr(at);
}

std::optional<ObjectContent> verified(std::string candidate, const Value &expected)
{
    ObjectContent content = ObjectText::parse(std::move(candidate));
    if (!content.isObject() || emu::api::hasErrors(content.parseDiagnostics)
        || !(content.object == expected))
        return std::nullopt;
    return content;
}

// One edit, tried from the most local patch to rewriting an ancestor's whole block.
std::optional<ObjectContent> applyOp(const ObjectContent &content, const Op &op,
                                     const Value &expected)
{
    const YamlTextSource src(content.text, content.object);
    const bool exists = op.path.find(content.object) != nullptr;
    if (op.value && exists)
        if (auto text = replaceScalar(src, op.path, *op.value))
            if (auto done = verified(std::move(*text), expected))
                return done;
    if (exists)
        if (auto text = replaceEntry(src, op.path, op.value))
            if (auto done = verified(std::move(*text), expected))
                return done;
    if (op.value && !exists)
        if (auto text = insertEntry(src, op.path, *op.value))
            if (auto done = verified(std::move(*text), expected))
                return done;
    for (FieldPath up = op.path.parent(); !up.isEmpty(); up = up.parent()) {
        const Value *replacement = up.find(expected);
        if (!replacement || !up.find(content.object))
            continue;
        if (auto text = replaceEntry(src, up, *replacement))
            if (auto done = verified(std::move(*text), expected))
                return done;
    }
    return std::nullopt;
}

void diff(const Value &before, const Value &after, const FieldPath &path, std::vector<Op> &ops);

void diffMappings(const Value &before, const Value &after, const FieldPath &path, std::vector<Op> &ops)
{
    // Keys both have must keep their order, and new keys must come last (patches append):
    // otherwise the mapping is rewritten as a whole.
    std::vector<std::string> common;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (after.contains(before.keyAt(i).text()))
            common.push_back(before.keyAt(i).text());
    std::size_t next = 0;
    bool seenNew = false;
    for (std::size_t i = 0; i < after.size(); ++i) {
        const std::string &key = after.keyAt(i).text();
        if (!before.contains(key)) {
            seenNew = true;
        } else if (seenNew || next >= common.size() || common[next++] != key) {
            ops.push_back({path, after});
            return;
        }
    }
    for (std::size_t i = 0; i < before.size(); ++i)
        if (!after.contains(before.keyAt(i).text()))
            ops.push_back({path.child(before.keyAt(i).text()), std::nullopt});
    for (std::size_t i = 0; i < after.size(); ++i) {
        const std::string &key = after.keyAt(i).text();
        if (const Value *old = before.find(key))
            diff(*old, after.valueAt(i), path.child(key), ops);
        else
            ops.push_back({path.child(key), after.valueAt(i)});
    }
}

void diff(const Value &before, const Value &after, const FieldPath &path, std::vector<Op> &ops)
{
    if (before.isMapping() && after.isMapping() && after.size() > 0) {
        diffMappings(before, after, path, ops);
        return;
    }
    if (before.isSequence() && after.isSequence() && after.size() > 0) {
        const std::size_t shared = std::min(before.size(), after.size());
        for (std::size_t i = 0; i < shared; ++i)
            diff(before.at(i), after.at(i), path.child(i), ops);
        for (std::size_t i = before.size(); i-- > after.size();)
            ops.push_back({path.child(i), std::nullopt});
        for (std::size_t i = shared; i < after.size(); ++i)
            ops.push_back({path.child(i), after.at(i)});
        return;
    }
    if (before.kind() == after.kind() && before == after)
        return;
    ops.push_back({path, after});
}

ObjectContent rewriteWhole(const ObjectContent &content, const Value &object)
{
    return ObjectText::fromValue(object, ObjectText::leadingComments(content.text));
}

} // namespace

ObjectContent YamlTextPatcher::setField(const ObjectContent &content, const FieldPath &path,
                                        const std::optional<Value> &value)
{
    Value expected = content.object;
    if (value) {
        if (!path.set(expected, *value))
            return content;
    } else if (!path.remove(expected)) {
        return content;
    }
    return rewrite(content, expected);
}

ObjectContent YamlTextPatcher::rewrite(const ObjectContent &content, const Value &object)
{
    if (!content.isObject() || !object.isMapping())
        return rewriteWhole(content, object);
    std::vector<Op> ops;
    diff(content.object, object, FieldPath(), ops);
    ObjectContent current = content;
    for (const Op &op : ops) {
        if (op.path.isEmpty())
            return rewriteWhole(content, object);
        Value expected = current.object;
        const bool applied = op.value ? op.path.set(expected, *op.value) : op.path.remove(expected);
        std::optional<ObjectContent> next = applied ? applyOp(current, op, expected) : std::nullopt;
        if (!next)
            return rewriteWhole(content, object);
        current = std::move(*next);
    }
    if (!(current.object == object))
        return rewriteWhole(content, object);
    return current;
}

} // namespace app::document
