// SPDX-License-Identifier: Apache-2.0
#include "label_requirement.h"

#include "names.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace emu::api {

namespace {

std::optional<std::int64_t> parseInt64(std::string_view s)
{
    // strconv.ParseInt(s, 10, 64): optional sign, digits, in range
    if (!s.empty() && s[0] == '+')
        s.remove_prefix(1);
    std::int64_t v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}


std::string goStringSlice(const std::vector<std::string> &values)
{
    std::string out = "[]string{";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i > 0 ? ", " : "") + field::quote(values[i]);
    return out + "}";
}

std::string joinValues(const std::vector<std::string> &parts, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i > 0 ? std::string(sep) : std::string()) + parts[i];
    return out;
}

} // namespace

ParseResult<LabelRequirement> LabelRequirement::make(std::string key, SelectorOperator op,
                                                     std::vector<std::string> values,
                                                     const std::string &path)
{
    // upstream: labels.NewRequirement
    using Op = SelectorOperator;
    std::vector<FieldError> errors;
    if (const auto errs = isQualifiedName(key); !errs.empty())
        errors.push_back(field::invalid(field::child(path, "key"), field::quote(key), joinValues(errs, "; ")));
    const std::string valuePath = field::child(path, "values");
    switch (op) {
    case Op::In:
    case Op::NotIn:
        if (values.empty())
            errors.push_back(field::invalid(valuePath, goStringSlice(values),
                                            "for 'in', 'notin' operators, values set can't be empty"));
        break;
    case Op::Equals:
    case Op::DoubleEquals:
    case Op::NotEquals:
        if (values.size() != 1)
            errors.push_back(field::invalid(valuePath, goStringSlice(values),
                                            "exact-match compatibility requires one single value"));
        break;
    case Op::Exists:
    case Op::DoesNotExist:
        if (!values.empty())
            errors.push_back(field::invalid(valuePath, goStringSlice(values),
                                            "values set must be empty for exists and does not exist"));
        break;
    case Op::GreaterThan:
    case Op::LessThan:
        if (values.size() != 1)
            errors.push_back(field::invalid(valuePath, goStringSlice(values),
                                            "for 'Gt', 'Lt' operators, exactly one value is required"));
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!parseInt64(values[i]))
                errors.push_back(field::invalid(field::index(valuePath, i), field::quote(values[i]),
                                                "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
        break;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (const auto errs = isValidLabelValue(values[i]); !errs.empty())
            errors.push_back(field::invalid(field::key(field::index(valuePath, i), key),
                                            field::quote(values[i]), joinValues(errs, "; ")));
    }
    if (!errors.empty())
        return ParseResult<LabelRequirement>::failure(std::move(errors));
    return ParseResult<LabelRequirement>::success({std::move(key), op, std::move(values)});
}

bool LabelRequirement::hasValue(std::string_view value) const
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool LabelRequirement::matches(const Labels &labels) const
{
    // upstream: labels.Requirement.Matches
    using Op = SelectorOperator;
    const auto it = labels.find(key);
    const bool has = it != labels.end();
    switch (op) {
    case Op::In:
    case Op::Equals:
    case Op::DoubleEquals:
        return has && hasValue(it->second);
    case Op::NotIn:
    case Op::NotEquals:
        return !has || !hasValue(it->second);
    case Op::Exists:
        return has;
    case Op::DoesNotExist:
        return !has;
    case Op::GreaterThan:
    case Op::LessThan: {
        if (!has || values.size() != 1)
            return false;
        const auto labelValue = parseInt64(it->second);
        const auto bound = parseInt64(values.front());
        if (!labelValue || !bound)
            return false;
        return op == Op::GreaterThan ? *labelValue > *bound : *labelValue < *bound;
    }
    }
    return false;
}

std::string LabelRequirement::toString() const
{
    // upstream: labels.Requirement.String
    using Op = SelectorOperator;
    std::string out = op == Op::DoesNotExist ? "!" + key : key;
    switch (op) {
    case Op::Exists:
    case Op::DoesNotExist:
        return out;
    case Op::Equals: out += "="; break;
    case Op::DoubleEquals: out += "=="; break;
    case Op::NotEquals: out += "!="; break;
    case Op::In: out += " in "; break;
    case Op::NotIn: out += " notin "; break;
    case Op::GreaterThan: out += ">"; break;
    case Op::LessThan: out += "<"; break;
    }
    const bool set = op == Op::In || op == Op::NotIn;
    std::vector<std::string> sorted = values; // "normalizes value order on output"
    std::sort(sorted.begin(), sorted.end());
    return out + (set ? "(" : "") + joinValues(sorted, ",") + (set ? ")" : "");
}

// ------------------------------------------------------------------ LabelSelector

} // namespace emu::api
