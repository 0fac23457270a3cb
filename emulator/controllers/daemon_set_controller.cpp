// SPDX-License-Identifier: Apache-2.0
#include "daemon_set_controller.h"

#include "controller_ref_manager.h"
#include "pod_util.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

using PodPtr = std::shared_ptr<const store::Pod>;

// controller.SlowStartInitialBatchSize
constexpr int daemonSlowStartInitialBatchSize = 1;
// extensions.DaemonSetTemplateGenerationKey and the annotation the API server keeps it in.
constexpr const char *templateGenerationLabel = "pod-template-generation";
constexpr const char *templateGenerationAnnotation = "deprecated.daemonset.template.generation";

// podByCreationTimestampAndPhase: scheduled pods first, then older (whole seconds, as
// metav1.Time), then by name.
bool olderScheduledFirst(const PodPtr &a, const PodPtr &b)
{
    if (a->spec.nodeName.empty() != b->spec.nodeName.empty())
        return !a->spec.nodeName.empty();
    const std::int64_t ta = a->meta.creationTimestamp.ns() / 1'000'000'000;
    const std::int64_t tb = b->meta.creationTimestamp.ns() / 1'000'000'000;
    if (ta != tb)
        return ta < tb;
    return a->meta.name < b->meta.name;
}

std::string daemonSetKeyOf(const std::string &namespaceName, const std::string &name)
{
    return namespaceName + '/' + name;
}

} // namespace

DaemonSetController::DaemonSetController(sim::SimContext &context, Informer<store::DaemonSet> &daemonSets,
                                         Informer<store::Pod> &pods, Informer<store::Node> &nodes,
                                         Informer<store::ControllerRevision> &revisions, Rng rng,
                                         Settings settings)
    : m_context(context), m_daemonSets(daemonSets), m_pods(pods), m_nodes(nodes), m_revisions(revisions),
      m_podControl(context, std::move(rng)), m_expectations(context.engine), m_settings(settings),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_daemonSets.addHandlers({
        [this](const auto &ds) { m_queue.add(ds->meta.key()); },
        [this](const auto &, const auto &ds) { m_queue.add(ds->meta.key()); },
        [this](const auto &ds) {
            m_expectations.forget(ds->meta.key());
            m_queue.add(ds->meta.key());
        },
    });
    m_pods.addHandlers({
        [this](const PodPtr &pod) { addPod(pod); },
        [this](const PodPtr &previous, const PodPtr &pod) { updatePod(previous, pod); },
        [this](const PodPtr &pod) { deletePod(*pod); },
    });
    m_nodes.addHandlers({
        [this](const NodePtr &node) { addNode(node); },
        [this](const NodePtr &previous, const NodePtr &node) { updateNode(previous, node); },
        // deleteNode: the DaemonSets that ran a pod there (their pods go with the pod GC).
        [this](const NodePtr &node) { addNode(node); },
    });
}

DaemonSetController::DaemonSetController(sim::SimContext &context, Informer<store::DaemonSet> &daemonSets,
                                         Informer<store::Pod> &pods, Informer<store::Node> &nodes,
                                         Informer<store::ControllerRevision> &revisions, Rng rng)
    : DaemonSetController(context, daemonSets, pods, nodes, revisions, std::move(rng), Settings{})
{}

// addNode: the DaemonSets that should run a pod on it.
void DaemonSetController::addNode(const NodePtr &node)
{
    for (const auto &ds : m_daemonSets.list())
        if (DaemonPodTemplate(ds->spec.podTemplate).placement(*node).shouldRun)
            m_queue.add(ds->meta.key());
}

