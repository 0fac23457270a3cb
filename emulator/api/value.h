// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "source_pos.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

/// The resolved type of a YAML/JSON value, as the Kubernetes API machinery reads it
/// (sigs.k8s.io/yaml: YAML 1.1 scalars resolved the way go-yaml v2 does).
enum class ValueKind : std::uint8_t { Null, Bool, Int, Float, String, Sequence, Mapping };

/// How a scalar was written, so that export can write it back the same way.
enum class ScalarStyle : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

/// A generic, order-preserving object tree for any Kubernetes object.
///
/// Scalars keep their source text and style, so an unedited value is written back as it was
/// read; mappings keep key order and every key, known or not. Each value remembers where it
/// came from (line and column), for error messages. Values are plain copyable data: no
/// sharing, no parent pointers, safe to hand to another thread as a copy.
class Value
{
public:
    Value() : m_text() {} // null
    Value(const Value &other);
    Value(Value &&other) noexcept;
    Value &operator=(const Value &other);
    Value &operator=(Value &&other) noexcept;
    ~Value();

    static Value null(SourcePos pos = {});
    static Value boolean(bool b, SourcePos pos = {});
    static Value integer(std::int64_t i, SourcePos pos = {});
    static Value string(std::string s, SourcePos pos = {});
    /// A plain (unquoted) YAML scalar: its kind is resolved from its text (YAML 1.1 rules).
    static Value plainScalar(std::string text, SourcePos pos = {});
    /// A scalar with an explicit kind and text (used by the readers).
    static Value scalar(ValueKind kind, std::string text, ScalarStyle style, SourcePos pos = {});
    static Value sequence(SourcePos pos = {});
    static Value mapping(SourcePos pos = {});

    ValueKind kind() const { return m_kind; }
    bool isNull() const { return m_kind == ValueKind::Null; }
    bool isScalar() const { return m_kind != ValueKind::Sequence && m_kind != ValueKind::Mapping; }
    bool isMapping() const { return m_kind == ValueKind::Mapping; }
    bool isSequence() const { return m_kind == ValueKind::Sequence; }
    bool isString() const { return m_kind == ValueKind::String; }
    bool isNumber() const { return m_kind == ValueKind::Int || m_kind == ValueKind::Float; }

    ScalarStyle style() const { return m_style; }
    void setStyle(ScalarStyle style) { m_style = style; }
    SourcePos pos() const { return m_pos; }
    void setPos(SourcePos pos) { m_pos = pos; }

    /// The scalar's text: a string's content, or a number/bool/null as written.
    const std::string &text() const;
    std::optional<bool> asBool() const;
    std::optional<std::int64_t> asInt() const;   ///< Int, or a Float with an integral value
    std::optional<double> asDouble() const;      ///< Int or Float

    // --- Sequences
    std::size_t size() const;                    ///< items of a sequence, entries of a mapping
    const Value &at(std::size_t index) const;    ///< sequence item
    Value &at(std::size_t index);
    void append(Value item);
    const std::vector<Value> &items() const; ///< sequence items (empty for other kinds)

    // --- Mappings: keys are scalars (usually strings), kept in source order.
    struct Entry;
    const Value *find(std::string_view key) const;
    Value *find(std::string_view key);
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// Sets key to value: replaces it in place if present, else appends it.
    Value &set(std::string_view key, Value value);
    /// Inserts key after `after` (or at the front when `after` is empty or absent) if missing.
    Value &insertAfter(std::string_view after, std::string_view key, Value value);
    bool remove(std::string_view key);
    const Value &keyAt(std::size_t index) const;  ///< mapping entry's key
    const Value &valueAt(std::size_t index) const; ///< mapping entry's value
    Value &valueAt(std::size_t index);
    void appendEntry(Value key, Value value);

    /// Semantic equality: same kinds, same resolved scalars (1.0 == 1.0, "a" == 'a'),
    /// same keys in the same order. Positions and styles are ignored.
    bool operator==(const Value &other) const;

    /// A short description of the kind for messages: "a string", "a mapping", ...
    static const char *describe(ValueKind kind);

private:
    bool isCollection() const { return m_kind == ValueKind::Sequence || m_kind == ValueKind::Mapping; }
    void destroyStorage();
    void becomeCollection(ValueKind kind);

    // A value is a scalar or a collection, never both, so the two share storage: this keeps a
    // Value at 48 bytes, which matters with millions of them (150,000 pods).
    union {
        std::string m_text;             // scalars
        std::vector<Value> m_children;  // sequence items, or mapping key,value,key,value...
    };
    SourcePos m_pos;
    ValueKind m_kind = ValueKind::Null;
    ScalarStyle m_style = ScalarStyle::Plain;
};

/// Resolves a plain scalar's kind as go-yaml v2 (used by sigs.k8s.io/yaml) does.
ValueKind resolvePlainScalar(std::string_view text);

} // namespace emu::api
