// SPDX-License-Identifier: Apache-2.0
// Workload defaults: pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go and
// SetDefaults_ReplicationController in pkg/apis/core/v1/defaults.go. Every pod template is
// also given the PodSpec defaults, as the generated SetObjectDefaults_<Kind> functions do.

#include "defaulter_support.h"

#include <limits>

namespace emu::api::defaulting {

namespace {

// Scalars conventionally come before the template; keep the template (and what the user wrote
// after it) at the end of the spec.
const Place beforeTemplate = Place::before("template");

/// Copies the pod template's labels to metadata.labels when the object has none.
/// upstream: SetDefaults_ReplicationController and SetDefaults_Job ("if labels != nil &&
/// len(obj.Labels) == 0").
void labelsFromTemplate(Value &object, const Value *templateLabels)
{
    if (templateLabels == nullptr || !templateLabels->isMapping())
        return;
    Value *metadata = mappingAt(object, "metadata");
    if (metadata == nullptr)
        return;
    const Value *labels = metadata->find("labels");
    if (!isUnset(labels) && !(labels->isMapping() && labels->size() == 0))
        return;
    const Place place = metadata->contains("namespace") ? Place::after("namespace")
                                                        : Place::after("name");
    put(*metadata, "labels", *templateLabels, place);
}

const Value *templateLabels(Value &spec)
{
    Value *templ = mappingAt(spec, "template");
    Value *metadata = templ != nullptr ? mappingAt(*templ, "metadata") : nullptr;
    return metadata != nullptr ? metadata->find("labels") : nullptr;
}

} // namespace

void defaultDeployment(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: apps/v1 SetDefaults_Deployment
    fillUnset(*spec, "replicas", num(1), Place::front());
    if (Value *strategy = ensureMapping(*spec, "strategy", beforeTemplate)) {
        fillZero(*strategy, "type", str("RollingUpdate"), Place::front());
        if (stringOf(strategy->find("type")) == "RollingUpdate") {
            if (Value *rolling = ensureMapping(*strategy, "rollingUpdate")) {
                fillUnset(*rolling, "maxUnavailable", str("25%"));
                fillUnset(*rolling, "maxSurge", str("25%"));
            }
        }
    }
    fillUnset(*spec, "revisionHistoryLimit", num(10), beforeTemplate);
    fillUnset(*spec, "progressDeadlineSeconds", num(600), beforeTemplate);
    defaultPodTemplate(*spec, "template");
}

void defaultReplicaSet(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: apps/v1 SetDefaults_ReplicaSet
    fillUnset(*spec, "replicas", num(1), Place::front());
    defaultPodTemplate(*spec, "template");
}

void defaultReplicationController(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: core/v1 SetDefaults_ReplicationController - selector and object labels default
    // to the template's labels (the RC selector is a plain map, unlike apps' LabelSelector).
    if (const Value *found = templateLabels(*spec); found != nullptr && found->isMapping()) {
        const Value labels = *found; // a copy: inserting into spec may move the template
        const Value *selector = spec->find("selector");
        if (isUnset(selector) || (selector->isMapping() && selector->size() == 0))
            put(*spec, "selector", labels, beforeTemplate);
        labelsFromTemplate(object, &labels);
    }
    // upstream: types.go ReplicationControllerSpec.Replicas `+default=1`
    fillUnset(*spec, "replicas", num(1), Place::front());
    defaultPodTemplate(*spec, "template");
}

void defaultStatefulSet(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: apps/v1 SetDefaults_StatefulSet
    fillUnset(*spec, "replicas", num(1), Place::front());
    fillZero(*spec, "podManagementPolicy", str("OrderedReady"), beforeTemplate);
    if (Value *strategy = ensureMapping(*spec, "updateStrategy", beforeTemplate)) {
        // Only a defaulted type brings an empty rollingUpdate; an explicit
        // `type: RollingUpdate` without one stays without one, as upstream.
        if (isZero(strategy->find("type"))) {
            put(*strategy, "type", str("RollingUpdate"), Place::front());
            ensureMapping(*strategy, "rollingUpdate");
        }
        Value *rolling = mappingAt(*strategy, "rollingUpdate");
        if (stringOf(strategy->find("type")) == "RollingUpdate" && rolling != nullptr)
            fillUnset(*rolling, "partition", num(0));
    }
    // upstream: gated by StatefulSetAutoDeletePVC, beta and on by default since v1.27.
    if (Value *retention = ensureMapping(*spec, "persistentVolumeClaimRetentionPolicy",
                                         beforeTemplate)) {
        fillZero(*retention, "whenDeleted", str("Retain"));
        fillZero(*retention, "whenScaled", str("Retain"));
    }
    fillUnset(*spec, "revisionHistoryLimit", num(10), beforeTemplate);
    defaultPodTemplate(*spec, "template");
    // upstream: SetObjectDefaults_StatefulSet defaults each volumeClaimTemplate's spec.
    if (Value *claims = sequenceAt(*spec, "volumeClaimTemplates")) {
        for (std::size_t i = 0; i < claims->size(); ++i) {
            if (Value *claimSpec = mappingAt(claims->at(i), "spec"))
                defaultPvcSpec(*claimSpec);
        }
    }
}

void defaultDaemonSet(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: apps/v1 SetDefaults_DaemonSet - integers here, unlike Deployment's "25%".
    if (Value *strategy = ensureMapping(*spec, "updateStrategy", beforeTemplate)) {
        fillZero(*strategy, "type", str("RollingUpdate"), Place::front());
        if (stringOf(strategy->find("type")) == "RollingUpdate") {
            if (Value *rolling = ensureMapping(*strategy, "rollingUpdate")) {
                fillUnset(*rolling, "maxUnavailable", num(1));
                fillUnset(*rolling, "maxSurge", num(0));
            }
        }
    }
    fillUnset(*spec, "revisionHistoryLimit", num(10), beforeTemplate);
    defaultPodTemplate(*spec, "template");
}

void defaultJob(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: batch/v1 SetDefaults_Job
    if (isUnset(spec->find("completions")) && isUnset(spec->find("parallelism")))
        put(*spec, "completions", num(1), beforeTemplate);
    fillUnset(*spec, "parallelism", num(1), beforeTemplate);
    // With backoffLimitPerIndex the global limit is effectively off (math.MaxInt32).
    const std::int64_t backoffLimit = isUnset(spec->find("backoffLimitPerIndex"))
                                          ? 6
                                          : std::numeric_limits<std::int32_t>::max();
    fillUnset(*spec, "backoffLimit", num(backoffLimit), beforeTemplate);
    labelsFromTemplate(object, templateLabels(*spec));
    fillUnset(*spec, "completionMode", str("NonIndexed"), beforeTemplate);
    fillUnset(*spec, "suspend", Value::boolean(false), beforeTemplate);
    const Value *failurePolicy = spec->find("podFailurePolicy");
    if (failurePolicy != nullptr && failurePolicy->isMapping()) {
        // upstream: SetDefaults_PodFailurePolicyOnPodConditionsPattern
        if (Value *rules = sequenceAt(*spec->find("podFailurePolicy"), "rules")) {
            for (std::size_t i = 0; i < rules->size(); ++i) {
                Value *patterns = sequenceAt(rules->at(i), "onPodConditions");
                for (std::size_t j = 0; patterns != nullptr && j < patterns->size(); ++j) {
                    if (patterns->at(j).isMapping())
                        fillZero(patterns->at(j), "status", str("True"));
                }
            }
        }
    }
    // upstream: gated by JobPodReplacementPolicy, beta and on by default since v1.29.
    fillUnset(*spec, "podReplacementPolicy",
              str(isUnset(spec->find("podFailurePolicy")) ? "TerminatingOrFailed" : "Failed"),
              beforeTemplate);
    // upstream: since v1.29 (kubernetes#120206).
    fillUnset(*spec, "manualSelector", Value::boolean(false), beforeTemplate);
    // The template's restartPolicy is defaulted to Always like any PodSpec's; the server then
    // rejects it ("Unsupported value: \"Always\""), which is the message users see.
    defaultPodTemplate(*spec, "template");
}

void defaultCronJob(Value &object)
{
    Value *spec = mappingAt(object, "spec");
    if (spec == nullptr)
        return;
    // upstream: batch/v1 SetDefaults_CronJob. SetDefaults_Job takes a Job, not a JobSpec, so
    // the jobTemplate's spec gets only the PodSpec defaults.
    const Place beforeJobTemplate = Place::before("jobTemplate");
    fillZero(*spec, "concurrencyPolicy", str("Allow"), beforeJobTemplate);
    fillUnset(*spec, "suspend", Value::boolean(false), beforeJobTemplate);
    fillUnset(*spec, "successfulJobsHistoryLimit", num(3), beforeJobTemplate);
    fillUnset(*spec, "failedJobsHistoryLimit", num(1), beforeJobTemplate);
    if (Value *jobTemplate = mappingAt(*spec, "jobTemplate")) {
        if (Value *jobSpec = mappingAt(*jobTemplate, "spec"))
            defaultPodTemplate(*jobSpec, "template");
    }
}

} // namespace emu::api::defaulting
