// SPDX-License-Identifier: Apache-2.0
#include "field_error.h"

#include "value.h"

namespace emu::api {

std::string FieldError::format() const
{
    if (path.empty())
        return message;
    return path + ": " + message;
}

namespace field {

std::string quote(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::string child(std::string_view parent, std::string_view name)
{
    if (parent.empty())
        return std::string(name);
    std::string out(parent);
    if (name.empty())
        return out;
    if (name.front() != '[')
        out += '.';
    out += name;
    return out;
}

std::string index(std::string_view parent, std::size_t i)
{
    return std::string(parent) + '[' + std::to_string(i) + ']';
}

std::string key(std::string_view parent, std::string_view k)
{
    return std::string(parent) + '[' + std::string(k) + ']';
}

FieldError invalid(std::string path, std::string_view quotedValue, std::string_view detail, SourcePos pos)
{
    std::string msg = "Invalid value: ";
    msg += quotedValue;
    if (!detail.empty()) {
        msg += ": ";
        msg += detail;
    }
    return {std::move(path), std::move(msg), pos};
}

FieldError required(std::string path, std::string_view detail, SourcePos pos)
{
    std::string msg = "Required value";
    if (!detail.empty()) {
        msg += ": ";
        msg += detail;
    }
    return {std::move(path), std::move(msg), pos};
}

FieldError forbidden(std::string path, std::string_view detail, SourcePos pos)
{
    std::string msg = "Forbidden";
    if (!detail.empty()) {
        msg += ": ";
        msg += detail;
    }
    return {std::move(path), std::move(msg), pos};
}

FieldError notSupported(std::string path, std::string_view quotedValue,
                        const std::vector<std::string_view> &valid, SourcePos pos)
{
    std::string msg = "Unsupported value: ";
    msg += quotedValue;
    if (!valid.empty()) {
        msg += ": supported values: ";
        for (std::size_t i = 0; i < valid.size(); ++i) {
            if (i > 0)
                msg += ", ";
            msg += quote(valid[i]);
        }
    }
    return {std::move(path), std::move(msg), pos};
}

FieldError typeError(std::string path, const Value &value, std::string_view expected)
{
    std::string msg = "Invalid value: ";
    msg += Value::describe(value.kind());
    if (value.isScalar() && !value.isNull()) {
        msg += ' ';
        msg += quote(value.text());
    }
    msg += ": expected ";
    msg += expected;
    return {std::move(path), std::move(msg), value.pos()};
}

} // namespace field
} // namespace emu::api
