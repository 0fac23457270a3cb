// SPDX-License-Identifier: Apache-2.0
#include "node_status_builder.h"

#include <algorithm>
#include <cstdio>

namespace emu::kubelet {

namespace {

// Default hard eviction thresholds on Linux (pkg/kubelet/eviction/defaults_linux.go).
constexpr std::int64_t hardEvictionMemoryBytes = 100LL * 1024 * 1024;
constexpr int hardEvictionNodefsPercent = 10;

struct ConditionText
{
    const char *type;
    const char *okStatus;
    const char *okReason;
    const char *okMessage;
    const char *badReason;
    const char *badMessage;
};

// The kubelet's own condition reasons and messages (pkg/kubelet/nodestatus/setters.go).
constexpr ConditionText conditionTexts[] = {
    {"MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available",
     "KubeletHasInsufficientMemory", "kubelet has insufficient memory available"},
    {"DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure",
     "KubeletHasDiskPressure", "kubelet has disk pressure"},
    {"PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
     "KubeletHasInsufficientPID", "kubelet has insufficient PID available"},
    {"Ready", "True", "KubeletReady", "kubelet is posting ready status", "KubeletNotReady",
     "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady "
     "message:Network plugin returns error: cni plugin not initialized"},
};

} // namespace

store::ResourceList NodeStatusBuilder::allocatable(const KubeletConfig &config)
{
    store::ResourceList result = config.capacity;
    for (auto &[name, quantity] : result) {
        for (const store::ResourceList *reserved : {&config.kubeReserved, &config.systemReserved}) {
            const auto it = reserved->find(name);
            if (it != reserved->end())
                quantity -= it->second;
        }
        if (name == "memory")
            quantity -= api::Quantity::fromValue(hardEvictionMemoryBytes, api::Quantity::Format::BinarySI);
        if (name == "ephemeral-storage") {
            const auto capacity = config.capacity.at(name);
            quantity -= api::Quantity::fromValue(capacity.value() * hardEvictionNodefsPercent / 100,
                                                 api::Quantity::Format::BinarySI);
        }
        if (quantity.sign() < 0)
            quantity = api::Quantity::fromValue(0, quantity.format());
    }
    return result;
}

std::string NodeStatusBuilder::kubeletVersion(const api::ClusterSpec &cluster)
{
    std::string v = cluster.kubernetesVersion;
    if (!v.empty() && v.front() != 'v')
        v.insert(v.begin(), 'v');
    // "v1.32" -> "v1.32.0"
    if (std::count(v.begin(), v.end(), '.') == 1)
        v += ".0";
    return v;
}

void NodeStatusBuilder::fillStatic(store::Node &node) const
{
    node.status.capacity = m_config.capacity;
    node.status.allocatable = allocatable(m_config);
    node.status.addresses.clear();
    if (!m_config.internalIP.empty())
        node.status.addresses.push_back({"InternalIP", m_config.internalIP});
    if (!m_config.externalIP.empty())
        node.status.addresses.push_back({"ExternalIP", m_config.externalIP});
    node.status.addresses.push_back({"Hostname", m_config.nodeName});
    store::NodeSystemInfo &info = node.status.nodeInfo;
    info.bootID = m_bootID;
    if (info.machineID.empty()) {
        // Stable per node: derived from the name, so a reboot keeps it.
        std::uint64_t h = 1469598103934665603ULL;
        for (char c : m_config.nodeName)
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h),
                      static_cast<unsigned long long>(h * 31 + 7));
        info.machineID = buf;
        info.systemUUID = info.machineID.substr(0, 8) + '-' + info.machineID.substr(8, 4) + '-'
                          + info.machineID.substr(12, 4) + '-' + info.machineID.substr(16, 4) + '-'
                          + info.machineID.substr(20, 12);
    }
    info.kernelVersion = "6.8.0-1015-generic";
    info.osImage = "Ubuntu 24.04.1 LTS";
    info.containerRuntimeVersion = "containerd://1.7.24";
    info.kubeletVersion = kubeletVersion(m_cluster);
    // kube-proxy's version is no longer reported by the kubelet since 1.31 (deprecated field).
    info.kubeProxyVersion = m_cluster.versionMinor >= 31 ? std::string() : info.kubeletVersion;
    info.operatingSystem = "linux";
    info.architecture = "amd64";
}

