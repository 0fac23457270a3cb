// SPDX-License-Identifier: Apache-2.0
#include "fast_block_parser.h"

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <string>
#include <vector>

namespace emu::api {

namespace {

constexpr YAML::anchor_t noAnchor = 0;
// Deeper nesting than this goes to yaml-cpp, which has its own depth guard.
constexpr int maxBlockDepth = 200;

struct Line
{
    std::size_t start = 0;  ///< offset of the line in the chunk
    std::size_t end = 0;    ///< offset of the line break (or chunk end)
    int indent = 0;         ///< leading spaces
    bool blank = false;     ///< empty or comment only
};

class BlockParser
{
public:
    BlockParser(std::string_view text, YAML::EventHandler &handler) : m_text(text), m_handler(handler) {}

    bool run()
    {
        if (!splitLines())
            return false;
        std::size_t first = nextContent(0);
        if (first < m_lines.size() && startsWithMarker(m_lines[first], "---")) {
            // Only a bare marker (optionally with a comment) is handled here.
            const Line &l = m_lines[first];
            const std::string_view rest = trimComment(l.start + 3, l.end);
            if (!rest.empty())
                return false;
            first = nextContent(first + 1);
        }
        if (first >= m_lines.size())
            return true; // no document: yaml-cpp would report only an empty one
        m_handler.OnDocumentStart(mark(first, m_lines[first].indent));
        m_line = first;
        if (!parseNode(first, m_lines[first].indent, -1, 0))
            return false;
        if (nextContent(m_line) < m_lines.size())
            return false; // trailing content at a lower indentation: not ours to judge
        m_handler.OnDocumentEnd();
        return true;
    }

private:
    bool splitLines()
    {
        std::size_t pos = 0;
        while (pos <= m_text.size()) {
            std::size_t end = m_text.find('\n', pos);
            if (end == std::string_view::npos)
                end = m_text.size();
            Line line{pos, end, 0, false};
            std::size_t i = pos;
            while (i < end && m_text[i] == ' ')
                ++i;
            line.indent = static_cast<int>(i - pos);
            if (i < end && (m_text[i] == '\t' || m_text[i] == '\r'))
                return false;
            line.blank = i == end || m_text[i] == '#';
            if (!line.blank && line.indent == 0
                && (m_text[i] == '%' || startsWithMarker(line, "...")))
                return false;
            if (m_text.substr(pos, end - pos).find('\r') != std::string_view::npos)
                return false;
            m_lines.push_back(line);
            if (end == m_text.size())
                break;
            pos = end + 1;
        }
        return true;
    }

    bool startsWithMarker(const Line &l, std::string_view marker) const
    {
        const std::string_view s = m_text.substr(l.start, l.end - l.start);
        return s.substr(0, 3) == marker && (s.size() == 3 || s[3] == ' ');
    }

    std::size_t nextContent(std::size_t from) const
    {
        while (from < m_lines.size() && m_lines[from].blank)
            ++from;
        return from;
    }

    YAML::Mark mark(std::size_t line, std::size_t column) const
    {
        YAML::Mark m;
        m.pos = static_cast<int>(m_lines[line].start + column);
        m.line = static_cast<int>(line);
        m.column = static_cast<int>(column);
        return m;
    }

    // The text from `from` to `end` without a trailing comment and surrounding spaces; a '#'
    // starts a comment only at the start or after a space.
    std::string_view trimComment(std::size_t from, std::size_t end) const
    {
        std::size_t i = from;
        while (i < end && m_text[i] == ' ')
            ++i;
        std::size_t stop = end;
        for (std::size_t j = i; j < end; ++j) {
            if (m_text[j] == '#' && (j == i || m_text[j - 1] == ' ')) {
                stop = j;
                break;
            }
        }
        while (stop > i && m_text[stop - 1] == ' ')
            --stop;
        return m_text.substr(i, stop - i);
    }

    // Finds the end of a mapping key starting at `col` on `line`: the offset of its ':' (which
    // must be followed by a space or the end of the line), or npos if this is no key.
    std::size_t findKeyColon(std::size_t line, std::size_t col) const
    {
        const Line &l = m_lines[line];
        const std::size_t from = l.start + col;
        const char first = m_text[from];
        if (first == '"' || first == '\'') {
            const std::size_t close = m_text.find(first, from + 1);
            if (close == std::string_view::npos || close >= l.end)
                return std::string_view::npos;
            const std::size_t colon = close + 1;
            if (colon < l.end && m_text[colon] == ':'
                && (colon + 1 == l.end || m_text[colon + 1] == ' '))
                return colon;
            return std::string_view::npos;
        }
        for (std::size_t j = from; j < l.end; ++j) {
            const char c = m_text[j];
            if (c == '#' && j > from && m_text[j - 1] == ' ')
                return std::string_view::npos;
            if (c == ':' && (j + 1 == l.end || m_text[j + 1] == ' '))
                return j;
        }
        return std::string_view::npos;
    }

