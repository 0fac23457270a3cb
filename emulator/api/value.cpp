// SPDX-License-Identifier: Apache-2.0
#include "value.h"

#include <cassert>
#include <new>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <cctype>

namespace emu::api {

namespace {

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> options)
{
    for (std::string_view option : options) {
        if (text == option)
            return true;
    }
    return false;
}

bool isDigits(std::string_view s, int base)
{
    if (s.empty())
        return false;
    for (char c : s) {
        const bool ok = base == 2    ? (c == '0' || c == '1')
                        : base == 8  ? (c >= '0' && c <= '7')
                        : base == 10 ? (c >= '0' && c <= '9')
                                     : std::isxdigit(static_cast<unsigned char>(c)) != 0;
        if (!ok)
            return false;
    }
    return true;
}

// go-yaml v2 resolve(): strconv.ParseInt(plain without '_', 0, 64), plus its "0b" form.
std::optional<std::int64_t> parseGoInt(std::string_view text)
{
    std::string digits;
    digits.reserve(text.size());
    for (char c : text) {
        if (c != '_')
            digits.push_back(c);
    }
    std::string_view s = digits;
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s.remove_prefix(2);
    } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        base = 2;
        s.remove_prefix(2);
    } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
        base = 8;
        s.remove_prefix(2);
    } else if (s.size() > 1 && s[0] == '0') {
        base = 8;
        s.remove_prefix(1);
    }
    if (!isDigits(s, base))
        return std::nullopt;
    std::uint64_t magnitude = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude, base);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    if (negative) {
        if (magnitude > static_cast<std::uint64_t>(INT64_MAX) + 1)
            return std::nullopt;
        return static_cast<std::int64_t>(0 - magnitude);
    }
    if (magnitude > static_cast<std::uint64_t>(INT64_MAX))
        return std::nullopt;
    return static_cast<std::int64_t>(magnitude);
}

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isYamlStyleFloat(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    auto digitsFrom = [&](std::size_t from) {
        std::size_t j = from;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9')
            ++j;
        return j;
    };
    if (i < s.size() && s[i] == '.') {
        const std::size_t j = digitsFrom(i + 1);
        if (j == i + 1)
            return false;
        i = j;
    } else {
        const std::size_t j = digitsFrom(i);
        if (j == i)
            return false;
        i = j;
        if (i < s.size() && s[i] == '.')
            i = digitsFrom(i + 1);
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t j = digitsFrom(i);
        if (j == i)
            return false;
        i = j;
    }
    return i == s.size();
}

std::optional<double> parseFloatText(std::string_view text)
{
    if (isOneOf(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}))
        return HUGE_VAL;
    if (isOneOf(text, {"-.inf", "-.Inf", "-.INF"}))
        return -HUGE_VAL;
    if (isOneOf(text, {".nan", ".NaN", ".NAN"}))
        return std::nan("");
    if (!isYamlStyleFloat(text))
        return std::nullopt;
    const std::string copy(text);
    char *end = nullptr;
    const double d = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size())
        return std::nullopt;
    return d;
}

} // namespace

ValueKind resolvePlainScalar(std::string_view text)
{
    if (text.empty())
        return ValueKind::Null;
    // Only the first character decides which table can match: keeps this cheap for the common
    // case of ordinary words.
    const char c = text.front();
    switch (c) {
    case '~':
    case 'n':
    case 'N':
        if (isOneOf(text, {"~", "null", "Null", "NULL"}))
            return ValueKind::Null;
        if (isOneOf(text, {"n", "N", "no", "No", "NO"}))
            return ValueKind::Bool;
        return ValueKind::String;
    case 'y': case 'Y': case 't': case 'T': case 'f': case 'F': case 'o': case 'O':
        if (isOneOf(text, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On",
                           "ON", "false", "False", "FALSE", "off", "Off", "OFF"}))
            return ValueKind::Bool;
        return ValueKind::String;
    default:
        break;
    }
    if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')))
        return ValueKind::String;
    if (parseGoInt(text))
        return ValueKind::Int;
    if (parseFloatText(text))
        return ValueKind::Float;
    return ValueKind::String;
}

Value::Value(const Value &other)
    : m_pos(other.m_pos), m_kind(other.m_kind), m_style(other.m_style)
{
    if (other.isCollection())
        new (&m_children) std::vector<Value>(other.m_children);
    else
        new (&m_text) std::string(other.m_text);
}

