// SPDX-License-Identifier: Apache-2.0
#include "yaml_writer.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace emu::api {

namespace {

void appendIndent(std::string &out, int indent)
{
    out.append(static_cast<std::size_t>(indent), ' ');
}

void appendDoubleQuoted(std::string &out, std::string_view text)
{
    out.push_back('"');
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (u < 0x20 || u == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", u);
                out += buf;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

bool hasControlCharacters(std::string_view text, bool allowNewline)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(allowNewline && c == '\n') && c != '\t') || u == 0x7F)
            return true;
    }
    return false;
}

// Literal block style keeps multi-line text (scripts, config files) readable. It cannot
// represent leading spaces on the first line without an indentation indicator, nor carriage
// returns, so those fall back to double quotes.
bool canUseLiteralBlock(std::string_view text)
{
    if (text.empty() || text.front() == ' ' || text.front() == '\n' || text.front() == '\t')
        return false;
    if (hasControlCharacters(text, true) || text.find('\r') != std::string_view::npos)
        return false;
    // Trailing spaces on a line would survive, but a line of only spaces before the chomping
    // point confuses some readers; keep it simple and exact.
    std::size_t lineStart = 0;
    while (lineStart < text.size()) {
        std::size_t end = text.find('\n', lineStart);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(lineStart, end - lineStart);
        if (!line.empty() && line.find_first_not_of(' ') == std::string_view::npos)
            return false;
        lineStart = end + 1;
    }
    return true;
}

void appendLiteralBlock(std::string &out, std::string_view text, int indent)
{
    std::size_t trailingNewlines = 0;
    while (trailingNewlines < text.size() && text[text.size() - 1 - trailingNewlines] == '\n')
        ++trailingNewlines;
    out += trailingNewlines == 0 ? "|-" : trailingNewlines == 1 ? "|" : "|+";
    const std::string_view body = text.substr(0, text.size() - trailingNewlines);
    std::size_t lineStart = 0;
    while (lineStart <= body.size()) {
        std::size_t end = body.find('\n', lineStart);
        if (end == std::string_view::npos)
            end = body.size();
        out.push_back('\n');
        const std::string_view line = body.substr(lineStart, end - lineStart);
        if (!line.empty()) {
            appendIndent(out, indent);
            out.append(line);
        }
        lineStart = end + 1;
    }
    for (std::size_t i = 1; i < trailingNewlines; ++i)
        out.push_back('\n');
}

void appendScalar(std::string &out, const Value &value, int blockIndent)
{
    switch (value.kind()) {
    case ValueKind::Null:
        out += value.text().empty() || value.style() != ScalarStyle::Plain ? "null" : value.text();
        return;
    case ValueKind::Bool:
    case ValueKind::Int:
    case ValueKind::Float:
        // Written back as read: a plain scalar re-resolves to the same kind and value.
        out += value.text();
        return;
    case ValueKind::String:
        break;
    default:
        return;
    }
    const std::string &text = value.text();
    if (text.find('\n') != std::string::npos) {
        if (canUseLiteralBlock(text))
            appendLiteralBlock(out, text, blockIndent);
        else
            appendDoubleQuoted(out, text);
        return;
    }
    const bool wasQuoted = value.style() == ScalarStyle::SingleQuoted
                           || value.style() == ScalarStyle::DoubleQuoted;
    if (!wasQuoted && YamlWriter::isSafePlainString(text)) {
        out += text;
        return;
    }
    appendDoubleQuoted(out, text);
}

void appendKey(std::string &out, const Value &key)
{
    if (key.kind() == ValueKind::String && !YamlWriter::isSafePlainString(key.text())) {
        appendDoubleQuoted(out, key.text());
    } else if (key.isScalar()) {
        out += key.isNull() ? std::string("null") : key.text();
    } else {
        out += "\"<complex key>\"";
    }
    out.push_back(':');
}

bool isEmptyCollection(const Value &v)
{
    return (v.isMapping() || v.isSequence()) && v.size() == 0;
}

void writeBlock(std::string &out, const Value &value, int indent);

// Writes what follows "key:" or "- ".
void writeAfterIndicator(std::string &out, const Value &value, int indent, bool inSequence)
{
    if (value.isMapping() && value.size() > 0) {
        if (inSequence) {
            out.push_back(' ');
            writeBlock(out, value, indent); // first entry on the dash's line
        } else {
            out.push_back('\n');
            appendIndent(out, indent);
            writeBlock(out, value, indent);
        }
    } else if (value.isSequence() && value.size() > 0) {
        if (inSequence) {
            out.push_back(' ');
        } else {
            out.push_back('\n');
            appendIndent(out, indent - 2);
        }
        writeBlock(out, value, inSequence ? indent : indent - 2);
    } else if (isEmptyCollection(value)) {
        out += value.isMapping() ? " {}" : " []";
    } else {
        out.push_back(' ');
        appendScalar(out, value, indent);
    }
}

