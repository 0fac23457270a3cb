// SPDX-License-Identifier: Apache-2.0
#include "json_reader.h"

namespace emu::api {

namespace {

constexpr int maxJsonDepth = 1000;

class JsonParser
{
public:
    explicit JsonParser(std::string_view text) : m_text(text) {}

    std::optional<Value> parseDocument()
    {
        skipWhitespace();
        std::optional<Value> value = parseValue(0);
        if (!value)
            return std::nullopt;
        skipWhitespace();
        if (m_index != m_text.size())
            return fail("unexpected text after the JSON value");
        return value;
    }

    SourcePos errorPos() const { return m_errorPos; }
    const std::string &errorMessage() const { return m_error; }

private:
    SourcePos here() const { return {m_line, static_cast<std::uint32_t>(m_index - m_lineStart + 1)}; }

    std::nullopt_t fail(std::string message)
    {
        if (m_error.empty()) {
            m_error = std::move(message);
            m_errorPos = here();
        }
        return std::nullopt;
    }

    void skipWhitespace()
    {
        while (m_index < m_text.size()) {
            const char c = m_text[m_index];
            if (c == '\n') {
                ++m_line;
                m_lineStart = m_index + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            ++m_index;
        }
    }

    std::optional<Value> parseValue(int depth)
    {
        if (depth > maxJsonDepth)
            return fail("JSON nested too deeply");
        if (m_index >= m_text.size())
            return fail("unexpected end of JSON input");
        const SourcePos pos = here();
        const char c = m_text[m_index];
        if (c == '{')
            return parseObject(depth, pos);
        if (c == '[')
            return parseArray(depth, pos);
        if (c == '"') {
            std::optional<std::string> s = parseString();
            if (!s)
                return std::nullopt;
            return Value::scalar(ValueKind::String, std::move(*s), ScalarStyle::DoubleQuoted, pos);
        }
        if (consumeWord("true"))
            return Value::scalar(ValueKind::Bool, "true", ScalarStyle::Plain, pos);
        if (consumeWord("false"))
            return Value::scalar(ValueKind::Bool, "false", ScalarStyle::Plain, pos);
        if (consumeWord("null"))
            return Value::scalar(ValueKind::Null, "null", ScalarStyle::Plain, pos);
        return parseNumber(pos);
    }

    bool consumeWord(std::string_view word)
    {
        if (m_text.substr(m_index, word.size()) != word)
            return false;
        m_index += word.size();
        return true;
    }

    std::optional<Value> parseNumber(SourcePos pos)
    {
        const std::size_t start = m_index;
        bool isFloat = false;
        auto digits = [&] {
            const std::size_t from = m_index;
            while (m_index < m_text.size() && m_text[m_index] >= '0' && m_text[m_index] <= '9')
                ++m_index;
            return m_index > from;
        };
        if (m_index < m_text.size() && m_text[m_index] == '-')
            ++m_index;
        if (m_index < m_text.size() && m_text[m_index] == '0')
            ++m_index;
        else if (!digits())
            return fail("invalid JSON value");
        if (m_index < m_text.size() && m_text[m_index] == '.') {
            ++m_index;
            isFloat = true;
            if (!digits())
                return fail("invalid number: expected digits after '.'");
        }
        if (m_index < m_text.size() && (m_text[m_index] == 'e' || m_text[m_index] == 'E')) {
            ++m_index;
            isFloat = true;
            if (m_index < m_text.size() && (m_text[m_index] == '+' || m_text[m_index] == '-'))
                ++m_index;
            if (!digits())
                return fail("invalid number: expected digits in the exponent");
        }
        std::string text(m_text.substr(start, m_index - start));
        ValueKind kind = isFloat ? ValueKind::Float : ValueKind::Int;
        // An integer too large for int64 is still a valid JSON number.
        if (!isFloat && !Value::scalar(ValueKind::Int, text, ScalarStyle::Plain).asInt())
            kind = ValueKind::Float;
        return Value::scalar(kind, std::move(text), ScalarStyle::Plain, pos);
    }

    static void appendUtf8(std::string &out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    std::optional<std::uint32_t> parseHex4()
    {
        if (m_index + 4 > m_text.size())
            return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_index++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return std::nullopt;
        }
        return v;
    }

    std::optional<std::string> parseString()
    {
        ++m_index; // opening quote
        std::string out;
        while (m_index < m_text.size()) {
            const char c = m_text[m_index++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character in a JSON string");
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_index >= m_text.size())
                break;
            const char e = m_text[m_index++];
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::optional<std::uint32_t> cp = parseHex4();
                if (!cp)
                    return fail("invalid \\u escape in a JSON string");
                if (*cp >= 0xD800 && *cp < 0xDC00 && m_text.substr(m_index, 2) == "\\u") {
                    m_index += 2;
                    std::optional<std::uint32_t> low = parseHex4();
                    if (!low || *low < 0xDC00 || *low > 0xDFFF)
                        return fail("invalid surrogate pair in a JSON string");
                    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
                }
                appendUtf8(out, *cp);
                break;
            }
            default:
                return fail(std::string("invalid escape '\\") + e + "' in a JSON string");
            }
        }
        return fail("unterminated JSON string");
    }

