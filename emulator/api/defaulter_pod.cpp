// SPDX-License-Identifier: Apache-2.0
// Pod and PodSpec defaults: pkg/apis/core/v1/defaults.go, the `+default` markers of
// k8s.io/api/core/v1/types.go, and plugin/pkg/admission/defaulttolerationseconds.

#include "defaulter.h"
#include "defaulter_support.h"

#include <algorithm>
#include <cctype>

namespace emu::api {

namespace {

bool hasUpper(std::string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isupper(c) != 0; });
}

bool hasSpace(std::string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isspace(c) != 0 || c < 0x20; });
}

} // namespace

std::string_view defaultImagePullPolicy(std::string_view image)
{
    constexpr std::string_view always = "Always";
    constexpr std::string_view ifNotPresent = "IfNotPresent";
    // upstream: SetDefaults_Container ignores ParseImageName's error; an unparsable reference
    // then has tag "" and gets IfNotPresent.
    if (image.empty() || hasSpace(image))
        return ifNotPresent;

    const std::size_t at = image.find('@');
    const bool hasDigest = at != std::string_view::npos;
    const std::string_view named = image.substr(0, at);

    // The tag is after the last ':' of the last path component, so a registry port
    // (localhost:5000/nginx) is not mistaken for a tag.
    const std::size_t lastSlash = named.rfind('/');
    const std::size_t componentStart = lastSlash == std::string_view::npos ? 0 : lastSlash + 1;
    const std::size_t colon = named.find(':', componentStart);
    const std::string_view repository = named.substr(0, colon);
    std::string_view tag = colon == std::string_view::npos ? std::string_view{}
                                                          : named.substr(colon + 1);
    if (repository.empty() || (colon != std::string_view::npos && tag.empty()))
        return ifNotPresent;

    // upstream: docker/distribution reference.splitDockerDomain. The first component is a
    // registry when it has '.', ':' or uppercase, or is "localhost"; the rest must be lowercase
    // ("repository name must be lowercase"), else parsing fails.
    std::string_view remote = repository;
    const std::size_t firstSlash = repository.find('/');
    if (firstSlash != std::string_view::npos) {
        const std::string_view first = repository.substr(0, firstSlash);
        if (first.find_first_of(".:") != std::string_view::npos || first == "localhost"
            || hasUpper(first)) {
            remote = repository.substr(firstSlash + 1);
        }
    }
    if (remote.empty() || hasUpper(remote))
        return ifNotPresent;

    // upstream: pkg/util/parsers ParseImageName - no tag and no digest means "latest".
    if (tag.empty() && !hasDigest)
        tag = "latest";
    return tag == "latest" ? always : ifNotPresent;
}

namespace defaulting {

namespace {

// upstream: SetDefaults_ObjectFieldSelector
void defaultFieldRef(Value &owner)
{
    if (Value *fieldRef = mappingAt(owner, "fieldRef"))
        fillZero(*fieldRef, "apiVersion", str("v1"), Place::front());
}

// upstream: SetDefaults_HTTPGetAction (probes and lifecycle handlers)
void defaultHandler(Value &handler)
{
    if (Value *httpGet = mappingAt(handler, "httpGet")) {
        fillZero(*httpGet, "path", str("/"), Place::front());
        fillZero(*httpGet, "scheme", str("HTTP"));
    }
    // upstream: types.go GRPCAction.Service `+default=""`
    if (Value *grpc = mappingAt(handler, "grpc"))
        fillUnset(*grpc, "service", str(""));
}

// upstream: SetDefaults_Probe (the fields are plain int32: 0 means unset)
void defaultProbe(Value &probe)
{
    defaultHandler(probe);
    fillZero(probe, "timeoutSeconds", num(1));
    fillZero(probe, "periodSeconds", num(10));
    fillZero(probe, "successThreshold", num(1));
    fillZero(probe, "failureThreshold", num(3));
}

void defaultContainer(Value &container)
{
    if (!container.isMapping())
        return;
    // upstream: SetDefaults_Container
    if (isZero(container.find("imagePullPolicy"))) {
        const std::string_view policy = defaultImagePullPolicy(stringOf(container.find("image")));
        put(container, "imagePullPolicy", str(policy), Place::after("image"));
    }
    fillZero(container, "terminationMessagePath", str("/dev/termination-log"));
    fillZero(container, "terminationMessagePolicy", str("File"));

    // upstream: types.go ContainerPort.Protocol `+default="TCP"`
    if (Value *ports = sequenceAt(container, "ports")) {
        for (std::size_t i = 0; i < ports->size(); ++i) {
            if (ports->at(i).isMapping())
                fillZero(ports->at(i), "protocol", str("TCP"), Place::after("containerPort"));
        }
    }
    if (Value *env = sequenceAt(container, "env")) {
        for (std::size_t i = 0; i < env->size(); ++i) {
            if (Value *valueFrom = mappingAt(env->at(i), "valueFrom"))
                defaultFieldRef(*valueFrom);
        }
    }
    for (std::string_view probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
        if (Value *value = mappingAt(container, probe))
            defaultProbe(*value);
    }
    if (Value *lifecycle = mappingAt(container, "lifecycle")) {
        for (std::string_view hook : {"postStart", "preStop"}) {
            if (Value *handler = mappingAt(*lifecycle, hook))
                defaultHandler(*handler);
        }
    }
}

void defaultDownwardApiItems(Value &source)
{
    if (Value *items = sequenceAt(source, "items")) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (items->at(i).isMapping())
                defaultFieldRef(items->at(i));
        }
    }
}

