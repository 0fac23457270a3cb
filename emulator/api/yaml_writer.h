// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "value.h"

#include <string>
#include <vector>

namespace emu::api {

/// Writes Values as block-style YAML in the layout kubectl uses (two-space indent, sequences
/// not indented under their key), or as JSON.
///
/// Scalars read from a file are written back with their original text, so numbers, booleans
/// and quoted strings keep their type and spelling; a string that would read back as anything
/// but the same string is quoted. Reading the output gives Values equal to the input.
class YamlWriter
{
public:
    static std::string toYaml(const Value &value);
    /// Several documents, separated by `---`.
    static std::string toYamlStream(const std::vector<Value> &documents);
    static std::string toJson(const Value &value, int indent = 2);

    /// Whether a string can be written as a plain (unquoted) scalar and read back unchanged.
    static bool isSafePlainString(std::string_view text);
};

} // namespace emu::api
