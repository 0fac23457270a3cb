// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_path.h"

#include "emulator/api/value.h"

#include <optional>
#include <string>
#include <vector>

namespace app::document {

/// The text of one object with its parsed tree, and byte offsets of its lines.
class YamlTextSource
{
public:
    /// Both are referenced, not copied: they must outlive this object.
    YamlTextSource(const std::string &text, const emu::api::Value &root);

    const std::string &text() const { return m_text; }
    const emu::api::Value &root() const { return m_root; }

    /// The byte offset of a line and column (1-based), or nullopt if out of the text.
    std::optional<std::size_t> offset(emu::api::SourcePos pos) const;
    std::size_t lineStart(std::size_t off) const;
    /// Just after the line's newline (or the end of the text).
    std::size_t lineEnd(std::size_t off) const;
    bool onlySpacesBefore(std::size_t off) const;

    /// Where the entry for the last segment of `path` starts: its key, or its item's dash.
    std::optional<std::size_t> entryStart(const FieldPath &path) const;

    /// Where the entry ends: the line of its next sibling, or the end of its parent; trailing
    /// comment and blank lines are left out, so they stay with what follows.
    std::optional<std::size_t> entryEnd(const FieldPath &path, std::size_t start) const;

    /// Past the comment lines after `off` indented deeper than `column` (with the blank lines
    /// among them): they belong to the block above, so a new sibling goes after them.
    std::size_t skipDeeperComments(std::size_t off, std::size_t column) const;

    /// The index of the path's last segment in its parent (a key's entry, or an item).
    static std::optional<std::size_t> childIndex(const emu::api::Value *parent, const FieldPath &path);

private:
    std::optional<std::size_t> rawEnd(const FieldPath &path) const;

    const std::string &m_text;
    const emu::api::Value &m_root;
    std::vector<std::size_t> m_lineStarts;
};

} // namespace app::document