void defaultVolume(Value &volume)
{
    if (!volume.isMapping())
        return;
    // upstream: SetDefaults_Volume - a volume with no source at all is an emptyDir.
    bool hasSource = false;
    for (std::size_t i = 0; i < volume.size(); ++i) {
        if (volume.keyAt(i).text() != "name" && !volume.valueAt(i).isNull())
            hasSource = true;
    }
    if (!hasSource)
        fillUnset(volume, "emptyDir", Value::mapping());

    // upstream: SetDefaults_HostPathVolumeSource (type is a pointer: "" is written out)
    if (Value *hostPath = mappingAt(volume, "hostPath"))
        fillUnset(*hostPath, "type", str(""));
    // upstream: SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource, mode 0644
    for (std::string_view kind : {"secret", "configMap", "downwardAPI", "projected"}) {
        if (Value *source = mappingAt(volume, kind))
            fillUnset(*source, "defaultMode", num(420));
    }
    if (Value *downwardApi = mappingAt(volume, "downwardAPI"))
        defaultDownwardApiItems(*downwardApi);
    if (Value *projected = mappingAt(volume, "projected")) {
        if (Value *sources = sequenceAt(*projected, "sources")) {
            for (std::size_t i = 0; i < sources->size(); ++i) {
                Value &source = sources->at(i);
                // upstream: SetDefaults_ServiceAccountTokenProjection (one hour)
                if (Value *token = mappingAt(source, "serviceAccountToken"))
                    fillUnset(*token, "expirationSeconds", num(3600));
                if (Value *downwardApi = mappingAt(source, "downwardAPI"))
                    defaultDownwardApiItems(*downwardApi);
            }
        }
    }
    // upstream: SetDefaults_PersistentVolumeClaimSpec via EphemeralVolumeSource
    if (Value *ephemeral = mappingAt(volume, "ephemeral")) {
        if (Value *claimTemplate = mappingAt(*ephemeral, "volumeClaimTemplate")) {
            if (Value *claimSpec = mappingAt(*claimTemplate, "spec"))
                defaultPvcSpec(*claimSpec);
        }
    }
}

void forEachContainer(Value &podSpec, void (*apply)(Value &))
{
    for (std::string_view list : {"initContainers", "containers", "ephemeralContainers"}) {
        if (Value *containers = sequenceAt(podSpec, list)) {
            for (std::size_t i = 0; i < containers->size(); ++i)
                apply(containers->at(i));
        }
    }
}

// upstream: SetDefaults_Pod - requests default to limits, per resource, for a Pod only
// (not for templates, so that a later LimitRange still applies to the pods created).
void defaultRequestsFromLimits(Value &container)
{
    Value *resources = mappingAt(container, "resources");
    Value *limits = resources != nullptr ? mappingAt(*resources, "limits") : nullptr;
    if (limits == nullptr)
        return;
    const Value limitsCopy = *limits; // `requests` may be inserted beside it
    Value *requests = ensureMapping(*resources, "requests", Place::after("limits"));
    if (requests == nullptr)
        return;
    for (std::size_t i = 0; i < limitsCopy.size(); ++i) {
        const std::string &resource = limitsCopy.keyAt(i).text();
        if (!requests->contains(resource))
            requests->set(resource, limitsCopy.valueAt(i));
    }
}

