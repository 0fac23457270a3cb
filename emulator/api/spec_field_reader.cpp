// SPDX-License-Identifier: Apache-2.0
#include "spec_field_reader.h"

#include "go_duration.h"

#include <algorithm>

namespace emu::api {

SpecFieldReader::SpecFieldReader(const std::string &file, Diagnostics &out)
    : m_file(file)
    , m_out(out)
{}

void SpecFieldReader::report(Severity severity, const Value &at, const std::string &path,
                             std::string message)
{
    Diagnostic d;
    d.severity = severity;
    d.file = m_file;
    d.pos = at.pos();
    d.path = path;
    d.message = std::move(message);
    m_out.push_back(std::move(d));
}

void SpecFieldReader::error(const Value &at, const std::string &path, std::string message)
{
    report(Severity::Error, at, path, std::move(message));
}

void SpecFieldReader::warning(const Value &at, const std::string &path, std::string message)
{
    report(Severity::Warning, at, path, std::move(message));
}

const Value *SpecFieldReader::field(const Value &parent, std::string_view key)
{
    if (!parent.isMapping())
        return nullptr;
    const Value *v = parent.find(key);
    return v && !v->isNull() ? v : nullptr;
}

const Value *SpecFieldReader::mappingField(const Value &parent, std::string_view key,
                                           const std::string &path)
{
    const Value *v = field(parent, key);
    if (v && !v->isMapping()) {
        error(*v, path, std::string("must be a mapping, not ") + Value::describe(v->kind()));
        return nullptr;
    }
    return v;
}

const Value *SpecFieldReader::sequenceField(const Value &parent, std::string_view key,
                                            const std::string &path)
{
    const Value *v = field(parent, key);
    if (v && !v->isSequence()) {
        error(*v, path, std::string("must be a list, not ") + Value::describe(v->kind()));
        return nullptr;
    }
    return v;
}

void SpecFieldReader::warnUnknownFields(const Value &mapping,
                                          std::initializer_list<std::string_view> known,
                                          const std::string &path)
{
    if (!mapping.isMapping())
        return;
    for (std::size_t i = 0; i < mapping.size(); ++i) {
        const Value &key = mapping.keyAt(i);
        if (std::find(known.begin(), known.end(), key.text()) != known.end())
            continue;
        std::string list;
        for (std::string_view k : known)
            list += (list.empty() ? "" : ", ") + std::string(k);
        warning(key, child(path, key.text()), "unknown field \"" + key.text() + "\" (known: " + list + ")");
    }
}

std::optional<std::string> SpecFieldReader::stringValue(const Value &v, const std::string &path)
{
    if (!v.isString()) {
        // sigs.k8s.io/yaml refuses `name: 123` or `name: true` for a string field.
        error(v, path, std::string("must be a string, not ") + Value::describe(v.kind()));
        return std::nullopt;
    }
    return v.text();
}

std::optional<std::int64_t> SpecFieldReader::intValue(const Value &v, const std::string &path)
{
    if (v.kind() == ValueKind::Int || v.kind() == ValueKind::Float) {
        if (auto i = v.asInt())
            return i;
        error(v, path, "must be a whole number, not " + v.text());
        return std::nullopt;
    }
    error(v, path, std::string("must be an integer, not ") + Value::describe(v.kind()));
    return std::nullopt;
}

std::optional<double> SpecFieldReader::numberValue(const Value &v, const std::string &path)
{
    if (v.isNumber()) {
        if (auto d = v.asDouble())
            return d;
    }
    error(v, path, std::string("must be a number, not ") + Value::describe(v.kind()));
    return std::nullopt;
}

std::optional<std::int64_t> SpecFieldReader::durationNs(const Value &v, const std::string &path)
{
    // metav1.Duration only unmarshals from a JSON string; a bare number is rejected upstream.
    if (!v.isString()) {
        error(v, path, std::string("must be a Go duration string such as \"40s\" or \"1m30s\", not ")
                           + Value::describe(v.kind()));
        return std::nullopt;
    }
    std::string goError;
    auto ns = parseGoDuration(v.text(), &goError);
    if (!ns) {
        error(v, path, goError + " (expected e.g. \"40s\", \"1m30s\", \"500ms\")");
        return std::nullopt;
    }
    return ns;
}

std::optional<std::int64_t> SpecFieldReader::durationMs(const Value &v, const std::string &path)
{
    auto ns = durationNs(v, path);
    if (!ns)
        return std::nullopt;
    if (*ns % 1'000'000 != 0)
        warning(v, path, "the emulator's clock counts milliseconds; \"" + v.text() + "\" is truncated");
    return *ns / 1'000'000;
}

std::string SpecFieldReader::child(const std::string &parent, std::string_view key)
{
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string SpecFieldReader::indexed(const std::string &parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

std::string SpecFieldReader::keyed(const std::string &parent, std::string_view key)
{
    // field.Path.Key(): map entries are written as labels[key], as in apiserver messages.
    return parent + "[" + std::string(key) + "]";
}

static bool isAlnumLower(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool isAlnum(char c)
{
    return isAlnumLower(c) || (c >= 'A' && c <= 'Z');
}

bool SpecFieldReader::isDns1123Label(std::string_view s)
{
    if (s.empty() || s.size() > 63 || !isAlnumLower(s.front()) || !isAlnumLower(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isAlnumLower(c) || c == '-'; });
}

bool SpecFieldReader::isDns1123Subdomain(std::string_view s)
{
    if (s.empty() || s.size() > 253)
        return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        if (!isDns1123Label(s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

static bool isQualifiedNamePart(std::string_view s)
{
    // ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], at most 63 characters.
    if (s.empty() || s.size() > 63 || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return isAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

bool SpecFieldReader::isQualifiedName(std::string_view s)
{
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos)
        return isQualifiedNamePart(s);
    return isDns1123Subdomain(s.substr(0, slash)) && isQualifiedNamePart(s.substr(slash + 1));
}

bool SpecFieldReader::isLabelValue(std::string_view s)
{
    return s.empty() || isQualifiedNamePart(s);
}

} // namespace emu::api
