// SPDX-License-Identifier: Apache-2.0
// ObjectSerializer for the workload kinds: Deployments, ReplicaSets, ReplicationControllers,
// StatefulSets, DaemonSets, Jobs, CronJobs, PodDisruptionBudgets, ControllerRevisions. Status
// fields follow upstream's JSON tags: `omitempty` ones are left out when zero.
#include "object_serializer.h"

#include "emulator/store/object_store.h"

#include <algorithm>

namespace emu::sim {

using api::Value;

namespace {

/// Sets an int32 field; `always` for the fields without omitempty.
void setCount(Value &status, const char *key, std::int64_t value, bool always = false)
{
    if (always || value != 0)
        status.set(key, Value::integer(value));
}

void setOptional(Value &status, const char *key, const std::optional<std::int32_t> &value)
{
    if (value)
        status.set(key, Value::integer(*value));
}

// The keys of a status built in any order, sorted as kubectl prints them.
Value sorted(const Value &mapping)
{
    std::vector<std::size_t> order(mapping.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return mapping.keyAt(a).text() < mapping.keyAt(b).text();
    });
    Value out = Value::mapping();
    for (std::size_t i : order)
        out.appendEntry(mapping.keyAt(i), mapping.valueAt(i));
    return out;
}

Value replicaSetStatus(const store::ReplicaSetStatus &st, const Value &conditions)
{
    Value status = Value::mapping();
    setCount(status, "availableReplicas", st.availableReplicas);
    if (conditions.size() > 0)
        status.set("conditions", conditions);
    setCount(status, "fullyLabeledReplicas", st.fullyLabeledReplicas);
    setCount(status, "observedGeneration", st.observedGeneration);
    setCount(status, "readyReplicas", st.readyReplicas);
    setCount(status, "replicas", st.replicas, true);
    return status;
}

} // namespace

Value ObjectSerializer::conditionsValue(const std::vector<store::WorkloadCondition> &conditions) const
{
    Value list = Value::sequence();
    for (const store::WorkloadCondition &c : conditions) {
        Value item = Value::mapping();
        if (c.lastProbeTime)
            item.set("lastProbeTime", timeValue(*c.lastProbeTime));
        item.set("lastTransitionTime", timeValue(c.lastTransitionTime));
        if (c.lastUpdateTime)
            item.set("lastUpdateTime", timeValue(*c.lastUpdateTime));
        if (!c.message.empty())
            item.set("message", Value::string(c.message));
        if (c.observedGeneration)
            item.set("observedGeneration", Value::integer(*c.observedGeneration));
        if (!c.reason.empty())
            item.set("reason", Value::string(c.reason));
        item.set("status", Value::string(c.status));
        item.set("type", Value::string(c.type));
        list.append(std::move(item));
    }
    return list;
}

namespace {

template<class T>
Value workloadObject(const T &object, Value metadata, Value status)
{
    Value out = Value::mapping();
    out.set("apiVersion", Value::string(T::apiVersion));
    out.set("kind", Value::string(T::kind));
    out.set("metadata", std::move(metadata));
    out.set("spec", object.spec.full);
    out.set("status", sorted(status));
    return out;
}

} // namespace

Value ObjectSerializer::toValue(const store::Deployment &d) const
{
    Value status = Value::mapping();
    setCount(status, "availableReplicas", d.status.availableReplicas);
    setOptional(status, "collisionCount", d.status.collisionCount);
    if (!d.status.conditions.empty())
        status.set("conditions", conditionsValue(d.status.conditions));
    setCount(status, "observedGeneration", d.status.observedGeneration);
    setCount(status, "readyReplicas", d.status.readyReplicas);
    setCount(status, "replicas", d.status.replicas);
    setCount(status, "unavailableReplicas", d.status.unavailableReplicas);
    setCount(status, "updatedReplicas", d.status.updatedReplicas);
    return workloadObject(d, mergedMetadata(d.meta, d.metadata), std::move(status));
}

Value ObjectSerializer::toValue(const store::ReplicaSet &rs) const
{
    return workloadObject(rs, mergedMetadata(rs.meta, rs.metadata),
                          replicaSetStatus(rs.status, conditionsValue(rs.status.conditions)));
}

Value ObjectSerializer::toValue(const store::ReplicationController &rc) const
{
    return workloadObject(rc, mergedMetadata(rc.meta, rc.metadata),
                          replicaSetStatus(rc.status, conditionsValue(rc.status.conditions)));
}

Value ObjectSerializer::toValue(const store::StatefulSet &ss) const
{
    const auto &st = ss.status;
    Value status = Value::mapping();
    setCount(status, "availableReplicas", st.availableReplicas, true);
    setOptional(status, "collisionCount", st.collisionCount);
    if (!st.conditions.empty())
        status.set("conditions", conditionsValue(st.conditions));
    setCount(status, "currentReplicas", st.currentReplicas);
    if (!st.currentRevision.empty())
        status.set("currentRevision", Value::string(st.currentRevision));
    setCount(status, "observedGeneration", st.observedGeneration);
    setCount(status, "readyReplicas", st.readyReplicas);
    setCount(status, "replicas", st.replicas, true);
    if (!st.updateRevision.empty())
        status.set("updateRevision", Value::string(st.updateRevision));
    setCount(status, "updatedReplicas", st.updatedReplicas);
    return workloadObject(ss, mergedMetadata(ss.meta, ss.metadata), std::move(status));
}