// updateNode: placement depends only on the node's name, labels and taints
// (shouldIgnoreNodeUpdate drops heartbeats); wake the DaemonSets whose answer changed.
void DaemonSetController::updateNode(const NodePtr &previous, const NodePtr &node)
{
    auto sameTaints = [](const store::Node &a, const store::Node &b) {
        if (a.spec.taints.size() != b.spec.taints.size())
            return false;
        for (std::size_t i = 0; i < a.spec.taints.size(); ++i)
            if (a.spec.taints[i].key != b.spec.taints[i].key || a.spec.taints[i].value != b.spec.taints[i].value
                || a.spec.taints[i].effect != b.spec.taints[i].effect)
                return false;
        return true;
    };
    if (previous->meta.labels == node->meta.labels && sameTaints(*previous, *node))
        return;
    for (const auto &ds : m_daemonSets.list()) {
        const DaemonPodTemplate podTemplate(ds->spec.podTemplate);
        const DaemonPlacement before = podTemplate.placement(*previous);
        const DaemonPlacement after = podTemplate.placement(*node);
        if (before.shouldRun != after.shouldRun || before.shouldContinueRunning != after.shouldContinueRunning)
            m_queue.add(ds->meta.key());
    }
}

std::shared_ptr<const store::DaemonSet> DaemonSetController::resolveControllerRef(
    const std::string &namespaceName, const store::OwnerReference &ref) const
{
    if (ref.kind != store::DaemonSet::kind)
        return nullptr;
    auto ds = m_daemonSets.get(daemonSetKeyOf(namespaceName, ref.name));
    return ds && ds->meta.uid == ref.uid ? ds : nullptr;
}

// getDaemonSetsForPod: an orphan wakes every DaemonSet whose selector matches it.
void DaemonSetController::enqueueMatching(const store::Pod &pod)
{
    for (const auto &ds : m_daemonSets.listNamespace(pod.meta.namespaceName))
        if (ds->spec.selector.matches(pod.meta.labels))
            m_queue.add(ds->meta.key());
}

void DaemonSetController::addPod(const PodPtr &pod)
{
    if (pod->meta.deletionTimestamp) {
        deletePod(*pod);
        return;
    }
    if (const store::OwnerReference *ref = pod->meta.controllerRef()) {
        if (auto ds = resolveControllerRef(pod->meta.namespaceName, *ref)) {
            m_expectations.creationObserved(ds->meta.key());
            m_queue.add(ds->meta.key());
        }
        return;
    }
    enqueueMatching(*pod);
}

void DaemonSetController::updatePod(const PodPtr &previous, const PodPtr &pod)
{
    if (pod->meta.deletionTimestamp) {
        deletePod(*pod);
        return;
    }
    const store::OwnerReference *ref = pod->meta.controllerRef();
    const store::OwnerReference *oldRef = previous->meta.controllerRef();
    const bool refChanged = (ref == nullptr) != (oldRef == nullptr) || (ref && ref->uid != oldRef->uid);
    if (refChanged && oldRef)
        if (auto old = resolveControllerRef(previous->meta.namespaceName, *oldRef))
            m_queue.add(old->meta.key());
    if (ref) {
        auto ds = resolveControllerRef(pod->meta.namespaceName, *ref);
        if (!ds)
            return;
        m_queue.add(ds->meta.key());
        // "Add a second to avoid milliseconds skew in AddAfter."
        if (!isPodReady(*previous) && isPodReady(*pod) && ds->spec.minReadySeconds > 0)
            m_queue.addAfter(ds->meta.key(), SimDuration::seconds(ds->spec.minReadySeconds) + SimDuration::seconds(1));
        return;
    }
    if (previous->meta.labels != pod->meta.labels || refChanged)
        enqueueMatching(*pod);
}

void DaemonSetController::deletePod(const store::Pod &pod)
{
    const store::OwnerReference *ref = pod.meta.controllerRef();
    if (!ref)
        return;
    if (auto ds = resolveControllerRef(pod.meta.namespaceName, *ref)) {
        m_expectations.deletionObserved(ds->meta.key(), pod.meta.key());
        m_queue.add(ds->meta.key());
    }
}

