// SPDX-License-Identifier: Apache-2.0
#include "deployment_rollback.h"

#include "deployment_util.h"

namespace emu::ctrl {

using namespace deploymentutil;

namespace {

bool skippedAnnotation(const std::string &key)
{
    return key == "kubectl.kubernetes.io/last-applied-configuration" || key == revisionAnnotation
           || key == revisionHistoryAnnotation || key == desiredReplicasAnnotation || key == maxReplicasAnnotation
           || key == "deprecated.deployment.rollback.to";
}

// rsForRevision (toRevision 0: the second highest revision).
RsPtr replicaSetForRevision(const RsList &all, std::int64_t toRevision, const std::string &name, std::string &error)
{
    if (all.empty()) {
        error = "no rollout history found for deployment \"" + name + "\"";
        return nullptr;
    }
    if (toRevision > 0) {
        for (const RsPtr &rs : all)
            if (revision(*rs) == toRevision)
                return rs;
        error = "unable to find specified revision " + std::to_string(toRevision) + " in history";
        return nullptr;
    }
    std::int64_t latest = 0;
    std::int64_t previous = 0;
    for (const RsPtr &rs : all) {
        const std::int64_t v = revision(*rs);
        if (v > latest) {
            previous = latest;
            latest = v;
        } else if (v > previous && v < latest) {
            previous = v;
        }
    }
    for (const RsPtr &rs : all)
        if (previous > 0 && revision(*rs) == previous)
            return rs;
    error = "no rollout history found for deployment \"" + name + "\"";
    return nullptr;
}

} // namespace

RollbackResult rollbackDeployment(store::ObjectStore &store, const std::string &key, std::int64_t toRevision)
{
    const auto d = store.deployments().get(key);
    const std::string name = key.substr(key.find('/') + 1);
    if (!d)
        return {false, "deployments.apps \"" + name + "\" not found"};
    if (d->spec.paused)
        return {false, "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' "
                       "and try again"};
    RsList all;
    for (const auto &rs : store.replicaSets().list())
        if (const auto *ref = rs->meta.controllerRef(); ref && ref->uid == d->meta.uid)
            all.push_back(rs);
    std::string error;
    const RsPtr rs = replicaSetForRevision(all, toRevision, name, error);
    if (!rs)
        return {false, error};
    if (equalIgnoreHash(rs->spec.podTemplate.value, d->spec.podTemplate.value))
        return {true, "deployment.apps/" + name + " skipped rollback (current template already matches revision "
                          + std::to_string(revision(*rs)) + ")"};
    api::Labels annotations;
    for (const auto &[k, v] : rs->meta.annotations)
        if (!skippedAnnotation(k))
            annotations[k] = v;
    const api::Value podTemplate = withoutHash(rs->spec.podTemplate.value);
    store.deployments().patch(key, [&](store::Deployment &u) {
        u.spec.set("template", podTemplate);
        u.meta.annotations = annotations;
        u.metadata.remove("annotations");
    }, true);
    return {true, "deployment.apps/" + name + " rolled back"};
}

} // namespace emu::ctrl