// upstream: SetDefaults_Pod defaultHostNetworkPorts - with hostNetwork, hostPort = containerPort.
void defaultHostNetworkPorts(Value &container)
{
    Value *ports = sequenceAt(container, "ports");
    if (ports == nullptr)
        return;
    for (std::size_t i = 0; i < ports->size(); ++i) {
        Value &port = ports->at(i);
        const Value *containerPort = port.isMapping() ? port.find("containerPort") : nullptr;
        if (containerPort != nullptr && containerPort->kind() == ValueKind::Int)
            fillZero(port, "hostPort", num(*containerPort->asInt()), Place::after("containerPort"));
    }
}

bool toleratesNoExecute(const Value &tolerations, std::string_view taintKey)
{
    // upstream: defaulttolerationseconds Admit - an empty key or empty effect counts as
    // tolerating the taint (the operator is not looked at).
    for (const Value &toleration : tolerations.items()) {
        if (!toleration.isMapping())
            continue;
        const std::string_view key = stringOf(toleration.find("key"));
        const std::string_view effect = stringOf(toleration.find("effect"));
        if ((key.empty() || key == taintKey) && (effect.empty() || effect == "NoExecute"))
            return true;
    }
    return false;
}

// upstream: plugin/pkg/admission/defaulttolerationseconds (flags
// --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds, both 300).
void addDefaultTolerations(Value &podSpec)
{
    Value *tolerations = podSpec.find("tolerations");
    if (tolerations != nullptr && !tolerations->isNull() && !tolerations->isSequence())
        return; // wrong type: validation reports it
    for (std::string_view taint : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
        tolerations = podSpec.find("tolerations");
        if (tolerations != nullptr && tolerations->isSequence()
            && toleratesNoExecute(*tolerations, taint)) {
            continue;
        }
        if (tolerations == nullptr || tolerations->isNull())
            tolerations = &put(podSpec, "tolerations", Value::sequence(), Place::end());
        Value toleration = Value::mapping();
        toleration.set("key", str(taint));
        toleration.set("operator", str("Exists"));
        toleration.set("effect", str("NoExecute"));
        toleration.set("tolerationSeconds", num(300));
        tolerations->append(std::move(toleration));
    }
}

} // namespace

void defaultPvcSpec(Value &pvcSpec)
{
    // upstream: SetDefaults_PersistentVolumeClaimSpec
    fillUnset(pvcSpec, "volumeMode", str("Filesystem"));
}

void defaultPodSpec(Value &podSpec, PodScope scope)
{
    if (!podSpec.isMapping())
        return;
    if (scope == PodScope::Pod) {
        // upstream: SetDefaults_Pod (Pod objects only, not templates)
        for (std::string_view list : {"initContainers", "containers"}) {
            if (Value *containers = sequenceAt(podSpec, list)) {
                for (std::size_t i = 0; i < containers->size(); ++i)
                    defaultRequestsFromLimits(containers->at(i));
            }
        }
        fillUnset(podSpec, "enableServiceLinks", Value::boolean(true));
        if (const Value *hostNetwork = podSpec.find("hostNetwork");
            hostNetwork != nullptr && hostNetwork->asBool() == true) {
            for (std::string_view list : {"initContainers", "containers"}) {
                if (Value *containers = sequenceAt(podSpec, list)) {
                    for (std::size_t i = 0; i < containers->size(); ++i)
                        defaultHostNetworkPorts(containers->at(i));
                }
            }
        }
    }

    // upstream: SetDefaults_PodSpec
    fillZero(podSpec, "dnsPolicy", str("ClusterFirst"));
    fillZero(podSpec, "restartPolicy", str("Always"));
    fillUnset(podSpec, "securityContext", Value::mapping());
    fillUnset(podSpec, "terminationGracePeriodSeconds", num(30));
    fillZero(podSpec, "schedulerName", str("default-scheduler"));

    forEachContainer(podSpec, defaultContainer);
    if (Value *volumes = sequenceAt(podSpec, "volumes")) {
        for (std::size_t i = 0; i < volumes->size(); ++i)
            defaultVolume(volumes->at(i));
    }

    if (scope == PodScope::Pod)
        addDefaultTolerations(podSpec); // admission runs after defaulting, on pods only
}

void defaultPodTemplate(Value &owner, std::string_view key)
{
    // A missing template is left missing: it is required, and inventing one would hide the
    // validation error in an export.
    Value *templ = mappingAt(owner, key);
    if (templ == nullptr)
        return;
    if (Value *podSpec = mappingAt(*templ, "spec"))
        defaultPodSpec(*podSpec, PodScope::Template);
}

void defaultPod(Value &pod)
{
    if (Value *podSpec = mappingAt(pod, "spec"))
        defaultPodSpec(*podSpec, PodScope::Pod);
}

} // namespace defaulting
} // namespace emu::api
