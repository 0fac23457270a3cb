// SPDX-License-Identifier: Apache-2.0
#include "replica_set_controller.h"

#include "controller_ref_manager.h"
#include "pod_deletion_ranking.h"
#include "pod_util.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

using PodPtr = std::shared_ptr<const store::Pod>;

// controller.SlowStartInitialBatchSize
constexpr int slowStartInitialBatchSize = 1;

std::string keyOf(const std::string &namespaceName, const std::string &name)
{
    return namespaceName + '/' + name;
}

} // namespace

template<class T>
ReplicaSetController<T>::ReplicaSetController(sim::SimContext &context, store::ObjectTable<T> &table,
                                              Informer<T> &informer, Informer<store::Pod> &pods,
                                              Informer<store::ReplicaSet> &replicaSets, Rng rng,
                                              Settings settings)
    : m_context(context), m_table(table), m_informer(informer), m_pods(pods), m_replicaSets(replicaSets),
      m_podControl(context, std::move(rng)), m_expectations(context.engine), m_settings(settings),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_informer.addHandlers({
        [this](const auto &object) { m_queue.add(object->meta.key()); },
        [this](const auto &, const auto &object) { m_queue.add(object->meta.key()); },
        [this](const auto &object) {
            m_expectations.forget(object->meta.key());
            m_queue.add(object->meta.key());
        },
    });
    m_pods.addHandlers({
        [this](const PodPtr &pod) { addPod(pod); },
        [this](const PodPtr &previous, const PodPtr &pod) { updatePod(previous, pod); },
        [this](const PodPtr &pod) { deletePod(*pod); },
    });
}

template<class T>
std::shared_ptr<const T> ReplicaSetController<T>::resolveControllerRef(const std::string &namespaceName,
                                                                      const store::OwnerReference &ref) const
{
    if (ref.kind != T::kind)
        return nullptr;
    auto object = m_informer.get(keyOf(namespaceName, ref.name));
    return object && object->meta.uid == ref.uid ? object : nullptr;
}

// getPodReplicaSets: an orphan's changes wake every controller whose selector matches it.
template<class T>
void ReplicaSetController<T>::enqueueMatching(const store::Pod &pod)
{
    for (const auto &object : m_informer.listNamespace(pod.meta.namespaceName))
        if (!object->spec.selector.isEmpty() && object->spec.selector.matches(pod.meta.labels))
            m_queue.add(object->meta.key());
}

template<class T>
void ReplicaSetController<T>::addPod(const PodPtr &pod)
{
    if (pod->meta.deletionTimestamp) {
        deletePod(*pod); // already being deleted: not a creation to observe
        return;
    }
    if (const store::OwnerReference *ref = pod->meta.controllerRef()) {
        if (auto object = resolveControllerRef(pod->meta.namespaceName, *ref)) {
            m_expectations.creationObserved(object->meta.key());
            m_queue.add(object->meta.key());
        }
        return;
    }
    enqueueMatching(*pod);
}

template<class T>
void ReplicaSetController<T>::updatePod(const PodPtr &previous, const PodPtr &pod)
{
    const bool labelChanged = previous->meta.labels != pod->meta.labels;
    if (pod->meta.deletionTimestamp) {
        // A graceful deletion: replace the pod now, not when the kubelet confirms it.
        deletePod(*pod);
        if (labelChanged)
            deletePod(*previous);
        return;
    }
    const store::OwnerReference *ref = pod->meta.controllerRef();
    const store::OwnerReference *oldRef = previous->meta.controllerRef();
    const bool refChanged = (ref == nullptr) != (oldRef == nullptr) || (ref && ref->uid != oldRef->uid);
    if (refChanged && oldRef)
        if (auto old = resolveControllerRef(previous->meta.namespaceName, *oldRef))
            m_queue.add(old->meta.key());
    if (ref) {
        auto object = resolveControllerRef(pod->meta.namespaceName, *ref);
        if (!object)
            return;
        m_queue.add(object->meta.key());
        // A pod turning Ready becomes available minReadySeconds later; the extra second
        // avoids syncing just before (upstream: "avoid milliseconds skew in AddAfter").
        if (!isPodReady(*previous) && isPodReady(*pod) && object->spec.minReadySeconds > 0)
            m_queue.addAfter(object->meta.key(),
                             SimDuration::seconds(object->spec.minReadySeconds) + SimDuration::seconds(1));
        return;
    }
    if (labelChanged || refChanged)
        enqueueMatching(*pod);
}

template<class T>
void ReplicaSetController<T>::deletePod(const store::Pod &pod)
{
    const store::OwnerReference *ref = pod.meta.controllerRef();
    if (!ref)
        return;
    if (auto object = resolveControllerRef(pod.meta.namespaceName, *ref)) {
        m_expectations.deletionObserved(object->meta.key(), pod.meta.key());
        m_queue.add(object->meta.key());
    }
}

// syncReplicaSet
template<class T>
bool ReplicaSetController<T>::sync(const std::string &key)
{
    const auto object = m_informer.get(key);
    if (!object) {
        m_expectations.forget(key);
        return true;
    }
    const bool needsSync = m_expectations.satisfied(key);
    const ControllerOwner owner = ControllerOwner::of(*object);
    ControllerRefManager<store::Pod> refManager(
        m_context.store.pods(), m_pods, owner, object->spec.selector, object->meta.deletionTimestamp.has_value(),
        [this, key, uid = object->meta.uid] {
            // RecheckDeletionTimestamp: a fresh read, not the cache.
            auto fresh = m_table.get(key);
            return fresh && fresh->meta.uid == uid && !fresh->meta.deletionTimestamp;
        });
    const std::vector<PodPtr> pods = refManager.claim([](const store::Pod &p) { return isPodActive(p); });
    std::optional<std::string> manageError;
    if (needsSync && !object->meta.deletionTimestamp)
        manageError = manageReplicas(pods, *object);
    updateStatus(*object, pods, manageError);
    // A last resync once every ready pod should have become available.
    const auto updated = m_table.get(key);
    if (!manageError && updated && updated->spec.minReadySeconds > 0
        && updated->status.readyReplicas == updated->spec.replicas
        && updated->status.availableReplicas != updated->spec.replicas)
        m_queue.addAfter(key, SimDuration::seconds(updated->spec.minReadySeconds));
    return !manageError;
}

