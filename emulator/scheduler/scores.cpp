// SPDX-License-Identifier: Apache-2.0
#include "scores.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace emu::sched {

namespace {

struct AllocatableRequest
{
    std::int64_t allocatable = 0;
    std::int64_t requested = 0;
};

// upstream: noderesources/resource_allocation.go calculateResourceAllocatableRequest
AllocatableRequest allocatableRequest(const NodeInfo &node, const std::string &resource,
                                      std::int64_t podRequest, bool useRequested)
{
    const Resource &requested = useRequested ? node.requested() : node.nonZeroRequested();
    // An extended resource the pod does not request is left out of the score.
    if (podRequest == 0 && isScalarResourceName(resource))
        return {};
    const Resource &allocatable = node.allocatable();
    if (resource == "cpu")
        return {allocatable.milliCpu, requested.milliCpu + podRequest};
    if (resource == "memory")
        return {allocatable.memory, requested.memory + podRequest};
    if (resource == "ephemeral-storage")
        return {allocatable.ephemeralStorage, node.requested().ephemeralStorage + podRequest};
    if (allocatable.scalarResources.count(resource) != 0)
        return {allocatable.amount(resource), node.requested().amount(resource) + podRequest};
    return {};
}

// upstream: resourceAllocationScorer.score: the entries whose allocatable is 0 stay (0, 0).
// Up to 8 resources are kept inline: this runs for every scored node of every cycle.
class Collected
{
public:
    Collected(const PodInfo &pod, const NodeInfo &node, const std::vector<ResourceSpec> &resources,
              bool useRequested)
        : m_size(resources.size())
    {
        if (m_size > m_inline.size())
            m_heap.resize(m_size);
        AllocatableRequest *out = data();
        for (std::size_t i = 0; i < m_size; ++i) {
            const auto ar = allocatableRequest(node, resources[i].name,
                                               pod.scoringRequest(resources[i].name, useRequested), useRequested);
            out[i] = ar.allocatable != 0 ? ar : AllocatableRequest{};
        }
    }
    std::size_t size() const { return m_size; }
    const AllocatableRequest &operator[](std::size_t i) const { return data()[i]; }

private:
    AllocatableRequest *data() { return m_heap.empty() ? m_inline.data() : m_heap.data(); }
    const AllocatableRequest *data() const { return m_heap.empty() ? m_inline.data() : m_heap.data(); }

    std::array<AllocatableRequest, 8> m_inline{};
    std::vector<AllocatableRequest> m_heap;
    std::size_t m_size;
};

// upstream: least_allocated.go leastRequestedScore
std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity)
{
    if (capacity == 0 || requested > capacity)
        return 0;
    return ((capacity - requested) * kMaxNodeScore) / capacity;
}

} // namespace

const std::vector<ResourceSpec> &defaultScoringResources()
{
    // One list for the whole run: scoring runs for every node of every cycle.
    static const std::vector<ResourceSpec> resources{{"cpu", 1}, {"memory", 1}};
    return resources;
}

std::int64_t leastAllocatedScore(const PodInfo &pod, const NodeInfo &node,
                                 const std::vector<ResourceSpec> &resources)
{
    // upstream: noderesources/least_allocated.go leastResourceScorer (useRequested = false)
    const Collected values(pod, node, resources, false);
    std::int64_t nodeScore = 0;
    std::int64_t weightSum = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].allocatable == 0)
            continue;
        nodeScore += leastRequestedScore(values[i].requested, values[i].allocatable) * resources[i].weight;
        weightSum += resources[i].weight;
    }
    return weightSum == 0 ? 0 : nodeScore / weightSum;
}

std::int64_t balancedAllocationScore(const PodInfo &pod, const NodeInfo &node,
                                     const std::vector<ResourceSpec> &resources)
{
    // upstream: noderesources/balanced_allocation.go balancedResourceScorer (useRequested = true)
    const Collected values(pod, node, resources, true);
    const auto fractionOf = [](const AllocatableRequest &v) {
        return std::min(1.0, double(v.requested) / double(v.allocatable));
    };
    std::size_t count = 0;
    double totalFraction = 0;
    double first = 0;
    double second = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].allocatable == 0)
            continue;
        const double fraction = fractionOf(values[i]);
        if (count == 0)
            first = fraction;
        else if (count == 1)
            second = fraction;
        totalFraction += fraction;
        ++count;
    }
    double deviation = 0.0;
    if (count == 2) {
        deviation = std::abs((first - second) / 2);
    } else if (count > 2) {
        const double mean = totalFraction / double(count);
        double sum = 0;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i].allocatable != 0)
                sum += (fractionOf(values[i]) - mean) * (fractionOf(values[i]) - mean);
        deviation = std::sqrt(sum / double(count));
    }
    return static_cast<std::int64_t>((1 - deviation) * double(kMaxNodeScore));
}

bool balancedAllocationSkipsPod(const PodInfo &pod, const std::vector<ResourceSpec> &resources)
{
    // upstream (v1.33+): resourceAllocationScorer.isBestEffortPod
    return std::all_of(resources.begin(), resources.end(),
                       [&](const ResourceSpec &r) { return pod.scoringRequest(r.name, true) == 0; });
}

std::int64_t taintTolerationRawScore(const PodInfo &pod, const NodeInfo &node)
{
    // upstream: tainttoleration getAllTolerationPreferNoSchedule + countIntolerableTaintsPreferNoSchedule
    std::vector<api::Toleration> preferNoSchedule;
    for (const api::Toleration &t : pod.tolerations()) {
        if (!t.effect || *t.effect == api::TaintEffect::PreferNoSchedule)
            preferNoSchedule.push_back(t);
    }
    std::int64_t count = 0;
    for (const api::Taint &taint : node.taints()) {
        if (taint.effect == api::TaintEffect::PreferNoSchedule
            && !api::tolerationsTolerateTaint(preferNoSchedule, taint))
            ++count;
    }
    return count;
}

std::int64_t nodeAffinityRawScore(const PodInfo &pod, const NodeInfo &node)
{
    // upstream: nodeaffinity Score with nodeaffinity.PreferredSchedulingTerms.Score
    return api::preferredScore(pod.preferredNodeAffinity(), node.labels(), node.name());
}

std::int64_t imageLocalityScore(const PodInfo &, const NodeInfo &)
{
    return 0;
}

void normalizeScores(std::vector<std::int64_t> &scores, bool reverse, std::int64_t maxPriority)
{
    // upstream: pkg/scheduler/framework/plugins/helper/normalize_score.go
    std::int64_t maxCount = 0;
    for (std::int64_t s : scores)
        maxCount = std::max(maxCount, s);
    if (maxCount == 0) {
        if (reverse)
            std::fill(scores.begin(), scores.end(), maxPriority);
        return;
    }
    for (std::int64_t &s : scores) {
        s = maxPriority * s / maxCount;
        if (reverse)
            s = maxPriority - s;
    }
}

} // namespace emu::sched
