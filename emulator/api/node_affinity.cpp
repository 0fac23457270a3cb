// SPDX-License-Identifier: Apache-2.0
#include "node_affinity.h"

#include "label_selector.h"
#include "names.h"
#include "value.h"

#include <algorithm>
#include <charconv>

namespace emu::api {

namespace {

SelectorOperator toSelectorOperator(NodeSelectorOperator op)
{
    switch (op) {
    case NodeSelectorOperator::In: return SelectorOperator::In;
    case NodeSelectorOperator::NotIn: return SelectorOperator::NotIn;
    case NodeSelectorOperator::Exists: return SelectorOperator::Exists;
    case NodeSelectorOperator::DoesNotExist: return SelectorOperator::DoesNotExist;
    case NodeSelectorOperator::Gt: return SelectorOperator::GreaterThan;
    case NodeSelectorOperator::Lt: return SelectorOperator::LessThan;
    }
    return SelectorOperator::In;
}

std::optional<NodeSelectorOperator> parseOperator(std::string_view s)
{
    static constexpr std::pair<std::string_view, NodeSelectorOperator> table[] = {
        {"In", NodeSelectorOperator::In},         {"NotIn", NodeSelectorOperator::NotIn},
        {"Exists", NodeSelectorOperator::Exists}, {"DoesNotExist", NodeSelectorOperator::DoesNotExist},
        {"Gt", NodeSelectorOperator::Gt},         {"Lt", NodeSelectorOperator::Lt},
    };
    for (const auto &[name, op] : table) {
        if (name == s)
            return op;
    }
    return std::nullopt;
}

std::string stringField(const Value &mapping, std::string_view name, const std::string &path,
                        std::vector<FieldError> &errors)
{
    const Value *v = mapping.find(name);
    if (!v || v->isNull())
        return {};
    if (!v->isString()) {
        errors.push_back(field::typeError(field::child(path, name), *v, "a string"));
        return {};
    }
    return v->text();
}

void prefixErrors(std::vector<FieldError> &from, const std::string &prefix, std::vector<FieldError> &to)
{
    for (auto &e : from) {
        e.path = field::child(prefix, e.path);
        to.push_back(std::move(e));
    }
}

// One requirement; `fields` selects the matchFields rules (ValidateNodeFieldSelectorRequirement)
// over the matchExpressions ones (ValidateNodeSelectorRequirement + labels.NewRequirement).
std::optional<NodeSelectorRequirement> parseRequirement(const Value &value, const std::string &path,
                                                        bool fields, std::vector<FieldError> &errors)
{
    if (!value.isMapping()) {
        errors.push_back(field::typeError(path, value, "a mapping"));
        return std::nullopt;
    }
    const std::size_t errorCount = errors.size();
    NodeSelectorRequirement r;
    r.key = stringField(value, "key", path, errors);
    const std::string opText = stringField(value, "operator", path, errors);
    const std::string valuesPath = field::child(path, "values");
    if (const Value *values = value.find("values"); values && !values->isNull()) {
        if (!values->isSequence()) {
            errors.push_back(field::typeError(valuesPath, *values, "a list of strings"));
        } else {
            for (std::size_t i = 0; i < values->size(); ++i) {
                const Value &item = values->at(i);
                if (item.isString())
                    r.values.push_back(item.text());
                else
                    errors.push_back(field::typeError(field::index(valuesPath, i), item, "a string"));
            }
        }
    }
    if (errors.size() != errorCount)
        return std::nullopt;

    const SourcePos pos = value.pos();
    const auto op = parseOperator(opText);
    if (op)
        r.op = *op;
    if (fields) {
        if (op == NodeSelectorOperator::In || op == NodeSelectorOperator::NotIn) {
            if (r.values.size() != 1)
                errors.push_back(field::required(valuesPath, "must be only one value when `operator` is 'In' or "
                                                             "'NotIn' for node field selector", pos));
        } else {
            errors.push_back(field::invalid(field::child(path, "operator"), field::quote(opText),
                                            "not a valid selector operator", pos));
        }
        if (r.key != "metadata.name") {
            errors.push_back(field::invalid(field::child(path, "key"), field::quote(r.key),
                                            "not a valid field selector key", pos));
        } else {
            for (std::size_t i = 0; i < r.values.size(); ++i) {
                for (const auto &msg : isDns1123Subdomain(r.values[i]))
                    errors.push_back(field::invalid(field::index(valuesPath, i), field::quote(r.values[i]), msg, pos));
            }
        }
    } else {
        bool keyChecked = false;
        if (!op) {
            errors.push_back(field::invalid(field::child(path, "operator"), field::quote(opText),
                                            "not a valid selector operator", pos));
        } else if ((r.op == NodeSelectorOperator::In || r.op == NodeSelectorOperator::NotIn) && r.values.empty()) {
            errors.push_back(field::required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'", pos));
        } else if ((r.op == NodeSelectorOperator::Exists || r.op == NodeSelectorOperator::DoesNotExist)
                   && !r.values.empty()) {
            errors.push_back(field::forbidden(valuesPath,
                                              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'", pos));
        } else if ((r.op == NodeSelectorOperator::Gt || r.op == NodeSelectorOperator::Lt) && r.values.size() != 1) {
            errors.push_back(field::required(valuesPath,
                                             "must be specified single value when `operator` is 'Lt' or 'Gt'", pos));
        } else {
            // what the scheduler's labels.NewRequirement would refuse at matching time
            keyChecked = true;
            auto made = LabelRequirement::make(r.key, toSelectorOperator(r.op), r.values, path);
            for (auto &e : made.errors) {
                e.pos = pos;
                errors.push_back(std::move(e));
            }
        }
        if (!keyChecked) {
            for (const auto &msg : isQualifiedName(r.key))
                errors.push_back(field::invalid(field::child(path, "key"), field::quote(r.key), msg, pos));
        }
    }
    if (errors.size() != errorCount)
        return std::nullopt;
    return r;
}

std::vector<NodeSelectorRequirement> parseRequirements(const Value &mapping, std::string_view name,
                                                       bool fields, std::vector<FieldError> &errors)
{
    std::vector<NodeSelectorRequirement> out;
    const Value *list = mapping.find(name);
    if (!list || list->isNull())
        return out;
    if (!list->isSequence()) {
        errors.push_back(field::typeError(std::string(name), *list, "a list"));
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto r = parseRequirement(list->at(i), field::index(name, i), fields, errors))
            out.push_back(std::move(*r));
    }
    return out;
}

} // namespace

bool NodeSelectorRequirement::matchesLabels(const Labels &labels) const
{
    return LabelRequirement{key, toSelectorOperator(op), values}.matches(labels);
}

bool NodeSelectorRequirement::matchesNodeName(std::string_view nodeName) const
{
    // upstream: fields.OneTermEqualSelector / OneTermNotEqualSelector on {metadata.name: name};
    // any other field reads as ""
    const std::string_view fieldValue = key == "metadata.name" ? nodeName : std::string_view();
    if (values.size() != 1)
        return false;
    if (op == NodeSelectorOperator::In)
        return fieldValue == values.front();
    if (op == NodeSelectorOperator::NotIn)
        return fieldValue != values.front();
    return false;
}

bool NodeSelectorTerm::matches(const Labels &nodeLabels, std::string_view nodeName) const
{
    if (isEmpty()) // "nil or empty term selects no objects"
        return false;
    for (const auto &r : matchExpressions) {
        if (!r.matchesLabels(nodeLabels))
            return false;
    }
    // upstream only applies matchFields when the node's field set is not empty
    if (!nodeName.empty()) {
        for (const auto &r : matchFields) {
            if (!r.matchesNodeName(nodeName))
                return false;
        }
    }
    return true;
}

ParseResult<NodeSelectorTerm> NodeSelectorTerm::fromValue(const Value &value)
{
    using Result = ParseResult<NodeSelectorTerm>;
    if (value.isNull())
        return Result::success({});
    if (!value.isMapping())
        return Result::failure(field::typeError({}, value, "a mapping"));
    std::vector<FieldError> errors;
    NodeSelectorTerm term;
    term.matchExpressions = parseRequirements(value, "matchExpressions", false, errors);
    term.matchFields = parseRequirements(value, "matchFields", true, errors);
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(term));
}

bool NodeSelector::matches(const Labels &nodeLabels, std::string_view nodeName) const
{
    return std::any_of(terms.begin(), terms.end(),
                       [&](const NodeSelectorTerm &t) { return t.matches(nodeLabels, nodeName); });
}

ParseResult<NodeSelector> NodeSelector::fromValue(const Value &value)
{
    using Result = ParseResult<NodeSelector>;
    if (!value.isMapping())
        return Result::failure(field::typeError({}, value, "a mapping"));
    const Value *terms = value.find("nodeSelectorTerms");
    if (terms && !terms->isNull() && !terms->isSequence())
        return Result::failure(field::typeError("nodeSelectorTerms", *terms, "a list"));
    if (!terms || terms->isNull() || terms->size() == 0)
        return Result::failure(field::required("nodeSelectorTerms", "must have at least one node selector term",
                                               value.pos()));
    std::vector<FieldError> errors;
    NodeSelector selector;
    for (std::size_t i = 0; i < terms->size(); ++i) {
        auto term = NodeSelectorTerm::fromValue(terms->at(i));
        prefixErrors(term.errors, field::index("nodeSelectorTerms", i), errors);
        if (term)
            selector.terms.push_back(std::move(*term.value));
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(selector));
}

ParseResult<PreferredSchedulingTerm> PreferredSchedulingTerm::fromValue(const Value &value)
{
    using Result = ParseResult<PreferredSchedulingTerm>;
    if (!value.isMapping())
        return Result::failure(field::typeError({}, value, "a mapping"));
    std::vector<FieldError> errors;
    PreferredSchedulingTerm term;
    const Value *weight = value.find("weight");
    const auto w = weight && weight->isNumber() ? weight->asInt() : std::nullopt;
    if (weight && !weight->isNull() && !w)
        errors.push_back(field::typeError("weight", *weight, "an integer"));
    else if (!w || *w < 1 || *w > 100)
        errors.push_back(field::invalid("weight", w ? std::to_string(*w) : "0", "must be in the range 1-100",
                                        weight ? weight->pos() : value.pos()));
    else
        term.weight = static_cast<int>(*w);
    if (const Value *preference = value.find("preference")) {
        auto parsed = NodeSelectorTerm::fromValue(*preference);
        prefixErrors(parsed.errors, "preference", errors);
        if (parsed)
            term.preference = std::move(*parsed.value);
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(term));
}

ParseResult<NodeAffinity> NodeAffinity::fromValue(const Value &value)
{
    using Result = ParseResult<NodeAffinity>;
    NodeAffinity affinity;
    if (value.isNull())
        return Result::success(std::move(affinity));
    if (!value.isMapping())
        return Result::failure(field::typeError({}, value, "a mapping"));
    std::vector<FieldError> errors;
    constexpr std::string_view requiredKey = "requiredDuringSchedulingIgnoredDuringExecution";
    constexpr std::string_view preferredKey = "preferredDuringSchedulingIgnoredDuringExecution";
    if (const Value *required = value.find(requiredKey); required && !required->isNull()) {
        auto parsed = NodeSelector::fromValue(*required);
        prefixErrors(parsed.errors, std::string(requiredKey), errors);
        if (parsed)
            affinity.required = std::move(*parsed.value);
    }
    if (const Value *preferred = value.find(preferredKey); preferred && !preferred->isNull()) {
        if (!preferred->isSequence()) {
            errors.push_back(field::typeError(std::string(preferredKey), *preferred, "a list"));
        } else {
            for (std::size_t i = 0; i < preferred->size(); ++i) {
                auto parsed = PreferredSchedulingTerm::fromValue(preferred->at(i));
                prefixErrors(parsed.errors, field::index(preferredKey, i), errors);
                if (parsed)
                    affinity.preferred.push_back(std::move(*parsed.value));
            }
        }
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(affinity));
}

int preferredScore(const std::vector<PreferredSchedulingTerm> &terms, const Labels &nodeLabels,
                   std::string_view nodeName)
{
    int score = 0;
    for (const auto &term : terms) {
        if (term.weight != 0 && term.preference.matches(nodeLabels, nodeName))
            score += term.weight;
    }
    return score;
}

bool nodeSelectorMatches(const Labels &nodeSelector, const Labels &nodeLabels)
{
    for (const auto &[key, value] : nodeSelector) {
        const auto it = nodeLabels.find(key);
        if (it == nodeLabels.end() || it->second != value)
            return false;
    }
    return true;
}

bool requiredNodeAffinityMatches(const Labels &nodeSelector, const std::optional<NodeSelector> &required,
                                 const Labels &nodeLabels, std::string_view nodeName)
{
    if (!nodeSelectorMatches(nodeSelector, nodeLabels))
        return false;
    return !required || required->matches(nodeLabels, nodeName);
}

} // namespace emu::api
