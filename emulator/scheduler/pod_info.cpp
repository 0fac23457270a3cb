// SPDX-License-Identifier: Apache-2.0
#include "pod_info.h"

#include "pod_requests.h"

#include "emulator/api/value.h"

namespace emu::sched {

namespace {

std::int64_t quantityIn(const store::ResourceList &list, std::string_view name, bool milli)
{
    const auto it = list.find(std::string(name));
    if (it == list.end())
        return 0;
    return milli ? it->second.milliValue() : it->second.value();
}

} // namespace

std::optional<api::Toleration> toApiToleration(const store::Toleration &toleration)
{
    api::Toleration t;
    t.key = toleration.key;
    if (toleration.op == "Exists")
        t.op = api::Toleration::Operator::Exists;
    else if (toleration.op.empty() || toleration.op == "Equal")
        t.op = api::Toleration::Operator::Equal;
    else
        return std::nullopt;
    t.value = toleration.value;
    if (!toleration.effect.empty()) {
        t.effect = api::parseTaintEffect(toleration.effect);
        if (!t.effect)
            return std::nullopt;
    }
    t.tolerationSeconds = toleration.tolerationSeconds;
    return t;
}

PodInfo::PodInfo(std::shared_ptr<const store::Pod> pod)
    : m_pod(std::move(pod))
{
    // upstream: noderesources computePodResourceRequest: SetMaxResource(PodRequests(pod))
    m_requestList = podRequests(*m_pod);
    m_requests.setMax(m_requestList);
    // upstream: framework/types.go calculateResource (NonMissingContainerRequests)
    PodRequestsOptions nonZero;
    nonZero.nonMissingContainerRequests = nonZeroDefaults();
    m_nonZeroRequestList = podRequests(*m_pod, nonZero);
    m_nonZeroMilliCpu = quantityIn(m_nonZeroRequestList, "cpu", true);
    m_nonZeroMemory = quantityIn(m_nonZeroRequestList, "memory", false);

    m_tolerations.reserve(m_pod->spec.tolerations.size());
    for (const store::Toleration &t : m_pod->spec.tolerations) {
        if (auto converted = toApiToleration(t))
            m_tolerations.push_back(std::move(*converted));
    }

    const api::Value &affinity = m_pod->spec.affinity;
    const api::Value *nodeAffinity = affinity.isMapping() ? affinity.find("nodeAffinity") : nullptr;
    if (nodeAffinity && !nodeAffinity->isNull()) {
        auto parsed = api::NodeAffinity::fromValue(*nodeAffinity);
        if (parsed) {
            m_required = parsed->required;
            m_preferred = parsed->preferred;
        } else {
            m_affinityInvalid = true;
        }
    }
    m_podAffinity = PodAffinityTerms::fromPod(*m_pod);
    // Scoring asks for cpu and memory on every node: read them once.
    m_scoringCpu[0] = quantityIn(m_nonZeroRequestList, "cpu", true);
    m_scoringCpu[1] = quantityIn(m_requestList, "cpu", true);
    m_scoringMemory[0] = quantityIn(m_nonZeroRequestList, "memory", false);
    m_scoringMemory[1] = quantityIn(m_requestList, "memory", false);
}

std::int64_t PodInfo::scoringRequest(std::string_view resource, bool useRequested) const
{
    // upstream: noderesources/resource_allocation.go calculatePodResourceRequest
    const int index = useRequested ? 1 : 0;
    if (resource == "cpu")
        return m_scoringCpu[index];
    if (resource == "memory")
        return m_scoringMemory[index];
    const store::ResourceList &list = useRequested ? m_requestList : m_nonZeroRequestList;
    return quantityIn(list, resource, false);
}

} // namespace emu::sched
