// SPDX-License-Identifier: Apache-2.0
#include "priority_admission.h"

namespace emu::store {

namespace {

bool isPriorityClass(const UnstructuredObject &object)
{
    return object.kind == "PriorityClass" && object.apiVersion == "scheduling.k8s.io/v1";
}

StoreResult forbidden(const std::string &resource, const std::string &name, const std::string &why)
{
    // upstream admission.NewForbidden: `<resource> "<name>" is forbidden: <why>`
    return {StoreError::Invalid, resource + " \"" + name + "\" is forbidden: " + why, 0};
}

} // namespace

PriorityClassInfo priorityClassInfo(const UnstructuredObject &object)
{
    PriorityClassInfo info;
    info.name = object.meta.name;
    if (const api::Value *v = object.body.find("value"); v && v->asInt())
        info.value = static_cast<std::int32_t>(*v->asInt());
    if (const api::Value *g = object.body.find("globalDefault"); g && g->asBool())
        info.globalDefault = *g->asBool();
    if (const api::Value *p = object.body.find("preemptionPolicy"); p && p->isScalar() && !p->text().empty())
        info.preemptionPolicy = p->text();
    return info;
}

std::optional<PriorityClassInfo> PriorityAdmission::find(const std::string &name) const
{
    // Created by the API server at start-up (upstream SystemPriorityClasses).
    if (name == priority::SystemClusterCritical)
        return PriorityClassInfo{name, priority::SystemCriticalPriority, false, priority::PreemptLowerPriority};
    if (name == priority::SystemNodeCritical)
        return PriorityClassInfo{name, priority::SystemCriticalPriority + 1000, false,
                                 priority::PreemptLowerPriority};
    if (const auto object = m_objects.get(std::string(priority::ClassKeyPrefix) + name))
        return priorityClassInfo(*object);
    return std::nullopt;
}

std::optional<PriorityClassInfo> PriorityAdmission::defaultClass() const
{
    // upstream getDefaultPriorityClass: after a race there may be several; the lowest wins.
    std::optional<PriorityClassInfo> best;
    for (const auto &object : m_objects.listWithPrefix(priority::ClassKeyPrefix)) {
        const PriorityClassInfo info = priorityClassInfo(*object);
        if (info.globalDefault && (!best || info.value < best->value))
            best = info;
    }
    return best;
}

StoreResult PriorityAdmission::admitPod(Pod &pod) const
{
    // upstream priorityPlugin.admitPod (Create only).
    std::int32_t value = priority::DefaultPriorityWhenNoDefaultClassExists;
    std::string preemptionPolicy = priority::PreemptLowerPriority;
    if (pod.spec.priorityClassName.empty()) {
        if (const auto def = defaultClass()) {
            pod.spec.priorityClassName = def->name;
            pod.spec.full.set("priorityClassName", api::Value::string(def->name));
            value = def->value;
            preemptionPolicy = def->preemptionPolicy;
        }
    } else {
        const auto pc = find(pod.spec.priorityClassName);
        if (!pc)
            return forbidden("pods", pod.meta.name,
                             "no PriorityClass with name " + pod.spec.priorityClassName + " was found");
        value = pc->value;
        preemptionPolicy = pc->preemptionPolicy;
    }
    if (pod.spec.priority && *pod.spec.priority != value)
        return forbidden("pods", pod.meta.name,
                         "the integer value of priority (" + std::to_string(*pod.spec.priority)
                             + ") must not be provided in pod spec; priority admission controller computed "
                             + std::to_string(value) + " from the given PriorityClass name");
    if (!pod.spec.preemptionPolicy.empty() && pod.spec.preemptionPolicy != preemptionPolicy)
        return forbidden("pods", pod.meta.name,
                         "the string value of PreemptionPolicy (" + pod.spec.preemptionPolicy
                             + ") must not be provided in pod spec; priority admission controller computed "
                             + preemptionPolicy + " from the given PriorityClass name");
    pod.spec.priority = value;
    pod.spec.preemptionPolicy = preemptionPolicy;
    pod.spec.full.set("priority", api::Value::integer(value));
    pod.spec.full.set("preemptionPolicy", api::Value::string(preemptionPolicy));
    return {};
}

StoreResult PriorityAdmission::validatePriorityClass(const UnstructuredObject &object) const
{
    // upstream priorityPlugin.validatePriorityClass (Create).
    if (!isPriorityClass(object))
        return {};
    const PriorityClassInfo pc = priorityClassInfo(object);
    const std::string resource = "priorityclasses.scheduling.k8s.io";
    if (pc.name.rfind("system-", 0) == 0)
        return forbidden(resource, pc.name,
                         "the name of the priority class is a reserved name for system use only: " + pc.name);
    if (pc.value > priority::HighestUserDefinablePriority)
        return forbidden(resource, pc.name,
                         "maximum allowed value of a user defined priority is "
                             + std::to_string(priority::HighestUserDefinablePriority));
    if (pc.globalDefault)
        if (const auto existing = defaultClass())
            return forbidden(resource, pc.name,
                             "PriorityClass " + existing->name + " is already marked as default. Only one "
                                                                 "default can exist");
    return {};
}

} // namespace emu::store