// getNodesToDaemonPods(includeDeletedTerminal = false): the claimed pods by target node.
DaemonSetController::PodsByNode DaemonSetController::claimPods(const store::DaemonSet &ds)
{
    const std::string key = ds.meta.key();
    ControllerRefManager<store::Pod> refManager(
        m_context.store.pods(), m_pods, ControllerOwner::of(ds), ds.spec.selector,
        ds.meta.deletionTimestamp.has_value(), [this, key, uid = ds.meta.uid] {
            auto fresh = m_context.store.daemonSets().get(key);
            return fresh && fresh->meta.uid == uid && !fresh->meta.deletionTimestamp;
        });
    PodsByNode byNode;
    for (const PodPtr &pod :
         refManager.claim([](const store::Pod &p) { return !(isPodTerminal(p) && p.meta.deletionTimestamp); })) {
        const std::string node = daemonPodTargetNode(*pod);
        if (!node.empty())
            byNode[node].push_back(pod);
    }
    return byNode;
}

const store::Node *DaemonSetController::findNode(const SyncState &s, const std::string &name) const
{
    const auto it = std::lower_bound(s.nodes.begin(), s.nodes.end(), name,
                                     [](const NodePtr &n, const std::string &v) { return n->meta.name < v; });
    return it != s.nodes.end() && (*it)->meta.name == name ? it->get() : nullptr;
}

// syncDaemonSet
bool DaemonSetController::sync(const std::string &key)
{
    const auto ds = m_daemonSets.get(key);
    if (!ds) {
        m_expectations.forget(key);
        return true;
    }
    if (ds->spec.selector.isEmpty()) {
        m_context.events.record("Warning", "SelectingAll", store::DaemonSet::kind, ds->meta.namespaceName,
                                ds->meta.name,
                                "This daemon set is selecting all pods. A non-empty selector is required.");
        return true;
    }
    // "Don't process a daemon set until all its creations and deletions have been observed"
    // does not apply to deletion: a DaemonSet being deleted is left to the garbage collector.
    if (ds->meta.deletionTimestamp)
        return true;
    SyncState s{ds, DaemonPodTemplate(ds->spec.podTemplate), m_nodes.list(), {}, {}};
    std::vector<RevisionPtr> old;
    if (auto error = constructHistory(*ds, s.hash, old))
        return false;
    s.podsByNode = claimPods(*ds);
    if (!m_expectations.satisfied(key)) {
        updateStatus(s, false); // observedGeneration stays: this generation was not processed
        return true;
    }
    std::optional<std::string> error = manage(s);
    if (!error && m_expectations.satisfied(key)) {
        if (ds->spec.updateStrategyType == "RollingUpdate")
            error = rollingUpdate(s);
        cleanupHistory(s, std::move(old));
    }
    updateStatus(s, true);
    return !error;
}

// manage
std::optional<std::string> DaemonSetController::manage(const SyncState &s)
{
    std::vector<std::string> nodesNeeding;
    std::vector<std::string> podsToDelete;
    for (const NodePtr &node : s.nodes)
        podsShouldBeOnNode(s, *node, nodesNeeding, podsToDelete);
    // getUnscheduledPodsWithoutNode: pods aimed at a node that is gone and never bound.
    for (const auto &[nodeName, pods] : s.podsByNode) {
        if (findNode(s, nodeName))
            continue;
        for (const PodPtr &pod : pods)
            if (pod->spec.nodeName.empty() && !pod->meta.deletionTimestamp)
                podsToDelete.push_back(pod->meta.name);
    }
    return syncNodes(s, std::move(podsToDelete), std::move(nodesNeeding));
}

