// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

/// One document of a YAML stream (or the single value of a JSON file).
struct Document
{
    Value root;
    SourcePos pos; ///< where the document starts
};

/// Reads YAML (1.1 scalars, as Kubernetes does) and JSON text into Values.
///
/// Thread-safe and re-entrant: no state outside the call. Never throws and never crashes on bad
/// input: syntax errors, duplicate keys and overly large alias expansions become diagnostics
/// with file, line and column. A stream's documents are split at `---` markers first, so an
/// error in one document does not hide the others, and large streams parse on several cores.
class YamlReader
{
public:
    struct Result
    {
        std::vector<Document> documents; ///< empty documents are dropped
        Diagnostics diagnostics;
    };

    /// Parses `text` (its name `file` is used in diagnostics). JSON is detected by its first
    /// character and parsed as JSON; if that fails it is read as YAML (flow style).
    static Result parse(std::string_view text, const std::string &file);

    /// Parses YAML only; `lineOffset` is added to every line number. The fast path
    /// (FastBlockParser) can be turned off to compare it with yaml-cpp in tests.
    static Result parseYaml(std::string_view text, const std::string &file,
                            std::uint32_t lineOffset = 0, bool allowFastPath = true);
};

} // namespace emu::api
