// SPDX-License-Identifier: Apache-2.0
#include "pod_topology_spread.h"

#include "filters.h"
#include "scores.h"

#include <cmath>
#include <limits>

namespace emu::sched {

namespace {

using Code = FilterResult::Code;

/// upstream: v1.LabelHostname, whose per-node counts are taken in Score.
constexpr std::string_view kHostnameKey = "kubernetes.io/hostname";

FilterResult rejectSpread(Code code, std::string_view reason)
{
    return FilterResult::reject(code, std::string(plugin::PodTopologySpread), {std::string(reason)});
}

/// A node's value for the key, "" when it has none (as Go's map lookup).
const std::string &labelValue(const NodeInfo &node, const std::string &key)
{
    static const std::string empty;
    const auto it = node.labels().find(key);
    return it == node.labels().end() ? empty : it->second;
}

} // namespace

PodTopologySpread::PodTopologySpread(const PodInfo &pod, const std::vector<const NodeInfo *> &allNodes,
                                     DefaultSelector defaultSelector)
    : m_pod(pod)
    , m_allNodes(allNodes)
    , m_defaultSelector(std::move(defaultSelector))
{
    // upstream: filtering.go PreFilter / calPreFilterState. The system defaults are all
    // ScheduleAnyway, so only the pod's own constraints can filter.
    const api::Value &constraints = pod.pod().spec.topologySpreadConstraints;
    m_hasOwnConstraints = constraints.isSequence() && constraints.size() > 0;
    if (!m_hasOwnConstraints)
        return;
    auto parsed = parseTopologySpreadConstraints(constraints, pod.pod().meta.labels, WhenUnsatisfiable::DoNotSchedule);
    if (!parsed) {
        m_invalid = true;
        return;
    }
    m_filterConstraints = std::move(*parsed);
    if (m_filterConstraints.empty())
        return;
    for (const NodeInfo *node : allNodes) {
        // Only nodes with every constraint's key are counted (nodeLabelsMatchSpreadConstraints).
        if (!hasAllKeys(*node, m_filterConstraints))
            continue;
        for (const TopologySpreadConstraint &c : m_filterConstraints) {
            if (!nodeIncluded(c, *node))
                continue;
            // A domain with no matching pod still counts as a domain.
            m_matchNum[c.topologyKey][labelValue(*node, c.topologyKey)] += countMatching(*node, c);
        }
    }
    for (const auto &[key, domains] : m_matchNum) {
        std::int64_t min = std::numeric_limits<std::int64_t>::max();
        for (const auto &[value, count] : domains)
            min = std::min(min, count);
        m_minMatch[key] = min;
    }
}

bool PodTopologySpread::hasAllKeys(const NodeInfo &node, const std::vector<TopologySpreadConstraint> &constraints)
{
    for (const TopologySpreadConstraint &c : constraints)
        if (!node.labels().count(c.topologyKey))
            return false;
    return true;
}

bool PodTopologySpread::nodeIncluded(const TopologySpreadConstraint &c, const NodeInfo &node) const
{
    // upstream: common.go matchNodeInclusionPolicies
    if (c.nodeAffinityPolicyHonor
        && !api::requiredNodeAffinityMatches(m_pod.pod().spec.nodeSelector, m_pod.requiredNodeAffinity(),
                                             node.labels(), node.name()))
        return false;
    if (c.nodeTaintsPolicyHonor
        && api::findUntoleratedTaint(node.taints(), m_pod.tolerations(),
                                     {api::TaintEffect::NoSchedule, api::TaintEffect::NoExecute}))
        return false;
    return true;
}

std::int64_t PodTopologySpread::countMatching(const NodeInfo &node, const TopologySpreadConstraint &c) const
{
    // upstream: common.go countPodsMatchSelector (an empty selector counts nothing;
    // terminating pods and other namespaces are skipped)
    if (c.selector.isEmpty() || c.selector.matchesNothing())
        return 0;
    std::int64_t count = 0;
    for (const NodeInfo::PodEntry &entry : node.pods()) {
        const store::Pod &p = *entry.pod;
        if (!p.meta.deletionTimestamp && p.meta.namespaceName == m_pod.pod().meta.namespaceName
            && c.selector.matches(p.meta.labels))
            ++count;
    }
    return count;
}

FilterResult PodTopologySpread::filter(const NodeInfo &node) const
{
    // upstream: filtering.go Filter
    if (m_invalid)
        return rejectSpread(Code::UnschedulableAndUnresolvable, reason::TopologySpreadConstraintsNotMatch);
    for (const TopologySpreadConstraint &c : m_filterConstraints) {
        const auto label = node.labels().find(c.topologyKey);
        if (label == node.labels().end())
            return rejectSpread(Code::UnschedulableAndUnresolvable, reason::TopologySpreadMissingLabel);
        // Fewer eligible domains than minDomains: the global minimum is taken as 0.
        const auto domains = m_matchNum.find(c.topologyKey);
        const std::size_t domainCount = domains == m_matchNum.end() ? 0 : domains->second.size();
        const std::int64_t minMatch = domainCount < static_cast<std::size_t>(c.minDomains)
                                          ? 0
                                          : m_minMatch.at(c.topologyKey);
        const std::int64_t self = c.selector.matches(m_pod.pod().meta.labels) ? 1 : 0;
        std::int64_t matchNum = 0;
        if (domains != m_matchNum.end()) {
            const auto it = domains->second.find(label->second);
            if (it != domains->second.end())
                matchNum = it->second;
        }
        if (matchNum + self - minMatch > c.maxSkew)
            return rejectSpread(Code::Unschedulable, reason::TopologySpreadConstraintsNotMatch);
    }
    return FilterResult::success();
}

void PodTopologySpread::preScore(const std::vector<const NodeInfo *> &feasible)
{
    // upstream: scoring.go PreScore / initPreScoreState
    if (feasible.empty() || m_allNodes.empty() || m_invalid)
        return;
    if (m_hasOwnConstraints) {
        auto parsed = parseTopologySpreadConstraints(m_pod.pod().spec.topologySpreadConstraints,
                                                     m_pod.pod().meta.labels, WhenUnsatisfiable::ScheduleAnyway);
        m_scoreConstraints = std::move(*parsed);
    } else {
        const api::LabelSelector selector = m_defaultSelector ? m_defaultSelector() : api::LabelSelector();
        if (selector.isEmpty() || selector.matchesNothing())
            return;
        m_scoreConstraints = systemDefaultSpreadConstraints();
        for (TopologySpreadConstraint &c : m_scoreConstraints)
            c.selector = selector;
    }
    if (m_scoreConstraints.empty())
        return;
    // Only the pod's own constraints require every key on a node (system defaults allow
    // hostname spreading on nodes without a zone label).
    const bool requireAllTopologies = m_hasOwnConstraints;
    const std::size_t n = m_scoreConstraints.size();
    m_scoreCounts.assign(n, {});
    for (const NodeInfo *node : feasible) {
        if (requireAllTopologies && !hasAllKeys(*node, m_scoreConstraints)) {
            m_ignoredNodes.insert(node->name());
            continue;
        }
        for (std::size_t i = 0; i < n; ++i)
            if (m_scoreConstraints[i].topologyKey != kHostnameKey)
                m_scoreCounts[i].emplace(labelValue(*node, m_scoreConstraints[i].topologyKey), 0);
    }
    // upstream topologyNormalizingWeight: log(domains + 2); hostname: one domain per node.
    m_weights.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t size = m_scoreConstraints[i].topologyKey == kHostnameKey
                                     ? feasible.size() - m_ignoredNodes.size()
                                     : m_scoreCounts[i].size();
        m_weights[i] = std::log(static_cast<double>(size + 2));
    }
    for (const NodeInfo *node : m_allNodes) {
        if (requireAllTopologies && !hasAllKeys(*node, m_scoreConstraints))
            continue;
        for (std::size_t i = 0; i < n; ++i) {
            const TopologySpreadConstraint &c = m_scoreConstraints[i];
            if (!nodeIncluded(c, *node))
                continue;
            // Only domains of feasible nodes are counted (hostname is counted in Score).
            const auto it = m_scoreCounts[i].find(labelValue(*node, c.topologyKey));
            if (it != m_scoreCounts[i].end())
                it->second += countMatching(*node, c);
        }
    }
}

