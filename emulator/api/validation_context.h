// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "source_pos.h"

#include <string>
#include <string_view>

namespace emu::api {

class Value;

/// Collects the problems found while validating one object read from one file.
///
/// In lenient mode (an object of a removed API version, whose old shape differs from the
/// current schema) shape problems are reported as warnings instead of errors, so old
/// manifests can still be imported. Not thread-safe: one context per validation.
class ValidationContext
{
public:
    ValidationContext(const std::string &file, Diagnostics &out);

    void error(const std::string &path, SourcePos pos, std::string message);
    void warning(const std::string &path, SourcePos pos, std::string message);
    /// A wrong type or shape: an error, or a warning in lenient mode.
    void shapeProblem(const std::string &path, SourcePos pos, std::string message);
    /// "expected an integer, got a string \"asd\"" for `value`.
    void typeMismatch(const std::string &path, const Value &value, std::string_view expected,
                      bool strict = true);

    bool isLenient() const { return m_lenient; }
    void setLenient(bool lenient) { m_lenient = lenient; }
    const std::string &file() const { return m_file; }

    /// A value for messages: a scalar as `a string "x"`, others as `a mapping`.
    static std::string describeValue(const Value &value);
    /// `text` in double quotes with `"` and `\` escaped.
    static std::string quoted(std::string_view text);

private:
    void add(Severity severity, const std::string &path, SourcePos pos, std::string message);

    const std::string &m_file;
    Diagnostics &m_out;
    bool m_lenient = false;
};

} // namespace emu::api
