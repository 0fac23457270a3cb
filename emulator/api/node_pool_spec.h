// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "quantity.h"
#include "value.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emu::api {

/// The typed `spec` of a `kubecanvas.io/v1alpha1` NodePool: `count` identical nodes made
/// from one template. Node i (from 0) is named `<pool name>-<i>`; with zones, it goes to
/// `zones[i % zones.size()]` and carries the label `topology.kubernetes.io/zone`.
struct NodePoolSpec
{
    struct Taint
    {
        std::string key;
        std::string value;
        std::string effect; ///< NoSchedule | PreferNoSchedule | NoExecute
    };

    using Labels = std::vector<std::pair<std::string, std::string>>; ///< in source order
    using ResourceList = std::map<std::string, Quantity>;

    std::string name; ///< metadata.name, the node-name prefix
    std::int64_t count = 1;
    std::vector<std::string> zones;
    Labels labels; ///< spec.template.metadata.labels
    std::vector<Taint> taints;
    /// status.capacity of each node; defaults cpu 4, memory 16Gi, pods 110 (kubelet maxPods),
    /// ephemeral-storage 100Gi. Extra keys (hugepages-2Mi, example.com/gpu) are kept.
    ResourceList capacity;
    ResourceList kubeReserved;   ///< KubeletConfiguration kubeReserved (cpu, memory, ephemeral-storage, pid)
    ResourceList systemReserved; ///< KubeletConfiguration systemReserved

    static constexpr std::string_view kZoneLabel = "topology.kubernetes.io/zone";
    /// Upstream's documented limit ("Considerations for large clusters": at most 5,000 nodes).
    static constexpr std::int64_t kMaxNodes = 5000;

    /// Decodes a NodePool object; always returns a usable spec and reports problems to `out`.
    static NodePoolSpec fromObject(const Value &object, const std::string &file, Diagnostics &out);
    /// The default capacity, as a ResourceList.
    static ResourceList defaultCapacity();

    std::string nodeName(std::size_t index) const;
    std::vector<std::string> nodeNames() const;
    /// The node's index if `nodeName` is one of this pool's nodes.
    std::optional<std::size_t> indexOfNode(std::string_view nodeName) const;
    /// The zone of node `index`, or "" when the pool has no zones.
    std::string zoneOfNode(std::size_t index) const;
    /// The template labels plus, when the pool has zones, the zone label (which wins).
    Labels labelsOfNode(std::size_t index) const;
};

} // namespace emu::api
