// SPDX-License-Identifier: Apache-2.0
#include "stateful_set_controller.h"

#include "controller_owner.h"
#include "controller_ref_manager.h"
#include "deployment_util.h"
#include "pod_deletion.h"
#include "pod_util.h"
#include "stateful_pod.h"

#include "emulator/sim/pod_decoder.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace emu::ctrl {

namespace {

// apps.ControllerRevisionHashLabelKey on the revision itself (controller.kubernetes.io/hash).
constexpr const char *revisionHashLabel = "controller.kubernetes.io/hash";

std::string claimKey(const std::string &namespaceName, const std::string &name)
{
    return std::string("v1/PersistentVolumeClaim/") + namespaceName + "/" + name;
}

} // namespace

StatefulSetController::StatefulSetController(sim::SimContext &context, Informer<store::StatefulSet> &sets,
                                             Informer<store::Pod> &pods, Informer<store::ControllerRevision> &revisions)
    : m_context(context), m_sets(sets), m_pods(pods), m_revisions(revisions),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_sets.addHandlers({
        [this](const auto &set) { m_queue.add(set->meta.key()); },
        [this](const auto &, const auto &set) { m_queue.add(set->meta.key()); },
        {},
    });
    m_pods.addHandlers({
        [this](const PodPtr &pod) { onPod(*pod); },
        [this](const PodPtr &previous, const PodPtr &pod) { onPodUpdate(previous, pod); },
        [this](const PodPtr &pod) { onPod(*pod); },
    });
}

// addPod / deletePod: the owner, or for an orphan every set whose selector matches.
void StatefulSetController::onPod(const store::Pod &pod)
{
    if (const store::OwnerReference *ref = pod.meta.controllerRef()) {
        if (ref->kind != store::StatefulSet::kind)
            return;
        auto set = m_sets.get(pod.meta.namespaceName + "/" + ref->name);
        if (set && set->meta.uid == ref->uid)
            m_queue.add(set->meta.key());
        return;
    }
    for (const auto &set : m_sets.listNamespace(pod.meta.namespaceName))
        if (set->spec.selector.matches(pod.meta.labels))
            m_queue.add(set->meta.key());
}

void StatefulSetController::onPodUpdate(const PodPtr &previous, const PodPtr &pod)
{
    onPod(*pod);
    if (previous->meta.labels != pod->meta.labels)
        onPod(*previous);
    // A pod turning Ready becomes available minReadySeconds later.
    const store::OwnerReference *ref = pod->meta.controllerRef();
    if (!ref || ref->kind != store::StatefulSet::kind || isPodReady(*previous) || !isPodReady(*pod))
        return;
    auto set = m_sets.get(pod->meta.namespaceName + "/" + ref->name);
    if (set && set->meta.uid == ref->uid && set->spec.minReadySeconds > 0)
        m_queue.addAfter(set->meta.key(), SimDuration::seconds(set->spec.minReadySeconds) + SimDuration::seconds(1));
}

void StatefulSetController::podEvent(const store::StatefulSet &set, const std::string &verb,
                                     const std::string &podName, const std::optional<std::string> &error)
{
    // recordPodEvent: "Successful<Verb>" / "Failed<Verb>".
    std::string title = verb;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    if (!error)
        m_context.events.record("Normal", "Successful" + title, store::StatefulSet::kind, set.meta.namespaceName,
                                set.meta.name, verb + " Pod " + podName + " in StatefulSet " + set.meta.name + " successful");
    else
        m_context.events.record("Warning", "Failed" + title, store::StatefulSet::kind, set.meta.namespaceName,
                                set.meta.name,
                                verb + " Pod " + podName + " in StatefulSet " + set.meta.name + " failed error: " + *error);
}

