// SPDX-License-Identifier: Apache-2.0
#include "emulator.h"

#include "manifest_fields.h"
#include "node_change_observer.h"
#include "pod_decoder.h"
#include "scenario_executor.h"
#include "unstructured_decoder.h"

#include "emulator/api/kind_registry.h"
#include "emulator/api/taint.h"

#include <algorithm>

namespace emu::sim {

namespace {

constexpr const char *manualNodeAnnotation = "kubecanvas.io/manual";

std::vector<store::NodeTaint> taintsOf(const api::Value *list)
{
    std::vector<store::NodeTaint> taints;
    if (!list || !list->isSequence())
        return taints;
    for (const api::Value &item : list->items()) {
        store::NodeTaint t;
        if (const api::Value *v = item.find("key"))
            t.key = v->text();
        if (const api::Value *v = item.find("value"))
            t.value = v->text();
        if (const api::Value *v = item.find("effect"))
            t.effect = v->text();
        taints.push_back(std::move(t));
    }
    return taints;
}

std::string address(int firstOctet, int secondOctet, std::size_t index)
{
    return std::to_string(firstOctet) + '.' + std::to_string(secondOctet) + '.'
           + std::to_string(index / 254) + '.' + std::to_string(index % 254 + 1);
}

void fail(api::Diagnostics &out, const api::Manifest &m, std::string path, std::string message)
{
    out.push_back({api::Severity::Error, m.file, m.pos, std::move(path), std::move(message)});
}

} // namespace

Emulator::Emulator(api::ClusterSpec cluster, api::ScenarioSpec scenario, const Options &options)
    : m_cluster(std::move(cluster))
    , m_scenario(std::move(scenario))
    , m_store(m_engine)
    , m_events(m_engine)
    , m_rng(options.seed.value_or(m_scenario.seed))
    , m_context{m_engine, m_store, m_events, m_cluster, m_rng, options.leaseEvents, m_scenario.startTimeMs}
{
    if (options.seed)
        m_scenario.seed = *options.seed;
    if (options.durationMs)
        m_scenario.durationMs = *options.durationMs;
    m_nodeLifecycle = std::make_unique<ctrl::NodeLifecycleController>(m_context);
    m_ipam = std::make_unique<ctrl::NodeIpamController>(m_context);
    m_taintEviction = std::make_unique<ctrl::TaintEvictionController>(m_context);
    m_podGc = std::make_unique<ctrl::PodGcController>(m_context);
    m_scheduler = std::make_unique<sched::Scheduler>(m_context, m_rng.child("scheduler"));
    m_workloadControllers = std::make_unique<ctrl::WorkloadControllers>(m_context);
    m_observer = std::make_unique<NodeChangeObserver>(m_context);
    m_executor = std::make_unique<ScenarioExecutor>(*this, m_scenario);
}

Emulator::~Emulator()
{
    m_kubelets.clear(); // before the engine and store they reference
}

std::unique_ptr<Emulator> Emulator::create(const std::vector<api::Manifest> &manifests,
                                           const Options &options, api::Diagnostics &diagnostics)
{
    const std::size_t errorsBefore = std::count_if(diagnostics.begin(), diagnostics.end(),
        [](const api::Diagnostic &d) { return d.severity == api::Severity::Error; });
    api::ClusterSpec cluster = api::ClusterSpec::defaultsFor(1, 32);
    api::ScenarioSpec scenario;
    const api::Manifest *clusterManifest = nullptr;
    const api::Manifest *scenarioManifest = nullptr;
    std::vector<api::NodePoolSpec> pools;
    std::vector<const api::Manifest *> nodeManifests;
    std::vector<const api::Manifest *> others;
    std::vector<const api::Manifest *> pods;
    for (const api::Manifest &m : manifests) {
        const std::string kind = m.kind();
        if (m.group() == "kubecanvas.io") {
            if (kind == "Cluster") {
                if (clusterManifest)
                    fail(diagnostics, m, "kind", "only one Cluster per project; the first is at "
                                                     + clusterManifest->file + ":" + std::to_string(clusterManifest->pos.line));
                clusterManifest = &m;
                cluster = api::ClusterSpec::fromObject(m.object, m.file, diagnostics);
            } else if (kind == "Scenario") {
                if (scenarioManifest)
                    fail(diagnostics, m, "kind", "only one Scenario can run at a time; the first is at "
                                                     + scenarioManifest->file + ":" + std::to_string(scenarioManifest->pos.line));
                scenarioManifest = &m;
                scenario = api::ScenarioSpec::fromObject(m.object, m.file, diagnostics);
            } else if (kind == "NodePool") {
                pools.push_back(api::NodePoolSpec::fromObject(m.object, m.file, diagnostics));
            }
        } else if (m.group().empty() && kind == "Node") {
            nodeManifests.push_back(&m);
        } else if (m.group().empty() && kind == "Pod") {
            pods.push_back(&m);
        } else {
            others.push_back(&m);
        }
    }
    // Node names are cluster-wide: a clash between pools and manifests is an error.
    std::map<std::string, std::string> nodeOrigin;
    auto claim = [&](const std::string &name, const std::string &origin, const api::Manifest *m) {
        const auto [it, inserted] = nodeOrigin.emplace(name, origin);
        if (!inserted && m)
            fail(diagnostics, *m, "metadata.name",
                 "node name \"" + name + "\" is defined twice (" + it->second + " and " + origin + ")");
        else if (!inserted)
            diagnostics.push_back({api::Severity::Error, {}, {}, {},
                                   "node name \"" + name + "\" is defined twice (" + it->second
                                       + " and " + origin + ")"});
    };
    for (const api::NodePoolSpec &pool : pools)
        for (const std::string &name : pool.nodeNames())
            claim(name, "NodePool " + pool.name, nullptr);
    for (const api::Manifest *m : nodeManifests)
        claim(m->name(), "Node manifest at " + m->file + ":" + std::to_string(m->pos.line), m);

    const std::size_t errorsAfter = std::count_if(diagnostics.begin(), diagnostics.end(),
        [](const api::Diagnostic &d) { return d.severity == api::Severity::Error; });
    if (errorsAfter > errorsBefore)
        return nullptr;

    std::unique_ptr<Emulator> emulator(new Emulator(std::move(cluster), std::move(scenario), options));
    for (const api::NodePoolSpec &pool : pools) {
        emulator->m_pools[pool.name] = pool;
        for (std::size_t i = 0; i < pool.nodeNames().size(); ++i)
            emulator->addKubelet(emulator->poolNodeConfig(pool, i));
    }
    for (const api::Manifest *m : nodeManifests) {
        const api::Value *metadata = m->object.find("metadata");
        const api::Value *spec = m->object.find("spec");
        const api::Value *status = m->object.find("status");
        const api::Labels annotations = stringMap(metadata ? metadata->find("annotations") : nullptr);
        const auto manual = annotations.find(manualNodeAnnotation);
        if (manual != annotations.end() && manual->second == "true") {
            // Added as given, with no kubelet behind it (kubelet --register-node=false).
            store::Node node;
            node.meta.name = m->name();
            node.meta.labels = stringMap(metadata ? metadata->find("labels") : nullptr);
            node.meta.annotations = annotations;
            node.spec.taints = taintsOf(spec ? spec->find("taints") : nullptr);
            if (const api::Value *u = spec ? spec->find("unschedulable") : nullptr)
                node.spec.unschedulable = u->asBool().value_or(false);
            node.status.capacity = resourceList(status ? status->find("capacity") : nullptr, {});
            node.status.allocatable = resourceList(status ? status->find("allocatable") : nullptr,
                                                  node.status.capacity);
            emulator->m_manualNodes.push_back(std::move(node));
            continue;
        }
        kubelet::KubeletConfig config;
        config.nodeName = m->name();
        config.labels = stringMap(metadata ? metadata->find("labels") : nullptr);
        config.annotations = annotations;
        config.registerWithTaints = taintsOf(spec ? spec->find("taints") : nullptr);
        if (const api::Value *u = spec ? spec->find("unschedulable") : nullptr)
            config.unschedulable = u->asBool().value_or(false);
        config.capacity = resourceList(status ? status->find("capacity") : nullptr,
                                      api::NodePoolSpec::defaultCapacity());
        config.internalIP = address(10, 0, emulator->m_nodeCount);
        config.externalIP = address(100, 64, emulator->m_nodeCount);
        ++emulator->m_nodeCount;
        emulator->addKubelet(std::move(config));
    }
    for (const api::Manifest *m : pods)
        emulator->m_initialPods.push_back(decodePod(m->object));
    for (const api::Manifest *m : others)
        if (!decodeWorkload(m->object, emulator->m_workloads))
            emulator->m_otherObjects.push_back(decodeUnstructured(m->object));
    return emulator;
}

kubelet::KubeletConfig Emulator::poolNodeConfig(const api::NodePoolSpec &pool, std::size_t index)
{
    kubelet::KubeletConfig config;
    config.nodeName = pool.nodeName(index);
    for (const auto &[key, value] : pool.labelsOfNode(index))
        config.labels[key] = value;
    for (const auto &t : pool.taints)
        config.registerWithTaints.push_back({t.key, t.value, t.effect, std::nullopt});
    config.capacity = pool.capacity;
    config.kubeReserved = pool.kubeReserved;
    config.systemReserved = pool.systemReserved;
    config.internalIP = address(10, 0, m_nodeCount);
    config.externalIP = address(100, 64, m_nodeCount);
    ++m_nodeCount;
    return config;
}

void Emulator::addKubelet(kubelet::KubeletConfig config)
{
    const std::string name = config.nodeName;
    auto kubelet = std::make_unique<kubelet::Kubelet>(m_context, std::move(config), m_rng.child("kubelet/" + name));
    m_kubeletByNode[name] = kubelet.get();
    m_kubelets.push_back(std::move(kubelet));
}

void Emulator::start()
{
    if (m_started)
        return;
    m_started = true;
    // Objects first (namespaces before the rest), then the control plane, then the nodes.
    for (const store::UnstructuredObject &object : m_otherObjects)
        if (object.kind == "Namespace")
            m_store.others().create(object);
    for (const store::UnstructuredObject &object : m_otherObjects)
        if (object.kind != "Namespace")
            if (const store::StoreResult r = m_store.others().create(object); !r.ok())
                m_events.record("Warning", "FailedCreate", object.kind, object.meta.namespaceName,
                                object.meta.name, "Error creating: " + r.message);
    m_workloads.createIn(m_store);
    for (const store::Node &node : m_manualNodes)
        m_store.nodes().create(node);
    // A pod the API server's admission rejects (e.g. an unknown priorityClassName) is not
    // created; kubectl would print the error, the emulator records it.
    for (const store::Pod &pod : m_initialPods)
        if (const store::StoreResult r = m_store.pods().create(pod); !r.ok())
            m_events.record("Warning", "FailedCreate", "Pod", pod.meta.namespaceName, pod.meta.name,
                            "Error creating: " + r.message);
    // Each pod is handed to the kubelet of its node: started once bound, and removed once
    // deleted (a pod never bound is removed at once, as the API server does).
    m_store.pods().watch([this](const store::WatchEvent<store::Pod> &event) {
        if (event.type == store::WatchEventType::Deleted)
            return;
        const store::Pod &pod = *event.object;
        if (pod.meta.deletionTimestamp && pod.spec.nodeName.empty()) {
            m_store.pods().remove(pod.meta.key());
            return;
        }
        kubelet::Kubelet *k = pod.spec.nodeName.empty() ? nullptr : kubelet(pod.spec.nodeName);
        if (!k)
            return;
        if (pod.meta.deletionTimestamp)
            k->killPod(pod);
        else if (!pod.status.startTime)
            k->syncPod(pod);
    });
    m_observer->start();
    m_ipam->start();
    m_nodeLifecycle->start();
    m_taintEviction->start();
    m_podGc->start();
    m_scheduler->start();
    m_workloadControllers->start();
    for (const auto &kubelet : m_kubelets)
        kubelet->start(true);
    // Pods bound in the manifests start once their kubelet has registered.
    m_engine.schedule(SimDuration(), [this] {
        for (const auto &k : m_kubelets)
            completePodDeletions(k->nodeName());
    });
    m_executor->start();
}

void Emulator::runUntil(SimTime t)
{
    start();
    m_engine.runUntil(t);
}

kubelet::Kubelet *Emulator::kubelet(const std::string &nodeName)
{
    const auto it = m_kubeletByNode.find(nodeName);
    return it == m_kubeletByNode.end() ? nullptr : it->second;
}

std::vector<std::string> Emulator::nodeNames() const
{
    std::vector<std::string> names;
    for (const auto &node : m_store.nodes().list())
        names.push_back(node->meta.name);
    return names;
}

bool Emulator::addPoolNodes(const std::string &poolName, std::int64_t count)
{
    const auto it = m_pools.find(poolName);
    if (it == m_pools.end() || count <= 0) {
        m_events.record("Warning", "ActionFailed", "NodePool", "", poolName,
                        "AddNode: no NodePool named \"" + poolName + "\"");
        return false;
    }
    api::NodePoolSpec &pool = it->second;
    const std::size_t first = static_cast<std::size_t>(pool.count);
    pool.count += count;
    for (std::size_t i = first; i < static_cast<std::size_t>(pool.count); ++i) {
        if (kubelet(pool.nodeName(i)))
            continue;
        addKubelet(poolNodeConfig(pool, i));
        m_kubelets.back()->start(true);
    }
    return true;
}

void Emulator::completePodDeletions(const std::string &nodeName)
{
    kubelet::Kubelet *k = kubelet(nodeName);
    if (!k || !k->isRunning() || k->isPartitioned())
        return; // Terminating until the kubelet is back (or the pod is force-deleted)
    for (const auto &pod : m_store.pods().list()) {
        if (pod->spec.nodeName != nodeName)
            continue;
        if (pod->meta.deletionTimestamp)
            k->killPod(*pod);
        else
            k->syncPod(*pod); // starts new pods, restarts those of a rebooted machine
    }
}

std::pair<std::int64_t, std::int64_t> Emulator::nodeUsage(const std::string &nodeName)
{
    kubelet::Kubelet *k = kubelet(nodeName);
    if (!k || !k->isRunning())
        return {0, 0};
    std::int64_t cpu = 0;
    std::int64_t memory = 0;
    for (const auto &[key, worker] : k->workers()) {
        if (worker->isTerminated())
            continue;
        cpu += worker->cpuUsageMillis();
        memory += worker->memoryUsage(m_engine.now());
    }
    return {cpu, memory};
}

void Emulator::removeNode(const std::string &nodeName)
{
    if (kubelet::Kubelet *k = kubelet(nodeName))
        k->stop();
    m_store.nodes().remove(nodeName);
    // The Lease is owned by the Node; the garbage collector removes it with it.
    m_store.leases().remove("kube-node-lease/" + nodeName);
}

} // namespace emu::sim
