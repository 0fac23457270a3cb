// SPDX-License-Identifier: Apache-2.0
// Defaults of the smaller API groups: pkg/apis/{discovery,networking,storage,rbac,scheduling,
// autoscaling}/v1*/defaults.go.

#include "defaulter_support.h"

namespace emu::api::defaulting {

namespace {

constexpr std::string_view rbacGroup = "rbac.authorization.k8s.io";

void defaultNetworkPolicyPorts(Value &rule)
{
    // upstream: networking/v1 SetDefaults_NetworkPolicyPort (protocol is a pointer)
    Value *ports = sequenceAt(rule, "ports");
    for (std::size_t i = 0; ports != nullptr && i < ports->size(); ++i) {
        if (ports->at(i).isMapping())
            fillUnset(ports->at(i), "protocol", str("TCP"), Place::front());
    }
}

} // namespace

void defaultEndpointSlice(Value &object)
{
    // upstream: discovery/v1 SetDefaults_EndpointPort (both are pointers: name "" is written)
    Value *ports = sequenceAt(object, "ports");
    for (std::size_t i = 0; ports != nullptr && i < ports->size(); ++i) {
        Value &port = ports->at(i);
        if (!port.isMapping())
            continue;
        fillUnset(port, "name", str(""), Place::front());
        fillUnset(port, "protocol", str("TCP"));
    }
}

void defaultNetworkPolicy(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    for (std::string_view direction : {"ingress", "egress"}) {
        Value *rules = sequenceAt(*spec, direction);
        for (std::size_t i = 0; rules != nullptr && i < rules->size(); ++i) {
            if (rules->at(i).isMapping())
                defaultNetworkPolicyPorts(rules->at(i));
        }
    }
    // upstream: networking/v1 SetDefaults_NetworkPolicy - every policy is at least an
    // Ingress policy; it is also an Egress policy when it has egress rules.
    const Value *policyTypes = spec->find("policyTypes");
    if (isUnset(policyTypes) || (policyTypes->isSequence() && policyTypes->size() == 0)) {
        Value types = Value::sequence();
        types.append(str("Ingress"));
        if (lengthOf(spec->find("egress")) > 0)
            types.append(str("Egress"));
        put(*spec, "policyTypes", std::move(types), Place::end());
    }
}

void defaultIngressClass(Value &object)
{
    // upstream: networking/v1 SetDefaults_IngressClass
    Value *spec = mappingAt(object, "spec");
    if (Value *parameters = spec != nullptr ? mappingAt(*spec, "parameters") : nullptr)
        fillUnset(*parameters, "scope", str("Cluster"));
}

void defaultStorageClass(Value &object)
{
    // upstream: storage/v1 SetDefaults_StorageClass (fields at the top level, no spec)
    fillUnset(object, "reclaimPolicy", str("Delete"));
    fillUnset(object, "volumeBindingMode", str("Immediate"));
}

void defaultCsiDriver(Value &object)
{
    // upstream: storage/v1 SetDefaults_CSIDriver (CSIVolumeFSGroupPolicy and CSIInlineVolume
    // are GA, so their defaults always apply)
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    fillUnset(*spec, "attachRequired", Value::boolean(true));
    fillUnset(*spec, "podInfoOnMount", Value::boolean(false));
    fillUnset(*spec, "storageCapacity", Value::boolean(false));
    fillUnset(*spec, "fsGroupPolicy", str("ReadWriteOnceWithFSType"));
    if (lengthOf(spec->find("volumeLifecycleModes")) == 0) {
        Value modes = Value::sequence();
        modes.append(str("Persistent"));
        put(*spec, "volumeLifecycleModes", std::move(modes), Place::end());
    }
    fillUnset(*spec, "requiresRepublish", Value::boolean(false));
}

void defaultRoleBinding(Value &object)
{
    // upstream: rbac/v1 SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding
    if (Value *roleRef = mappingAt(object, "roleRef"))
        fillZero(*roleRef, "apiGroup", str(rbacGroup), Place::front());
    // upstream: rbac/v1 SetDefaults_Subject. A ServiceAccount's group is "", which is
    // omitted on output, so nothing is written for it.
    Value *subjects = sequenceAt(object, "subjects");
    for (std::size_t i = 0; subjects != nullptr && i < subjects->size(); ++i) {
        Value &subject = subjects->at(i);
        const std::string_view kind = stringOf(subject.isMapping() ? subject.find("kind") : nullptr);
        if (kind == "User" || kind == "Group")
            fillZero(subject, "apiGroup", str(rbacGroup), Place::after("kind"));
    }
}

void defaultPriorityClass(Value &object)
{
    // upstream: scheduling/v1 SetDefaults_PriorityClass (top level, no spec)
    fillUnset(object, "preemptionPolicy", str("PreemptLowerPriority"));
}

void defaultHorizontalPodAutoscaler(Value &object, std::string_view apiVersion)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: autoscaling/v1 and v2 SetDefaults_HorizontalPodAutoscaler
    fillUnset(*spec, "minReplicas", num(1), Place::before("maxReplicas"));
    if (apiVersion != "autoscaling/v2")
        return; // v1 applies its 80% CPU target in conversion, not as a stored field
    if (lengthOf(spec->find("metrics")) == 0) {
        Value target = Value::mapping();
        target.set("type", str("Utilization"));
        target.set("averageUtilization", num(80));
        Value resource = Value::mapping();
        resource.set("name", str("cpu"));
        resource.set("target", std::move(target));
        Value metric = Value::mapping();
        metric.set("type", str("Resource"));
        metric.set("resource", std::move(resource));
        Value metrics = Value::sequence();
        metrics.append(std::move(metric));
        put(*spec, "metrics", std::move(metrics), Place::end());
    }
}

} // namespace emu::api::defaulting