std::int64_t PodTopologySpread::rawScore(const NodeInfo &node) const
{
    // upstream: scoring.go Score with scoreForCount: cnt × weight + (maxSkew − 1), rounded
    if (m_scoreConstraints.empty() || m_ignoredNodes.count(node.name()))
        return 0;
    double score = 0;
    for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
        const TopologySpreadConstraint &c = m_scoreConstraints[i];
        const auto label = node.labels().find(c.topologyKey);
        if (label == node.labels().end())
            continue;
        std::int64_t count = 0;
        if (c.topologyKey == kHostnameKey) {
            count = countMatching(node, c);
        } else if (const auto it = m_scoreCounts[i].find(label->second); it != m_scoreCounts[i].end()) {
            count = it->second;
        }
        score += static_cast<double>(count) * m_weights[i] + static_cast<double>(c.maxSkew - 1);
    }
    return std::llround(score);
}

void PodTopologySpread::normalize(const std::vector<const NodeInfo *> &feasible, std::vector<std::int64_t> &scores) const
{
    // upstream: scoring.go NormalizeScore
    if (m_scoreConstraints.empty())
        return;
    std::int64_t minScore = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxScore = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (m_ignoredNodes.count(feasible[i]->name()))
            continue;
        minScore = std::min(minScore, scores[i]);
        maxScore = std::max(maxScore, scores[i]);
    }
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (m_ignoredNodes.count(feasible[i]->name()))
            scores[i] = 0;
        else if (maxScore == 0)
            scores[i] = kMaxNodeScore;
        else
            scores[i] = kMaxNodeScore * (maxScore + minScore - scores[i]) / maxScore;
    }
}

} // namespace emu::sched
