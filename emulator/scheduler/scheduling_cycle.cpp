// SPDX-License-Identifier: Apache-2.0
#include "scheduling_cycle.h"

#include "default_spread_selector.h"
#include "filters.h"
#include "inter_pod_affinity.h"
#include "namespace_labels.h"
#include "pod_topology_spread.h"
#include "scores.h"

#include "emulator/store/priority_admission.h"

namespace emu::sched {

FilterResult filterWithNominatedPods(const PodInfo &pod, const NodeInfo &node, const SchedulerSnapshot &snapshot)
{
    const auto nominated = snapshot.nominated.find(node.name());
    if (nominated == snapshot.nominated.end())
        return runFilters(pod, node);
    // upstream addGENominatedPods: priority >= the pod's, the pod itself left out.
    const std::int32_t priority = store::podPriority(pod.pod());
    std::optional<NodeInfo> withNominated;
    for (const auto &other : nominated->second) {
        if (store::podPriority(*other) < priority || other->meta.uid == pod.pod().meta.uid)
            continue;
        if (!withNominated)
            withNominated = node;
        withNominated->addPod(other);
    }
    return runFilters(pod, withNominated ? *withNominated : node);
}

SchedulingDecision findNodeForPod(const PodInfo &pod, const SchedulerSnapshot &snapshot,
                                  const store::ObjectStore &store, Rng &rng)
{
    SchedulingDecision decision;
    decision.podKey = pod.pod().meta.key();
    std::vector<const NodeInfo *> allNodes;
    allNodes.reserve(snapshot.nodes.size());
    for (const auto &[name, info] : snapshot.nodes)
        allNodes.push_back(&info);
    const NamespaceLabels namespaces(&store);
    PodTopologySpread topologySpread(pod, allNodes, [&] { return defaultSpreadSelector(pod.pod(), store); });
    const InterPodAffinity interPodAffinity(pod, allNodes, namespaces);
    std::vector<const NodeInfo *> feasible;
    for (const auto &[name, info] : snapshot.nodes) {
        // upstream default plugin order: the node-local filters, PodTopologySpread, InterPodAffinity.
        FilterResult result = filterWithNominatedPods(pod, info, snapshot);
        if (result.ok)
            result = topologySpread.filter(info);
        if (result.ok)
            result = interPodAffinity.filter(info);
        if (result.ok)
            feasible.push_back(&info);
        else
            decision.rejected.push_back({name, std::move(result)});
    }
    if (feasible.empty())
        return decision;
    // Score: the default plugins (upstream default_plugins.go order) with their weights;
    // TaintToleration, NodeAffinity, PodTopologySpread and InterPodAffinity are normalized
    // over the feasible nodes.
    topologySpread.preScore(feasible);
    std::vector<std::int64_t> taint;
    std::vector<std::int64_t> affinity;
    std::vector<std::int64_t> spread;
    std::vector<std::int64_t> podAffinity;
    for (const NodeInfo *info : feasible) {
        taint.push_back(taintTolerationRawScore(pod, *info));
        affinity.push_back(nodeAffinityRawScore(pod, *info));
        spread.push_back(topologySpread.rawScore(*info));
        podAffinity.push_back(interPodAffinity.rawScore(*info));
    }
    normalizeScores(taint, true);
    normalizeScores(affinity, false);
    topologySpread.normalize(feasible, spread);
    normalizeInterPodAffinityScores(podAffinity);
    std::int64_t best = -1;
    std::vector<std::size_t> winners;
    for (std::size_t i = 0; i < feasible.size(); ++i) {
        NodeScore score;
        score.node = feasible[i]->name();
        score.plugins = {
            {std::string(plugin::TaintToleration), taint[i], weight::TaintToleration},
            {std::string(plugin::NodeAffinity), affinity[i], weight::NodeAffinity},
            {std::string(plugin::NodeResourcesFit), leastAllocatedScore(pod, *feasible[i]), weight::NodeResourcesFit},
            {std::string(plugin::PodTopologySpread), spread[i], weight::PodTopologySpread},
            {std::string(plugin::InterPodAffinity), podAffinity[i], weight::InterPodAffinity},
            {std::string(plugin::NodeResourcesBalancedAllocation), balancedAllocationScore(pod, *feasible[i]),
             weight::NodeResourcesBalancedAllocation},
        };
        for (const PluginScore &p : score.plugins)
            score.total += p.score * p.weight;
        if (score.total > best) {
            best = score.total;
            winners.clear();
        }
        if (score.total == best)
            winners.push_back(i);
        decision.scores.push_back(std::move(score));
    }
    // Ties are broken at random (upstream selectHost's reservoir sampling), from the seed.
    const std::size_t chosen = winners[static_cast<std::size_t>(
        rng.uniformInt(0, static_cast<std::int64_t>(winners.size()) - 1))];
    decision.chosenNode = decision.scores[chosen].node;
    return decision;
}

} // namespace emu::sched