// getStatefulSetRevisions
std::optional<std::string> StatefulSetController::revisions(const store::StatefulSet &set, Revisions &r)
{
    auto &table = m_context.store.controllerRevisions();
    r.all = m_revisions.ownedBy(set.meta.uid);
    std::sort(r.all.begin(), r.all.end(), [](const RevisionPtr &a, const RevisionPtr &b) {
        return a->revision != b->revision ? a->revision < b->revision : a->meta.name < b->meta.name;
    });
    r.collisionCount = set.status.collisionCount;
    const api::Value data = statefulpod::revisionData(set.spec.podTemplate.value);
    std::vector<RevisionPtr> equal;
    for (const RevisionPtr &revision : r.all)
        if (revision->data == data)
            equal.push_back(revision);
    const std::int64_t next = r.all.empty() ? 1 : r.all.back()->revision + 1;
    if (!equal.empty() && equal.back() == r.all.back()) {
        r.update = r.all.back(); // the template did not change
    } else if (!equal.empty()) {
        // A rollback: the equal revision becomes the newest.
        table.patch(equal.back()->meta.key(), [&](store::ControllerRevision &rev) { rev.revision = next; });
        r.update = table.get(equal.back()->meta.key());
    } else {
        const std::string hash = deploymentutil::computeHash(data, r.collisionCount);
        store::ControllerRevision revision;
        revision.meta.name = set.meta.name + "-" + hash;
        revision.meta.namespaceName = set.meta.namespaceName;
        revision.meta.labels = set.spec.podTemplate.labels;
        revision.meta.labels[revisionHashLabel] = hash;
        revision.meta.ownerReferences = {ControllerOwner::of(set).controllerRef()};
        revision.data = data;
        revision.revision = next;
        const store::StoreResult result = table.create(revision);
        auto existing = table.get(revision.meta.key());
        if (!result.ok()) {
            const store::OwnerReference *ref = existing ? existing->meta.controllerRef() : nullptr;
            if (result.error != store::StoreError::AlreadyExists || !existing || existing->data != data || !ref
                || ref->uid != set.meta.uid) {
                // A hash collision: try again with the next collisionCount.
                m_context.store.statefulSets().patch(set.meta.key(), [](store::StatefulSet &s) {
                    s.status.collisionCount = s.status.collisionCount.value_or(0) + 1;
                });
                return "collision creating ControllerRevision " + revision.meta.name;
            }
        }
        r.update = existing;
        if (std::find(r.all.begin(), r.all.end(), existing) == r.all.end())
            r.all.push_back(existing);
    }
    if (!set.status.currentRevision.empty())
        r.current = table.get(set.meta.namespaceName + "/" + set.status.currentRevision);
    if (!r.current)
        r.current = r.update;
    return std::nullopt;
}

// truncateHistory: revisions neither current, update nor used by a pod, oldest first.
void StatefulSetController::cleanupHistory(const store::StatefulSet &set, const Revisions &r,
                                           const std::vector<PodPtr> &pods)
{
    std::set<std::string> live{r.current->meta.name, r.update->meta.name};
    for (const PodPtr &pod : pods)
        live.insert(statefulpod::revisionOf(*pod));
    std::vector<RevisionPtr> history;
    for (const RevisionPtr &revision : r.all)
        if (!live.count(revision->meta.name))
            history.push_back(revision);
    const int excess = static_cast<int>(history.size()) - set.spec.revisionHistoryLimit;
    for (int i = 0; i < excess; ++i)
        m_context.store.controllerRevisions().remove(history[static_cast<std::size_t>(i)]->meta.key());
}

