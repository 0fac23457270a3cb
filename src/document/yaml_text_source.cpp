// SPDX-License-Identifier: Apache-2.0
#include "yaml_text_source.h"

namespace app::document {

using emu::api::SourcePos;
using emu::api::Value;

YamlTextSource::YamlTextSource(const std::string &text, const Value &root)
    : m_text(text)
    , m_root(root)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n')
            m_lineStarts.push_back(i + 1);
}

std::optional<std::size_t> YamlTextSource::offset(emu::api::SourcePos pos) const
{
    if (!pos.isKnown() || pos.line > m_lineStarts.size() || pos.column == 0)
        return std::nullopt;
    const std::size_t off = m_lineStarts[pos.line - 1] + pos.column - 1;
    return off <= m_text.size() ? std::optional(off) : std::nullopt;
}

std::size_t YamlTextSource::lineStart(std::size_t off) const
{
    const std::size_t nl = off == 0 ? std::string::npos : m_text.rfind('\n', off - 1);
    return nl == std::string::npos ? 0 : nl + 1;
}

std::size_t YamlTextSource::lineEnd(std::size_t off) const
{
    const std::size_t nl = m_text.find('\n', off);
    return nl == std::string::npos ? m_text.size() : nl + 1;
}

bool YamlTextSource::onlySpacesBefore(std::size_t off) const
{
    for (std::size_t i = lineStart(off); i < off; ++i)
        if (m_text[i] != ' ')
            return false;
    return true;
}

std::optional<std::size_t> YamlTextSource::entryStart(const FieldPath &path) const
{
    const emu::api::Value *parent = path.parent().find(m_root);
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

std::optional<std::size_t> YamlTextSource::entryEnd(const FieldPath &path, std::size_t start) const
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

std::size_t YamlTextSource::skipDeeperComments(std::size_t off, std::size_t column) const
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

std::optional<std::size_t> YamlTextSource::childIndex(const emu::api::Value *parent, const FieldPath &path)
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

std::optional<std::size_t> YamlTextSource::rawEnd(const FieldPath &path) const
{
    if (path.isEmpty())
        return m_text.size();
    const emu::api::Value *parent = path.parent().find(m_root);
    const std::optional<std::size_t> index = childIndex(parent, path);
    if (!index)
        return std::nullopt;
    if (*index + 1 < parent->size()) {
        const emu::api::Value &next = parent->isMapping() ? parent->keyAt(*index + 1)
                                                : parent->at(*index + 1);
        const std::optional<std::size_t> off = offset(next.pos());
        return off ? std::optional(lineStart(*off)) : std::nullopt;
    }
    return rawEnd(path.parent());
}

} // namespace app::document
