// SPDX-License-Identifier: Apache-2.0
#include "validation_context.h"

#include "value.h"

namespace emu::api {

ValidationContext::ValidationContext(const std::string &file, Diagnostics &out)
    : m_file(file)
    , m_out(out)
{}

void ValidationContext::error(const std::string &path, SourcePos pos, std::string message)
{
    add(Severity::Error, path, pos, std::move(message));
}

void ValidationContext::warning(const std::string &path, SourcePos pos, std::string message)
{
    add(Severity::Warning, path, pos, std::move(message));
}

void ValidationContext::shapeProblem(const std::string &path, SourcePos pos, std::string message)
{
    add(m_lenient ? Severity::Warning : Severity::Error, path, pos, std::move(message));
}

void ValidationContext::typeMismatch(const std::string &path, const Value &value,
                                     std::string_view expected, bool strict)
{
    std::string message = "expected " + std::string(expected) + ", got " + describeValue(value);
    if (strict)
        shapeProblem(path, value.pos(), std::move(message));
    else
        warning(path, value.pos(), std::move(message));
}

std::string ValidationContext::describeValue(const Value &value)
{
    std::string text = Value::describe(value.kind());
    if (value.isScalar() && !value.isNull())
        text += " " + quoted(value.text());
    return text;
}

std::string ValidationContext::quoted(std::string_view text)
{
    std::string result = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            result += '\\';
        result += c;
    }
    result += '"';
    return result;
}

void ValidationContext::add(Severity severity, const std::string &path, SourcePos pos,
                            std::string message)
{
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = m_file;
    diagnostic.pos = pos;
    diagnostic.path = path;
    diagnostic.message = std::move(message);
    m_out.push_back(std::move(diagnostic));
}

} // namespace emu::api
