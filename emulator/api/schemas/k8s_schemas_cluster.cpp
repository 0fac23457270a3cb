// SPDX-License-Identifier: Apache-2.0
// Cluster and configuration kinds: core/v1 Namespace, Node, ConfigMap, Secret, ServiceAccount,
// ResourceQuota, LimitRange; scheduling, policy, coordination and node.k8s.io.
#include "k8s_schemas.h"

namespace emu::api::schemas {

using S = Schema;

SchemaRef namespaceKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({S::field("finalizers", S::stringList())})),
        S::field("status", S::looseObject({})),
    });
    return s;
}

SchemaRef nodeKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("podCIDR", S::string()),
                     S::field("podCIDRs", S::stringList()),
                     S::field("providerID", S::string()),
                     S::field("unschedulable", S::boolean()),
                     S::field("taints", S::listOf(S::object({
                                  S::required("key", S::string()),
                                  S::field("value", S::string()),
                                  S::required("effect", S::knownValues(
                                      {"NoSchedule", "PreferNoSchedule", "NoExecute"})),
                                  S::field("timeAdded", S::string()),
                              }))),
                     S::field("configSource", S::any()),
                     S::removed("externalID", "1.10", "spec.providerID"),
                 })),
        S::field("status", S::looseObject({
                     S::field("capacity", S::quantityMap()),
                     S::field("allocatable", S::quantityMap()),
                 })),
    });
    return s;
}

SchemaRef configMapKind()
{
    static const SchemaRef s = topLevel({
        S::field("data", S::stringMap()),
        S::field("binaryData", S::stringMap()),
        S::field("immutable", S::boolean()),
    });
    return s;
}

SchemaRef secretKind()
{
    static const SchemaRef s = topLevel({
        S::field("data", S::stringMap()),
        S::field("stringData", S::stringMap()),
        S::field("type", S::string()),
        S::field("immutable", S::boolean()),
    });
    return s;
}

SchemaRef serviceAccountKind()
{
    static const SchemaRef s = topLevel({
        S::field("secrets", S::listOf(objectReference())),
        S::field("imagePullSecrets", S::listOf(localObjectReference())),
        S::field("automountServiceAccountToken", S::boolean()),
    });
    return s;
}

SchemaRef resourceQuotaKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("hard", S::quantityMap()),
                     S::field("scopes", S::stringList()),
                     S::field("scopeSelector", S::object({
                                  S::field("matchExpressions", S::listOf(S::object({
                                               S::required("scopeName", S::string()),
                                               S::required("operator", S::knownValues(
                                                   {"In", "NotIn", "Exists", "DoesNotExist"})),
                                               S::field("values", S::stringList()),
                                           }))),
                              })),
                 })),
        S::field("status", S::object({
                     S::field("hard", S::quantityMap()),
                     S::field("used", S::quantityMap()),
                 })),
    });
    return s;
}

SchemaRef limitRangeKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::required("limits", S::listOf(S::object({
                                     S::required("type", S::string()),
                                     S::field("max", S::quantityMap()),
                                     S::field("min", S::quantityMap()),
                                     S::field("default", S::quantityMap()),
                                     S::field("defaultRequest", S::quantityMap()),
                                     S::field("maxLimitRequestRatio", S::quantityMap()),
                                 }))),
                 })),
    });
    return s;
}

SchemaRef priorityClassKind()
{
    static const SchemaRef s = topLevel({
        S::required("value", S::integer()),
        S::field("globalDefault", S::boolean()),
        S::field("description", S::string()),
        S::field("preemptionPolicy", S::knownValues({"PreemptLowerPriority", "Never"})),
    });
    return s;
}

SchemaRef podDisruptionBudgetKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("minAvailable", S::intOrString()),
                     S::field("maxUnavailable", S::intOrString()),
                     S::field("selector", labelSelector()),
                     S::field("unhealthyPodEvictionPolicy", S::string()),
                 })),
        S::field("status", S::looseObject({})),
    });
    return s;
}

SchemaRef leaseKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("holderIdentity", S::string()),
                     S::field("leaseDurationSeconds", S::integer()),
                     S::field("acquireTime", S::string()),
                     S::field("renewTime", S::string()),
                     S::field("leaseTransitions", S::integer()),
                     S::field("strategy", S::string()),
                     S::field("preferredHolder", S::string()),
                 })),
    });
    return s;
}

SchemaRef runtimeClassKind()
{
    static const SchemaRef s = topLevel({
        S::required("handler", S::string()),
        S::field("overhead", S::object({S::field("podFixed", S::quantityMap())})),
        S::field("scheduling", S::object({
                     S::field("nodeSelector", S::stringMap()),
                     S::field("tolerations", S::listOf(toleration())),
                 })),
    });
    return s;
}

} // namespace emu::api::schemas
