// SPDX-License-Identifier: Apache-2.0
#include "cluster_nodes.h"

#include "document/document.h"
#include "document/object_fields.h"

#include "emulator/api/node_pool_spec.h"

#include <algorithm>

namespace app::canvas {

using namespace app::document;

namespace ClusterNodes {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString capacityOf(const emu::api::Value *capacity, const char *resource,
                   const emu::api::NodePoolSpec::ResourceList &defaults)
{
    if (const emu::api::Value *v = capacity ? capacity->find(resource) : nullptr)
        return q(ObjectFields::text(v));
    const auto it = defaults.find(resource);
    return it == defaults.end() ? QString() : q(it->second.toString());
}

ClusterNode nodeOfManifest(const ManifestEntry &entry)
{
    const emu::api::Value &o = entry.object();
    ClusterNode node;
    node.name = q(entry.identity.name);
    node.uid = entry.uid;
    const emu::api::Labels labels = ObjectFields::labels(o);
    for (const auto &[key, value] : labels)
        node.labels << q(key + '=' + value);
    auto zone = labels.find(kZoneLabel);
    if (zone == labels.end()) // the label's beta name, still read by upstream for old nodes
        zone = labels.find("failure-domain.beta.kubernetes.io/zone");
    if (zone != labels.end())
        node.zone = q(zone->second);
    const auto defaults = emu::api::NodePoolSpec::defaultCapacity();
    const emu::api::Value *capacity = ObjectFields::at(o, {"status", "capacity"});
    node.cpu = capacityOf(capacity, "cpu", defaults);
    node.memory = capacityOf(capacity, "memory", defaults);
    node.pods = capacityOf(capacity, "pods", defaults);
    const emu::api::Value *taints = ObjectFields::at(o, {"spec", "taints"});
    if (taints && taints->isSequence())
        for (const emu::api::Value &t : taints->items())
            node.taints << q(ObjectFields::text(t.find("key")) + '=' + ObjectFields::text(t.find("value"))
                             + ':' + ObjectFields::text(t.find("effect")));
    return node;
}

std::vector<ClusterNode> nodesOfPool(const ManifestEntry &entry)
{
    emu::api::Diagnostics ignored; // reported by the object's own validation
    const emu::api::NodePoolSpec pool = emu::api::NodePoolSpec::fromObject(entry.object(), {}, ignored);
    const auto count = static_cast<std::size_t>(
        std::clamp<std::int64_t>(pool.count, 0, emu::api::NodePoolSpec::kMaxNodes));
    ClusterNode base;
    base.uid = entry.uid;
    base.fromPool = true;
    const auto capacity = [&pool](const char *resource) {
        const auto it = pool.capacity.find(resource);
        return it == pool.capacity.end() ? QString() : q(it->second.toString());
    };
    base.cpu = capacity("cpu");
    base.memory = capacity("memory");
    base.pods = capacity("pods");
    for (const auto &t : pool.taints)
        base.taints << q(t.key + '=' + t.value + ':' + t.effect);
    std::vector<ClusterNode> nodes(count, base);
    for (std::size_t i = 0; i < count; ++i) {
        nodes[i].name = q(pool.nodeName(i));
        nodes[i].zone = q(pool.zoneOfNode(i));
        for (const auto &[key, value] : pool.labelsOfNode(i))
            nodes[i].labels << q(key + '=' + value);
    }
    return nodes;
}

} // namespace

bool drawsNodes(const ManifestEntry &entry)
{
    if (!entry.content.isObject())
        return false;
    const std::string group = entry.identity.group();
    return (entry.identity.kind == "Node" && group.empty())
           || (entry.identity.kind == "NodePool" && group == "kubecanvas.io");
}

std::vector<ClusterNode> ofEntry(const ManifestEntry &entry)
{
    if (!drawsNodes(entry))
        return {};
    if (entry.identity.kind == "Node")
        return {nodeOfManifest(entry)};
    return nodesOfPool(entry);
}

std::vector<ClusterNode> collect(const Document &document)
{
    std::vector<ClusterNode> out;
    for (const ManifestEntry &entry : document.entries())
        for (ClusterNode &node : ofEntry(entry))
            out.push_back(std::move(node));
    return out;
}

} // namespace ClusterNodes

} // namespace app::canvas
