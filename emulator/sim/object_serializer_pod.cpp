// SPDX-License-Identifier: Apache-2.0
// ObjectSerializer for Pods, kept apart from the node/lease/unstructured serialization.
#include "object_serializer.h"

#include "emulator/store/object_store.h"

#include <algorithm>

namespace emu::sim {

using api::Value;

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
    if (!pod.status.hostIP.empty())
        status.set("hostIP", Value::string(pod.status.hostIP));
    if (!pod.status.message.empty())
        status.set("message", Value::string(pod.status.message));
    if (!pod.status.nominatedNodeName.empty())
        status.set("nominatedNodeName", Value::string(pod.status.nominatedNodeName));
    status.set("phase", Value::string(pod.status.phase));
    if (!pod.status.podIP.empty())
        status.set("podIP", Value::string(pod.status.podIP));
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
