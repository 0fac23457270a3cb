// SPDX-License-Identifier: Apache-2.0
#include "scheduling_check.h"

#include "document.h"
#include "object_fields.h"

#include "emulator/api/node_pool_spec.h"
#include "emulator/kubelet/node_status_builder.h"
#include "emulator/scheduler/failed_scheduling_message.h"
#include "emulator/scheduler/filters.h"
#include "emulator/sim/manifest_fields.h"
#include "emulator/sim/pod_decoder.h"

#include <algorithm>
#include <map>
#include <memory>

namespace app::document {

using emu::api::Value;

namespace {

/// Nodes that look the same to the scheduler, counted once.
struct NodeShape
{
    std::shared_ptr<const emu::store::Node> node;
    std::size_t count = 0;
};

void addKubeletLabels(emu::store::Node &node)
{
    // The labels every kubelet sets on its node (as the emulated kubelet does).
    node.meta.labels["kubernetes.io/hostname"] = node.meta.name;
    node.meta.labels["kubernetes.io/os"] = "linux";
    node.meta.labels["kubernetes.io/arch"] = "amd64";
    node.meta.labels["beta.kubernetes.io/os"] = "linux";
    node.meta.labels["beta.kubernetes.io/arch"] = "amd64";
}

std::shared_ptr<emu::store::Node> poolNode(const emu::api::NodePoolSpec &pool, std::size_t index)
{
    emu::kubelet::KubeletConfig config;
    config.capacity = pool.capacity;
    config.kubeReserved = pool.kubeReserved;
    config.systemReserved = pool.systemReserved;
    auto node = std::make_shared<emu::store::Node>();
    node->meta.name = pool.nodeName(index);
    for (const auto &[key, value] : pool.labelsOfNode(index))
        node->meta.labels[key] = value;
    addKubeletLabels(*node);
    for (const auto &t : pool.taints)
        node->spec.taints.push_back({t.key, t.value, t.effect, std::nullopt});
    node->status.capacity = pool.capacity;
    node->status.allocatable = emu::kubelet::NodeStatusBuilder::allocatable(config);
    return node;
}

emu::api::NodePoolSpec poolOf(const ManifestEntry &e)
{
    emu::api::Diagnostics ignored; // reported by the object's own validation
    return emu::api::NodePoolSpec::fromObject(e.object(), {}, ignored);
}

void addPoolShapes(const ManifestEntry &e, std::vector<NodeShape> &shapes)
{
    const emu::api::NodePoolSpec pool = poolOf(e);
    const std::size_t count = static_cast<std::size_t>(std::max<std::int64_t>(pool.count, 0));
    const std::size_t zones = std::max<std::size_t>(pool.zones.size(), 1);
    for (std::size_t z = 0; z < std::min(zones, count); ++z) {
        // Node i goes to zone i % zones: this many nodes share zone z.
        shapes.push_back({poolNode(pool, z), count / zones + (z < count % zones ? 1 : 0)});
    }
}

std::string shapeKey(const emu::store::Node &node)
{
    std::string key;
    for (const auto &[k, v] : node.meta.labels)
        if (k != "kubernetes.io/hostname")
            key += k + '=' + v + '\n';
    for (const auto &t : node.spec.taints)
        key += t.key + '=' + t.value + ':' + t.effect + '\n';
    for (const auto &[k, q] : node.status.allocatable)
        key += k + '=' + q.toString() + '\n';
    return key + (node.spec.unschedulable ? "u" : "");
}

std::shared_ptr<emu::store::Node> manifestNode(const ManifestEntry &e)
{
    using emu::sim::resourceList;
    const Value &o = e.object();
    auto node = std::make_shared<emu::store::Node>();
    node->meta.name = e.identity.name;
    node->meta.labels = ObjectFields::labels(o);
    addKubeletLabels(*node);
    const Value *spec = o.find("spec");
    const Value *status = o.find("status");
    const Value *taints = spec ? spec->find("taints") : nullptr;
    if (taints && taints->isSequence())
        for (const Value &t : taints->items())
            node->spec.taints.push_back({ObjectFields::text(t.find("key")),
                                         ObjectFields::text(t.find("value")),
                                         ObjectFields::text(t.find("effect")), std::nullopt});
    if (const Value *u = spec ? spec->find("unschedulable") : nullptr)
        node->spec.unschedulable = u->asBool().value_or(false);
    node->status.capacity = resourceList(status ? status->find("capacity") : nullptr,
                                         emu::api::NodePoolSpec::defaultCapacity());
    node->status.allocatable = resourceList(status ? status->find("allocatable") : nullptr,
                                            node->status.capacity);
    return node;
}

void addNodeManifest(const ManifestEntry &e, std::map<std::string, NodeShape> &byShape)
{
    auto node = manifestNode(e);
    NodeShape &shape = byShape[shapeKey(*node)];
    if (!shape.node)
        shape.node = node;
    ++shape.count;
}

std::vector<NodeShape> nodeShapes(const Document &document)
{
    std::vector<NodeShape> shapes;
    std::map<std::string, NodeShape> manifests;
    for (const ManifestEntry &e : document.entries()) {
        if (!e.content.isObject())
            continue;
        if (e.identity.kind == "NodePool" && e.identity.group() == "kubecanvas.io")
            addPoolShapes(e, shapes);
        else if (e.identity.kind == "Node" && e.identity.group().empty())
            addNodeManifest(e, manifests);
    }
    for (auto &[key, shape] : manifests)
        shapes.push_back(std::move(shape));
    return shapes;
}

Value podFromTemplate(const ManifestEntry &e, const Value &tmpl)
{
    if (e.identity.kind == "Pod")
        return e.object();
    Value pod = Value::mapping();
    pod.set("apiVersion", Value::string("v1"));
    pod.set("kind", Value::string("Pod"));
    Value metadata = tmpl.find("metadata") && tmpl.find("metadata")->isMapping()
                         ? *tmpl.find("metadata") : Value::mapping();
    metadata.set("name", Value::string(e.identity.name));
    metadata.set("namespace", Value::string(e.identity.effectiveNamespace()));
    pod.set("metadata", std::move(metadata));
    Value spec = tmpl.find("spec") && tmpl.find("spec")->isMapping() ? *tmpl.find("spec") : Value::mapping();
    if (e.identity.kind == "DaemonSet") {
        // upstream: daemon/util AddOrUpdateDaemonPodTolerations: daemon pods tolerate the
        // node condition taints and unschedulable nodes.
        Value *tolerations = spec.find("tolerations");
        if (!tolerations || !tolerations->isSequence())
            tolerations = &spec.set("tolerations", Value::sequence());
        for (const char *key : {"node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                                "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable"}) {
            Value t = Value::mapping();
            t.set("key", Value::string(key));
            t.set("operator", Value::string("Exists"));
            t.set("effect", Value::string("NoSchedule"));
            tolerations->append(std::move(t));
        }
    }
    pod.set("spec", std::move(spec));
    return pod;
}

std::optional<Problem> check(const ManifestEntry &e, const Value &tmpl, const std::vector<NodeShape> &shapes,
                             const std::vector<emu::sched::NodeInfo> &infos, std::size_t nodes)
{
    const emu::sched::PodInfo pod(std::make_shared<const emu::store::Pod>(
        emu::sim::decodePod(podFromTemplate(e, tmpl))));
    emu::sched::FailedSchedulingMessage message(nodes);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const emu::sched::FilterResult result = emu::sched::runFilters(pod, infos[i]);
        if (result.ok)
            return std::nullopt;
        for (const std::string &reason : result.reasons)
            message.addReasonForNodes(reason, shapes[i].count);
    }
    const std::string base = ObjectFields::podTemplatePath(e.identity.kind);
    const Value *spec = tmpl.find("spec");
    return Problem{e.uid, emu::api::Severity::Warning, spec ? spec->pos() : tmpl.pos(),
                   base.empty() ? "spec" : base + ".spec",
                   "no node can run its pods: " + message.toString(), true};
}

} // namespace

void SchedulingCheck::run(const Document &document, std::vector<Problem> &out)
{
    const std::vector<NodeShape> shapes = nodeShapes(document);
    std::size_t nodes = 0;
    std::string nodesKey;
    for (const NodeShape &s : shapes) {
        nodes += s.count;
        nodesKey += shapeKey(*s.node) + std::to_string(s.count) + '\n';
    }
    if (nodesKey != m_nodesKey) {
        m_cache.clear();
        m_nodesKey = nodesKey;
    }
    if (nodes == 0)
        return;
    std::vector<emu::sched::NodeInfo> infos;
    for (const NodeShape &s : shapes)
        infos.emplace_back(s.node);
    std::unordered_map<ObjectUid, Cached> next;
    for (const ManifestEntry &e : document.entries()) {
        if (!e.hasPodTemplate)
            continue;
        const auto hit = m_cache.find(e.uid);
        if (hit != m_cache.end() && hit->second.text == e.text()) {
            next.emplace(e.uid, std::move(hit->second));
        } else {
            const Value *tmpl = ObjectFields::podTemplate(e.object(), e.identity.kind);
            next.emplace(e.uid, Cached{e.text(), check(e, *tmpl, shapes, infos, nodes)});
        }
        if (const std::optional<Problem> &p = next[e.uid].problem)
            out.push_back(*p);
    }
    m_cache = std::move(next);
}

std::vector<std::string> SchedulingCheck::allowedNodes(const Document &document, ObjectUid uid)
{
    const ManifestEntry *e = document.entry(uid);
    const Value *tmpl = e && e->hasPodTemplate ? ObjectFields::podTemplate(e->object(), e->identity.kind) : nullptr;
    if (!tmpl)
        return {};
    const emu::sched::PodInfo pod(std::make_shared<const emu::store::Pod>(
        emu::sim::decodePod(podFromTemplate(*e, *tmpl))));
    std::vector<std::string> out;
    const auto consider = [&](std::shared_ptr<emu::store::Node> node) {
        // Each node on its own: its hostname label differs from the others'.
        if (emu::sched::runFilters(pod, emu::sched::NodeInfo(node)).ok)
            out.push_back(node->meta.name);
    };
    for (const ManifestEntry &n : document.entries()) {
        if (!n.content.isObject())
            continue;
        if (n.identity.kind == "NodePool" && n.identity.group() == "kubecanvas.io") {
            const emu::api::NodePoolSpec pool = poolOf(n);
            const auto count = std::clamp<std::int64_t>(pool.count, 0, emu::api::NodePoolSpec::kMaxNodes);
            for (std::int64_t i = 0; i < count; ++i)
                consider(poolNode(pool, static_cast<std::size_t>(i)));
        } else if (n.identity.kind == "Node" && n.identity.group().empty()) {
            consider(manifestNode(n));
        }
    }
    return out;
}

} // namespace app::document