    std::optional<Value> parseArray(int depth, SourcePos pos)
    {
        ++m_index;
        Value array = Value::sequence(pos);
        skipWhitespace();
        if (m_index < m_text.size() && m_text[m_index] == ']') {
            ++m_index;
            return array;
        }
        while (true) {
            skipWhitespace();
            std::optional<Value> item = parseValue(depth + 1);
            if (!item)
                return std::nullopt;
            array.append(std::move(*item));
            skipWhitespace();
            if (m_index >= m_text.size())
                return fail("unterminated JSON array");
            const char c = m_text[m_index++];
            if (c == ']')
                return array;
            if (c != ',')
                return fail("expected ',' or ']' in a JSON array");
        }
    }

    std::optional<Value> parseObject(int depth, SourcePos pos)
    {
        ++m_index;
        Value object = Value::mapping(pos);
        skipWhitespace();
        if (m_index < m_text.size() && m_text[m_index] == '}') {
            ++m_index;
            return object;
        }
        while (true) {
            skipWhitespace();
            const SourcePos keyPos = here();
            if (m_index >= m_text.size() || m_text[m_index] != '"')
                return fail("expected a string key in a JSON object");
            std::optional<std::string> key = parseString();
            if (!key)
                return std::nullopt;
            skipWhitespace();
            if (m_index >= m_text.size() || m_text[m_index] != ':')
                return fail("expected ':' after a JSON object key");
            ++m_index;
            skipWhitespace();
            std::optional<Value> value = parseValue(depth + 1);
            if (!value)
                return std::nullopt;
            if (object.contains(*key)) {
                m_index = 0; // position reported is the key's
                m_error = "duplicate key \"" + *key + "\"";
                m_errorPos = keyPos;
                return std::nullopt;
            }
            object.appendEntry(
                Value::scalar(ValueKind::String, std::move(*key), ScalarStyle::DoubleQuoted, keyPos),
                std::move(*value));
            skipWhitespace();
            if (m_index >= m_text.size())
                return fail("unterminated JSON object");
            const char c = m_text[m_index++];
            if (c == '}')
                return object;
            if (c != ',')
                return fail("expected ',' or '}' in a JSON object");
        }
    }

    std::string_view m_text;
    std::size_t m_index = 0;
    std::size_t m_lineStart = 0;
    std::uint32_t m_line = 1;
    std::string m_error;
    SourcePos m_errorPos;
};

} // namespace

std::optional<Value> JsonReader::parse(std::string_view text, const std::string &file,
                                       Diagnostic &error)
{
    // A UTF-8 byte order mark is tolerated, as encoding/json's callers in kubectl do.
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    JsonParser parser(text);
    std::optional<Value> value = parser.parseDocument();
    if (!value) {
        error.severity = Severity::Error;
        error.file = file;
        error.pos = parser.errorPos();
        error.message = "json: " + parser.errorMessage();
    }
    return value;
}

} // namespace emu::api
