// SPDX-License-Identifier: Apache-2.0
// DeploymentController: watch handlers, the sync entry point and the ReplicaSet bookkeeping
// (claiming, the new ReplicaSet and its revision, scaling one ReplicaSet).
#include "deployment_controller.h"

#include "controller_owner.h"
#include "controller_ref_manager.h"

namespace emu::ctrl {

using namespace deploymentutil;

namespace {

// annotationsToSkip: never copied from the Deployment to its ReplicaSets.
bool skipCopyAnnotation(const std::string &key)
{
    return key == "kubectl.kubernetes.io/last-applied-configuration" || key == revisionAnnotation
           || key == revisionHistoryAnnotation || key == desiredReplicasAnnotation || key == maxReplicasAnnotation
           || key == "deprecated.deployment.rollback.to";
}

// SetNewReplicaSetAnnotations: the Deployment's annotations, then the revision (keeping the
// earlier ones of a ReplicaSet rolled back to in revision-history).
bool setNewReplicaSetAnnotations(const store::Deployment &d, store::ReplicaSet &rs, std::int64_t newRevision,
                                 bool exists)
{
    bool changed = false;
    auto &annotations = rs.meta.annotations;
    for (const auto &[key, value] : d.meta.annotations) {
        if (skipCopyAnnotation(key) || (annotations.count(key) && annotations.at(key) == value))
            continue;
        annotations[key] = value;
        changed = true;
    }
    const auto old = annotations.find(revisionAnnotation);
    const bool hadRevision = old != annotations.end();
    const std::int64_t oldRevision = revision(rs);
    if (oldRevision < newRevision) {
        if (hadRevision) {
            std::string history = annotations[revisionHistoryAnnotation];
            const std::string previous = std::to_string(oldRevision);
            history = history.empty() ? previous : history + "," + previous;
            // Drop the oldest entries beyond the length limit.
            while (history.size() > maxRevisionHistoryLength && history.find(',') != std::string::npos)
                history.erase(0, history.find(',') + 1);
            annotations[revisionHistoryAnnotation] = history;
        }
        annotations[revisionAnnotation] = std::to_string(newRevision);
        changed = true;
    }
    if (!exists) {
        annotations[desiredReplicasAnnotation] = std::to_string(d.spec.replicas);
        annotations[maxReplicasAnnotation] = std::to_string(d.spec.replicas + maxSurge(d));
        changed = true;
    }
    return changed;
}

// SetDeploymentRevision
bool setDeploymentRevision(store::Deployment &d, const std::string &revision)
{
    auto &annotations = d.meta.annotations;
    if (annotations.count(revisionAnnotation) && annotations.at(revisionAnnotation) == revision)
        return false;
    annotations[revisionAnnotation] = revision;
    return true;
}

// labelsutil.CloneSelectorAndAddLabel: the selector with matchLabels[key] = value.
api::Value selectorWithLabel(const api::Value &selector, const std::string &key, const std::string &value)
{
    api::Value copy = selector.isMapping() ? selector : api::Value::mapping();
    if (!copy.find("matchLabels") || !copy.find("matchLabels")->isMapping())
        copy.insertAfter("", "matchLabels", api::Value::mapping());
    copy.find("matchLabels")->set(key, api::Value::string(value));
    return copy;
}

} // namespace

DeploymentController::DeploymentController(sim::SimContext &context, Informer<store::Deployment> &deployments,
                                           Informer<store::ReplicaSet> &replicaSets, Informer<store::Pod> &pods)
    : m_context(context), m_deployments(deployments), m_replicaSets(replicaSets), m_pods(pods),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_deployments.addHandlers({
        [this](const auto &d) { m_queue.add(d->meta.key()); },
        [this](const auto &, const auto &d) { m_queue.add(d->meta.key()); },
        [this](const auto &d) { m_queue.add(d->meta.key()); },
    });
    m_replicaSets.addHandlers({
        [this](const RsPtr &rs) { enqueueForReplicaSet(*rs); },
        [this](const RsPtr &previous, const RsPtr &rs) {
            const auto *oldRef = previous->meta.controllerRef();
            const auto *ref = rs->meta.controllerRef();
            if (oldRef && (!ref || ref->uid != oldRef->uid))
                enqueueForReplicaSet(*previous);
            if (ref || previous->meta.labels != rs->meta.labels || oldRef)
                enqueueForReplicaSet(*rs);
        },
        [this](const RsPtr &rs) {
            if (rs->meta.controllerRef())
                enqueueForReplicaSet(*rs);
        },
    });
    m_pods.addHandlers({{}, {}, [this](const auto &pod) { onPodDeleted(*pod); }});
}

