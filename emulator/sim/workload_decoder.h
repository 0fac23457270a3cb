// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/store/object_store.h"

#include <optional>
#include <string>
#include <vector>

namespace emu::sim {

/// The workload objects of a project, typed (Deployments, ReplicaSets,
/// ReplicationControllers, StatefulSets, DaemonSets, Jobs, CronJobs, PodDisruptionBudgets,
/// ControllerRevisions), before they are created in the store.
struct WorkloadObjects
{
    std::vector<store::Deployment> deployments;
    std::vector<store::ReplicaSet> replicaSets;
    std::vector<store::ReplicationController> replicationControllers;
    std::vector<store::StatefulSet> statefulSets;
    std::vector<store::DaemonSet> daemonSets;
    std::vector<store::Job> jobs;
    std::vector<store::CronJob> cronJobs;
    std::vector<store::PodDisruptionBudget> podDisruptionBudgets;
    std::vector<store::ControllerRevision> controllerRevisions;

    /// Creates every object in the store, in the order above.
    void createIn(store::ObjectStore &store) const;
};

/// True for the manifests the workload controllers run: apps/v1 Deployment, ReplicaSet,
/// StatefulSet, DaemonSet, ControllerRevision; v1 ReplicationController; batch/v1 Job and
/// CronJob; policy/v1 PodDisruptionBudget. Other versions stay unstructured.
bool isWorkloadManifest(const api::Value &manifest);

/// Decodes a workload manifest as the API server admits it (defaulting applied, status and
/// server-owned metadata dropped, the namespace defaulted to "default") into `out`. The
/// manifest's ownerReferences are not kept: their uids belong to another cluster, and the
/// controllers adopt what their selectors match. False if it is no workload manifest.
bool decodeWorkload(const api::Value &manifest, WorkloadObjects &out);

/// `kubectl apply` of a workload manifest: creates the object, or replaces its spec, labels
/// and annotations (a spec change bumps metadata.generation). Returns "Kind namespace/name",
/// or nullopt if it is no workload manifest.
std::optional<std::string> applyWorkload(store::ObjectStore &store, const api::Value &manifest);

} // namespace emu::sim
