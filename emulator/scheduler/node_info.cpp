// SPDX-License-Identifier: Apache-2.0
#include "node_info.h"

#include <algorithm>

namespace emu::sched {

namespace {

bool samePod(const store::Pod &a, const store::Pod &b)
{
    if (!a.meta.uid.empty() || !b.meta.uid.empty())
        return a.meta.uid == b.meta.uid;
    return a.meta.namespaceName == b.meta.namespaceName && a.meta.name == b.meta.name;
}

const std::string kEmptyName;
const api::Labels kEmptyLabels;

} // namespace

void NodeInfo::setNode(std::shared_ptr<const store::Node> node)
{
    // upstream: NodeInfo.SetNode
    m_node = std::move(node);
    m_allocatable = {};
    m_taints.clear();
    if (!m_node)
        return;
    m_allocatable.add(m_node->status.allocatable);
    m_taints.reserve(m_node->spec.taints.size());
    for (const store::NodeTaint &t : m_node->spec.taints) {
        if (const auto effect = api::parseTaintEffect(t.effect))
            m_taints.push_back(api::Taint{t.key, t.value, *effect, std::nullopt});
    }
}

const std::string &NodeInfo::name() const
{
    return m_node ? m_node->meta.name : kEmptyName;
}

const api::Labels &NodeInfo::labels() const
{
    return m_node ? m_node->meta.labels : kEmptyLabels;
}

void NodeInfo::addPod(std::shared_ptr<const store::Pod> pod)
{
    addPod(PodInfo(std::move(pod)));
}

void NodeInfo::addPod(const PodInfo &pod)
{
    // upstream: NodeInfo.AddPodInfo -> update(pod, +1) with calculateResource(pod)
    removePod(pod.pod());
    PodEntry entry;
    entry.pod = pod.podPtr();
    entry.requested = Resource::fromList(pod.requestList());
    entry.nonZeroMilliCpu = pod.nonZeroMilliCpu();
    entry.nonZeroMemory = pod.nonZeroMemory();
    entry.affinity = pod.podAffinity();
    update(entry, +1);
    m_pods.push_back(std::move(entry));
}

bool NodeInfo::removePod(const store::Pod &pod)
{
    const auto it = find(pod);
    if (it == m_pods.end())
        return false;
    update(*it, -1);
    m_pods.erase(it); // keeps the order of the others (deterministic iteration)
    return true;
}

bool NodeInfo::hasPod(const store::Pod &pod) const
{
    return std::any_of(m_pods.begin(), m_pods.end(),
                       [&](const PodEntry &e) { return samePod(*e.pod, pod); });
}

std::vector<NodeInfo::PodEntry>::iterator NodeInfo::find(const store::Pod &pod)
{
    return std::find_if(m_pods.begin(), m_pods.end(),
                        [&](const PodEntry &e) { return samePod(*e.pod, pod); });
}

void NodeInfo::update(const PodEntry &entry, int sign)
{
    // upstream: NodeInfo.update
    m_requested.accumulate(entry.requested, sign);
    m_nonZeroRequested.milliCpu += sign * entry.nonZeroMilliCpu;
    m_nonZeroRequested.memory += sign * entry.nonZeroMemory;
    if (entry.affinity)
        m_podsWithAffinity = static_cast<std::size_t>(static_cast<std::int64_t>(m_podsWithAffinity) + sign);
}

} // namespace emu::sched