Value::Value(Value &&other) noexcept
    : m_pos(other.m_pos), m_kind(other.m_kind), m_style(other.m_style)
{
    if (other.isCollection())
        new (&m_children) std::vector<Value>(std::move(other.m_children));
    else
        new (&m_text) std::string(std::move(other.m_text));
}

Value &Value::operator=(const Value &other)
{
    if (this != &other) {
        Value copy(other);
        *this = std::move(copy);
    }
    return *this;
}

Value &Value::operator=(Value &&other) noexcept
{
    if (this == &other)
        return *this;
    // `other` may live inside our own children (v = std::move(v.at(0))): read everything out
    // of it before our storage is released.
    const SourcePos pos = other.m_pos;
    const ValueKind kind = other.m_kind;
    const ScalarStyle style = other.m_style;
    if (isCollection() && other.isCollection()) {
        // Move out first: `other` may live inside our own children.
        std::vector<Value> moved = std::move(other.m_children);
        m_children = std::move(moved);
    } else if (!isCollection() && !other.isCollection()) {
        m_text = std::move(other.m_text);
    } else if (other.isCollection()) {
        std::vector<Value> moved = std::move(other.m_children);
        destroyStorage();
        new (&m_children) std::vector<Value>(std::move(moved));
    } else {
        std::string moved = std::move(other.m_text);
        destroyStorage();
        new (&m_text) std::string(std::move(moved));
    }
    m_pos = pos;
    m_kind = kind;
    m_style = style;
    return *this;
}

Value::~Value()
{
    destroyStorage();
}

void Value::destroyStorage()
{
    if (isCollection())
        m_children.~vector();
    else
        m_text.~basic_string();
}

void Value::becomeCollection(ValueKind kind)
{
    destroyStorage();
    new (&m_children) std::vector<Value>();
    m_kind = kind;
}

const std::string &Value::text() const
{
    static const std::string empty;
    return isCollection() ? empty : m_text;
}

const std::vector<Value> &Value::items() const
{
    static const std::vector<Value> empty;
    return m_kind == ValueKind::Sequence ? m_children : empty;
}

Value Value::null(SourcePos pos)
{
    Value v;
    v.m_pos = pos;
    return v;
}

Value Value::boolean(bool b, SourcePos pos)
{
    return scalar(ValueKind::Bool, b ? "true" : "false", ScalarStyle::Plain, pos);
}

Value Value::integer(std::int64_t i, SourcePos pos)
{
    return scalar(ValueKind::Int, std::to_string(i), ScalarStyle::Plain, pos);
}

Value Value::string(std::string s, SourcePos pos)
{
    return scalar(ValueKind::String, std::move(s), ScalarStyle::Plain, pos);
}

Value Value::plainScalar(std::string text, SourcePos pos)
{
    const ValueKind kind = resolvePlainScalar(text);
    return scalar(kind, std::move(text), ScalarStyle::Plain, pos);
}

Value Value::scalar(ValueKind kind, std::string text, ScalarStyle style, SourcePos pos)
{
    Value v;
    v.m_kind = kind;
    v.m_text = std::move(text);
    v.m_style = style;
    v.m_pos = pos;
    return v;
}

Value Value::sequence(SourcePos pos)
{
    Value v;
    v.becomeCollection(ValueKind::Sequence);
    v.m_pos = pos;
    return v;
}

Value Value::mapping(SourcePos pos)
{
    Value v;
    v.becomeCollection(ValueKind::Mapping);
    v.m_pos = pos;
    return v;
}

std::optional<bool> Value::asBool() const
{
    if (m_kind != ValueKind::Bool)
        return std::nullopt;
    const char c = m_text.empty() ? 'f' : m_text.front();
    if (c == 'y' || c == 'Y' || c == 't' || c == 'T')
        return true;
    if (c == 'o' || c == 'O')
        return m_text == "on" || m_text == "On" || m_text == "ON";
    return false;
}

std::optional<std::int64_t> Value::asInt() const
{
    if (m_kind == ValueKind::Int)
        return parseGoInt(m_text);
    if (m_kind == ValueKind::Float) {
        const auto d = parseFloatText(m_text);
        if (d && std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9.2e18)
            return static_cast<std::int64_t>(*d);
    }
    return std::nullopt;
}

