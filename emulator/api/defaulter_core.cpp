// SPDX-License-Identifier: Apache-2.0
// core/v1 defaults other than the PodSpec: pkg/apis/core/v1/defaults.go, plus what
// pkg/registry/core/{service,namespace} fill on create.

#include "defaulter_support.h"

#include <string>

namespace emu::api::defaulting {

namespace {

void defaultServicePort(Value &port)
{
    if (!port.isMapping())
        return;
    // upstream: SetDefaults_Service - targetPort 0 or "" means "same as port".
    const Value *number = port.find("port");
    if (number != nullptr && number->kind() == ValueKind::Int)
        fillZero(port, "targetPort", num(*number->asInt()), Place::after("port"));
    const Place protocolPlace = port.contains("targetPort") ? Place::after("targetPort")
                                                            : Place::after("port");
    // upstream: types.go ServicePort.Protocol `+default="TCP"`
    fillZero(port, "protocol", str("TCP"), protocolPlace);
}

} // namespace

void defaultService(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: core/v1 SetDefaults_Service
    fillZero(*spec, "type", str("ClusterIP"), Place::front());
    const std::string type(stringOf(spec->find("type")));
    if (Value *ports = sequenceAt(*spec, "ports")) {
        for (std::size_t i = 0; i < ports->size(); ++i)
            defaultServicePort(ports->at(i));
    }
    fillZero(*spec, "sessionAffinity", str("None"));
    if (stringOf(spec->find("sessionAffinity")) == "ClientIP") {
        // upstream fills the whole config when any part is missing: three hours.
        if (Value *config = ensureMapping(*spec, "sessionAffinityConfig",
                                          Place::after("sessionAffinity"))) {
            if (Value *clientIp = ensureMapping(*config, "clientIP"))
                fillUnset(*clientIp, "timeoutSeconds", num(10800));
        }
    }
    // upstream: pkg/api/v1/service ExternallyAccessible
    const bool externallyAccessible = type == "LoadBalancer" || type == "NodePort"
                                      || (type == "ClusterIP"
                                          && lengthOf(spec->find("externalIPs")) > 0);
    if (externallyAccessible)
        fillZero(*spec, "externalTrafficPolicy", str("Cluster"));
    if (type == "ClusterIP" || type == "NodePort" || type == "LoadBalancer")
        fillUnset(*spec, "internalTrafficPolicy", str("Cluster"));
    if (type == "LoadBalancer")
        fillUnset(*spec, "allocateLoadBalancerNodePorts", Value::boolean(true));

    // upstream: pkg/registry/core/service/storage (initIPFamilyFields) on create. ExternalName
    // services get no cluster IP and so no policy; a headless service without a selector
    // gets RequireDualStack; everything else SingleStack. ipFamilies follows the allocated
    // clusterIPs, so it is left to the emulator's allocator.
    if (type != "ExternalName") {
        const Value *selector = spec->find("selector");
        const bool selectorless = isUnset(selector)
                                  || (selector->isMapping() && selector->size() == 0);
        const bool headless = stringOf(spec->find("clusterIP")) == "None";
        fillUnset(*spec, "ipFamilyPolicy",
                  str(headless && selectorless ? "RequireDualStack" : "SingleStack"));
    }
}

void defaultEndpoints(Value &object)
{
    // upstream: core/v1 SetDefaults_Endpoints
    Value *subsets = sequenceAt(object, "subsets");
    for (std::size_t i = 0; subsets != nullptr && i < subsets->size(); ++i) {
        Value *ports = sequenceAt(subsets->at(i), "ports");
        for (std::size_t j = 0; ports != nullptr && j < ports->size(); ++j) {
            if (ports->at(j).isMapping())
                fillZero(ports->at(j), "protocol", str("TCP"), Place::after("port"));
        }
    }
}

void defaultSecret(Value &object)
{
    // upstream: core/v1 SetDefaults_Secret
    fillZero(object, "type", str("Opaque"), Place::after("metadata"));
}

void defaultNamespace(Value &object)
{
    Value *metadata = mappingAt(object, "metadata");
    const std::string name(metadata != nullptr ? stringOf(metadata->find("name")) : "");
    // upstream: core/v1 SetDefaults_Namespace - the label always equals the name (the
    // namespace strategy enforces it too), so this one overwrites an explicit value.
    if (!name.empty()) {
        if (Value *labels = ensureMapping(*metadata, "labels", Place::after("name")))
            labels->set("kubernetes.io/metadata.name", str(name));
    }
    // upstream: pkg/registry/core/namespace strategy PrepareForCreate - the "kubernetes"
    // finalizer is required on create and appended when missing.
    if (Value *spec = ensureMapping(object, "spec", Place::after("metadata"))) {
        Value *finalizers = spec->find("finalizers");
        if (isUnset(finalizers))
            finalizers = &put(*spec, "finalizers", Value::sequence(), Place::end());
        if (!finalizers->isSequence())
            return;
        for (const Value &finalizer : finalizers->items()) {
            if (stringOf(&finalizer) == "kubernetes")
                return;
        }
        finalizers->append(str("kubernetes"));
    }
}

void defaultPersistentVolume(Value &object)
{
    // upstream: core/v1 SetDefaults_PersistentVolume (status.phase is left to the emulator)
    if (Value *spec = mappingAt(object, "spec")) {
        fillZero(*spec, "persistentVolumeReclaimPolicy", str("Retain"));
        fillUnset(*spec, "volumeMode", str("Filesystem"));
    }
}

void defaultPersistentVolumeClaim(Value &object)
{
    if (Value *spec = mappingAt(object, "spec"))
        defaultPvcSpec(*spec);
}

void defaultLimitRange(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    Value *limits = spec != nullptr ? sequenceAt(*spec, "limits") : nullptr;
    for (std::size_t i = 0; limits != nullptr && i < limits->size(); ++i) {
        Value &item = limits->at(i);
        if (!item.isMapping() || stringOf(item.find("type")) != "Container")
            continue;
        // upstream: core/v1 SetDefaults_LimitRangeItem, in its order: default limit from
        // max, default request from the default limit, then from min. An empty map is
        // omitted on output, so keys are only added when they get an entry.
        auto fillFrom = [&item](std::string_view target, std::string_view from) {
            const Value *source = item.find(from);
            if (source == nullptr || !source->isMapping() || source->size() == 0)
                return;
            const Value sourceCopy = *source;
            Value *existing = item.find(target);
            if (existing != nullptr && !existing->isNull() && !existing->isMapping())
                return;
            Value merged = isUnset(existing) ? Value::mapping() : *existing;
            for (std::size_t k = 0; k < sourceCopy.size(); ++k) {
                if (!merged.contains(sourceCopy.keyAt(k).text()))
                    merged.set(sourceCopy.keyAt(k).text(), sourceCopy.valueAt(k));
            }
            put(item, target, std::move(merged), Place::end());
        };
        fillFrom("default", "max");
        fillFrom("defaultRequest", "default");
        fillFrom("defaultRequest", "min");
    }
}

void defaultPodTemplateObject(Value &object)
{
    // v1 PodTemplate: a PodTemplateSpec at the top level.
    defaultPodTemplate(object, "template");
}

} // namespace emu::api::defaulting