// podsShouldBeOnNode
void DaemonSetController::podsShouldBeOnNode(const SyncState &s, const store::Node &node,
                                             std::vector<std::string> &nodesNeeding,
                                             std::vector<std::string> &podsToDelete)
{
    const store::DaemonSet &ds = *s.ds;
    const DaemonPlacement placement = s.podTemplate.placement(node);
    const auto found = s.podsByNode.find(node.meta.name);
    const bool exists = found != s.podsByNode.end();
    const SimTime now = m_context.engine.now();
    if (placement.shouldRun && !exists) {
        nodesNeeding.push_back(node.meta.name);
        return;
    }
    if (!exists)
        return;
    if (!placement.shouldContinueRunning) {
        for (const PodPtr &pod : found->second)
            if (!pod->meta.deletionTimestamp)
                podsToDelete.push_back(pod->meta.name);
        return;
    }
    std::vector<PodPtr> running;
    for (const PodPtr &pod : found->second) {
        if (pod->meta.deletionTimestamp)
            continue;
        if (pod->status.phase == "Failed") {
            // "This is a critical place where DS is often fighting with kubelet that rejects
            // pods. We need to avoid hot looping and backoff."
            const std::string backoffKey =
                ds.meta.uid + "/" + std::to_string(ds.status.observedGeneration) + "/" + node.meta.name;
            auto it = m_failedPodsBackoff.find(backoffKey);
            if (it != m_failedPodsBackoff.end() && now - it->second.lastUpdate < it->second.delay) {
                m_queue.addAfter(ds.meta.key(), it->second.delay);
                continue;
            }
            // flowcontrol.Backoff.Next: the initial delay, or double (capped); an entry idle
            // for twice the maximum starts over.
            if (it == m_failedPodsBackoff.end() || now - it->second.lastUpdate > m_settings.failedPodsBackoffMax * 2)
                m_failedPodsBackoff[backoffKey] = {m_settings.failedPodsBackoffBase, now};
            else
                it->second = {std::min(it->second.delay * 2, m_settings.failedPodsBackoffMax), now};
            m_context.events.record("Warning", "FailedDaemonPod", store::DaemonSet::kind, ds.meta.namespaceName,
                                    ds.meta.name,
                                    "Found failed daemon pod " + pod->meta.namespaceName + "/" + pod->meta.name
                                        + " on node " + node.meta.name + ", will try to kill it");
            podsToDelete.push_back(pod->meta.name);
        } else if (pod->status.phase == "Succeeded") {
            podsToDelete.push_back(pod->meta.name);
        } else {
            running.push_back(pod);
        }
    }
    std::sort(running.begin(), running.end(), olderScheduledFirst);
    const bool allowsSurge = ds.spec.updateStrategyType == "RollingUpdate"
                             && ds.spec.maxSurge.scaledValue(1, true).value_or(0) > 0;
    if (!allowsSurge) {
        // More than one pod on the node: keep the oldest.
        for (std::size_t i = 1; i < running.size(); ++i)
            podsToDelete.push_back(running[i]->meta.name);
        return;
    }
    if (running.size() <= 1) {
        if (running.empty() && placement.shouldRun)
            nodesNeeding.push_back(node.meta.name);
        return;
    }
    // Surging: two pods only while the oldest new one is not available yet and the oldest
    // old one is still ready; everything else goes.
    PodPtr oldestNew;
    PodPtr oldestOld;
    for (const PodPtr &pod : running) {
        const auto hash = pod->meta.labels.find(controllerRevisionHashLabel);
        const bool isNew = hash != pod->meta.labels.end() && hash->second == s.hash;
        PodPtr &slot = isNew ? oldestNew : oldestOld;
        if (!slot)
            slot = pod;
        else
            podsToDelete.push_back(pod->meta.name);
    }
    if (oldestNew && oldestOld
        && (!isPodReady(*oldestOld) || isPodAvailable(*oldestNew, ds.spec.minReadySeconds, now)))
        podsToDelete.push_back(oldestOld->meta.name);
}

