// SPDX-License-Identifier: Apache-2.0
// core/v1 PodSpec, scheduling constraints and the Pod and PodTemplate kinds.
#include "k8s_schemas.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

SchemaRef podAffinityTerm()
{
    static const SchemaRef s = S::object({
        S::field("labelSelector", labelSelector()),
        S::field("namespaces", S::stringList()),
        S::required("topologyKey", S::string()),
        S::field("namespaceSelector", labelSelector()),
        S::field("matchLabelKeys", S::stringList()),
        S::field("mismatchLabelKeys", S::stringList()),
    });
    return s;
}

SchemaRef podAffinity()
{
    static const SchemaRef s = S::object({
        S::field("requiredDuringSchedulingIgnoredDuringExecution", S::listOf(podAffinityTerm())),
        S::field("preferredDuringSchedulingIgnoredDuringExecution", S::listOf(S::object({
                     S::required("weight", S::integer(1, 100)),
                     S::required("podAffinityTerm", podAffinityTerm()),
                 }))),
    });
    return s;
}

SchemaRef topologySpreadConstraint()
{
    static const SchemaRef s = S::object({
        S::required("maxSkew", S::integer()),
        S::required("topologyKey", S::string()),
        S::required("whenUnsatisfiable", S::string()),
        S::field("labelSelector", labelSelector()),
        S::field("minDomains", S::integer()),
        S::field("nodeAffinityPolicy", S::string()),
        S::field("nodeTaintsPolicy", S::string()),
        S::field("matchLabelKeys", S::stringList()),
    });
    return s;
}

SchemaRef podDnsConfig()
{
    static const SchemaRef s = S::object({
        S::field("nameservers", S::stringList()),
        S::field("searches", S::stringList()),
        S::field("options", S::listOf(S::object({
                     S::field("name", S::string()),
                     S::field("value", S::string()),
                 }))),
    });
    return s;
}

SchemaRef podResourceClaim()
{
    static const SchemaRef s = S::object({
        S::required("name", S::string()),
        S::field("resourceClaimName", S::string()),
        S::field("resourceClaimTemplateName", S::string()),
        S::field("source", S::any()),
    });
    return s;
}

} // namespace

SchemaRef affinity()
{
    static const SchemaRef s = S::object({
        S::field("nodeAffinity", S::object({
                     S::field("requiredDuringSchedulingIgnoredDuringExecution", nodeSelector()),
                     S::field("preferredDuringSchedulingIgnoredDuringExecution",
                              S::listOf(S::object({
                                  S::required("weight", S::integer(1, 100)),
                                  S::required("preference", nodeSelectorTerm()),
                              }))),
                 })),
        S::field("podAffinity", podAffinity()),
        S::field("podAntiAffinity", podAffinity()),
    });
    return s;
}

SchemaRef toleration()
{
    static const SchemaRef s = S::object({
        S::field("key", S::string()),
        S::field("operator", S::knownValues({"Exists", "Equal"})),
        S::field("value", S::string()),
        S::field("effect", S::knownValues({"NoSchedule", "PreferNoSchedule", "NoExecute"})),
        S::field("tolerationSeconds", S::int64()),
    });
    return s;
}

SchemaRef podSpec()
{
    static const SchemaRef s = S::object({
        S::field("volumes", S::listOf(volume())),
        S::field("initContainers", S::listOf(container())),
        S::required("containers", S::listOf(container())),
        S::field("ephemeralContainers", S::listOf(ephemeralContainer())),
        S::field("restartPolicy", S::knownValues({"Always", "OnFailure", "Never"})),
        S::field("terminationGracePeriodSeconds", S::int64()),
        S::field("activeDeadlineSeconds", S::int64()),
        S::field("dnsPolicy", S::string()),
        S::field("nodeSelector", S::stringMap()),
        S::field("serviceAccountName", S::string()),
        S::field("serviceAccount", S::string()),
        S::field("automountServiceAccountToken", S::boolean()),
        S::field("nodeName", S::string()),
        S::field("hostNetwork", S::boolean()),
        S::field("hostPID", S::boolean()),
        S::field("hostIPC", S::boolean()),
        S::field("shareProcessNamespace", S::boolean()),
        S::field("securityContext", podSecurityContext()),
        S::field("imagePullSecrets", S::listOf(localObjectReference())),
        S::field("hostname", S::string()),
        S::field("subdomain", S::string()),
        S::field("affinity", affinity()),
        S::field("schedulerName", S::string()),
        S::field("tolerations", S::listOf(toleration())),
        S::field("hostAliases", S::listOf(S::object({
                     S::required("ip", S::string()),
                     S::field("hostnames", S::stringList()),
                 }))),
        S::field("priorityClassName", S::string()),
        S::field("priority", S::integer()),
        S::field("dnsConfig", podDnsConfig()),
        S::field("readinessGates", S::listOf(S::object({
                     S::required("conditionType", S::string()),
                 }))),
        S::field("runtimeClassName", S::string()),
        S::field("enableServiceLinks", S::boolean()),
        S::field("preemptionPolicy", S::string()),
        S::field("overhead", S::quantityMap()),
        S::field("topologySpreadConstraints", S::listOf(topologySpreadConstraint())),
        S::field("setHostnameAsFQDN", S::boolean()),
        S::field("os", S::object({S::required("name", S::string())})),
        S::field("hostUsers", S::boolean()),
        S::field("schedulingGates", S::listOf(S::object({S::required("name", S::string())}))),
        S::field("resourceClaims", S::listOf(podResourceClaim())),
        S::field("resources", resourceRequirements()),
    });
    return s;
}

SchemaRef podTemplateSpec()
{
    static const SchemaRef s = S::object({
        S::field("metadata", objectMeta()),
        S::field("spec", podSpec()),
    });
    return s;
}

SchemaRef podStatus()
{
    // Live objects (`kubectl get -o yaml`) carry status; its deep parts are not checked.
    static const SchemaRef s = S::object({
        S::field("phase", S::string()),
        S::field("conditions", conditions()),
        S::field("message", S::string()),
        S::field("reason", S::string()),
        S::field("nominatedNodeName", S::string()),
        S::field("hostIP", S::string()),
        S::field("hostIPs", S::listOf(S::any())),
        S::field("podIP", S::string()),
        S::field("podIPs", S::listOf(S::any())),
        S::field("startTime", S::string()),
        S::field("initContainerStatuses", S::listOf(S::any())),
        S::field("containerStatuses", S::listOf(S::any())),
        S::field("qosClass", S::string()),
        S::field("ephemeralContainerStatuses", S::listOf(S::any())),
        S::field("resize", S::string()),
        S::field("resourceClaimStatuses", S::listOf(S::any())),
    });
    return s;
}

SchemaRef podKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", podSpec()),
        S::field("status", podStatus()),
    });
    return s;
}

SchemaRef podTemplateKind()
{
    static const SchemaRef s = topLevel({S::field("template", podTemplateSpec())});
    return s;
}

} // namespace emu::api::schemas
