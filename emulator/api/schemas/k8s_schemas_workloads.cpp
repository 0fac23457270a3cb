// SPDX-License-Identifier: Apache-2.0
// apps/v1, batch/v1 and core/v1 ReplicationController.
#include "k8s_schemas.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

SchemaRef workloadStatus()
{
    // Status is written by controllers; only its outer shape is checked.
    static const SchemaRef s = S::looseObject({
        S::field("replicas", S::integer()),
        S::field("conditions", conditions()),
        S::field("observedGeneration", S::int64()),
    });
    return s;
}

SchemaRef rollingUpdate()
{
    static const SchemaRef s = S::object({
        S::field("maxUnavailable", S::intOrString()),
        S::field("maxSurge", S::intOrString()),
    });
    return s;
}

SchemaRef jobSpec()
{
    static const SchemaRef s = S::object({
        S::field("parallelism", S::integer()),
        S::field("completions", S::integer()),
        S::field("activeDeadlineSeconds", S::int64()),
        S::field("podFailurePolicy", S::object({
                     S::required("rules", S::listOf(S::object({
                                     S::required("action", S::string()),
                                     S::field("onExitCodes", S::object({
                                                  S::field("containerName", S::string()),
                                                  S::required("operator", S::string()),
                                                  S::required("values", S::listOf(S::integer())),
                                              })),
                                     S::field("onPodConditions", S::listOf(S::object({
                                                  S::required("type", S::string()),
                                                  S::field("status", S::string()),
                                              }))),
                                 }))),
                 })),
        S::field("successPolicy", S::object({
                     S::required("rules", S::listOf(S::object({
                                     S::field("succeededIndexes", S::string()),
                                     S::field("succeededCount", S::integer()),
                                 }))),
                 })),
        S::field("backoffLimit", S::integer()),
        S::field("backoffLimitPerIndex", S::integer()),
        S::field("maxFailedIndexes", S::integer()),
        S::field("selector", labelSelector()),
        S::field("manualSelector", S::boolean()),
        S::required("template", podTemplateSpec()),
        S::field("ttlSecondsAfterFinished", S::integer()),
        S::field("completionMode", S::knownValues({"NonIndexed", "Indexed"})),
        S::field("suspend", S::boolean()),
        S::field("podReplacementPolicy", S::string()),
        S::field("managedBy", S::string()),
    });
    return s;
}

} // namespace

SchemaRef replicaSetKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("replicas", S::integer()),
                     S::field("minReadySeconds", S::integer()),
                     S::required("selector", labelSelector()),
                     S::field("template", podTemplateSpec()),
                 })),
        S::field("status", workloadStatus()),
    });
    return s;
}

SchemaRef replicationControllerKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("replicas", S::integer()),
                     S::field("minReadySeconds", S::integer()),
                     // A plain map here, not a LabelSelector.
                     S::field("selector", S::stringMap()),
                     S::field("template", podTemplateSpec()),
                 })),
        S::field("status", workloadStatus()),
    });
    return s;
}

SchemaRef deploymentKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("replicas", S::integer()),
                     S::required("selector", labelSelector()),
                     S::required("template", podTemplateSpec()),
                     S::field("strategy", S::object({
                                  S::field("type", S::knownValues({"Recreate", "RollingUpdate"})),
                                  S::field("rollingUpdate", rollingUpdate()),
                              })),
                     S::field("minReadySeconds", S::integer()),
                     S::field("revisionHistoryLimit", S::integer()),
                     S::field("paused", S::boolean()),
                     S::field("progressDeadlineSeconds", S::integer()),
                     S::removed("rollbackTo", "1.16", "kubectl rollout undo"),
                 })),
        S::field("status", workloadStatus()),
    });
    return s;
}

SchemaRef statefulSetKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::field("replicas", S::integer()),
                     S::required("selector", labelSelector()),
                     S::required("template", podTemplateSpec()),
                     S::field("volumeClaimTemplates", S::listOf(persistentVolumeClaimTemplate())),
                     S::field("serviceName", S::string()),
                     S::field("podManagementPolicy", S::knownValues({"OrderedReady", "Parallel"})),
                     S::field("updateStrategy", S::object({
                                  S::field("type", S::knownValues({"RollingUpdate", "OnDelete"})),
                                  S::field("rollingUpdate", S::object({
                                               S::field("partition", S::integer()),
                                               S::field("maxUnavailable", S::intOrString()),
                                           })),
                              })),
                     S::field("revisionHistoryLimit", S::integer()),
                     S::field("minReadySeconds", S::integer()),
                     S::field("persistentVolumeClaimRetentionPolicy", S::object({
                                  S::field("whenDeleted", S::string()),
                                  S::field("whenScaled", S::string()),
                              })),
                     S::field("ordinals", S::object({S::field("start", S::integer())})),
                 })),
        S::field("status", workloadStatus()),
    });
    return s;
}

SchemaRef daemonSetKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::required("selector", labelSelector()),
                     S::required("template", podTemplateSpec()),
                     S::field("updateStrategy", S::object({
                                  S::field("type", S::knownValues({"RollingUpdate", "OnDelete"})),
                                  S::field("rollingUpdate", rollingUpdate()),
                              })),
                     S::field("minReadySeconds", S::integer()),
                     S::field("revisionHistoryLimit", S::integer()),
                     S::removed("templateGeneration", "1.16", ""),
                 })),
        S::field("status", S::looseObject({})),
    });
    return s;
}

SchemaRef jobKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", jobSpec()),
        S::field("status", S::looseObject({S::field("conditions", conditions())})),
    });
    return s;
}

SchemaRef cronJobKind()
{
    static const SchemaRef s = topLevel({
        S::field("spec", S::object({
                     S::required("schedule", S::string()),
                     S::field("timeZone", S::string()),
                     S::field("startingDeadlineSeconds", S::int64()),
                     S::field("concurrencyPolicy", S::knownValues({"Allow", "Forbid", "Replace"})),
                     S::field("suspend", S::boolean()),
                     S::required("jobTemplate", S::object({
                                     S::field("metadata", objectMeta()),
                                     S::field("spec", jobSpec()),
                                 })),
                     S::field("successfulJobsHistoryLimit", S::integer()),
                     S::field("failedJobsHistoryLimit", S::integer()),
                 })),
        S::field("status", S::looseObject({})),
    });
    return s;
}

} // namespace emu::api::schemas
