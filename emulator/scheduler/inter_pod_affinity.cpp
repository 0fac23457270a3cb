// SPDX-License-Identifier: Apache-2.0
#include "inter_pod_affinity.h"

#include "filters.h"
#include "scores.h"

#include <algorithm>

namespace emu::sched {

namespace {

using Code = FilterResult::Code;

FilterResult rejectAffinity(Code code, std::string_view reason)
{
    return FilterResult::reject(code, std::string(plugin::InterPodAffinity), {std::string(reason)});
}

bool hasRequiredTerms(const PodAffinityTerms *terms)
{
    return terms && (!terms->requiredAffinity.empty() || !terms->requiredAntiAffinity.empty());
}

} // namespace

InterPodAffinity::InterPodAffinity(const PodInfo &pod, const std::vector<const NodeInfo *> &allNodes,
                                   const NamespaceLabels &namespaces, std::int64_t hardPodAffinityWeight,
                                   bool existingPodsHaveAffinity)
    : m_pod(pod)
    , m_terms(pod.podAffinity().get())
    , m_namespaces(namespaces)
    , m_hardPodAffinityWeight(hardPodAffinityWeight)
{
    preFilter(allNodes, existingPodsHaveAffinity);
    preScore(allNodes, existingPodsHaveAffinity);
}

void InterPodAffinity::add(TopologyCounts &counts, const std::string &key, const api::Labels &nodeLabels,
                           std::int64_t value)
{
    // A node without the topology label is in no domain of that key.
    const auto label = nodeLabels.find(key);
    if (label != nodeLabels.end())
        counts[key][label->second] += value;
}

void InterPodAffinity::preFilter(const std::vector<const NodeInfo *> &allNodes, bool existingPodsHaveAffinity)
{
    // upstream: filtering.go PreFilter (getExistingAntiAffinityCounts and
    // getIncomingAffinityAntiAffinityCounts)
    const store::Pod &incoming = m_pod.pod();
    const bool incomingTerms = hasRequiredTerms(m_terms) && !m_terms->invalid;
    if (!incomingTerms && !existingPodsHaveAffinity)
        return;
    for (const NodeInfo *node : allNodes) {
        // Only pods with affinity can have anti-affinity terms (upstream
        // HavePodsWithRequiredAntiAffinityList).
        if (!incomingTerms && node->podsWithAffinity() == 0)
            continue;
        const api::Labels &labels = node->labels();
        for (const NodeInfo::PodEntry &entry : node->pods()) {
            // Existing pods' required anti-affinity terms that match the incoming pod.
            if (entry.affinity && !entry.affinity->invalid) {
                for (const AffinityTerm &term : entry.affinity->requiredAntiAffinity)
                    if (term.matches(incoming, m_namespaces))
                        add(m_existingAntiAffinityCounts, term.topologyKey, labels, 1);
            }
            if (!incomingTerms)
                continue;
            const store::Pod &existing = *entry.pod;
            // Affinity: an existing pod counts only if it matches ALL the required terms
            // (updateWithAffinityTerms / podMatchesAllAffinityTerms).
            const auto &affinity = m_terms->requiredAffinity;
            if (!affinity.empty()
                && std::all_of(affinity.begin(), affinity.end(),
                               [&](const AffinityTerm &t) { return t.matches(existing, m_namespaces); })) {
                for (const AffinityTerm &term : affinity)
                    add(m_affinityCounts, term.topologyKey, labels, 1);
            }
            // Anti-affinity: each matching term counts on its own (updateWithAntiAffinityTerms).
            for (const AffinityTerm &term : m_terms->requiredAntiAffinity)
                if (term.matches(existing, m_namespaces))
                    add(m_antiAffinityCounts, term.topologyKey, labels, 1);
        }
    }
}

void InterPodAffinity::preScore(const std::vector<const NodeInfo *> &allNodes, bool existingPodsHaveAffinity)
{
    // upstream: scoring.go PreScore / processExistingPod. Unless the incoming pod has
    // preferred terms only pods with affinity need to be visited.
    const store::Pod &incoming = m_pod.pod();
    const bool hasConstraints = m_terms && !m_terms->invalid
                                && (!m_terms->preferredAffinity.empty() || !m_terms->preferredAntiAffinity.empty());
    if (!hasConstraints && !existingPodsHaveAffinity)
        return;
    for (const NodeInfo *node : allNodes) {
        const api::Labels &labels = node->labels();
        if (labels.empty() || (!hasConstraints && node->podsWithAffinity() == 0))
            continue;
        for (const NodeInfo::PodEntry &entry : node->pods()) {
            if (hasConstraints) {
                for (const AffinityTerm &term : m_terms->preferredAffinity)
                    if (term.matches(*entry.pod, m_namespaces))
                        add(m_topologyScore, term.topologyKey, labels, term.weight);
                for (const AffinityTerm &term : m_terms->preferredAntiAffinity)
                    if (term.matches(*entry.pod, m_namespaces))
                        add(m_topologyScore, term.topologyKey, labels, -term.weight);
            }
            if (!entry.affinity || entry.affinity->invalid)
                continue;
            // The existing pod's terms that the incoming pod matches: its required affinity
            // with hardPodAffinityWeight, its preferred terms with their weights.
            if (m_hardPodAffinityWeight > 0)
                for (const AffinityTerm &term : entry.affinity->requiredAffinity)
                    if (term.matches(incoming, m_namespaces))
                        add(m_topologyScore, term.topologyKey, labels, m_hardPodAffinityWeight);
            for (const AffinityTerm &term : entry.affinity->preferredAffinity)
                if (term.matches(incoming, m_namespaces))
                    add(m_topologyScore, term.topologyKey, labels, term.weight);
            for (const AffinityTerm &term : entry.affinity->preferredAntiAffinity)
                if (term.matches(incoming, m_namespaces))
                    add(m_topologyScore, term.topologyKey, labels, -term.weight);
        }
    }
}

std::int64_t InterPodAffinity::count(const TopologyCounts &counts, const std::string &key,
                                     const std::string &value)
{
    const auto values = counts.find(key);
    if (values == counts.end())
        return 0;
    const auto it = values->second.find(value);
    return it == values->second.end() ? 0 : it->second;
}

bool InterPodAffinity::anyDomainCounted(const TopologyCounts &counts, const std::vector<AffinityTerm> *terms,
                                        const NodeInfo &node)
{
    const api::Labels &labels = node.labels();
    if (terms) {
        // upstream satisfyPodAntiAffinity: the domains of the pod's own terms.
        for (const AffinityTerm &term : *terms) {
            const auto label = labels.find(term.topologyKey);
            if (label != labels.end() && count(counts, term.topologyKey, label->second) > 0)
                return true;
        }
        return false;
    }
    // upstream satisfyExistingPodsAntiAffinity: any of the node's (key, value) pairs.
    for (const auto &[key, values] : counts) {
        const auto label = labels.find(key);
        if (label == labels.end())
            continue;
        const auto value = values.find(label->second);
        if (value != values.end() && value->second > 0)
            return true;
    }
    return false;
}

bool InterPodAffinity::satisfyPodAffinity(const NodeInfo &node) const
{
    // upstream: filtering.go satisfyPodAffinity
    if (!m_terms || m_terms->requiredAffinity.empty())
        return true;
    const api::Labels &labels = node.labels();
    bool podsExist = true;
    for (const AffinityTerm &term : m_terms->requiredAffinity) {
        const auto label = labels.find(term.topologyKey);
        if (label == labels.end())
            return false; // every topology label must exist on the node
        if (count(m_affinityCounts, term.topologyKey, label->second) <= 0)
            podsExist = false;
    }
    if (podsExist)
        return true;
    // The first pod of a group with affinity to itself: no pod anywhere matches and the pod
    // matches all its own terms, so any node with the topology labels is allowed.
    const auto &terms = m_terms->requiredAffinity;
    return m_affinityCounts.empty()
           && std::all_of(terms.begin(), terms.end(),
                          [&](const AffinityTerm &t) { return t.matches(m_pod.pod(), m_namespaces); });
}

FilterResult InterPodAffinity::filter(const NodeInfo &node) const
{
    // upstream: filtering.go Filter
    if (m_terms && m_terms->invalid)
        return rejectAffinity(Code::UnschedulableAndUnresolvable, reason::PodAffinityRulesNotMatch);
    if (!satisfyPodAffinity(node))
        return rejectAffinity(Code::UnschedulableAndUnresolvable, reason::PodAffinityRulesNotMatch);
    if (m_terms && !m_antiAffinityCounts.empty()
        && anyDomainCounted(m_antiAffinityCounts, &m_terms->requiredAntiAffinity, node))
        return rejectAffinity(Code::Unschedulable, reason::PodAntiAffinityRulesNotMatch);
    if (!m_existingAntiAffinityCounts.empty() && anyDomainCounted(m_existingAntiAffinityCounts, nullptr, node))
        return rejectAffinity(Code::Unschedulable, reason::ExistingAntiAffinityRulesNotMatch);
    return FilterResult::success();
}

std::int64_t InterPodAffinity::rawScore(const NodeInfo &node) const
{
    // upstream: scoring.go Score
    std::int64_t score = 0;
    const api::Labels &labels = node.labels();
    for (const auto &[key, values] : m_topologyScore) {
        const auto label = labels.find(key);
        if (label == labels.end())
            continue;
        const auto value = values.find(label->second);
        if (value != values.end())
            score += value->second;
    }
    return score;
}

void normalizeInterPodAffinityScores(std::vector<std::int64_t> &scores)
{
    // upstream: scoring.go NormalizeScore (float64 arithmetic, truncated)
    if (scores.empty())
        return;
    const auto [minIt, maxIt] = std::minmax_element(scores.begin(), scores.end());
    const std::int64_t minCount = *minIt;
    const std::int64_t diff = *maxIt - minCount;
    for (std::int64_t &s : scores) {
        double f = 0;
        if (diff > 0)
            f = static_cast<double>(kMaxNodeScore)
                * (static_cast<double>(s - minCount) / static_cast<double>(diff));
        s = static_cast<std::int64_t>(f);
    }
}

} // namespace emu::sched
