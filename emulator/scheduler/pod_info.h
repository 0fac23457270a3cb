// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pod_affinity_term.h"
#include "resource.h"

#include "emulator/api/node_affinity.h"
#include "emulator/api/toleration.h"
#include "emulator/store/pod.h"

#include <memory>
#include <optional>
#include <vector>

namespace emu::sched {

/// What the scheduler derives from a pod once per scheduling cycle (upstream framework.PodInfo
/// plus the PreFilter/PreScore states of the default plugins), so that filtering and scoring
/// every node does not re-parse the pod. Immutable once built.
class PodInfo
{
public:
    explicit PodInfo(std::shared_ptr<const store::Pod> pod);

    const store::Pod &pod() const { return *m_pod; }
    const std::shared_ptr<const store::Pod> &podPtr() const { return m_pod; }

    /// upstream: noderesources computePodResourceRequest (PodRequests, true values).
    const Resource &requests() const { return m_requests; }
    /// PodRequests as quantities, without defaults (BalancedAllocation's useRequested).
    const store::ResourceList &requestList() const { return m_requestList; }
    /// PodRequests with the non-zero defaults for missing cpu/memory requests.
    const store::ResourceList &nonZeroRequestList() const { return m_nonZeroRequestList; }
    /// upstream: NodeInfo calculateResource non0CPU / non0Mem.
    std::int64_t nonZeroMilliCpu() const { return m_nonZeroMilliCpu; }
    std::int64_t nonZeroMemory() const { return m_nonZeroMemory; }

    const std::vector<api::Toleration> &tolerations() const { return m_tolerations; }
    /// `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
    const std::optional<api::NodeSelector> &requiredNodeAffinity() const { return m_required; }
    /// `spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
    const std::vector<api::PreferredSchedulingTerm> &preferredNodeAffinity() const { return m_preferred; }
    /// The node affinity did not parse (the apiserver would have rejected it): such a pod
    /// matches no node, so it stays Pending rather than landing anywhere.
    bool nodeAffinityInvalid() const { return m_affinityInvalid; }
    /// `spec.affinity.podAffinity` / `podAntiAffinity`; nullptr when the pod has none.
    const std::shared_ptr<const PodAffinityTerms> &podAffinity() const { return m_podAffinity; }

    /// The per-resource request used in scoring (upstream resourceAllocationScorer
    /// calculatePodResourceRequest): cpu in millicores, others in units.
    std::int64_t scoringRequest(std::string_view resource, bool useRequested) const;

private:
    std::shared_ptr<const store::Pod> m_pod;
    Resource m_requests;
    store::ResourceList m_requestList;
    store::ResourceList m_nonZeroRequestList;
    std::int64_t m_nonZeroMilliCpu = 0;
    std::int64_t m_nonZeroMemory = 0;
    std::vector<api::Toleration> m_tolerations;
    std::optional<api::NodeSelector> m_required;
    std::vector<api::PreferredSchedulingTerm> m_preferred;
    bool m_affinityInvalid = false;
    std::shared_ptr<const PodAffinityTerms> m_podAffinity;
    std::int64_t m_scoringCpu[2] = {0, 0};    ///< scoringRequest("cpu", useRequested = false / true)
    std::int64_t m_scoringMemory[2] = {0, 0};
};

/// store::Toleration (strings) as the typed api::Toleration; nullopt for an effect or
/// operator the apiserver would not accept (such a toleration tolerates nothing).
std::optional<api::Toleration> toApiToleration(const store::Toleration &toleration);

} // namespace emu::sched