// addReplicaSet / updateReplicaSet / deleteReplicaSet: the owner, or for an orphan every
// Deployment whose selector matches it (one of them may adopt it).
void DeploymentController::enqueueForReplicaSet(const store::ReplicaSet &rs)
{
    if (const store::OwnerReference *ref = rs.meta.controllerRef()) {
        if (ref->kind != store::Deployment::kind)
            return;
        auto d = m_deployments.get(rs.meta.namespaceName + '/' + ref->name);
        if (d && d->meta.uid == ref->uid)
            m_queue.add(d->meta.key());
        return;
    }
    for (const auto &d : m_deployments.listNamespace(rs.meta.namespaceName))
        if (!d->spec.selector.isEmpty() && d->spec.selector.matches(rs.meta.labels))
            m_queue.add(d->meta.key());
}

// deletePod: a Recreate rollout waits for the last old pod to go.
void DeploymentController::onPodDeleted(const store::Pod &pod)
{
    const store::OwnerReference *ref = pod.meta.controllerRef();
    if (!ref || ref->kind != store::ReplicaSet::kind)
        return;
    auto rs = m_replicaSets.get(pod.meta.namespaceName + '/' + ref->name);
    const store::OwnerReference *owner = rs ? rs->meta.controllerRef() : nullptr;
    if (!owner || owner->kind != store::Deployment::kind)
        return;
    auto d = m_deployments.get(pod.meta.namespaceName + '/' + owner->name);
    if (!d || d->meta.uid != owner->uid || d->spec.strategyType != "Recreate")
        return;
    for (const auto &[uid, pods] : podMap(*d, m_replicaSets.ownedBy(d->meta.uid)))
        if (!pods.empty())
            return;
    m_queue.add(d->meta.key());
}

DeploymentController::RsList DeploymentController::claimReplicaSets(const store::Deployment &d)
{
    const std::string key = d.meta.key();
    ControllerRefManager<store::ReplicaSet> manager(
        m_context.store.replicaSets(), m_replicaSets, ControllerOwner::of(d), d.spec.selector,
        d.meta.deletionTimestamp.has_value(), [this, key, uid = d.meta.uid] {
            auto fresh = m_context.store.deployments().get(key);
            return fresh && fresh->meta.uid == uid && !fresh->meta.deletionTimestamp;
        });
    return manager.claim();
}

DeploymentController::PodMap DeploymentController::podMap(const store::Deployment &, const RsList &rsList) const
{
    PodMap map;
    for (const RsPtr &rs : rsList)
        map[rs->meta.uid] = m_pods.ownedBy(rs->meta.uid);
    return map;
}

// syncDeployment
bool DeploymentController::sync(const std::string &key)
{
    const auto current = m_deployments.get(key);
    if (!current)
        return true;
    Rollout r{*current, claimReplicaSets(*current), nullptr, {}};
    if (r.d.spec.selector.isEmpty()) {
        m_context.events.record("Warning", "SelectingAll", "Deployment", r.d.meta.namespaceName, r.d.meta.name,
                                "This deployment is selecting all pods. A non-empty selector is required.");
        if (r.d.status.observedGeneration < r.d.meta.generation) {
            r.d.status.observedGeneration = r.d.meta.generation;
            writeStatus(r.d);
        }
        return true;
    }
    const PodMap pods = podMap(r.d, r.all);
    if (r.d.meta.deletionTimestamp) {
        if (!newAndOld(r, false))
            return false;
        syncDeploymentStatus(r);
        return true;
    }
    if (!checkPausedConditions(r))
        return false;
    if (r.d.spec.paused || isScalingEvent(r))
        return syncOnly(r);
    return r.d.spec.strategyType == "Recreate" ? rolloutRecreate(r, pods) : rolloutRolling(r);
}