// createPersistentVolumeClaims: the claims a pod needs that do not exist yet.
void StatefulSetController::createMissingClaims(const store::StatefulSet &set, int ordinal, const std::string &podName)
{
    auto &others = m_context.store.others();
    for (const statefulpod::Claim &c : statefulpod::claimsFor(set, ordinal)) {
        if (others.get(claimKey(set.meta.namespaceName, c.claimName)))
            continue;
        store::UnstructuredObject claim;
        claim.apiVersion = "v1";
        claim.kind = "PersistentVolumeClaim";
        claim.meta.name = c.claimName;
        claim.meta.namespaceName = set.meta.namespaceName;
        const api::Value *metadata = c.claimTemplate.find("metadata");
        if (const api::Value *labels = metadata ? metadata->find("labels") : nullptr; labels && labels->isMapping())
            for (std::size_t i = 0; i < labels->size(); ++i)
                claim.meta.labels[labels->keyAt(i).text()] = labels->valueAt(i).text();
        // getPersistentVolumeClaims: the set's matchLabels are added to the claim.
        if (const api::Value *selector = set.spec.selector.value.isMapping() ? set.spec.selector.value.find("matchLabels")
                                                                             : nullptr;
            selector && selector->isMapping())
            for (std::size_t i = 0; i < selector->size(); ++i)
                claim.meta.labels[selector->keyAt(i).text()] = selector->valueAt(i).text();
        api::Value claimMetadata = api::Value::mapping();
        claimMetadata.set("name", api::Value::string(c.claimName));
        claimMetadata.set("namespace", api::Value::string(set.meta.namespaceName));
        claim.metadata = std::move(claimMetadata);
        claim.body = api::Value::mapping();
        const api::Value *spec = c.claimTemplate.find("spec");
        claim.body.set("spec", spec ? *spec : api::Value::mapping());
        const store::StoreResult result = others.create(claim);
        if (result.ok())
            m_context.events.record("Normal", "SuccessfulCreate", store::StatefulSet::kind, set.meta.namespaceName,
                                    set.meta.name,
                                    "create Claim " + c.claimName + " Pod " + podName + " in StatefulSet "
                                        + set.meta.name + " success");
        else
            m_context.events.record("Warning", "FailedCreate", store::StatefulSet::kind, set.meta.namespaceName,
                                    set.meta.name,
                                    "create Claim " + c.claimName + " for Pod " + podName + " in StatefulSet "
                                        + set.meta.name + " failed error: " + result.message);
    }
}

// updateClaimOwnerRefForSetAndPod: whenDeleted Delete → the set owns the claim; whenScaled
// Delete → the pod of a condemned ordinal owns it.
void StatefulSetController::applyRetentionPolicy(const store::StatefulSet &set, int ordinal,
                                                 const store::Pod *condemnedPod)
{
    auto &others = m_context.store.others();
    for (const statefulpod::Claim &c : statefulpod::claimsFor(set, ordinal)) {
        const std::string key = claimKey(set.meta.namespaceName, c.claimName);
        const auto claim = others.get(key);
        if (!claim)
            continue;
        std::vector<store::OwnerReference> refs;
        for (const store::OwnerReference &ref : claim->meta.ownerReferences)
            if (!(ref.kind == store::StatefulSet::kind && ref.name == set.meta.name)
                && !(ref.kind == "Pod" && ref.name == set.meta.name + "-" + std::to_string(ordinal)))
                refs.push_back(ref);
        // A condemned pod's claim belongs to the pod alone, so it goes with the pod.
        if (condemnedPod && set.spec.whenScaled == "Delete")
            refs.push_back({"v1", "Pod", condemnedPod->meta.name, condemnedPod->meta.uid, false, true});
        else if (set.spec.whenDeleted == "Delete")
            refs.push_back({store::StatefulSet::apiVersion, store::StatefulSet::kind, set.meta.name, set.meta.uid,
                            false, true});
        const auto same = [](const store::OwnerReference &a, const store::OwnerReference &b) {
            return a.kind == b.kind && a.name == b.name && a.uid == b.uid;
        };
        if (std::equal(refs.begin(), refs.end(), claim->meta.ownerReferences.begin(),
                       claim->meta.ownerReferences.end(), same))
            continue;
        others.patch(key, [&](store::UnstructuredObject &o) { o.meta.ownerReferences = refs; });
    }
}

