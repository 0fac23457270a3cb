// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_path.h"
#include "manifest_entry.h"

#include <optional>

namespace app::document {

/// Rewrites an object's YAML text to a new value while keeping as much of the text as it can:
/// comments, blank lines, quoting and the order and spelling of everything not edited.
///
/// yaml-cpp cannot keep comments (jbeder/yaml-cpp#154), so instead of re-emitting the object
/// the patcher edits the text: a scalar is replaced in place, a key's block is replaced,
/// inserted after its siblings, or removed. Every patch is checked by parsing the result: if
/// it does not give exactly the expected value (flow style, anchors, odd indentation), the
/// patcher retries one level up, and as a last resort writes the whole object anew, keeping
/// only its leading comments. The result always parses to the requested value.
class YamlTextPatcher
{
public:
    /// Sets (or, with nullopt, removes) one field.
    static ObjectContent setField(const ObjectContent &content, const FieldPath &path,
                                  const std::optional<emu::api::Value> &value);
    /// Rewrites the text to `object`, patching only the fields that differ.
    static ObjectContent rewrite(const ObjectContent &content, const emu::api::Value &object);
};

} // namespace app::document
