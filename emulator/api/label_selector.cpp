// SPDX-License-Identifier: Apache-2.0
#include "label_selector.h"

#include "label_selector_parser.h"
#include "names.h"
#include "value.h"

#include <algorithm>
#include <optional>

namespace emu::api {

namespace {

std::string join(const std::vector<std::string> &parts, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i > 0 ? std::string(sep) : std::string()) + parts[i];
    return out;
}

void sortByKey(std::vector<LabelRequirement> &requirements)
{
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const LabelRequirement &a, const LabelRequirement &b) { return a.key < b.key; });
}


std::optional<std::vector<std::string>> stringList(const Value &value, const std::string &path,
                                                   std::vector<FieldError> &errors)
{
    std::vector<std::string> out;
    if (value.isNull())
        return out;
    if (!value.isSequence()) {
        errors.push_back(field::typeError(path, value, "a list of strings"));
        return std::nullopt;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Value &item = value.at(i);
        if (!item.isString()) {
            errors.push_back(field::typeError(field::index(path, i), item, "a string"));
            return std::nullopt;
        }
        out.push_back(item.text());
    }
    return out;
}


} // namespace

LabelSelector LabelSelector::nothing()
{
    LabelSelector s;
    s.m_nothing = true;
    return s;
}

void LabelSelector::add(LabelRequirement requirement)
{
    m_requirements.push_back(std::move(requirement));
    sortByKey(m_requirements);
}

bool LabelSelector::matches(const Labels &labels) const
{
    if (m_nothing)
        return false;
    return std::all_of(m_requirements.begin(), m_requirements.end(),
                       [&](const LabelRequirement &r) { return r.matches(labels); });
}

std::string LabelSelector::toString() const
{
    std::vector<std::string> parts;
    for (const auto &r : m_requirements)
        parts.push_back(r.toString());
    return join(parts, ",");
}

LabelSelector LabelSelector::fromLabels(const Labels &labels)
{
    LabelSelector s;
    for (const auto &[k, v] : labels) // std::map: already sorted by key
        s.m_requirements.push_back({k, SelectorOperator::Equals, {v}});
    return s;
}

ParseResult<LabelSelector> LabelSelector::parse(std::string_view text)
{
    LabelSelector s;
    if (const auto error = parseLabelSelectorString(text, s.m_requirements))
        return ParseResult<LabelSelector>::failure(FieldError{{}, *error, {}});
    sortByKey(s.m_requirements); // "sort to grant determistic parsing"
    return ParseResult<LabelSelector>::success(std::move(s));
}

ParseResult<LabelSelector> LabelSelector::fromMap(const Value &value)
{
    auto labels = labelsFromValue(value);
    if (!labels)
        return ParseResult<LabelSelector>::failure(std::move(labels.errors));
    return ParseResult<LabelSelector>::success(fromLabels(*labels));
}

ParseResult<LabelSelector> LabelSelector::fromValue(const Value &value)
{
    // upstream: metav1.LabelSelectorAsSelector, with the apiserver's ValidateLabelSelector
    // messages (which run first on every object carrying a selector)
    if (value.isNull())
        return ParseResult<LabelSelector>::success(nothing());
    if (!value.isMapping())
        return ParseResult<LabelSelector>::failure(field::typeError({}, value, "a mapping"));
    std::vector<FieldError> errors;
    LabelSelector s;
    if (const Value *matchLabels = value.find("matchLabels")) {
        auto labels = labelsFromValue(*matchLabels);
        for (auto &e : labels.errors) {
            e.path = field::child("matchLabels", e.path);
            errors.push_back(std::move(e));
        }
        if (labels)
            s = fromLabels(*labels);
    }
    const Value *expressions = value.find("matchExpressions");
    if (expressions && !expressions->isNull() && !expressions->isSequence())
        errors.push_back(field::typeError("matchExpressions", *expressions, "a list"));
    for (std::size_t i = 0; expressions && expressions->isSequence() && i < expressions->size(); ++i) {
        const Value &expr = expressions->at(i);
        const std::string path = field::index("matchExpressions", i);
        if (!expr.isMapping()) {
            errors.push_back(field::typeError(path, expr, "a mapping"));
            continue;
        }
        const Value *keyValue = expr.find("key");
        const Value *opValue = expr.find("operator");
        const std::string key = keyValue && keyValue->isString() ? keyValue->text() : std::string();
        const std::string opText = opValue && opValue->isString() ? opValue->text() : std::string();
        if (keyValue && !keyValue->isNull() && !keyValue->isString())
            errors.push_back(field::typeError(field::child(path, "key"), *keyValue, "a string"));
        std::vector<std::string> values;
        if (const Value *valuesValue = expr.find("values")) {
            if (auto list = stringList(*valuesValue, field::child(path, "values"), errors))
                values = std::move(*list);
        }
        const SourcePos pos = opValue ? opValue->pos() : expr.pos();
        SelectorOperator op = SelectorOperator::In;
        if (opText == "In" || opText == "NotIn") {
            op = opText == "In" ? SelectorOperator::In : SelectorOperator::NotIn;
            if (values.empty())
                errors.push_back(field::required(field::child(path, "values"),
                                                 "must be specified when `operator` is 'In' or 'NotIn'", pos));
        } else if (opText == "Exists" || opText == "DoesNotExist") {
            op = opText == "Exists" ? SelectorOperator::Exists : SelectorOperator::DoesNotExist;
            if (!values.empty())
                errors.push_back(field::forbidden(field::child(path, "values"),
                                                  "may not be specified when `operator` is 'Exists' or 'DoesNotExist'", pos));
        } else {
            errors.push_back(field::invalid(field::child(path, "operator"), field::quote(opText),
                                            "not a valid selector operator", pos));
            continue;
        }
        auto requirement = LabelRequirement::make(key, op, values, path);
        for (auto &e : requirement.errors) {
            if (e.path.find(".values") != std::string::npos && values.empty())
                continue; // already reported above with the apiserver's wording
            e.pos = expr.pos();
            errors.push_back(std::move(e));
        }
        if (requirement)
            s.m_requirements.push_back(std::move(*requirement.value));
    }
    if (!errors.empty())
        return ParseResult<LabelSelector>::failure(std::move(errors));
    sortByKey(s.m_requirements);
    return ParseResult<LabelSelector>::success(std::move(s));
}

ParseResult<Labels> labelsFromValue(const Value &value)
{
    // upstream: unversioned validation.ValidateLabels (errors at the map's own path)
    Labels labels;
    if (value.isNull())
        return ParseResult<Labels>::success(std::move(labels));
    if (!value.isMapping())
        return ParseResult<Labels>::failure(field::typeError({}, value, "a mapping of strings"));
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Value &k = value.keyAt(i);
        const Value &v = value.valueAt(i);
        if (!v.isNull() && !v.isString()) {
            errors.push_back(field::typeError(field::key({}, k.text()), v, "a string"));
            continue;
        }
        const std::string text = v.isNull() ? std::string() : v.text(); // JSON null: ""
        for (const auto &msg : isQualifiedName(k.text()))
            errors.push_back(field::invalid({}, field::quote(k.text()), msg, k.pos()));
        for (const auto &msg : isValidLabelValue(text))
            errors.push_back(field::invalid({}, field::quote(text), msg, v.pos()));
        labels[k.text()] = text;
    }
    if (!errors.empty())
        return ParseResult<Labels>::failure(std::move(errors));
    return ParseResult<Labels>::success(std::move(labels));
}

} // namespace emu::api
