// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "event_sink.h"
#include "sim_context.h"

#include "emulator/api/cluster_spec.h"
#include "emulator/api/diagnostic.h"
#include "emulator/api/manifest.h"
#include "emulator/api/node_pool_spec.h"
#include "emulator/api/scenario_spec.h"
#include "emulator/controllers/node_ipam_controller.h"
#include "emulator/controllers/node_lifecycle_controller.h"
#include "emulator/controllers/pod_gc_controller.h"
#include "emulator/controllers/taint_eviction_controller.h"
#include "emulator/controllers/workload_controllers.h"
#include "emulator/core/engine.h"
#include "emulator/core/rng.h"
#include "emulator/kubelet/kubelet.h"
#include "emulator/scheduler/scheduler.h"
#include "emulator/store/object_store.h"
#include "workload_decoder.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace emu::sim {

class NodeChangeObserver;
class ScenarioExecutor;

/// One emulated cluster: the facade the CLI, the tests and the GUI's thread host drive.
/// Built from manifests (a Cluster, NodePools, Node manifests, a Scenario and any other
/// objects); owns the engine, the API server's store, the kubelets and the controllers.
/// Several can live in one process. Engine thread only (see Runner for threads).
class Emulator
{
public:
    struct Options
    {
        std::optional<std::uint64_t> seed;      ///< overrides the Scenario's seed
        std::optional<std::int64_t> durationMs; ///< overrides the Scenario's duration
        bool leaseEvents = false;               ///< record LeaseRenewed events
    };

    /// Returns null with errors in `diagnostics` when the manifests cannot make a cluster
    /// (for example a node name defined twice). Nothing runs until start().
    static std::unique_ptr<Emulator> create(const std::vector<api::Manifest> &manifests,
                                            const Options &options, api::Diagnostics &diagnostics);
    ~Emulator();

    /// Creates the objects and starts the control plane, the kubelets and the scenario at t=0.
    void start();
    /// Runs every event up to `t` (and sets the clock to it).
    void runUntil(SimTime t);

    Engine &engine() { return m_engine; }
    store::ObjectStore &store() { return m_store; }
    const store::ObjectStore &store() const { return m_store; }
    EventSink &events() { return m_events; }
    SimContext &context() { return m_context; }
    const ctrl::NodeLifecycleController &nodeLifecycle() const { return *m_nodeLifecycle; }
    sched::Scheduler &scheduler() { return *m_scheduler; }
    const api::ClusterSpec &cluster() const { return m_cluster; }
    const api::ScenarioSpec &scenario() const { return m_scenario; }
    SimTime endTime() const { return SimTime::fromNs(m_scenario.durationMs * 1'000'000); }
    std::uint64_t seed() const { return m_scenario.seed; }

    kubelet::Kubelet *kubelet(const std::string &nodeName);
    /// Node names in a pool's order, or those whose labels match.
    std::vector<std::string> nodeNames() const;
    /// Grows a NodePool by `count` nodes, whose kubelets start now (AddNode).
    bool addPoolNodes(const std::string &pool, std::int64_t count);
    /// Stops a node's kubelet and deletes its Node and Lease (RemoveNode).
    void removeNode(const std::string &nodeName);
    /// What the pods of a node use now: {cpu millicores, memory bytes} (0 for a node that is down).
    std::pair<std::int64_t, std::int64_t> nodeUsage(const std::string &nodeName);
    /// Lets a node's kubelet catch up with its pods (after it starts or reconnects): starts
    /// the pods bound to it and completes the deletion of those deleted meanwhile.
    void completePodDeletions(const std::string &nodeName);
    const ctrl::TaintEvictionController &taintEviction() const { return *m_taintEviction; }
    ctrl::WorkloadControllers &workloadControllers() { return *m_workloadControllers; }

private:
    Emulator(api::ClusterSpec cluster, api::ScenarioSpec scenario, const Options &options);
    void addKubelet(kubelet::KubeletConfig config);
    kubelet::KubeletConfig poolNodeConfig(const api::NodePoolSpec &pool, std::size_t index);

    api::ClusterSpec m_cluster;
    api::ScenarioSpec m_scenario;
    Engine m_engine;
    store::ObjectStore m_store;
    EventSink m_events;
    Rng m_rng;
    SimContext m_context;
    std::unique_ptr<ctrl::NodeLifecycleController> m_nodeLifecycle;
    std::unique_ptr<ctrl::NodeIpamController> m_ipam;
    std::unique_ptr<ctrl::TaintEvictionController> m_taintEviction;
    std::unique_ptr<ctrl::PodGcController> m_podGc;
    std::unique_ptr<sched::Scheduler> m_scheduler;
    std::unique_ptr<ctrl::WorkloadControllers> m_workloadControllers;
    std::unique_ptr<NodeChangeObserver> m_observer;
    std::unique_ptr<ScenarioExecutor> m_executor;
    std::map<std::string, api::NodePoolSpec> m_pools;
    std::vector<std::unique_ptr<kubelet::Kubelet>> m_kubelets;
    std::map<std::string, kubelet::Kubelet *> m_kubeletByNode;
    std::vector<store::Node> m_manualNodes;
    std::vector<store::UnstructuredObject> m_otherObjects;
    WorkloadObjects m_workloads;
    std::vector<store::Pod> m_initialPods;
    std::size_t m_nodeCount = 0; ///< for addresses
    bool m_started = false;
};

} // namespace emu::sim