std::optional<double> Value::asDouble() const
{
    if (m_kind == ValueKind::Int) {
        if (const auto i = parseGoInt(m_text))
            return static_cast<double>(*i);
        return std::nullopt;
    }
    if (m_kind == ValueKind::Float)
        return parseFloatText(m_text);
    return std::nullopt;
}

std::size_t Value::size() const
{
    if (!isCollection())
        return 0;
    return m_kind == ValueKind::Mapping ? m_children.size() / 2 : m_children.size();
}

const Value &Value::at(std::size_t index) const
{
    assert(m_kind == ValueKind::Sequence && index < m_children.size());
    return m_children[index];
}

Value &Value::at(std::size_t index)
{
    assert(m_kind == ValueKind::Sequence && index < m_children.size());
    return m_children[index];
}

void Value::append(Value item)
{
    assert(m_kind == ValueKind::Sequence);
    m_children.push_back(std::move(item));
}

const Value *Value::find(std::string_view key) const
{
    if (m_kind != ValueKind::Mapping)
        return nullptr;
    for (std::size_t i = 0; i + 1 < m_children.size(); i += 2) {
        if (m_children[i].text() == key)
            return &m_children[i + 1];
    }
    return nullptr;
}

Value *Value::find(std::string_view key)
{
    return const_cast<Value *>(std::as_const(*this).find(key));
}

Value &Value::set(std::string_view key, Value value)
{
    assert(m_kind == ValueKind::Mapping);
    if (Value *existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    m_children.push_back(Value::string(std::string(key)));
    m_children.push_back(std::move(value));
    return m_children.back();
}

Value &Value::insertAfter(std::string_view after, std::string_view key, Value value)
{
    assert(m_kind == ValueKind::Mapping);
    if (Value *existing = find(key))
        return *existing;
    std::size_t insertAt = 0;
    if (!after.empty()) {
        for (std::size_t i = 0; i + 1 < m_children.size(); i += 2) {
            if (m_children[i].text() == after) {
                insertAt = i + 2;
                break;
            }
        }
    }
    auto it = m_children.insert(m_children.begin() + static_cast<std::ptrdiff_t>(insertAt),
                                Value::string(std::string(key)));
    it = m_children.insert(it + 1, std::move(value));
    return *it;
}

bool Value::remove(std::string_view key)
{
    if (m_kind != ValueKind::Mapping)
        return false;
    for (std::size_t i = 0; i + 1 < m_children.size(); i += 2) {
        if (m_children[i].text() == key) {
            m_children.erase(m_children.begin() + static_cast<std::ptrdiff_t>(i),
                             m_children.begin() + static_cast<std::ptrdiff_t>(i + 2));
            return true;
        }
    }
    return false;
}

const Value &Value::keyAt(std::size_t index) const
{
    assert(m_kind == ValueKind::Mapping && 2 * index < m_children.size());
    return m_children[2 * index];
}

const Value &Value::valueAt(std::size_t index) const
{
    assert(m_kind == ValueKind::Mapping && 2 * index + 1 < m_children.size());
    return m_children[2 * index + 1];
}

Value &Value::valueAt(std::size_t index)
{
    assert(m_kind == ValueKind::Mapping && 2 * index + 1 < m_children.size());
    return m_children[2 * index + 1];
}

void Value::appendEntry(Value key, Value value)
{
    assert(m_kind == ValueKind::Mapping);
    m_children.push_back(std::move(key));
    m_children.push_back(std::move(value));
}

bool Value::operator==(const Value &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case ValueKind::Null:
        return true;
    case ValueKind::Bool:
        return asBool() == other.asBool();
    case ValueKind::Int:
        return asInt() == other.asInt();
    case ValueKind::Float: {
        const auto a = asDouble();
        const auto b = other.asDouble();
        if (a && b && std::isnan(*a) && std::isnan(*b))
            return true;
        return a == b;
    }
    case ValueKind::String:
        return m_text == other.m_text;
    case ValueKind::Sequence:
    case ValueKind::Mapping:
        return m_children == other.m_children;
    }
    return false;
}

const char *Value::describe(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Null: return "null";
    case ValueKind::Bool: return "a boolean";
    case ValueKind::Int: return "an integer";
    case ValueKind::Float: return "a number";
    case ValueKind::String: return "a string";
    case ValueKind::Sequence: return "a list";
    case ValueKind::Mapping: return "a mapping";
    }
    return "a value";
}

} // namespace emu::api
