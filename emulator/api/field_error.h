// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "source_pos.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emu::api {

class Value;

/// One problem in a value, shaped like k8s.io/apimachinery/pkg/util/validation/field.Error:
/// `path` is relative to the value that was parsed (e.g. "matchExpressions[0].values"), so the
/// caller prefixes its own path; `message` is the upstream ErrorBody ("Invalid value: ...").
struct FieldError
{
    std::string path;
    std::string message;
    SourcePos pos;

    /// "path: message", or just the message when the path is empty (as field.Error.Error()).
    std::string format() const;
};

/// The outcome of parsing a Kubernetes value: the value, or the errors found.
template<typename T>
struct ParseResult
{
    std::optional<T> value;
    std::vector<FieldError> errors;

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &operator*() const { return *value; }
    const T *operator->() const { return &*value; }
    /// The first error, formatted ("" when ok).
    std::string error() const { return errors.empty() ? std::string() : errors.front().format(); }

    static ParseResult success(T v) { return ParseResult{std::move(v), {}}; }
    static ParseResult failure(std::vector<FieldError> errs) { return ParseResult{std::nullopt, std::move(errs)}; }
    static ParseResult failure(FieldError err) { return failure(std::vector<FieldError>{std::move(err)}); }
};

namespace field {

/// Go's %q for an ASCII-ish string: double quotes, with `"` and `\` escaped.
std::string quote(std::string_view s);
/// Path helpers: child("a", "b") == "a.b", child("a", "[k]") == "a[k]", child("a", "") == "a",
/// index("a", 2) == "a[2]", key("a", "k") == "a[k]".
std::string child(std::string_view parent, std::string_view name);
std::string index(std::string_view parent, std::size_t i);
std::string key(std::string_view parent, std::string_view k);

// upstream: k8s.io/apimachinery/pkg/util/validation/field/errors.go ErrorBody formats
FieldError invalid(std::string path, std::string_view quotedValue, std::string_view detail, SourcePos pos = {});
FieldError required(std::string path, std::string_view detail, SourcePos pos = {});
FieldError forbidden(std::string path, std::string_view detail, SourcePos pos = {});
FieldError notSupported(std::string path, std::string_view quotedValue,
                        const std::vector<std::string_view> &valid, SourcePos pos = {});
/// A value of the wrong YAML/JSON type ("expected a string, got a mapping").
FieldError typeError(std::string path, const Value &value, std::string_view expected);

} // namespace field
} // namespace emu::api
