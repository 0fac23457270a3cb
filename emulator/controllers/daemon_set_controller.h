// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_expectations.h"
#include "daemon_pod_template.h"
#include "informer.h"
#include "pod_control.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace emu::ctrl {

/// kube-controller-manager's daemonset-controller (pkg/controller/daemon): one pod of the
/// template on every node that should run it (DaemonPodTemplate::placement: nodeName,
/// nodeSelector, required node affinity, taints against the template's tolerations plus the
/// ones the controller adds itself).
///
/// Each sync (one DaemonSet key):
/// - the history: a ControllerRevision `<name>-<hash>` per template (hash of the template and
///   collisionCount, label controller-revision-hash, revision one above the highest; a
///   template rolled back to is renumbered);
/// - manage: a pod for every node that should run one and has none (its required node
///   affinity replaced by `metadata.name In [node]`, labels controller-revision-hash and, if
///   the DaemonSet carries it, pod-template-generation), created in slow-start batches of at
///   most burstReplicas (250); on nodes where a pod may not continue every daemon pod is
///   deleted; failed pods are deleted with a per-node back-off (1 s doubling to 15 min,
///   event FailedDaemonPod), succeeded ones at once, extra pods beyond the oldest too;
///   unscheduled pods aimed at nodes that are gone are deleted;
/// - RollingUpdate (when expectations are met): maxUnavailable / maxSurge (both scaled
///   against the nodes that should run a pod, rounding up; both 0 means 1 unavailable);
///   OnDelete replaces nothing by itself;
/// - old ControllerRevisions beyond revisionHistoryLimit that no pod uses are deleted;
/// - the status: desired/current/misscheduled/ready/available/unavailable/updated counts and
///   observedGeneration (not raised while waiting for its own writes).
/// Nodes are visited in name order (upstream iterates a Go map). Engine thread only.
class DaemonSetController
{
public:
    struct Settings
    {
        int burstReplicas = 250;                                       ///< daemon.BurstReplicas
        SimDuration failedPodsBackoffBase = SimDuration::seconds(1);   ///< failedPodsBackoff initial
        SimDuration failedPodsBackoffMax = SimDuration::minutes(15);   ///< failedPodsBackoff max
    };

    DaemonSetController(sim::SimContext &context, Informer<store::DaemonSet> &daemonSets,
                        Informer<store::Pod> &pods, Informer<store::Node> &nodes,
                        Informer<store::ControllerRevision> &revisions, Rng rng, Settings settings);
    DaemonSetController(sim::SimContext &context, Informer<store::DaemonSet> &daemonSets,
                        Informer<store::Pod> &pods, Informer<store::Node> &nodes,
                        Informer<store::ControllerRevision> &revisions, Rng rng);

    const WorkQueue &queue() const { return m_queue; }

private:
    using PodPtr = std::shared_ptr<const store::Pod>;
    using NodePtr = std::shared_ptr<const store::Node>;
    using RevisionPtr = std::shared_ptr<const store::ControllerRevision>;
    using PodsByNode = std::map<std::string, std::vector<PodPtr>>;

    struct SyncState
    {
        std::shared_ptr<const store::DaemonSet> ds;
        DaemonPodTemplate podTemplate;
        std::vector<NodePtr> nodes;
        PodsByNode podsByNode;
        std::string hash;
    };

    bool sync(const std::string &key);
    PodsByNode claimPods(const store::DaemonSet &ds);
    std::optional<std::string> constructHistory(const store::DaemonSet &ds, std::string &hash,
                                                std::vector<RevisionPtr> &old);
    void cleanupHistory(const SyncState &s, std::vector<RevisionPtr> old);
    std::optional<std::string> manage(const SyncState &s);
    void podsShouldBeOnNode(const SyncState &s, const store::Node &node, std::vector<std::string> &nodesNeeding,
                            std::vector<std::string> &podsToDelete);
    std::optional<std::string> rollingUpdate(const SyncState &s);
    std::optional<std::string> syncNodes(const SyncState &s, std::vector<std::string> podsToDelete,
                                         std::vector<std::string> nodesNeeding);
    void updateStatus(const SyncState &s, bool updateObservedGeneration);
    /// maxSurge and maxUnavailable scaled to the desired number of nodes (updatedDesiredNodeCounts).
    std::pair<int, int> surgeAndUnavailable(const SyncState &s) const;
    const store::Node *findNode(const SyncState &s, const std::string &name) const;

    void addNode(const NodePtr &node);
    void updateNode(const NodePtr &previous, const NodePtr &node);
    void addPod(const PodPtr &pod);
    void updatePod(const PodPtr &previous, const PodPtr &pod);
    void deletePod(const store::Pod &pod);
    std::shared_ptr<const store::DaemonSet> resolveControllerRef(const std::string &namespaceName,
                                                                 const store::OwnerReference &ref) const;
    void enqueueMatching(const store::Pod &pod);

    struct Backoff
    {
        SimDuration delay;
        SimTime lastUpdate;
    };

    sim::SimContext &m_context;
    Informer<store::DaemonSet> &m_daemonSets;
    Informer<store::Pod> &m_pods;
    Informer<store::Node> &m_nodes;
    Informer<store::ControllerRevision> &m_revisions;
    PodControl m_podControl;
    ControllerExpectations m_expectations;
    Settings m_settings;
    std::map<std::string, Backoff> m_failedPodsBackoff; ///< "<ds uid>/<generation>/<node>"
    WorkQueue m_queue;
};

/// The label daemon pods and ControllerRevisions carry (apps.ControllerRevisionHashLabelKey).
inline constexpr const char *controllerRevisionHashLabel = "controller-revision-hash";

} // namespace emu::ctrl
