// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace YAML { class EventHandler; }

namespace emu::api {

/// A fast reader for the block-style YAML that kubectl writes and people usually write:
/// block mappings and sequences, plain and single-line quoted scalars, literal blocks,
/// comments, empty flow collections. It produces the same events as yaml-cpp's parser, about
/// ten times faster.
///
/// It never reports errors: on anything outside that subset (anchors, tags, flow collections,
/// folded or multi-line scalars, escapes, tabs, odd indentation, and anything malformed) it
/// returns false and the caller parses the text again with yaml-cpp, which then gives the
/// authoritative result or error. The handler must therefore be discarded on false.
class FastBlockParser
{
public:
    /// Parses one document chunk (at most one `---` marker, on its first line).
    static bool parse(std::string_view chunk, YAML::EventHandler &handler);
};

} // namespace emu::api
