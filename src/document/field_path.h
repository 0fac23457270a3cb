// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace app::document {

/// A path to a field inside an object, written as in the project's diagnostics:
/// `spec.template.spec.containers[0].image`, `metadata.labels[app.kubernetes.io/name]`.
/// A bracketed number is a list index; any other bracketed text is a map key (for keys that
/// contain dots).
class FieldPath
{
public:
    using Segment = std::variant<std::string, std::size_t>;

    FieldPath() = default;
    explicit FieldPath(std::vector<Segment> segments) : m_segments(std::move(segments)) {}
    /// Parses the text form; nullopt if it is malformed (empty key, unclosed bracket).
    static std::optional<FieldPath> parse(std::string_view text);

    const std::vector<Segment> &segments() const { return m_segments; }
    bool isEmpty() const { return m_segments.empty(); }
    std::size_t size() const { return m_segments.size(); }
    FieldPath parent() const;
    FieldPath child(Segment segment) const;
    std::string toString() const;

    /// The value at this path, or null if some segment is missing.
    const emu::api::Value *find(const emu::api::Value &root) const;
    emu::api::Value *find(emu::api::Value &root) const;
    /// Sets the value at this path, creating missing mappings on the way (an index may only
    /// be one past the end, which appends). Returns false if the path cannot be created
    /// (a segment crosses a scalar, or an index is out of range).
    bool set(emu::api::Value &root, emu::api::Value value) const;
    /// Removes the field; true if it existed.
    bool remove(emu::api::Value &root) const;

    bool operator==(const FieldPath &other) const = default;

private:
    std::vector<Segment> m_segments;
};

} // namespace app::document
