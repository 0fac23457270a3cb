// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "manifest_entry.h"

#include <string>
#include <string_view>
#include <vector>

namespace app::document {

/// Converts between an object's text and its ObjectContent.
namespace ObjectText {

/// Parses the text of one object. Text that is not exactly one mapping gives a content with
/// a null object and the reason in parseDiagnostics. JSON that YAML cannot read (tab
/// indentation) is converted to YAML, so that the text can live in a YAML stream.
ObjectContent parse(std::string text, const std::string &file = {});
/// Writes an object as YAML (kubectl's layout), after `leading` (comment lines to keep).
ObjectContent fromValue(const emu::api::Value &object, std::string_view leading = {});
/// The comment and blank lines before the first line with content.
std::string_view leadingComments(std::string_view text);

/// A line that starts a new YAML document: `---` alone or followed by a space.
bool isDocumentMarker(std::string_view line);
/// Whether the last line of `text` is a document marker.
bool endsWithDocumentMarker(std::string_view text);
/// The first character that is not whitespace is `{` or `[`.
bool looksLikeJson(std::string_view text);

struct Chunk
{
    std::string_view text;
    int firstLine = 0; ///< 0-based line of the chunk's first line
};
/// Splits a YAML stream at document markers, exactly as emu::api::YamlReader does; each chunk
/// but the first starts with its marker line. Concatenated, the chunks give back the text.
std::vector<Chunk> splitDocuments(std::string_view text);

} // namespace ObjectText

} // namespace app::document