template<class T>
std::optional<std::string> ReplicaSetController<T>::manageReplicas(const std::vector<PodPtr> &pods, const T &object)
{
    const int diff = static_cast<int>(pods.size()) - object.spec.replicas;
    if (diff < 0)
        return createPods(object, std::min(-diff, m_settings.burstReplicas));
    if (diff > 0)
        return deletePods(pods, object, std::min(diff, m_settings.burstReplicas));
    return std::nullopt;
}

template<class T>
std::optional<std::string> ReplicaSetController<T>::createPods(const T &object, int count)
{
    const std::string key = object.meta.key();
    const ControllerOwner owner = ControllerOwner::of(object);
    m_expectations.expectCreations(key, count);
    // slowStartBatch: batches of 1, 2, 4, ... stop at the first batch with a failure, so a
    // quota or a broken template does not flood the API server.
    int created = 0;
    std::optional<std::string> error;
    for (int batch = std::min(count, slowStartInitialBatchSize); batch > 0 && !error;
         batch = std::min(2 * batch, count - created)) {
        for (int i = 0; i < batch; ++i) {
            const store::StoreResult result = m_podControl.createPod(owner, object.spec.podTemplate);
            if (result.ok())
                ++created;
            else if (!error)
                error = result.message;
        }
    }
    // Pods never attempted (or failed) will not be observed: stop expecting them.
    for (int skipped = count - created; skipped > 0; --skipped)
        m_expectations.creationObserved(key);
    return error;
}

template<class T>
std::optional<std::string> ReplicaSetController<T>::deletePods(const std::vector<PodPtr> &pods, const T &object,
                                                               int count)
{
    const std::string key = object.meta.key();
    const std::vector<PodPtr> victims =
        podsToDelete(pods, relatedPods(object), static_cast<std::size_t>(count), m_context.engine.now());
    std::vector<std::string> keys;
    for (const PodPtr &pod : victims)
        keys.push_back(pod->meta.key());
    m_expectations.expectDeletions(key, keys);
    std::optional<std::string> error;
    const ControllerOwner owner = ControllerOwner::of(object);
    for (const PodPtr &pod : victims) {
        const store::StoreResult result = m_podControl.deletePod(owner, pod->meta.key());
        if (result.ok())
            continue;
        m_expectations.deletionObserved(key, pod->meta.key());
        if (result.error != store::StoreError::NotFound && !error)
            error = result.message;
    }
    return error;
}

// getIndirectlyRelatedPods: the pods of every ReplicaSet with the same controller (the
// Deployment's old and new ReplicaSets), for the "doubled up" rank.
template<class T>
std::vector<PodPtr> ReplicaSetController<T>::relatedPods(const T &object) const
{
    const store::OwnerReference *owner = object.meta.controllerRef();
    if (!owner || !std::is_same_v<T, store::ReplicaSet>)
        return m_pods.ownedBy(object.meta.uid);
    std::vector<PodPtr> related;
    for (const auto &sibling : m_replicaSets.ownedBy(owner->uid)) {
        const auto pods = m_pods.ownedBy(sibling->meta.uid);
        related.insert(related.end(), pods.begin(), pods.end());
    }
    return related;
}

// calculateStatus + updateReplicaSetStatus
template<class T>
void ReplicaSetController<T>::updateStatus(const T &object, const std::vector<PodPtr> &pods,
                                           const std::optional<std::string> &manageError)
{
    const SimTime now = m_context.engine.now();
    store::ReplicaSetStatus status = object.status;
    const api::LabelSelector templateLabels = api::LabelSelector::fromLabels(object.spec.podTemplate.labels);
    status.replicas = static_cast<std::int32_t>(pods.size());
    status.fullyLabeledReplicas = 0;
    status.readyReplicas = 0;
    status.availableReplicas = 0;
    for (const PodPtr &pod : pods) {
        status.fullyLabeledReplicas += templateLabels.matches(pod->meta.labels) ? 1 : 0;
        if (!isPodReady(*pod))
            continue;
        ++status.readyReplicas;
        status.availableReplicas += isPodAvailable(*pod, object.spec.minReadySeconds, now) ? 1 : 0;
    }
    const store::WorkloadCondition *failure = store::findCondition(status.conditions, "ReplicaFailure");
    if (manageError && !failure) {
        const int diff = static_cast<int>(pods.size()) - object.spec.replicas;
        const std::string reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
        status.conditions.push_back({"ReplicaFailure", "True", reason, *manageError, now, {}, {}, {}});
    } else if (!manageError && failure) {
        store::removeCondition(status.conditions, "ReplicaFailure");
    }
    if (status == object.status && object.meta.generation == object.status.observedGeneration)
        return;
    status.observedGeneration = object.meta.generation;
    m_table.patch(object.meta.key(), [&](T &current) { current.status = status; });
}

template class ReplicaSetController<store::ReplicaSet>;
template class ReplicaSetController<store::ReplicationController>;

} // namespace emu::ctrl