// Writes a collection whose first line starts at the current position (already indented).
// Entries are separated by newlines; the last one is not followed by one.
void writeBlock(std::string &out, const Value &value, int indent)
{
    if (value.isMapping()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0) {
                out.push_back('\n');
                appendIndent(out, indent);
            }
            appendKey(out, value.keyAt(i));
            writeAfterIndicator(out, value.valueAt(i), indent + 2, false);
        }
    } else if (value.isSequence()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0) {
                out.push_back('\n');
                appendIndent(out, indent);
            }
            out.push_back('-');
            writeAfterIndicator(out, value.at(i), indent + 2, true);
        }
    }
}

void writeJson(std::string &out, const Value &value, int indent, int depth)
{
    auto newline = [&](int level) {
        if (indent <= 0)
            return;
        out.push_back('\n');
        appendIndent(out, indent * level);
    };
    switch (value.kind()) {
    case ValueKind::Null:
        out += "null";
        return;
    case ValueKind::Bool:
        out += value.asBool().value_or(false) ? "true" : "false";
        return;
    case ValueKind::Int:
        if (const auto i = value.asInt())
            out += std::to_string(*i);
        else
            out += value.text();
        return;
    case ValueKind::Float: {
        const auto d = value.asDouble();
        if (d && std::isfinite(*d)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", *d);
            // Keep the source spelling when it is already valid JSON.
            const std::string &t = value.text();
            const bool jsonSafe = !t.empty() && t.front() != '+' && t.front() != '.'
                                  && t.back() != '.' && t.find('_') == std::string::npos;
            out += jsonSafe ? t : std::string(buf);
        } else {
            out += "null";
        }
        return;
    }
    case ValueKind::String: {
        out.push_back('"');
        for (char c : value.text()) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"') out += "\\\"";
            else if (c == '\\') out += "\\\\";
            else if (c == '\n') out += "\\n";
            else if (c == '\t') out += "\\t";
            else if (c == '\r') out += "\\r";
            else if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else out.push_back(c);
        }
        out.push_back('"');
        return;
    }
    case ValueKind::Sequence:
        out.push_back('[');
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0)
                out.push_back(',');
            newline(depth + 1);
            writeJson(out, value.at(i), indent, depth + 1);
        }
        if (value.size() > 0)
            newline(depth);
        out.push_back(']');
        return;
    case ValueKind::Mapping:
        out.push_back('{');
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0)
                out.push_back(',');
            newline(depth + 1);
            writeJson(out, Value::string(value.keyAt(i).text()), indent, depth + 1);
            out += indent > 0 ? ": " : ":";
            writeJson(out, value.valueAt(i), indent, depth + 1);
        }
        if (value.size() > 0)
            newline(depth);
        out.push_back('}');
        return;
    }
}

} // namespace

bool YamlWriter::isSafePlainString(std::string_view text)
{
    if (text.empty() || resolvePlainScalar(text) != ValueKind::String)
        return false;
    const char first = text.front();
    // Indicator characters that cannot start a plain scalar.
    static constexpr std::string_view alwaysForbiddenFirst = ",[]{}#&*!|>'\"%@`";
    if (alwaysForbiddenFirst.find(first) != std::string_view::npos)
        return false;
    if ((first == '-' || first == '?' || first == ':')
        && (text.size() == 1 || text[1] == ' ' || text[1] == '\t'))
        return false;
    if (first == ' ' || text.back() == ' ' || first == '\t' || text.back() == '\t')
        return false;
    if (text.back() == ':')
        return false;
    if (text == "<<" || text == "=")
        return false;
    if (text.substr(0, 3) == "---" || text.substr(0, 3) == "...")
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return false;
        if (c == ':' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t'))
            return false;
        if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
            return false;
    }
    // Forms go-yaml v2 would resolve to a timestamp are strings to us but not to every reader.
    if (text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) && text[4] == '-'
        && text[7] == '-')
        return false;
    return true;
}

std::string YamlWriter::toYaml(const Value &value)
{
    std::string out;
    if (value.isMapping() || value.isSequence()) {
        if (value.size() == 0) {
            out = value.isMapping() ? "{}\n" : "[]\n";
        } else {
            writeBlock(out, value, 0);
            out.push_back('\n');
        }
    } else {
        appendScalar(out, value, 2);
        out.push_back('\n');
    }
    return out;
}

std::string YamlWriter::toYamlStream(const std::vector<Value> &documents)
{
    std::string out;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (i > 0)
            out += "---\n";
        out += toYaml(documents[i]);
    }
    return out;
}

std::string YamlWriter::toJson(const Value &value, int indent)
{
    std::string out;
    writeJson(out, value, indent, 0);
    out.push_back('\n');
    return out;
}

} // namespace emu::api