NodeStatusBuilder::ConditionView NodeStatusBuilder::conditionFor(const store::Node &node,
                                                                  std::string_view type) const
{
    for (const ConditionText &text : conditionTexts) {
        if (type != text.type)
            continue;
        const char *status = text.okStatus;
        if (type == "Ready" && m_config.requirePodCidr && node.spec.podCIDR.empty())
            status = "False";
        const auto it = m_overrides.empty() ? m_overrides.end() : m_overrides.find(std::string(type));
        if (it != m_overrides.end())
            status = it->second == "True" ? "True" : it->second == "False" ? "False" : "Unknown";
        if (std::string_view(status) == text.okStatus)
            return {status, text.okReason, text.okMessage};
        if (type == "Ready" && it != m_overrides.end()) {
            // The kubelet's own reason to report NotReady (e.g. "node is shutting down").
            const auto message = m_overrides.find("Ready/message");
            return {status, text.badReason,
                    message != m_overrides.end() ? message->second.c_str()
                                                 : "kubelet reports the node not ready (scenario SetCondition)"};
        }
        return {status, text.badReason, text.badMessage};
    }
    return {"Unknown", "", ""};
}

bool NodeStatusBuilder::wouldChange(const store::Node &node) const
{
    if (node.status.capacity != m_config.capacity || node.status.nodeInfo.bootID != m_bootID)
        return true;
    for (const ConditionText &text : conditionTexts) {
        const store::NodeCondition *old = node.condition(text.type);
        const ConditionView want = conditionFor(node, text.type);
        if (!old || old->status != want.status || old->reason != want.reason || old->message != want.message)
            return true;
    }
    if (m_overrides.empty())
        return false;
    const auto it = m_overrides.find("NetworkUnavailable");
    const store::NodeCondition *network = node.condition("NetworkUnavailable");
    return it != m_overrides.end() && (!network || network->status != it->second);
}

bool NodeStatusBuilder::apply(store::Node &node, SimTime now) const
{
    const store::Node before = node;
    fillStatic(node);
    bool changed = before.status.capacity != node.status.capacity
                   || before.status.allocatable != node.status.allocatable
                   || before.status.nodeInfo.bootID != node.status.nodeInfo.bootID;
    std::vector<store::NodeCondition> conditions;
    for (const ConditionText &text : conditionTexts) {
        store::NodeCondition c;
        c.type = text.type;
        const ConditionView want = conditionFor(node, c.type);
        c.status = want.status;
        c.reason = want.reason;
        c.message = want.message;
        const store::NodeCondition *old = before.condition(c.type);
        // lastTransitionTime changes only when the status flips.
        c.lastTransitionTime = old && old->status == c.status ? old->lastTransitionTime : now;
        c.lastHeartbeatTime = old ? old->lastHeartbeatTime : now;
        if (!old || old->status != c.status || old->reason != c.reason || old->message != c.message)
            changed = true;
        conditions.push_back(std::move(c));
    }
    // NetworkUnavailable is owned by the network plugin / route controller, not the kubelet:
    // only a scenario's SetCondition sets it.
    if (const auto it = m_overrides.find("NetworkUnavailable"); it != m_overrides.end()) {
        store::NodeCondition c{"NetworkUnavailable", it->second,
                               it->second == "True" ? "NoRouteCreated" : "RouteCreated",
                               it->second == "True" ? "Node network is not configured"
                                                    : "RouteController created a route",
                               now, now};
        const store::NodeCondition *old = before.condition(c.type);
        if (old && old->status == c.status) {
            c.lastTransitionTime = old->lastTransitionTime;
            c.lastHeartbeatTime = old->lastHeartbeatTime;
        } else {
            changed = true;
        }
        conditions.insert(conditions.begin(), std::move(c));
    } else if (const store::NodeCondition *old = before.condition("NetworkUnavailable")) {
        conditions.insert(conditions.begin(), *old);
    }
    node.status.conditions = std::move(conditions);
    return changed;
}

} // namespace emu::kubelet
