// SPDX-License-Identifier: Apache-2.0
// The DaemonSet controller's history (ControllerRevisions) and rolling update
// (pkg/controller/daemon/update.go).
#include "daemon_set_controller.h"

#include "deployment_util.h"
#include "pod_util.h"

#include <algorithm>
#include <set>

namespace emu::ctrl {

namespace {

// getPatch: what a DaemonSet's ControllerRevision holds, {"spec":{"template":{...,"$patch":"replace"}}}.
api::Value revisionData(const store::DaemonSet &ds)
{
    api::Value templateValue = ds.spec.podTemplate.value;
    templateValue.set("$patch", api::Value::string("replace"));
    api::Value spec = api::Value::mapping();
    spec.set("template", std::move(templateValue));
    api::Value data = api::Value::mapping();
    data.set("spec", std::move(spec));
    return data;
}

std::string revisionHash(const store::ControllerRevision &revision)
{
    const auto it = revision.meta.labels.find(controllerRevisionHashLabel);
    return it == revision.meta.labels.end() ? std::string() : it->second;
}

} // namespace

// constructHistory: the revision of the current template (created, or renumbered above the
// others when the template came back), and the old ones.
std::optional<std::string> DaemonSetController::constructHistory(const store::DaemonSet &ds, std::string &hash,
                                                                 std::vector<RevisionPtr> &old)
{
    const api::Value data = revisionData(ds);
    RevisionPtr current;
    std::int64_t maxRevision = 0;
    for (const RevisionPtr &revision : m_revisions.ownedBy(ds.meta.uid)) {
        maxRevision = std::max(maxRevision, revision->revision);
        if (!current && revision->data == data)
            current = revision;
        else
            old.push_back(revision);
    }
    auto &table = m_context.store.controllerRevisions();
    if (current) {
        hash = revisionHash(*current);
        if (current->revision < maxRevision) // a rollback: the template is the newest again
            table.patch(current->meta.key(),
                        [&](store::ControllerRevision &r) { r.revision = maxRevision + 1; });
        return std::nullopt;
    }
    // snapshot: named <ds>-<hash of the template and collisionCount>.
    hash = deploymentutil::computeHash(ds.spec.podTemplate.value, ds.status.collisionCount);
    store::ControllerRevision revision;
    revision.meta.name = ds.meta.name + "-" + hash;
    revision.meta.namespaceName = ds.meta.namespaceName;
    revision.meta.labels = ds.spec.podTemplate.labels;
    revision.meta.labels[controllerRevisionHashLabel] = hash;
    revision.meta.annotations = ds.meta.annotations;
    revision.meta.ownerReferences = {ControllerOwner::of(ds).controllerRef()};
    revision.data = data;
    revision.revision = maxRevision + 1;
    const store::StoreResult result = table.create(revision);
    if (result.ok())
        return std::nullopt;
    if (result.error != store::StoreError::AlreadyExists)
        return result.message;
    // Created by an earlier sync the informer has not shown yet, or a hash collision.
    const auto existing = table.get(revision.meta.key());
    const store::OwnerReference *ref = existing ? existing->meta.controllerRef() : nullptr;
    if (existing && existing->data == data && ref && ref->uid == ds.meta.uid)
        return std::nullopt;
    m_context.store.daemonSets().patch(ds.meta.key(), [](store::DaemonSet &current) {
        current.status.collisionCount = current.status.collisionCount.value_or(0) + 1;
    });
    return "found a hash collision for DaemonSet \"" + ds.meta.name + "\"";
}

// cleanupHistory: old revisions no pod uses, oldest first, beyond revisionHistoryLimit.
void DaemonSetController::cleanupHistory(const SyncState &s, std::vector<RevisionPtr> old)
{
    int toKill = static_cast<int>(old.size()) - s.ds->spec.revisionHistoryLimit;
    if (toKill <= 0)
        return;
    std::set<std::string> liveHashes;
    for (const auto &[node, pods] : s.podsByNode)
        for (const PodPtr &pod : pods)
            if (auto it = pod->meta.labels.find(controllerRevisionHashLabel); it != pod->meta.labels.end())
                liveHashes.insert(it->second);
    std::sort(old.begin(), old.end(),
              [](const RevisionPtr &a, const RevisionPtr &b) { return a->revision < b->revision; });
    for (const RevisionPtr &revision : old) {
        if (toKill <= 0)
            break;
        if (liveHashes.count(revisionHash(*revision)))
            continue;
        m_context.store.controllerRevisions().remove(revision->meta.key());
        --toKill;
    }
}

// updatedDesiredNodeCounts: both scaled to the nodes that should run a pod, rounding up;
// "if the daemonset returned with an impossible configuration, obey the default of
// unavailable=1".
std::pair<int, int> DaemonSetController::surgeAndUnavailable(const SyncState &s) const
{
    int desired = 0;
    for (const NodePtr &node : s.nodes)
        desired += s.podTemplate.placement(*node).shouldRun ? 1 : 0;
    const int surge = s.ds->spec.maxSurge.scaledValue(desired, true).value_or(0);
    int unavailable = s.ds->spec.maxUnavailable.scaledValue(desired, true).value_or(0);
    if (desired > 0 && surge == 0 && unavailable == 0)
        unavailable = 1;
    return {surge, unavailable};
}

// rollingUpdate
std::optional<std::string> DaemonSetController::rollingUpdate(const SyncState &s)
{
    const store::DaemonSet &ds = *s.ds;
    const SimTime now = m_context.engine.now();
    const auto [maxSurge, maxUnavailable] = surgeAndUnavailable(s);
    auto available = [&](const PodPtr &pod) { return isPodAvailable(*pod, ds.spec.minReadySeconds, now); };

    // findUpdatedPodsOnNode: at most one new and one old live pod, else the manage loop
    // still has work on the node (ok = false).
    struct OnNode
    {
        PodPtr newPod;
        PodPtr oldPod;
        bool ok = true;
    };
    auto onNode = [&](const std::vector<PodPtr> &pods) {
        OnNode r;
        for (const PodPtr &pod : pods) {
            if (pod->meta.deletionTimestamp)
                continue;
            const auto hash = pod->meta.labels.find(controllerRevisionHashLabel);
            PodPtr &slot = hash != pod->meta.labels.end() && hash->second == s.hash ? r.newPod : r.oldPod;
            if (slot)
                r.ok = false;
            slot = pod;
        }
        return r;
    };

    if (maxSurge == 0) {
        // Delete just enough old pods to stay within maxUnavailable; manage creates the new ones.
        int numUnavailable = 0;
        std::vector<std::string> allowedReplacements;
        std::vector<std::string> candidates;
        for (const auto &[nodeName, pods] : s.podsByNode) {
            const OnNode n = onNode(pods);
            if (!n.ok || (!n.oldPod && !n.newPod) || (n.oldPod && n.newPod)) {
                ++numUnavailable;
                continue;
            }
            if (n.newPod) {
                numUnavailable += available(n.newPod) ? 0 : 1;
                continue;
            }
            if (!available(n.oldPod))
                allowedReplacements.push_back(n.oldPod->meta.name);
            else if (numUnavailable < maxUnavailable)
                candidates.push_back(n.oldPod->meta.name);
        }
        const int remaining = std::clamp(maxUnavailable - numUnavailable, 0, static_cast<int>(candidates.size()));
        allowedReplacements.insert(allowedReplacements.end(), candidates.begin(), candidates.begin() + remaining);
        return syncNodes(s, std::move(allowedReplacements), {});
    }

    // Surging: a new pod beside every unavailable old one, and beside up to maxSurge
    // available ones; an old pod goes once the new one on its node is available.
    std::vector<std::string> oldPodsToDelete;
    std::vector<std::string> shouldNotRunPodsToDelete;
    std::vector<std::string> candidateNewNodes;
    std::vector<std::string> allowedNewNodes;
    int numSurge = 0;
    int numAvailable = 0;
    int desired = 0;
    for (const NodePtr &node : s.nodes)
        desired += s.podTemplate.placement(*node).shouldRun ? 1 : 0;
    for (const auto &[nodeName, pods] : s.podsByNode) {
        const OnNode n = onNode(pods);
        if (!n.ok) {
            ++numSurge;
            continue;
        }
        if (n.oldPod)
            numAvailable += available(n.oldPod) ? 1 : 0;
        else if (n.newPod)
            numAvailable += available(n.newPod) ? 1 : 0;
        if (!n.oldPod)
            continue;
        const store::Node *node = findNode(s, nodeName);
        const bool shouldRun = node && s.podTemplate.placement(*node).shouldRun;
        if (!n.newPod) {
            if (!available(n.oldPod)) {
                if (!shouldRun)
                    oldPodsToDelete.push_back(n.oldPod->meta.name);
                else
                    allowedNewNodes.push_back(nodeName);
            } else if (!shouldRun) {
                shouldNotRunPodsToDelete.push_back(n.oldPod->meta.name);
            } else if (numSurge < maxSurge) {
                candidateNewNodes.push_back(nodeName);
            }
            continue;
        }
        if (!available(n.newPod)) {
            ++numSurge; // waiting for the new pod
            continue;
        }
        oldPodsToDelete.push_back(n.oldPod->meta.name);
    }
    // "With maxSurge, the application owner expects 100% availability": pods on nodes that
    // no longer qualify go only as others become available.
    const int deletable = std::min(numAvailable - desired, static_cast<int>(shouldNotRunPodsToDelete.size()));
    for (int i = 0; i < deletable; ++i)
        oldPodsToDelete.push_back(shouldNotRunPodsToDelete[static_cast<std::size_t>(i)]);
    const int remaining = std::clamp(maxSurge - numSurge, 0, static_cast<int>(candidateNewNodes.size()));
    allowedNewNodes.insert(allowedNewNodes.end(), candidateNewNodes.begin(), candidateNewNodes.begin() + remaining);
    return syncNodes(s, std::move(oldPodsToDelete), std::move(allowedNewNodes));
}

} // namespace emu::ctrl
