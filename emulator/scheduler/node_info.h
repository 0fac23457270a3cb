// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pod_info.h"
#include "resource.h"

#include "emulator/api/taint.h"
#include "emulator/store/node.h"
#include "emulator/store/pod.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace emu::sched {

/// A node as the scheduler's cache sees it (upstream pkg/scheduler/framework/types.go
/// NodeInfo): the Node, the pods assigned (or assumed) to it, and their summed requests.
/// `requested` holds the true requests (NodeResourcesFit filtering, BalancedAllocation);
/// `nonZeroRequested` counts a container without a cpu/memory request as 100m / 200Mi
/// (LeastAllocated scoring).
class NodeInfo
{
public:
    struct PodEntry
    {
        std::shared_ptr<const store::Pod> pod;
        Resource requested;            ///< PodRequests (true values)
        std::int64_t nonZeroMilliCpu = 0;
        std::int64_t nonZeroMemory = 0;
        std::shared_ptr<const PodAffinityTerms> affinity; ///< nullptr: no pod (anti-)affinity
    };

    NodeInfo() = default;
    explicit NodeInfo(std::shared_ptr<const store::Node> node) { setNode(std::move(node)); }

    /// Sets or replaces the node (allocatable and taints are re-read; pods are kept).
    void setNode(std::shared_ptr<const store::Node> node);
    const store::Node *node() const { return m_node.get(); }
    const std::shared_ptr<const store::Node> &nodePtr() const { return m_node; }
    const std::string &name() const;
    const api::Labels &labels() const;
    /// The node's taints, typed (taints with an unknown effect are left out).
    const std::vector<api::Taint> &taints() const { return m_taints; }
    /// upstream: NodeInfo.Allocatable (status.allocatable; `pods` as allowedPodNumber).
    const Resource &allocatable() const { return m_allocatable; }

    const std::vector<PodEntry> &pods() const { return m_pods; }
    std::size_t podCount() const { return m_pods.size(); }
    const Resource &requested() const { return m_requested; }
    const Resource &nonZeroRequested() const { return m_nonZeroRequested; }

    /// upstream: NodeInfo.AddPod. A pod already present (same uid, or same namespace/name
    /// when it has no uid) is replaced.
    void addPod(std::shared_ptr<const store::Pod> pod);
    void addPod(const PodInfo &pod);
    /// upstream: NodeInfo.RemovePod, by uid (namespace/name when the pod has no uid).
    /// Returns false if the pod is not on this node.
    bool removePod(const store::Pod &pod);
    bool hasPod(const store::Pod &pod) const;
    /// upstream NodeInfo.PodsWithAffinity, counted: pods with pod (anti-)affinity terms.
    std::size_t podsWithAffinity() const { return m_podsWithAffinity; }

private:
    std::vector<PodEntry>::iterator find(const store::Pod &pod);
    void update(const PodEntry &entry, int sign);

    std::shared_ptr<const store::Node> m_node;
    std::vector<api::Taint> m_taints;
    Resource m_allocatable;
    std::vector<PodEntry> m_pods;
    Resource m_requested;
    Resource m_nonZeroRequested;
    std::size_t m_podsWithAffinity = 0;
};

} // namespace emu::sched