Value ObjectSerializer::toValue(const store::DaemonSet &ds) const
{
    const auto &st = ds.status;
    Value status = Value::mapping();
    setOptional(status, "collisionCount", st.collisionCount);
    if (!st.conditions.empty())
        status.set("conditions", conditionsValue(st.conditions));
    setCount(status, "currentNumberScheduled", st.currentNumberScheduled, true);
    setCount(status, "desiredNumberScheduled", st.desiredNumberScheduled, true);
    setCount(status, "numberAvailable", st.numberAvailable);
    setCount(status, "numberMisscheduled", st.numberMisscheduled, true);
    setCount(status, "numberReady", st.numberReady, true);
    setCount(status, "numberUnavailable", st.numberUnavailable);
    setCount(status, "observedGeneration", st.observedGeneration);
    setCount(status, "updatedNumberScheduled", st.updatedNumberScheduled);
    return workloadObject(ds, mergedMetadata(ds.meta, ds.metadata), std::move(status));
}

Value ObjectSerializer::toValue(const store::Job &job) const
{
    const auto &st = job.status;
    Value status = Value::mapping();
    setCount(status, "active", st.active);
    if (!st.completedIndexes.empty())
        status.set("completedIndexes", Value::string(st.completedIndexes));
    if (st.completionTime)
        status.set("completionTime", timeValue(*st.completionTime));
    if (!st.conditions.empty())
        status.set("conditions", conditionsValue(st.conditions));
    setCount(status, "failed", st.failed);
    if (st.failedIndexes)
        status.set("failedIndexes", Value::string(*st.failedIndexes));
    setOptional(status, "ready", st.ready);
    if (st.startTime)
        status.set("startTime", timeValue(*st.startTime));
    setCount(status, "succeeded", st.succeeded);
    setOptional(status, "terminating", st.terminating);
    return workloadObject(job, mergedMetadata(job.meta, job.metadata), std::move(status));
}

Value ObjectSerializer::toValue(const store::CronJob &cj) const
{
    Value status = Value::mapping();
    if (!cj.status.active.empty()) {
        Value active = Value::sequence();
        for (const store::ObjectReference &ref : cj.status.active) {
            Value item = Value::mapping();
            item.set("apiVersion", Value::string(ref.apiVersion));
            item.set("kind", Value::string(ref.kind));
            item.set("name", Value::string(ref.name));
            item.set("namespace", Value::string(ref.namespaceName));
            item.set("resourceVersion", Value::string(std::to_string(ref.resourceVersion)));
            item.set("uid", Value::string(ref.uid));
            active.append(std::move(item));
        }
        status.set("active", std::move(active));
    }
    if (cj.status.lastScheduleTime)
        status.set("lastScheduleTime", timeValue(*cj.status.lastScheduleTime));
    if (cj.status.lastSuccessfulTime)
        status.set("lastSuccessfulTime", timeValue(*cj.status.lastSuccessfulTime));
    return workloadObject(cj, mergedMetadata(cj.meta, cj.metadata), std::move(status));
}

Value ObjectSerializer::toValue(const store::PodDisruptionBudget &pdb) const
{
    const auto &st = pdb.status;
    Value status = Value::mapping();
    if (!st.conditions.empty())
        status.set("conditions", conditionsValue(st.conditions));
    setCount(status, "currentHealthy", st.currentHealthy, true);
    setCount(status, "desiredHealthy", st.desiredHealthy, true);
    if (!st.disruptedPods.empty()) {
        Value pods = Value::mapping();
        for (const auto &[name, at] : st.disruptedPods)
            pods.set(name, timeValue(at));
        status.set("disruptedPods", std::move(pods));
    }
    setCount(status, "disruptionsAllowed", st.disruptionsAllowed, true);
    setCount(status, "expectedPods", st.expectedPods, true);
    setCount(status, "observedGeneration", st.observedGeneration);
    return workloadObject(pdb, mergedMetadata(pdb.meta, pdb.metadata), std::move(status));
}

Value ObjectSerializer::toValue(const store::ControllerRevision &revision) const
{
    Value out = Value::mapping();
    out.set("apiVersion", Value::string(store::ControllerRevision::apiVersion));
    out.set("data", revision.data);
    out.set("kind", Value::string(store::ControllerRevision::kind));
    out.set("metadata", mergedMetadata(revision.meta, revision.metadata));
    out.set("revision", Value::integer(revision.revision));
    return out;
}

void ObjectSerializer::appendWorkloads(const store::ObjectStore &store,
                                       std::vector<std::tuple<std::string, std::string, std::string, Value>> &rest) const
{
    auto add = [&](const auto &table) {
        for (const auto &object : table.list())
            rest.emplace_back(object->kind, object->meta.namespaceName, object->meta.name, toValue(*object));
    };
    add(store.deployments());
    add(store.replicaSets());
    add(store.replicationControllers());
    add(store.statefulSets());
    add(store.daemonSets());
    add(store.jobs());
    add(store.cronJobs());
    add(store.podDisruptionBudgets());
    add(store.controllerRevisions());
}

} // namespace emu::sim
