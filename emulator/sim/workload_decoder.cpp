// SPDX-License-Identifier: Apache-2.0
#include "workload_decoder.h"

#include "manifest_fields.h"

#include "emulator/api/defaulter.h"

namespace emu::sim {

namespace {

bool is(const api::Value &manifest, std::string_view apiVersion, std::string_view kind)
{
    return scalarText(manifest.find("apiVersion")) == apiVersion && scalarText(manifest.find("kind")) == kind;
}

template<class T>
T decodeObject(const api::Value &manifest)
{
    T object;
    const api::Value *metadata = manifest.find("metadata");
    if (metadata && metadata->isMapping()) {
        object.metadata = *metadata;
        object.metadata.remove("ownerReferences");
        object.meta.name = scalarText(metadata->find("name"));
        object.meta.generateName = scalarText(metadata->find("generateName"));
        object.meta.namespaceName = scalarText(metadata->find("namespace"));
        object.meta.labels = stringMap(metadata->find("labels"));
        object.meta.annotations = stringMap(metadata->find("annotations"));
    }
    if (object.meta.namespaceName.empty())
        object.meta.namespaceName = "default";
    if constexpr (requires { object.spec; }) {
        const api::Value *spec = manifest.find("spec");
        object.spec = T::Spec::fromValue(spec && spec->isMapping() ? *spec : api::Value::mapping());
    }
    return object;
}

store::ControllerRevision decodeRevision(const api::Value &manifest)
{
    store::ControllerRevision revision = decodeObject<store::ControllerRevision>(manifest);
    if (const api::Value *data = manifest.find("data"))
        revision.data = *data;
    if (const api::Value *r = manifest.find("revision"))
        revision.revision = r->asInt().value_or(0);
    return revision;
}

template<class T>
void createEach(store::ObjectTable<T> &table, const std::vector<T> &objects)
{
    for (const T &object : objects)
        table.create(object);
}

/// Creates the object or, when it exists, replaces what `kubectl apply` sets.
template<class T>
void applyTo(store::ObjectTable<T> &table, T object)
{
    const std::string key = object.meta.key();
    if (!table.get(key)) {
        table.create(std::move(object));
        return;
    }
    table.patch(key, [&](T &current) {
        current.metadata = object.metadata;
        current.meta.labels = object.meta.labels;
        current.meta.annotations = object.meta.annotations;
        if constexpr (requires { current.spec; })
            current.spec = object.spec;
        else
            current.data = object.data;
    }, true);
}

} // namespace

void WorkloadObjects::createIn(store::ObjectStore &store) const
{
    createEach(store.controllerRevisions(), controllerRevisions);
    createEach(store.deployments(), deployments);
    createEach(store.replicaSets(), replicaSets);
    createEach(store.replicationControllers(), replicationControllers);
    createEach(store.statefulSets(), statefulSets);
    createEach(store.daemonSets(), daemonSets);
    createEach(store.jobs(), jobs);
    createEach(store.cronJobs(), cronJobs);
    createEach(store.podDisruptionBudgets(), podDisruptionBudgets);
}

bool isWorkloadManifest(const api::Value &m)
{
    return is(m, "apps/v1", "Deployment") || is(m, "apps/v1", "ReplicaSet") || is(m, "apps/v1", "StatefulSet")
           || is(m, "apps/v1", "DaemonSet") || is(m, "apps/v1", "ControllerRevision")
           || is(m, "v1", "ReplicationController") || is(m, "batch/v1", "Job") || is(m, "batch/v1", "CronJob")
           || is(m, "policy/v1", "PodDisruptionBudget");
}

bool decodeWorkload(const api::Value &manifest, WorkloadObjects &out)
{
    if (!isWorkloadManifest(manifest))
        return false;
    api::Value m = manifest;
    api::applyDefaults(m);
    if (is(m, "apps/v1", "Deployment"))
        out.deployments.push_back(decodeObject<store::Deployment>(m));
    else if (is(m, "apps/v1", "ReplicaSet"))
        out.replicaSets.push_back(decodeObject<store::ReplicaSet>(m));
    else if (is(m, "v1", "ReplicationController"))
        out.replicationControllers.push_back(decodeObject<store::ReplicationController>(m));
    else if (is(m, "apps/v1", "StatefulSet"))
        out.statefulSets.push_back(decodeObject<store::StatefulSet>(m));
    else if (is(m, "apps/v1", "DaemonSet"))
        out.daemonSets.push_back(decodeObject<store::DaemonSet>(m));
    else if (is(m, "batch/v1", "Job"))
        out.jobs.push_back(decodeObject<store::Job>(m));
    else if (is(m, "batch/v1", "CronJob"))
        out.cronJobs.push_back(decodeObject<store::CronJob>(m));
    else if (is(m, "policy/v1", "PodDisruptionBudget"))
        out.podDisruptionBudgets.push_back(decodeObject<store::PodDisruptionBudget>(m));
    else
        out.controllerRevisions.push_back(decodeRevision(m));
    return true;
}

std::optional<std::string> applyWorkload(store::ObjectStore &store, const api::Value &manifest)
{
    WorkloadObjects decoded;
    if (!decodeWorkload(manifest, decoded))
        return std::nullopt;
    std::string subject;
    auto apply = [&](auto &table, auto &objects) {
        for (auto &object : objects) {
            subject = std::string(object.kind) + " " + object.meta.key();
            applyTo(table, std::move(object));
        }
    };
    apply(store.deployments(), decoded.deployments);
    apply(store.replicaSets(), decoded.replicaSets);
    apply(store.replicationControllers(), decoded.replicationControllers);
    apply(store.statefulSets(), decoded.statefulSets);
    apply(store.daemonSets(), decoded.daemonSets);
    apply(store.jobs(), decoded.jobs);
    apply(store.cronJobs(), decoded.cronJobs);
    apply(store.podDisruptionBudgets(), decoded.podDisruptionBudgets);
    apply(store.controllerRevisions(), decoded.controllerRevisions);
    return subject;
}

} // namespace emu::sim
