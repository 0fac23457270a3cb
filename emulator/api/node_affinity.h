// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_error.h"
#include "labels.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

class Value;

/// upstream: core/v1 NodeSelectorOperator
enum class NodeSelectorOperator : std::uint8_t { In, NotIn, Exists, DoesNotExist, Gt, Lt };

/// upstream: core/v1 NodeSelectorRequirement, on node labels (matchExpressions) or on node
/// fields (matchFields, where only `metadata.name` with In or NotIn and one value exists).
struct NodeSelectorRequirement
{
    std::string key;
    NodeSelectorOperator op = NodeSelectorOperator::In;
    std::vector<std::string> values;

    /// As a label requirement (labels.Requirement semantics: NotIn matches an absent label,
    /// Gt/Lt compare the label as an integer and fail if it is not one).
    bool matchesLabels(const Labels &labels) const;
    /// As a field requirement on the node's name.
    bool matchesNodeName(std::string_view nodeName) const;
};

/// upstream: core/v1 NodeSelectorTerm: its requirements are ANDed.
struct NodeSelectorTerm
{
    std::vector<NodeSelectorRequirement> matchExpressions;
    std::vector<NodeSelectorRequirement> matchFields;

    /// A term with neither list; upstream skips it, so it matches no node.
    bool isEmpty() const { return matchExpressions.empty() && matchFields.empty(); }
    /// upstream: nodeaffinity nodeSelectorTerm.match (matchFields only apply to a named node).
    bool matches(const Labels &nodeLabels, std::string_view nodeName) const;

    static ParseResult<NodeSelectorTerm> fromValue(const Value &value);
};

/// upstream: core/v1 NodeSelector (requiredDuringSchedulingIgnoredDuringExecution): the terms
/// are ORed; empty terms match nothing, so a selector of only empty terms matches no node.
struct NodeSelector
{
    std::vector<NodeSelectorTerm> terms;

    bool matches(const Labels &nodeLabels, std::string_view nodeName) const;
    /// Validates as the apiserver (at least one term; operator/value rules per requirement;
    /// Gt/Lt need exactly one integer value; matchFields key `metadata.name`).
    static ParseResult<NodeSelector> fromValue(const Value &value);
};

/// upstream: core/v1 PreferredSchedulingTerm
struct PreferredSchedulingTerm
{
    int weight = 1; ///< 1-100
    NodeSelectorTerm preference;

    static ParseResult<PreferredSchedulingTerm> fromValue(const Value &value);
};

/// A pod's `spec.affinity.nodeAffinity`.
struct NodeAffinity
{
    std::optional<NodeSelector> required;
    std::vector<PreferredSchedulingTerm> preferred;

    static ParseResult<NodeAffinity> fromValue(const Value &value);
};

/// upstream: nodeaffinity PreferredSchedulingTerms.Score: the sum of the weights of the
/// preferred terms that match (empty terms and weight 0 count for nothing).
int preferredScore(const std::vector<PreferredSchedulingTerm> &terms, const Labels &nodeLabels,
                   std::string_view nodeName);

/// A pod's `spec.nodeSelector`: every key must be a node label with the same value
/// (labels.SelectorFromSet(nodeSelector).Matches(nodeLabels)).
bool nodeSelectorMatches(const Labels &nodeSelector, const Labels &nodeLabels);

/// upstream: nodeaffinity.RequiredNodeAffinity.Match: the pod's nodeSelector and its required
/// node affinity (when set) must both match.
bool requiredNodeAffinityMatches(const Labels &nodeSelector, const std::optional<NodeSelector> &required,
                                 const Labels &nodeLabels, std::string_view nodeName);

} // namespace emu::api