StatefulSetController::PodPtr StatefulSetController::createPod(const store::StatefulSet &set, const Revisions &r,
                                                               int ordinal, std::optional<std::string> &error)
{
    // newVersionedStatefulSetPod: below the partition from the current revision.
    const bool current = set.spec.updateStrategyType == "RollingUpdate"
                         && ordinal < set.spec.ordinalsStart + set.spec.partition;
    const RevisionPtr &revision = current ? r.current : r.update;
    const api::Value manifest =
        statefulpod::podManifest(set, statefulpod::templateOf(revision->data), ordinal, revision->meta.name);
    const std::string name = set.meta.name + "-" + std::to_string(ordinal);
    // CreateStatefulPod: the claims first, then the pod.
    createMissingClaims(set, ordinal, name);
    store::Pod pod = sim::decodePod(manifest);
    pod.meta.ownerReferences = {ControllerOwner::of(set).controllerRef()};
    const store::StoreResult result = m_context.store.pods().create(pod);
    if (result.error == store::StoreError::AlreadyExists)
        return m_context.store.pods().get(pod.meta.key()); // made by an earlier sync the cache has not shown
    if (!result.ok()) {
        error = result.message;
        podEvent(set, "create", name, error);
        return nullptr;
    }
    podEvent(set, "create", name, std::nullopt);
    applyRetentionPolicy(set, ordinal, nullptr);
    return m_context.store.pods().get(pod.meta.key());
}

std::optional<std::string> StatefulSetController::deletePod(const store::StatefulSet &set, const store::Pod &pod)
{
    const store::StoreResult result = ctrl::deletePod(m_context.store, pod.meta.key());
    if (result.ok() || result.error == store::StoreError::NotFound) {
        if (result.ok())
            podEvent(set, "delete", pod.meta.name, std::nullopt);
        return std::nullopt;
    }
    podEvent(set, "delete", pod.meta.name, result.message);
    return result.message;
}

// syncStatefulSet + UpdateStatefulSet
bool StatefulSetController::sync(const std::string &key)
{
    const auto set = m_sets.get(key);
    if (!set)
        return true;
    ControllerRefManager<store::Pod> refManager(
        m_context.store.pods(), m_pods, ControllerOwner::of(*set), set->spec.selector,
        set->meta.deletionTimestamp.has_value(), [this, key, uid = set->meta.uid] {
            auto fresh = m_context.store.statefulSets().get(key);
            return fresh && fresh->meta.uid == uid && !fresh->meta.deletionTimestamp;
        });
    const std::vector<PodPtr> pods = refManager.claim([&](const store::Pod &p) {
        return statefulpod::ordinalOf(set->meta.name, p.meta.name).has_value(); // isMemberOf
    });
    Revisions r;
    if (auto error = revisions(*set, r))
        return false;
    store::StatefulSet::Status status = set->status;
    const std::optional<std::string> error = updateStatefulSet(*set, r, pods, status);
    status.observedGeneration = set->meta.generation;
    status.currentRevision = r.current->meta.name;
    status.updateRevision = r.update->meta.name;
    status.collisionCount = r.collisionCount;
    // completeRollingUpdate
    if (set->spec.updateStrategyType == "RollingUpdate" && status.updatedReplicas == status.replicas
        && status.readyReplicas == status.replicas) {
        status.currentReplicas = status.updatedReplicas;
        status.currentRevision = status.updateRevision;
    }
    if (!(status == set->status))
        m_context.store.statefulSets().patch(key, [&](store::StatefulSet &s) { s.status = status; });
    cleanupHistory(*set, r, pods);
    if (set->spec.minReadySeconds > 0 && status.readyReplicas != status.availableReplicas)
        m_queue.addAfter(key, SimDuration::seconds(set->spec.minReadySeconds));
    return !error;
}

} // namespace emu::ctrl
