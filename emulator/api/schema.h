// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

class Value;
class ValidationContext;
class Schema;

/// Schemas are immutable once built and shared between the kinds that embed them
/// (a PodSpec appears in every workload), so they are held by shared pointer.
using SchemaRef = std::shared_ptr<const Schema>;

/// One named field of an object schema.
struct SchemaField
{
    std::string name;
    SchemaRef schema;
    bool required = false;
    std::string removedIn;   ///< Kubernetes release that removed the field ("1.20"), empty if current
    std::string replacement; ///< what replaced a removed field, e.g. "spec.ipFamilies"
};

/// A declarative description of the shape of a Kubernetes object or of one of its parts.
///
/// Built once (function-local statics in the schema tables), then only read: safe to use
/// from several threads. `validate()` appends problems to a ValidationContext; it never
/// throws and never stops at the first problem.
class Schema
{
public:
    enum class Type : std::uint8_t {
        Any,         ///< free-form: anything goes (CRD bodies, deep status, rare volume sources)
        String,
        Integer,
        Boolean,
        Number,      ///< integer or float
        Quantity,    ///< resource.Quantity: a string or a number that parses as a quantity
        IntOrString,
        Map,         ///< map<string, element>
        List,        ///< list<element>; items may not be null
        Object,      ///< named fields
    };
    /// Extra semantic checks run after the type checks passed, with the value's field path.
    using Check = std::function<void(const Value &, const std::string &path, ValidationContext &)>;

    // --- Builders (the DSL used by the schema tables)
    static SchemaRef any();
    static SchemaRef string();
    /// A string that identifies something (a name, a kind): a number or bool there is an
    /// error, not the lenient warning other string fields get.
    static SchemaRef identity();
    /// A string that must be one of `values` (an error otherwise; empty and null are allowed).
    /// Only for enums that real manifests always get right (selector operators).
    static SchemaRef oneOf(std::initializer_list<std::string_view> values);
    /// A string expected to be one of `values`; anything else is a warning, because real
    /// manifests use lower-case spellings and values of newer releases ("tcp", "Gt").
    static SchemaRef knownValues(std::initializer_list<std::string_view> values);
    static SchemaRef integer(std::int64_t min = std::numeric_limits<std::int32_t>::min(),
                             std::int64_t max = std::numeric_limits<std::int32_t>::max());
    static SchemaRef int64();
    static SchemaRef port();      ///< an integer in 1..65535
    static SchemaRef boolean();
    static SchemaRef number();
    static SchemaRef quantity();
    static SchemaRef intOrString();
    static SchemaRef stringMap(); ///< map<string, string>
    static SchemaRef quantityMap(); ///< map<string, Quantity> (requests, limits, capacity, hard)
    static SchemaRef stringList();
    static SchemaRef mapOf(SchemaRef element);
    static SchemaRef listOf(SchemaRef element);
    static SchemaRef object(std::initializer_list<SchemaField> fields);
    /// An object whose unknown fields are accepted silently (kinds modelled only at the top).
    static SchemaRef looseObject(std::initializer_list<SchemaField> fields);
    /// The same schema with `check` run after its own checks.
    static SchemaRef withCheck(const SchemaRef &schema, Check check);
    /// An object schema with `more` fields appended (PVC template = PVC, EphemeralContainer...).
    static SchemaRef extend(const SchemaRef &base, std::initializer_list<SchemaField> more);

    static SchemaField field(std::string name, SchemaRef schema);
    static SchemaField required(std::string name, SchemaRef schema);
    static SchemaField removed(std::string name, std::string removedIn, std::string replacement);

    // --- Reading
    Type type() const { return m_type; }
    const std::vector<SchemaField> &fields() const { return m_fields; }
    const SchemaField *findField(std::string_view name) const;
    const SchemaRef &element() const { return m_element; }

    /// Checks `value` (found at field path `path`) against this schema and appends every
    /// problem to `context`. A null value is accepted: Kubernetes reads `field: null` as absent.
    void validate(const Value &value, const std::string &path, ValidationContext &context) const;

private:
    explicit Schema(Type type) : m_type(type) {}

    void validateScalar(const Value &value, const std::string &path, ValidationContext &context) const;
    bool validateString(const Value &value, const std::string &path, ValidationContext &context) const;
    bool validateInteger(const Value &value, const std::string &path, ValidationContext &context) const;
    bool validateQuantity(const Value &value, const std::string &path,
                          ValidationContext &context) const;
    void validateList(const Value &value, const std::string &path, ValidationContext &context) const;
    void validateMap(const Value &value, const std::string &path, ValidationContext &context) const;
    void validateObject(const Value &value, const std::string &path, ValidationContext &context) const;

    std::vector<SchemaField> m_fields;
    std::vector<std::string> m_allowed; // for oneOf
    std::vector<Check> m_checks;
    SchemaRef m_element;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    Type m_type = Type::Any;
    bool m_strictString = false;
    bool m_strictEnum = false;
    bool m_allowUnknownFields = false;
};

/// Joins a field path and a child field name: ("spec", "replicas") -> "spec.replicas".
std::string childPath(const std::string &path, std::string_view name);

} // namespace emu::api