    static bool isIndicatorStart(char c)
    {
        return c == '[' || c == ']' || c == '{' || c == '}' || c == '&' || c == '*' || c == '!'
               || c == '|' || c == '>' || c == '%' || c == '@' || c == '`' || c == ','
               || c == '?' || c == '#';
    }

    // A node starting at (line, col), belonging to a parent whose indentation is
    // `parentIndent`. On return m_line is the first line after the node.
    bool parseNode(std::size_t line, std::size_t col, int parentIndent, int depth)
    {
        if (depth > maxBlockDepth)
            return false;
        const Line &l = m_lines[line];
        const char c = m_text[l.start + col];
        if (c == '-' && (l.start + col + 1 == l.end || m_text[l.start + col + 1] == ' '))
            return parseSequence(line, col, depth);
        if (findKeyColon(line, col) != std::string_view::npos)
            return parseMapping(line, col, depth);
        // A scalar alone on its line(s) where a collection was expected (multi-line plain
        // scalars, top-level scalars): leave it to yaml-cpp.
        (void)parentIndent;
        return false;
    }

    bool parseMapping(std::size_t line, std::size_t col, int depth)
    {
        m_handler.OnMapStart(mark(line, col), "?", noAnchor, YAML::EmitterStyle::Block);
        const int indent = static_cast<int>(col);
        bool firstEntry = true;
        while (true) {
            if (!firstEntry) {
                line = nextContent(m_line);
                if (line >= m_lines.size() || m_lines[line].indent < indent)
                    break;
                if (m_lines[line].indent > indent)
                    return false;
                col = static_cast<std::size_t>(indent);
            }
            firstEntry = false;
            const Line &l = m_lines[line];
            const std::size_t colon = findKeyColon(line, col);
            if (colon == std::string_view::npos)
                return false;
            if (!emitKey(line, col, colon))
                return false;
            if (!parseValue(line, colon + 1 - l.start, indent, depth, false))
                return false;
        }
        m_handler.OnMapEnd();
        return true;
    }

    bool emitKey(std::size_t line, std::size_t col, std::size_t colon)
    {
        const Line &l = m_lines[line];
        const std::size_t from = l.start + col;
        std::string_view key = m_text.substr(from, colon - from);
        while (!key.empty() && key.back() == ' ')
            key.remove_suffix(1);
        if (key.empty())
            return false;
        const char first = key.front();
        if (first == '"' || first == '\'') {
            std::string value;
            if (!unquote(key, value))
                return false;
            m_handler.OnScalar(mark(line, col), "!", noAnchor, value);
            return true;
        }
        if (isIndicatorStart(first) || first == '-' || first == ':')
            return false;
        m_handler.OnScalar(mark(line, col), "?", noAnchor, std::string(key));
        return true;
    }

    // Single-line quoted scalar including its quotes; escapes go to yaml-cpp.
    static bool unquote(std::string_view quoted, std::string &out)
    {
        if (quoted.size() < 2 || quoted.back() != quoted.front())
            return false;
        const std::string_view body = quoted.substr(1, quoted.size() - 2);
        if (quoted.front() == '"') {
            if (body.find('\\') != std::string_view::npos || body.find('"') != std::string_view::npos)
                return false;
            out.assign(body);
            return true;
        }
        out.clear();
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (body[i] == '\'') {
                if (i + 1 < body.size() && body[i + 1] == '\'') {
                    out.push_back('\'');
                    ++i;
                    continue;
                }
                return false;
            }
            out.push_back(body[i]);
        }
        return true;
    }

    // The value after "key:" or "- ", starting at column `col` of `line`. `indent` is the
    // owning mapping's or sequence's indentation.
    bool parseValue(std::size_t line, std::size_t col, int indent, int depth, bool inSequence)
    {
        const Line &l = m_lines[line];
        const std::string_view rest = trimComment(l.start + col, l.end);
        if (rest.empty()) {
            const std::size_t next = nextContent(line + 1);
            if (next < m_lines.size()) {
                const Line &n = m_lines[next];
                const bool dash = m_text[n.start + static_cast<std::size_t>(n.indent)] == '-';
                if (n.indent > indent
                    || (!inSequence && n.indent == indent && dash
                        && (n.start + n.indent + 1 == n.end
                            || m_text[n.start + n.indent + 1] == ' '))) {
                    m_line = next;
                    return parseNode(next, static_cast<std::size_t>(n.indent), indent, depth + 1);
                }
            }
            m_handler.OnNull(mark(line, col), noAnchor);
            m_line = line + 1;
            return true;
        }
        const std::size_t valueCol = static_cast<std::size_t>(rest.data() - m_text.data()) - l.start;
        const char first = rest.front();
        if (inSequence && (first == '-' && (rest.size() == 1 || rest[1] == ' ')))
            return parseNode(line, valueCol, indent, depth + 1);
        if (inSequence && findKeyColon(line, valueCol) != std::string_view::npos)
            return parseMapping(line, valueCol, depth + 1);
        m_line = line + 1;
        if (rest == "[]" || rest == "{}") {
            const YAML::Mark m = mark(line, valueCol);
            if (first == '[') {
                m_handler.OnSequenceStart(m, "?", noAnchor, YAML::EmitterStyle::Flow);
                m_handler.OnSequenceEnd();
            } else {
                m_handler.OnMapStart(m, "?", noAnchor, YAML::EmitterStyle::Flow);
                m_handler.OnMapEnd();
            }
            return followedByLowerIndent(indent);
        }
        if (first == '|')
            return parseLiteral(line, valueCol, rest, indent);
        if (first == '"' || first == '\'') {
            std::string value;
            if (!unquote(rest, value))
                return false;
            m_handler.OnScalar(mark(line, valueCol), "!", noAnchor, value);
            return followedByLowerIndent(indent);
        }
        if (isIndicatorStart(first) || (first == '-' && (rest.size() == 1 || rest[1] == ' ')))
            return false;
        if (rest.find(": ") != std::string_view::npos || rest.back() == ':')
            return false;
        m_handler.OnScalar(mark(line, valueCol), "?", noAnchor, std::string(rest));
        return followedByLowerIndent(indent);
    }

