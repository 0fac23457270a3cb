// SPDX-License-Identifier: Apache-2.0
#include "pod_deletion_ranking.h"

#include "pod_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

namespace emu::ctrl {

namespace {

constexpr const char *deletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

// podPhaseToOrdinal: Pending 0, Unknown 1, Running 2.
int phaseOrdinal(const store::Pod &pod)
{
    if (pod.status.phase == "Running")
        return 2;
    if (pod.status.phase == "Unknown")
        return 1;
    return 0;
}

// GetDeletionCostFromPodAnnotations: an int32; anything else counts as 0.
std::int32_t deletionCost(const store::Pod &pod)
{
    const auto it = pod.meta.annotations.find(deletionCostAnnotation);
    if (it == pod.meta.annotations.end())
        return 0;
    std::int32_t cost = 0;
    const auto [end, error] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), cost);
    return error == std::errc() && end == it->second.data() + it->second.size() ? cost : 0;
}

// The larger restart count of the regular containers and of the sidecars.
std::pair<int, int> maxContainerRestarts(const store::Pod &pod)
{
    int regular = 0;
    int sidecar = 0;
    for (const auto &s : pod.status.containerStatuses)
        regular = std::max(regular, s.restartCount);
    for (const auto &s : pod.status.initContainerStatuses)
        for (const store::Container &c : pod.spec.initContainers)
            if (c.name == s.name && c.restartPolicy == "Always")
                sidecar = std::max(sidecar, s.restartCount);
    return {regular, sidecar};
}

// logarithmicRankDiff: floor(log2(now - t)) in nanoseconds; -1 for t not in the past.
std::int64_t logRank(SimTime t, SimTime now)
{
    const std::int64_t d = (now - t).ns();
    return d > 0 ? static_cast<std::int64_t>(std::log2(static_cast<double>(d))) : -1;
}

// Newer first (a later time is deleted first), by logarithmic buckets, then by UID.
std::optional<bool> newerFirst(SimTime ti, SimTime tj, const store::Pod &pi, const store::Pod &pj, SimTime now)
{
    if (ti == tj)
        return std::nullopt;
    const std::int64_t diff = logRank(ti, now) - logRank(tj, now);
    if (diff == 0)
        return pi.meta.uid < pj.meta.uid;
    return diff < 0;
}

} // namespace

bool deleteBefore(const RankedPod &a, const RankedPod &b, SimTime now)
{
    const store::Pod &pi = *a.pod;
    const store::Pod &pj = *b.pod;
    if (pi.spec.nodeName != pj.spec.nodeName && (pi.spec.nodeName.empty() || pj.spec.nodeName.empty()))
        return pi.spec.nodeName.empty();
    if (phaseOrdinal(pi) != phaseOrdinal(pj))
        return phaseOrdinal(pi) < phaseOrdinal(pj);
    if (isPodReady(pi) != isPodReady(pj))
        return !isPodReady(pi);
    if (deletionCost(pi) != deletionCost(pj))
        return deletionCost(pi) < deletionCost(pj);
    if (a.rank != b.rank)
        return a.rank > b.rank;
    if (isPodReady(pi) && isPodReady(pj))
        if (const auto r = newerFirst(*podReadyTime(pi), *podReadyTime(pj), pi, pj, now))
            return *r;
    const auto [regularI, sidecarI] = maxContainerRestarts(pi);
    const auto [regularJ, sidecarJ] = maxContainerRestarts(pj);
    if (regularI != regularJ)
        return regularI > regularJ;
    if (sidecarI != sidecarJ)
        return sidecarI > sidecarJ;
    if (const auto r = newerFirst(pi.meta.creationTimestamp, pj.meta.creationTimestamp, pi, pj, now))
        return *r;
    return false;
}

std::vector<std::shared_ptr<const store::Pod>> podsToDelete(
    const std::vector<std::shared_ptr<const store::Pod>> &pods,
    const std::vector<std::shared_ptr<const store::Pod>> &relatedPods, std::size_t count, SimTime now)
{
    std::vector<std::shared_ptr<const store::Pod>> out;
    if (count >= pods.size()) {
        out = pods;
        return out;
    }
    std::map<std::string, int> podsOnNode;
    for (const auto &pod : relatedPods)
        if (isPodActive(*pod))
            ++podsOnNode[pod->spec.nodeName];
    std::vector<RankedPod> ranked;
    ranked.reserve(pods.size());
    for (const auto &pod : pods)
        ranked.push_back({pod, podsOnNode[pod->spec.nodeName]});
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](const RankedPod &a, const RankedPod &b) { return deleteBefore(a, b, now); });
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(ranked[i].pod);
    return out;
}

} // namespace emu::ctrl

