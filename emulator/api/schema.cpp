// SPDX-License-Identifier: Apache-2.0
#include "schema.h"

#include "quantity.h"
#include "validation_context.h"
#include "value.h"

#include <algorithm>

namespace emu::api {

SchemaRef Schema::any()
{
    static const SchemaRef s(new Schema(Type::Any));
    return s;
}

SchemaRef Schema::string()
{
    static const SchemaRef s(new Schema(Type::String));
    return s;
}

SchemaRef Schema::identity()
{
    static const SchemaRef s = [] {
        auto schema = new Schema(Type::String);
        schema->m_strictString = true;
        return SchemaRef(schema);
    }();
    return s;
}

SchemaRef Schema::oneOf(std::initializer_list<std::string_view> values)
{
    auto schema = new Schema(Type::String);
    for (const std::string_view v : values)
        schema->m_allowed.emplace_back(v);
    schema->m_strictEnum = true;
    return SchemaRef(schema);
}

SchemaRef Schema::knownValues(std::initializer_list<std::string_view> values)
{
    auto schema = new Schema(Type::String);
    for (const std::string_view v : values)
        schema->m_allowed.emplace_back(v);
    return SchemaRef(schema);
}

SchemaRef Schema::integer(std::int64_t min, std::int64_t max)
{
    auto schema = new Schema(Type::Integer);
    schema->m_min = min;
    schema->m_max = max;
    return SchemaRef(schema);
}

SchemaRef Schema::int64()
{
    static const SchemaRef s = integer(std::numeric_limits<std::int64_t>::min(),
                                       std::numeric_limits<std::int64_t>::max());
    return s;
}

SchemaRef Schema::port()
{
    static const SchemaRef s = integer(1, 65535);
    return s;
}

SchemaRef Schema::boolean()
{
    static const SchemaRef s(new Schema(Type::Boolean));
    return s;
}

SchemaRef Schema::number()
{
    static const SchemaRef s(new Schema(Type::Number));
    return s;
}

SchemaRef Schema::quantity()
{
    static const SchemaRef s(new Schema(Type::Quantity));
    return s;
}

SchemaRef Schema::intOrString()
{
    static const SchemaRef s(new Schema(Type::IntOrString));
    return s;
}

SchemaRef Schema::stringMap()
{
    static const SchemaRef s = mapOf(string());
    return s;
}

SchemaRef Schema::quantityMap()
{
    static const SchemaRef s = mapOf(quantity());
    return s;
}

SchemaRef Schema::stringList()
{
    static const SchemaRef s = listOf(string());
    return s;
}

SchemaRef Schema::mapOf(SchemaRef element)
{
    auto schema = new Schema(Type::Map);
    schema->m_element = std::move(element);
    return SchemaRef(schema);
}

SchemaRef Schema::listOf(SchemaRef element)
{
    auto schema = new Schema(Type::List);
    schema->m_element = std::move(element);
    return SchemaRef(schema);
}

SchemaRef Schema::object(std::initializer_list<SchemaField> fields)
{
    auto schema = new Schema(Type::Object);
    schema->m_fields = fields;
    return SchemaRef(schema);
}

SchemaRef Schema::looseObject(std::initializer_list<SchemaField> fields)
{
    auto schema = new Schema(Type::Object);
    schema->m_fields = fields;
    schema->m_allowUnknownFields = true;
    return SchemaRef(schema);
}

SchemaRef Schema::withCheck(const SchemaRef &schema, Check check)
{
    auto copy = new Schema(*schema);
    copy->m_checks.push_back(std::move(check));
    return SchemaRef(copy);
}

SchemaRef Schema::extend(const SchemaRef &base, std::initializer_list<SchemaField> more)
{
    auto copy = new Schema(*base);
    copy->m_fields.insert(copy->m_fields.end(), more.begin(), more.end());
    return SchemaRef(copy);
}

SchemaField Schema::field(std::string name, SchemaRef schema)
{
    return SchemaField{std::move(name), std::move(schema), false, {}, {}};
}

SchemaField Schema::required(std::string name, SchemaRef schema)
{
    return SchemaField{std::move(name), std::move(schema), true, {}, {}};
}

SchemaField Schema::removed(std::string name, std::string removedIn, std::string replacement)
{
    return SchemaField{std::move(name), any(), false, std::move(removedIn), std::move(replacement)};
}

const SchemaField *Schema::findField(std::string_view name) const
{
    const auto it = std::find_if(m_fields.begin(), m_fields.end(),
                                 [name](const SchemaField &f) { return f.name == name; });
    return it == m_fields.end() ? nullptr : &*it;
}

void Schema::validate(const Value &value, const std::string &path, ValidationContext &context) const
{
    // Kubernetes decodes `field: null` as an absent field; required fields and list items
    // are checked for null by their parent, which knows the context.
    if (value.isNull())
        return;
    switch (m_type) {
    case Type::Any:
        break;
    case Type::List:
        validateList(value, path, context);
        break;
    case Type::Map:
        validateMap(value, path, context);
        break;
    case Type::Object:
        validateObject(value, path, context);
        break;
    default:
        validateScalar(value, path, context);
        break;
    }
}

void Schema::validateScalar(const Value &value, const std::string &path,
                            ValidationContext &context) const
{
    bool ok = true;
    switch (m_type) {
    case Type::String:
        ok = validateString(value, path, context);
        break;
    case Type::Integer:
        ok = validateInteger(value, path, context);
        break;
    case Type::Boolean:
        ok = value.kind() == ValueKind::Bool;
        if (!ok)
            context.typeMismatch(path, value, "a boolean");
        break;
    case Type::Number:
        ok = value.isNumber();
        if (!ok)
            context.typeMismatch(path, value, "a number");
        break;
    case Type::Quantity:
        ok = validateQuantity(value, path, context);
        break;
    case Type::IntOrString:
        ok = value.isString() || (value.isNumber() && value.asInt());
        if (!ok)
            context.typeMismatch(path, value, "an integer or a string");
        break;
    default:
        break;
    }
    if (!ok)
        return;
    for (const Check &check : m_checks)
        check(value, path, context);
}

bool Schema::validateString(const Value &value, const std::string &path,
                            ValidationContext &context) const
{
    if (value.isMapping() || value.isSequence()) {
        context.typeMismatch(path, value, "a string");
        return false;
    }
    if (!value.isString()) {
        // Real manifests put numbers and booleans where strings belong (labels, env
        // values); the API server is stricter, but only identifying fields must be exact here.
        context.typeMismatch(path, value, "a string", m_strictString);
        if (m_strictString)
            return false;
    }
    if (m_allowed.empty() || value.text().empty()
        || std::find(m_allowed.begin(), m_allowed.end(), value.text()) != m_allowed.end())
        return true;
    std::string supported;
    for (const std::string &allowed : m_allowed)
        supported += (supported.empty() ? "" : ", ") + ValidationContext::quoted(allowed);
    const std::string message = "Unsupported value: " + ValidationContext::quoted(value.text())
        + ": supported values: " + supported;
    if (m_strictEnum)
        context.shapeProblem(path, value.pos(), message);
    else
        context.warning(path, value.pos(), message);
    return false;
}

bool Schema::validateInteger(const Value &value, const std::string &path,
                             ValidationContext &context) const
{
    if (!value.isNumber()) {
        context.typeMismatch(path, value, "an integer");
        return false;
    }
    const std::optional<std::int64_t> i = value.asInt();
    if (!i && value.kind() == ValueKind::Float) {
        context.typeMismatch(path, value, "an integer");
        return false;
    }
    if (!i || *i < m_min || *i > m_max) {
        context.shapeProblem(path, value.pos(),
                             "Invalid value: " + value.text() + ": must be between "
                                 + std::to_string(m_min) + " and " + std::to_string(m_max)
                                 + ", inclusive");
        return false;
    }
    return true;
}

bool Schema::validateQuantity(const Value &value, const std::string &path,
                              ValidationContext &context) const
{
    if (!value.isString() && !value.isNumber()) {
        context.typeMismatch(path, value, "a quantity (a string or a number)");
        return false;
    }
    if (!Quantity::fromValue(value)) {
        context.shapeProblem(path, value.pos(),
                             "invalid quantity " + ValidationContext::quoted(value.text()));
        return false;
    }
    return true;
}

void Schema::validateList(const Value &value, const std::string &path,
                          ValidationContext &context) const
{
    if (!value.isSequence()) {
        context.typeMismatch(path, value, "a list");
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Value &item = value.at(i);
        const std::string itemPath = path + "[" + std::to_string(i) + "]";
        // A bare `-` is a null item: the API server rejects it (no lenient mode for that).
        if (item.isNull())
            context.error(itemPath, item.pos(), "Invalid value: null: list items must not be null");
        else
            m_element->validate(item, itemPath, context);
    }
    for (const Check &check : m_checks)
        check(value, path, context);
}

void Schema::validateMap(const Value &value, const std::string &path,
                         ValidationContext &context) const
{
    if (!value.isMapping()) {
        context.typeMismatch(path, value, "a mapping");
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i)
        m_element->validate(value.valueAt(i), childPath(path, value.keyAt(i).text()), context);
    for (const Check &check : m_checks)
        check(value, path, context);
}

void Schema::validateObject(const Value &value, const std::string &path,
                            ValidationContext &context) const
{
    if (!value.isMapping()) {
        context.typeMismatch(path, value, "a mapping");
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Value &key = value.keyAt(i);
        const std::string fieldPath = childPath(path, key.text());
        const SchemaField *f = findField(key.text());
        if (!f) {
            if (!m_allowUnknownFields)
                context.warning(fieldPath, key.pos(),
                                "unknown field " + ValidationContext::quoted(key.text()));
            continue;
        }
        if (!f->removedIn.empty()) {
            context.warning(fieldPath, key.pos(),
                            "field " + fieldPath + " was removed in Kubernetes " + f->removedIn
                                + (f->replacement.empty() ? "" : "; use " + f->replacement));
            continue;
        }
        f->schema->validate(value.valueAt(i), fieldPath, context);
    }
    for (const SchemaField &f : m_fields) {
        if (!f.required)
            continue;
        const Value *v = value.find(f.name);
        if (v && !v->isNull())
            continue;
        const std::string fieldPath = childPath(path, f.name);
        const std::string message = "Required value: " + f.name + " is required";
        const SourcePos pos = v ? v->pos() : value.pos();
        // Names identify objects: even an old API version needs them.
        if (f.schema->m_strictString)
            context.error(fieldPath, pos, message);
        else
            context.shapeProblem(fieldPath, pos, message);
    }
    for (const Check &check : m_checks)
        check(value, path, context);
}

std::string childPath(const std::string &path, std::string_view name)
{
    if (path.empty())
        return std::string(name);
    std::string result = path;
    result += '.';
    result += name;
    return result;
}

} // namespace emu::api
