// SPDX-License-Identifier: Apache-2.0
#include "yaml_text_patcher.h"

#include "object_text.h"

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

/// The text of one object with its parsed tree, and byte offsets of its lines.
class Source
{
public:
    Source(const std::string &text, const Value &root) : m_text(text), m_root(root)
    {
        m_lineStarts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_lineStarts.push_back(i + 1);
    }

    const std::string &text() const { return m_text; }
    const Value &root() const { return m_root; }

    std::optional<std::size_t> offset(SourcePos pos) const
    {
        if (!pos.isKnown() || pos.line > m_lineStarts.size() || pos.column == 0)
            return std::nullopt;
        const std::size_t off = m_lineStarts[pos.line - 1] + pos.column - 1;
        return off <= m_text.size() ? std::optional(off) : std::nullopt;
    }

    std::size_t lineStart(std::size_t off) const
    {
        const std::size_t nl = off == 0 ? std::string::npos : m_text.rfind('\n', off - 1);
        return nl == std::string::npos ? 0 : nl + 1;
    }

    std::size_t lineEnd(std::size_t off) const
    {
        const std::size_t nl = m_text.find('\n', off);
        return nl == std::string::npos ? m_text.size() : nl + 1;
    }

    bool onlySpacesBefore(std::size_t off) const
    {
        for (std::size_t i = lineStart(off); i < off; ++i)
            if (m_text[i] != ' ')
                return false;
        return true;
    }

    /// Where the entry for the last segment of `path` starts: its key, or its item's dash.
    std::optional<std::size_t> entryStart(const FieldPath &path) const
    {
        const Value *parent = path.parent().find(m_root);
        const std::optional<std::size_t> index = childIndex(parent, path);
        if (!index)
            return std::nullopt;
        if (parent->isMapping())
            return offset(parent->keyAt(*index).pos());
        const std::optional<std::size_t> item = offset(parent->at(*index).pos());
        if (!item)
            return std::nullopt;
        std::size_t i = *item;
        while (i > 0 && m_text[i - 1] == ' ')
            --i;
        if (i == 0 || m_text[i - 1] != '-')
            return std::nullopt; // a flow sequence: no dash to keep
        return i - 1;
    }

    /// Where the entry ends: the line of its next sibling, or the end of its parent; trailing
    /// comment and blank lines are left out, so they stay with what follows.
    std::optional<std::size_t> entryEnd(const FieldPath &path, std::size_t start) const
    {
        const std::optional<std::size_t> raw = rawEnd(path);
        if (!raw || *raw <= start)
            return std::nullopt;
        std::size_t end = *raw;
        const std::size_t firstLineEnd = lineEnd(start);
        while (end > firstLineEnd) {
            const std::size_t ls = lineStart(end - 1);
            if (ls < firstLineEnd)
                break;
            const std::string_view line(m_text.data() + ls, end - ls);
            const std::size_t first = line.find_first_not_of(" \t\r\n");
            if (first != std::string_view::npos && line[first] != '#')
                break;
            end = ls;
        }
        return end;
    }

    /// Past the comment lines after `off` indented deeper than `column` (with the blank lines
    /// among them): they belong to the block above, so a new sibling goes after them.
    std::size_t skipDeeperComments(std::size_t off, std::size_t column) const
    {
        std::size_t accepted = off;
        std::size_t pos = off;
        while (pos < m_text.size()) {
            const std::size_t end = lineEnd(pos);
            const std::string_view line(m_text.data() + pos, end - pos);
            const std::size_t first = line.find_first_not_of(" \t\r\n");
            if (first != std::string_view::npos) {
                if (line[first] != '#' || first <= column)
                    break;
                accepted = end;
            }
            pos = end;
        }
        return accepted;
    }

    static std::optional<std::size_t> childIndex(const Value *parent, const FieldPath &path)
    {
        if (!parent || path.isEmpty())
            return std::nullopt;
        const FieldPath::Segment &last = path.segments().back();
        if (const auto *index = std::get_if<std::size_t>(&last)) {
            if (!parent->isSequence() || *index >= parent->size())
                return std::nullopt;
            return *index;
        }
        if (!parent->isMapping())
            return std::nullopt;
        for (std::size_t i = 0; i < parent->size(); ++i)
            if (parent->keyAt(i).text() == std::get<std::string>(last))
                return i;
        return std::nullopt;
    }

private:
    std::optional<std::size_t> rawEnd(const FieldPath &path) const
    {
        if (path.isEmpty())
            return m_text.size();
        const Value *parent = path.parent().find(m_root);
        const std::optional<std::size_t> index = childIndex(parent, path);
        if (!index)
            return std::nullopt;
        if (*index + 1 < parent->size()) {
            const Value &next = parent->isMapping() ? parent->keyAt(*index + 1)
                                                    : parent->at(*index + 1);
            const std::optional<std::size_t> off = offset(next.pos());
            return off ? std::optional(lineStart(*off)) : std::nullopt;
        }
        return rawEnd(path.parent());
    }

    const std::string &m_text;
    const Value &m_root;
    std::vector<std::size_t> m_lineStarts;
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

std::optional<std::string> replaceScalar(const Source &src, const FieldPath &path,
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

std::optional<std::string> replaceEntry(const Source &src, const FieldPath &path,
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

std::optional<std::string> insertEntry(const Source &src, const FieldPath &path, const Value &value)
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
    const Source src(content.text, content.object);
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
