// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <optional>
#include <string>
#include <string_view>

namespace emu::api {

/// A strict RFC 8259 JSON reader that builds the same Values as the YAML reader (strings come
/// back double-quoted, numbers and literals plain), with line and column of every value.
/// Recursion is bounded, so hostile nesting is an error and not a stack overflow.
class JsonReader
{
public:
    /// Returns the value, or nullopt with one diagnostic in `error`.
    static std::optional<Value> parse(std::string_view text, const std::string &file,
                                      Diagnostic &error);
};

} // namespace emu::api
