// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubelet_config.h"

#include "emulator/api/cluster_spec.h"

#include <map>
#include <string>

namespace emu::kubelet {

/// Computes the node status a kubelet posts (kubelet_node_status.go setters): capacity,
/// allocatable, addresses, nodeInfo and the Ready / pressure conditions.
class NodeStatusBuilder
{
public:
    NodeStatusBuilder(const KubeletConfig &config, const std::string &bootID,
                      const api::ClusterSpec &cluster,
                      const std::map<std::string, std::string> &overrides)
        : m_config(config), m_bootID(bootID), m_cluster(cluster), m_overrides(overrides)
    {}

    /// Capacity, allocatable, addresses, nodeInfo: what does not change while it runs.
    void fillStatic(store::Node &node) const;
    /// Sets the static parts and the conditions as of `now`; returns whether anything but
    /// heartbeat times differs from what `node` held.
    bool apply(store::Node &node, SimTime now) const;
    /// Whether apply() would change anything but heartbeat times: the kubelet's check on every
    /// status tick, made without copying the node (most ticks write nothing).
    bool wouldChange(const store::Node &node) const;

    /// allocatable = capacity - kubeReserved - systemReserved - hard eviction threshold
    /// (memory.available<100Mi, nodefs.available<10%), never below zero.
    static store::ResourceList allocatable(const KubeletConfig &config);
    /// "v1.32.0" from "1.32", "v1.32.3" from "v1.32.3".
    static std::string kubeletVersion(const api::ClusterSpec &cluster);

private:
    struct ConditionView
    {
        const char *status;
        const char *reason;
        const char *message;
    };
    ConditionView conditionFor(const store::Node &node, std::string_view type) const;

    const KubeletConfig &m_config;
    const std::string &m_bootID;
    const api::ClusterSpec &m_cluster;
    const std::map<std::string, std::string> &m_overrides;
};

} // namespace emu::kubelet