    // After a scalar value the next content must not be indented deeper than its owner: that
    // would be a multi-line plain scalar or an error, both left to yaml-cpp.
    bool followedByLowerIndent(int indent) const
    {
        const std::size_t next = nextContent(m_line);
        return next >= m_lines.size() || m_lines[next].indent <= indent;
    }

    bool parseLiteral(std::size_t line, std::size_t col, std::string_view header, int indent)
    {
        enum class Chomp { Clip, Strip, Keep } chomp = Chomp::Clip;
        if (header == "|-")
            chomp = Chomp::Strip;
        else if (header == "|+")
            chomp = Chomp::Keep;
        else if (header != "|")
            return false; // indentation indicators
        // The block's indentation is that of its first non-empty line.
        std::size_t first = line + 1;
        while (first < m_lines.size() && m_lines[first].start + m_lines[first].indent == m_lines[first].end)
            ++first;
        std::string value;
        std::size_t end = line + 1;
        if (first < m_lines.size() && m_lines[first].indent > indent) {
            const std::size_t blockIndent = static_cast<std::size_t>(m_lines[first].indent);
            for (std::size_t i = line + 1; i < first; ++i) {
                if (static_cast<std::size_t>(m_lines[i].end - m_lines[i].start) > blockIndent)
                    return false; // leading spaces-only lines longer than the block indent
                value.push_back('\n');
            }
            end = first;
            while (end < m_lines.size()) {
                const Line &l = m_lines[end];
                const bool empty = l.start + l.indent == l.end;
                if (!empty && static_cast<std::size_t>(l.indent) < blockIndent)
                    break;
                if (empty && static_cast<std::size_t>(l.end - l.start) > blockIndent)
                    return false;
                if (!empty)
                    value.append(m_text.substr(l.start + blockIndent, l.end - l.start - blockIndent));
                value.push_back('\n');
                ++end;
                if (end == m_lines.size() && l.end == m_text.size())
                    value.pop_back(); // the last line had no line break
            }
        } else {
            return false; // empty literal blocks: rare, yaml-cpp knows the rules
        }
        // Chomping: trailing line breaks.
        std::size_t contentEnd = value.size();
        while (contentEnd > 0 && value[contentEnd - 1] == '\n')
            --contentEnd;
        if (chomp == Chomp::Strip)
            value.resize(contentEnd);
        else if (chomp == Chomp::Clip && contentEnd < value.size())
            value.resize(contentEnd + 1);
        else if (chomp == Chomp::Clip && contentEnd == value.size())
            return false; // no final line break at end of input: leave the subtleties
        m_handler.OnScalar(mark(line, col), "!", noAnchor, value);
        m_line = end;
        return true;
    }

    bool parseSequence(std::size_t line, std::size_t col, int depth)
    {
        m_handler.OnSequenceStart(mark(line, col), "?", noAnchor, YAML::EmitterStyle::Block);
        const int indent = static_cast<int>(col);
        bool firstItem = true;
        while (true) {
            if (!firstItem) {
                line = nextContent(m_line);
                if (line >= m_lines.size() || m_lines[line].indent < indent)
                    break;
                const Line &l = m_lines[line];
                if (l.indent > indent)
                    return false;
                const std::size_t at = l.start + col;
                if (m_text[at] != '-')
                    break; // the owning mapping's next key (indentless sequence)
                if (at + 1 != l.end && m_text[at + 1] != ' ')
                    return false;
            }
            firstItem = false;
            if (!parseValue(line, col + 1, indent, depth, true))
                return false;
        }
        m_handler.OnSequenceEnd();
        return true;
    }

    std::string_view m_text;
    YAML::EventHandler &m_handler;
    std::vector<Line> m_lines;
    std::size_t m_line = 0;
};

} // namespace

bool FastBlockParser::parse(std::string_view chunk, YAML::EventHandler &handler)
{
    BlockParser parser(chunk, handler);
    return parser.run();
}

} // namespace emu::api