// syncNodes
std::optional<std::string> DaemonSetController::syncNodes(const SyncState &s, std::vector<std::string> podsToDelete,
                                                          std::vector<std::string> nodesNeeding)
{
    const store::DaemonSet &ds = *s.ds;
    const std::string key = ds.meta.key();
    if (nodesNeeding.size() > static_cast<std::size_t>(m_settings.burstReplicas))
        nodesNeeding.resize(static_cast<std::size_t>(m_settings.burstReplicas));
    if (podsToDelete.size() > static_cast<std::size_t>(m_settings.burstReplicas))
        podsToDelete.resize(static_cast<std::size_t>(m_settings.burstReplicas));
    if (nodesNeeding.empty() && podsToDelete.empty())
        return std::nullopt;
    std::vector<std::string> deleteKeys;
    for (const std::string &name : podsToDelete)
        deleteKeys.push_back(daemonSetKeyOf(ds.meta.namespaceName, name));
    m_expectations.expect(key, static_cast<int>(nodesNeeding.size()), deleteKeys);

    const ControllerOwner owner = ControllerOwner::of(ds);
    const auto generation = ds.meta.annotations.find(templateGenerationAnnotation);
    std::optional<std::string> error;
    const int count = static_cast<int>(nodesNeeding.size());
    int attempted = 0;
    int created = 0;
    for (int batch = std::min(count, daemonSlowStartInitialBatchSize); batch > 0 && !error;
         batch = std::min(2 * batch, count - attempted)) {
        for (int i = 0; i < batch; ++i) {
            const std::string &nodeName = nodesNeeding[static_cast<std::size_t>(attempted++)];
            const store::StoreResult result =
                m_podControl.createPod(owner, s.podTemplate.podTemplate(), [&](api::Value &manifest) {
                    api::Value &metadata = *manifest.find("metadata");
                    api::Value *labels = metadata.find("labels");
                    if (!labels || !labels->isMapping())
                        labels = &metadata.set("labels", api::Value::mapping());
                    if (generation != ds.meta.annotations.end())
                        labels->set(templateGenerationLabel, api::Value::string(generation->second));
                    labels->set(controllerRevisionHashLabel, api::Value::string(s.hash));
                    replaceNodeNameAffinity(*manifest.find("spec"), nodeName);
                });
            if (result.ok())
                ++created;
            else if (!error)
                error = result.message;
        }
    }
    for (int skipped = count - created; skipped > 0; --skipped)
        m_expectations.creationObserved(key);

    for (const std::string &podKey : deleteKeys) {
        const store::StoreResult result = m_podControl.deletePod(owner, podKey);
        if (result.ok())
            continue;
        m_expectations.deletionObserved(key, podKey);
        if (result.error != store::StoreError::NotFound && !error)
            error = result.message;
    }
    return error;
}

// updateDaemonSetStatus
void DaemonSetController::updateStatus(const SyncState &s, bool updateObservedGeneration)
{
    const store::DaemonSet &ds = *s.ds;
    const SimTime now = m_context.engine.now();
    store::DaemonSet::Status status = ds.status;
    status.desiredNumberScheduled = 0;
    status.currentNumberScheduled = 0;
    status.numberMisscheduled = 0;
    status.numberReady = 0;
    status.numberAvailable = 0;
    status.updatedNumberScheduled = 0;
    for (const NodePtr &node : s.nodes) {
        const bool shouldRun = s.podTemplate.placement(*node).shouldRun;
        const auto found = s.podsByNode.find(node->meta.name);
        const bool scheduled = found != s.podsByNode.end() && !found->second.empty();
        if (!shouldRun) {
            status.numberMisscheduled += scheduled ? 1 : 0;
            continue;
        }
        ++status.desiredNumberScheduled;
        if (!scheduled)
            continue;
        ++status.currentNumberScheduled;
        std::vector<PodPtr> pods = found->second;
        std::sort(pods.begin(), pods.end(), olderScheduledFirst);
        const store::Pod &pod = *pods.front();
        if (isPodReady(pod)) {
            ++status.numberReady;
            status.numberAvailable += isPodAvailable(pod, ds.spec.minReadySeconds, now) ? 1 : 0;
        }
        const auto hash = pod.meta.labels.find(controllerRevisionHashLabel);
        status.updatedNumberScheduled += hash != pod.meta.labels.end() && hash->second == s.hash ? 1 : 0;
    }
    status.numberUnavailable = status.desiredNumberScheduled - status.numberAvailable;
    if (updateObservedGeneration)
        status.observedGeneration = ds.meta.generation;
    if (!(status == ds.status))
        m_context.store.daemonSets().patch(ds.meta.key(), [&](store::DaemonSet &current) { current.status = status; });
    // Pods that are ready but not yet available: look again when they should be.
    if (ds.spec.minReadySeconds > 0 && status.numberReady != status.numberAvailable)
        m_queue.addAfter(ds.meta.key(), SimDuration::seconds(ds.spec.minReadySeconds));
}

} // namespace emu::ctrl
