// SPDX-License-Identifier: Apache-2.0
// ObjectSerializer for Pods, kept apart from the node/lease/unstructured serialization.
#include "object_serializer.h"

#include "emulator/store/object_store.h"

#include <algorithm>
#include <functional>

namespace emu::sim {

using api::Value;

namespace {

Value stateValue(const store::Pod::ContainerState &state, const std::function<Value(SimTime)> &time)
{
    Value inner = Value::mapping();
    Value out = Value::mapping();
    switch (state.kind) {
    case store::Pod::ContainerState::Kind::Waiting:
        if (!state.message.empty())
            inner.set("message", Value::string(state.message));
        if (!state.reason.empty())
            inner.set("reason", Value::string(state.reason));
        out.set("waiting", std::move(inner));
        break;
    case store::Pod::ContainerState::Kind::Running:
        inner.set("startedAt", state.startedAt ? time(*state.startedAt) : Value::null());
        out.set("running", std::move(inner));
        break;
    case store::Pod::ContainerState::Kind::Terminated:
        inner.set("exitCode", Value::integer(state.exitCode));
        inner.set("finishedAt", state.finishedAt ? time(*state.finishedAt) : Value::null());
        if (!state.message.empty())
            inner.set("message", Value::string(state.message));
        if (!state.reason.empty())
            inner.set("reason", Value::string(state.reason));
        inner.set("startedAt", state.startedAt ? time(*state.startedAt) : Value::null());
        out.set("terminated", std::move(inner));
        break;
    }
    return out;
}

Value statusesValue(const std::vector<store::Pod::ContainerStatus> &list, const std::function<Value(SimTime)> &time)
{
    Value out = Value::sequence();
    for (const store::Pod::ContainerStatus &s : list) {
        Value v = Value::mapping();
        v.set("image", Value::string(s.image));
        v.set("lastState", s.lastState ? stateValue(*s.lastState, time) : Value::mapping());
        v.set("name", Value::string(s.name));
        v.set("ready", Value::boolean(s.ready));
        v.set("restartCount", Value::integer(s.restartCount));
        v.set("started", Value::boolean(s.started));
        v.set("state", stateValue(s.state, time));
        out.append(std::move(v));
    }
    return out;
}

} // namespace

api::Value ObjectSerializer::toValue(const store::Pod &pod) const
{
    store::ObjectMeta meta = pod.meta;
    // The store's internal marker for a graceful deletion is not a real finalizer.
    meta.finalizers.erase(std::remove(meta.finalizers.begin(), meta.finalizers.end(),
                                      std::string(store::kGracefulDeletionMarker)),
                          meta.finalizers.end());
    Value metadata = metaToValue(meta, false);
    if (meta.deletionGracePeriodSeconds)
        metadata.set("deletionGracePeriodSeconds", Value::integer(*meta.deletionGracePeriodSeconds));
    Value status = Value::mapping();
    if (!pod.status.conditions.empty()) {
        Value conditions = Value::sequence();
        for (const store::Pod::Condition &c : pod.status.conditions) {
            Value condition = Value::mapping();
            condition.set("lastProbeTime", Value::null());
            condition.set("lastTransitionTime", timeValue(c.lastTransitionTime));
            if (!c.message.empty())
                condition.set("message", Value::string(c.message));
            if (!c.reason.empty())
                condition.set("reason", Value::string(c.reason));
            condition.set("status", Value::string(c.status));
            condition.set("type", Value::string(c.type));
            conditions.append(std::move(condition));
        }
        status.set("conditions", std::move(conditions));
    }
    const std::function<Value(SimTime)> time = [this](SimTime t) { return timeValue(t); };
    if (!pod.status.containerStatuses.empty())
        status.set("containerStatuses", statusesValue(pod.status.containerStatuses, time));
    if (!pod.status.hostIP.empty()) {
        status.set("hostIP", Value::string(pod.status.hostIP));
        Value hostIPs = Value::sequence();
        Value ip = Value::mapping();
        ip.set("ip", Value::string(pod.status.hostIP));
        hostIPs.append(std::move(ip));
        status.set("hostIPs", std::move(hostIPs));
    }
    if (!pod.status.initContainerStatuses.empty())
        status.set("initContainerStatuses", statusesValue(pod.status.initContainerStatuses, time));
    if (!pod.status.message.empty())
        status.set("message", Value::string(pod.status.message));
    if (!pod.status.nominatedNodeName.empty())
        status.set("nominatedNodeName", Value::string(pod.status.nominatedNodeName));
    status.set("phase", Value::string(pod.status.phase));
    if (!pod.status.podIP.empty()) {
        status.set("podIP", Value::string(pod.status.podIP));
        Value podIPs = Value::sequence();
        Value ip = Value::mapping();
        ip.set("ip", Value::string(pod.status.podIP));
        podIPs.append(std::move(ip));
        status.set("podIPs", std::move(podIPs));
    }
    if (!pod.status.qosClass.empty())
        status.set("qosClass", Value::string(pod.status.qosClass));
    if (!pod.status.reason.empty())
        status.set("reason", Value::string(pod.status.reason));
    if (pod.status.startTime)
        status.set("startTime", timeValue(*pod.status.startTime));

    Value out = Value::mapping();
    out.set("apiVersion", Value::string("v1"));
    out.set("kind", Value::string("Pod"));
    out.set("metadata", std::move(metadata));
    out.set("spec", pod.spec.full);
    out.set("status", std::move(status));
    return out;
}

} // namespace emu::sim