// getAllReplicaSetsAndSyncRevision + getNewReplicaSet
bool DeploymentController::newAndOld(Rollout &r, bool createIfMissing)
{
    r.newRS = findNewReplicaSet(r.d, r.all);
    r.oldRSs.clear();
    for (const RsPtr &rs : r.all)
        if (rs != r.newRS)
            r.oldRSs.push_back(rs);
    const std::int64_t newRevision = maxRevision(r.oldRSs) + 1;
    if (r.newRS)
        return syncNewReplicaSetAnnotations(r, newRevision);
    if (!createIfMissing)
        return true;
    r.newRS = createNewReplicaSet(r, newRevision);
    return r.newRS != nullptr;
}

bool DeploymentController::syncNewReplicaSetAnnotations(Rollout &r, std::int64_t newRevision)
{
    store::ReplicaSet copy = *r.newRS;
    const bool annotationsChanged = setNewReplicaSetAnnotations(r.d, copy, newRevision, true);
    if (annotationsChanged || copy.spec.minReadySeconds != r.d.spec.minReadySeconds) {
        const bool specChanged = copy.spec.minReadySeconds != r.d.spec.minReadySeconds;
        m_context.store.replicaSets().patch(copy.meta.key(), [&](store::ReplicaSet &rs) {
            rs.meta.annotations = copy.meta.annotations;
            if (specChanged)
                rs.spec.set("minReadySeconds", api::Value::integer(r.d.spec.minReadySeconds));
        }, specChanged);
        r.newRS = m_context.store.replicaSets().get(copy.meta.key());
        return r.newRS != nullptr;
    }
    bool needsUpdate = setDeploymentRevision(r.d, std::to_string(revision(*r.newRS)));
    if (hasProgressDeadline(r.d) && !store::findCondition(r.d.status.conditions, "Progressing")) {
        setCondition(r.d.status, newCondition("Progressing", "True", foundNewRSReason,
                                              "Found new replica set \"" + r.newRS->meta.name + "\"",
                                              m_context.engine.now()));
        needsUpdate = true;
    }
    if (needsUpdate)
        writeStatus(r.d);
    return true;
}

DeploymentController::RsPtr DeploymentController::createNewReplicaSet(Rollout &r, std::int64_t newRevision)
{
    const store::Deployment &d = r.d;
    const SimTime now = m_context.engine.now();
    const std::string hash = computeHash(d.spec.podTemplate.value, d.status.collisionCount);
    store::ReplicaSet rs;
    rs.meta.name = d.meta.name + "-" + hash;
    rs.meta.namespaceName = d.meta.namespaceName;
    rs.meta.ownerReferences = {ControllerOwner::of(d).controllerRef()};
    api::Value spec = api::Value::mapping();
    spec.set("minReadySeconds", api::Value::integer(d.spec.minReadySeconds));
    spec.set("replicas", api::Value::integer(0));
    spec.set("selector", selectorWithLabel(d.spec.selector.value, podTemplateHashLabel, hash));
    spec.set("template", withHash(d.spec.podTemplate.value, hash));
    rs.spec = store::ReplicaSet::Spec::fromValue(spec);
    rs.meta.labels = rs.spec.podTemplate.labels;
    RsList all = r.oldRSs;
    all.push_back(std::make_shared<const store::ReplicaSet>(rs));
    const std::int32_t replicas = newRSNewReplicas(d, all, rs);
    rs.spec.set("replicas", api::Value::integer(replicas));
    setNewReplicaSetAnnotations(d, rs, newRevision, false);

    const store::StoreResult created = m_context.store.replicaSets().create(rs);
    const bool alreadyExists = created.error == store::StoreError::AlreadyExists;
    RsPtr result = m_context.store.replicaSets().get(rs.meta.key());
    if (alreadyExists) {
        const store::OwnerReference *ref = result ? result->meta.controllerRef() : nullptr;
        if (!ref || ref->uid != d.meta.uid || !equalIgnoreHash(d.spec.podTemplate.value, result->spec.podTemplate.value)) {
            // A hash collision: count it so that the next sync computes another name.
            r.d.status.collisionCount = r.d.status.collisionCount.value_or(0) + 1;
            writeStatus(r.d);
            return nullptr;
        }
    } else if (!created.ok()) {
        const std::string message = "Failed to create new replica set \"" + rs.meta.name + "\": " + created.message;
        if (hasProgressDeadline(d)) {
            setCondition(r.d.status, newCondition("Progressing", "False", "ReplicaSetCreateError", message, now));
            writeStatus(r.d);
        }
        m_context.events.record("Warning", "ReplicaSetCreateError", "Deployment", d.meta.namespaceName,
                                d.meta.name, message);
        return nullptr;
    }
    if (!alreadyExists && replicas > 0)
        m_context.events.record("Normal", "ScalingReplicaSet", "Deployment", d.meta.namespaceName, d.meta.name,
                                "Scaled up replica set " + rs.meta.name + " from 0 to " + std::to_string(replicas));
    bool needsUpdate = setDeploymentRevision(r.d, std::to_string(newRevision));
    if (!alreadyExists && hasProgressDeadline(d)) {
        setCondition(r.d.status, newCondition("Progressing", "True", newRSNewReplicasReason,
                                              "Created new replica set \"" + rs.meta.name + "\"", now));
        needsUpdate = true;
    }
    if (needsUpdate)
        writeStatus(r.d);
    return result;
}

