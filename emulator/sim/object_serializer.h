// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/core/sim_time.h"

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace emu::store {
struct ControllerRevision;
struct CronJob;
struct DaemonSet;
struct Deployment;
struct Job;
struct Lease;
struct Node;
struct ObjectMeta;
struct Pod;
struct PodDisruptionBudget;
struct ReplicaSet;
struct ReplicationController;
struct StatefulSet;
struct UnstructuredObject;
struct WorkloadCondition;
class ObjectStore;
} // namespace emu::store

namespace emu::sim {

/// Turns stored objects into the tree `kubectl get -o yaml` shows, so that what the emulator
/// writes can be diffed against (and read by the same tools as) a real cluster's output.
///
/// kubectl's YAML goes through a Go map on its way out, so every mapping the serializer
/// generates has its keys in byte-wise alphabetical order; fields upstream marks `omitempty`
/// are left out when empty. Times are simulated times, shown relative to the scenario's
/// wall-clock start. Stateless apart from the start time; safe to share between threads.
class ObjectSerializer
{
public:
    /// startTimeMs: the scenario's wall-clock time at t = 0, Unix milliseconds (Scenario
    /// spec.startTime).
    explicit ObjectSerializer(std::int64_t startTimeMs);

    std::int64_t startTimeMs() const { return m_startTimeMs; }

    /// metav1.Time: RFC 3339 UTC, whole seconds (upstream truncates): "2026-01-01T00:00:52Z".
    std::string timestamp(SimTime t) const;
    /// metav1.MicroTime: always six fraction digits, truncated: "2026-01-01T00:00:52.123456Z".
    std::string microTimestamp(SimTime t) const;

    api::Value toValue(const store::Node &node) const;
    api::Value toValue(const store::Lease &lease) const;
    /// The pod's spec as written (defaulted) and its status as the emulator keeps it.
    api::Value toValue(const store::Pod &pod) const;
    /// apiVersion, kind, the manifest's metadata merged with the server-owned fields, then the
    /// body's keys in their original order.
    api::Value toValue(const store::UnstructuredObject &object) const;
    /// Workloads (object_serializer_workloads.cpp): metadata as for unstructured objects, the
    /// spec as written (defaulted), the status the controllers keep.
    api::Value toValue(const store::Deployment &object) const;
    api::Value toValue(const store::ReplicaSet &object) const;
    api::Value toValue(const store::ReplicationController &object) const;
    api::Value toValue(const store::StatefulSet &object) const;
    api::Value toValue(const store::DaemonSet &object) const;
    api::Value toValue(const store::Job &object) const;
    api::Value toValue(const store::CronJob &object) const;
    api::Value toValue(const store::PodDisruptionBudget &object) const;
    api::Value toValue(const store::ControllerRevision &object) const;

    /// Every object of the store as one `kind: List` (apiVersion v1, items,
    /// metadata.resourceVersion ""). Items: Namespaces first, then Nodes, Leases, then the
    /// rest by kind, namespace and name.
    api::Value toList(const store::ObjectStore &store) const;

private:
    api::Value timeValue(SimTime t) const;
    api::Value microTimeValue(SimTime t) const;
    api::Value metaToValue(const store::ObjectMeta &meta, bool withGeneration) const;
    api::Value mergedMetadata(const store::ObjectMeta &meta, const api::Value &written) const;
    api::Value conditionsValue(const std::vector<store::WorkloadCondition> &conditions) const;
    /// Adds the workload kinds of the store to `rest` (kind, namespace, name, value).
    void appendWorkloads(const store::ObjectStore &store,
                         std::vector<std::tuple<std::string, std::string, std::string, api::Value>> &rest) const;

    std::int64_t m_startTimeMs;
};

} // namespace emu::sim
