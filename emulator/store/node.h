// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"

#include "emulator/api/quantity.h"

#include <map>
#include <string>
#include <vector>

namespace emu::store {

struct NodeCondition
{
    std::string type;   ///< Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable
    std::string status; ///< True, False, Unknown
    std::string reason;
    std::string message;
    SimTime lastHeartbeatTime;
    SimTime lastTransitionTime;
};

struct NodeTaint
{
    std::string key;
    std::string value;
    std::string effect; ///< NoSchedule, PreferNoSchedule, NoExecute
    std::optional<SimTime> timeAdded;

    bool sameTaint(const NodeTaint &other) const
    {
        return key == other.key && effect == other.effect;
    }
};

struct NodeAddress
{
    std::string type; ///< Hostname, InternalIP, ExternalIP
    std::string address;
};

struct NodeSystemInfo
{
    std::string machineID, systemUUID, bootID, kernelVersion, osImage, containerRuntimeVersion,
        kubeletVersion, kubeProxyVersion, operatingSystem, architecture;
};

using ResourceList = std::map<std::string, api::Quantity>;

/// A Node as the API server stores it (spec + status), typed for the hot paths.
struct Node
{
    static constexpr const char *apiVersion = "v1";
    static constexpr const char *kind = "Node";

    ObjectMeta meta;

    struct Spec
    {
        std::string podCIDR;
        std::vector<std::string> podCIDRs;
        bool unschedulable = false;
        std::vector<NodeTaint> taints;
        std::string providerID;
    } spec;

    struct Status
    {
        ResourceList capacity;
        ResourceList allocatable;
        std::vector<NodeCondition> conditions;
        std::vector<NodeAddress> addresses;
        NodeSystemInfo nodeInfo;
        int kubeletPort = 10250;
    } status;

    const NodeCondition *condition(std::string_view type) const
    {
        for (const NodeCondition &c : status.conditions)
            if (c.type == type)
                return &c;
        return nullptr;
    }
    NodeCondition *condition(std::string_view type)
    {
        for (NodeCondition &c : status.conditions)
            if (c.type == type)
                return &c;
        return nullptr;
    }
    bool hasTaint(std::string_view key, std::string_view effect) const
    {
        for (const NodeTaint &t : spec.taints)
            if (t.key == key && t.effect == effect)
                return true;
        return false;
    }
};

} // namespace emu::store