// scaleReplicaSet: the size and the desired/max-replicas annotations in one update.
bool DeploymentController::scaleReplicaSet(Rollout &r, RsPtr &rs, std::int32_t newScale)
{
    const std::int32_t desired = r.d.spec.replicas;
    const std::int32_t max = desired + maxSurge(r.d);
    const bool sizeNeedsUpdate = rs->spec.replicas != newScale;
    const bool annotationsNeedUpdate = intAnnotation(*rs, desiredReplicasAnnotation) != desired
                                       || intAnnotation(*rs, maxReplicasAnnotation) != max;
    if (!sizeNeedsUpdate && !annotationsNeedUpdate)
        return false;
    const std::int32_t oldScale = rs->spec.replicas;
    const store::StoreResult result = m_context.store.replicaSets().patch(rs->meta.key(), [&](store::ReplicaSet &u) {
        if (sizeNeedsUpdate)
            u.spec.set("replicas", api::Value::integer(newScale));
        u.meta.annotations[desiredReplicasAnnotation] = std::to_string(desired);
        u.meta.annotations[maxReplicasAnnotation] = std::to_string(max);
    }, sizeNeedsUpdate);
    if (!result.ok())
        return false;
    const std::string name = rs->meta.name;
    rs = m_context.store.replicaSets().get(rs->meta.key());
    // Later steps of this sync read the updated sizes.
    for (RsList *list : {&r.all, &r.oldRSs})
        for (RsPtr &entry : *list)
            if (entry && entry->meta.name == name)
                entry = rs;
    if (r.newRS && r.newRS->meta.name == name)
        r.newRS = rs;
    if (!sizeNeedsUpdate)
        return false;
    m_context.events.record("Normal", "ScalingReplicaSet", "Deployment", r.d.meta.namespaceName, r.d.meta.name,
                            std::string("Scaled ") + (oldScale < newScale ? "up" : "down") + " replica set "
                                + name + " from " + std::to_string(oldScale) + " to " + std::to_string(newScale));
    return true;
}

// UpdateStatus of the Deployment: its status and (SetDeploymentRevision) its revision annotation.
void DeploymentController::writeStatus(const store::Deployment &d)
{
    m_context.store.deployments().patch(d.meta.key(), [&](store::Deployment &current) {
        current.status = d.status;
        if (const auto it = d.meta.annotations.find(revisionAnnotation); it != d.meta.annotations.end())
            current.meta.annotations[revisionAnnotation] = it->second;
    });
}

} // namespace emu::ctrl
