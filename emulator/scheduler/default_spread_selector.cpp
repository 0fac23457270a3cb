// SPDX-License-Identifier: Apache-2.0
#include "default_spread_selector.h"

#include "emulator/api/value.h"

namespace emu::sched {

namespace {

void addRequirements(api::LabelSelector &selector, const store::WorkloadSelector &owner)
{
    if (owner.parsed.matchesNothing())
        return;
    for (const api::LabelRequirement &r : owner.parsed.requirements())
        selector.add(r);
}

} // namespace

api::LabelSelector defaultSpreadSelector(const store::Pod &pod, const store::ObjectStore &store)
{
    // Services that select the pod (upstream GetPodServices; a Service without a selector
    // selects nothing). Their selectors merge as a label set: they all match the pod, so
    // they cannot conflict.
    api::Labels set;
    for (const auto &object : store.others().list()) {
        if (object->kind != "Service" || object->apiVersion != "v1"
            || object->meta.namespaceName != pod.meta.namespaceName)
            continue;
        const api::Value *spec = object->body.find("spec");
        const api::Value *selector = spec ? spec->find("selector") : nullptr;
        if (!selector || !selector->isMapping())
            continue;
        auto labels = api::labelsFromValue(*selector);
        if (!labels || !api::LabelSelector::fromLabels(*labels).matches(pod.meta.labels))
            continue;
        set.insert(labels->begin(), labels->end());
    }
    api::LabelSelector selector = api::LabelSelector::fromLabels(set);
    const store::OwnerReference *owner = pod.meta.controllerRef();
    if (!owner)
        return selector;
    const std::string key = pod.meta.namespaceName + '/' + owner->name;
    if (owner->kind == "ReplicationController" && owner->apiVersion == "v1") {
        if (const auto rc = store.replicationControllers().get(key))
            addRequirements(selector, rc->spec.selector);
    } else if (owner->kind == "ReplicaSet" && owner->apiVersion == "apps/v1") {
        if (const auto rs = store.replicaSets().get(key))
            addRequirements(selector, rs->spec.selector);
    } else if (owner->kind == "StatefulSet" && owner->apiVersion == "apps/v1") {
        if (const auto ss = store.statefulSets().get(key))
            addRequirements(selector, ss->spec.selector);
    }
    return selector;
}

} // namespace emu::sched
