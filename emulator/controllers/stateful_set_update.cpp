// SPDX-License-Identifier: Apache-2.0
// The StatefulSet controller's pod loop (stateful_set_control.go updateStatefulSet,
// processReplica, processCondemned, the rolling update) and its status.
#include "stateful_set_controller.h"

#include "pod_util.h"
#include "stateful_pod.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

using PodPtr = std::shared_ptr<const store::Pod>;

bool isTerminating(const store::Pod &pod)
{
    return pod.meta.deletionTimestamp.has_value();
}

bool isRunningAndReady(const store::Pod &pod)
{
    return pod.status.phase == "Running" && isPodReady(pod);
}

bool isRunningAndAvailable(const store::Pod &pod, std::int32_t minReadySeconds, SimTime now)
{
    return pod.status.phase == "Running" && isPodAvailable(pod, minReadySeconds, now);
}

bool isHealthy(const store::Pod &pod)
{
    return isRunningAndReady(pod) && !isTerminating(pod);
}

} // namespace

// processReplica
bool StatefulSetController::processReplica(const store::StatefulSet &set, const Revisions &r, bool monotonic,
                                           std::vector<PodPtr> &replicas, std::size_t i,
                                           std::optional<std::string> &error)
{
    const int ordinal = set.spec.ordinalsStart + static_cast<int>(i);
    const SimTime now = m_context.engine.now();
    PodPtr &pod = replicas[i];
    // "We should restart the pod regardless of the exit code."
    if (pod && !isTerminating(*pod) && isPodTerminal(*pod)) {
        const bool failed = pod->status.phase == "Failed";
        m_context.events.record(failed ? "Warning" : "Normal", failed ? "RecreatingFailedPod" : "RecreatingTerminatedPod",
                                store::StatefulSet::kind, set.meta.namespaceName, set.meta.name,
                                "StatefulSet " + set.meta.namespaceName + "/" + set.meta.name + " is recreating "
                                    + (failed ? "failed" : "terminated") + " Pod " + pod->meta.name);
        if ((error = deletePod(set, *pod)))
            return true;
        if (m_context.store.pods().get(pod->meta.key()))
            return true; // the name is taken until the deletion completes
        pod = nullptr;   // a finished pod goes at once: recreate it now
    }
    if (!pod) {
        pod = createPod(set, r, ordinal, error);
        if (error || !pod)
            return true;
        if (monotonic)
            return true; // "if the set does not allow bursting, return immediately"
    }
    if (isTerminating(*pod) && monotonic)
        return true; // wait for the graceful deletion
    if (!isRunningAndReady(*pod) && monotonic)
        return true; // every predecessor Running and Ready first
    if (!isRunningAndAvailable(*pod, set.spec.minReadySeconds, now) && monotonic)
        return true; // ... and available
    applyRetentionPolicy(set, ordinal, nullptr);
    return false;
}

// updateStatefulSet
std::optional<std::string> StatefulSetController::updateStatefulSet(const store::StatefulSet &set, const Revisions &r,
                                                                    const std::vector<PodPtr> &pods,
                                                                    store::StatefulSet::Status &status)
{
    const int start = set.spec.ordinalsStart;
    const int replicaCount = std::max(0, set.spec.replicas);
    std::vector<PodPtr> replicas(static_cast<std::size_t>(replicaCount));
    std::vector<PodPtr> condemned;
    for (const PodPtr &pod : pods) {
        const int ordinal = *statefulpod::ordinalOf(set.meta.name, pod->meta.name);
        if (ordinal >= start && ordinal < start + replicaCount)
            replicas[static_cast<std::size_t>(ordinal - start)] = pod;
        else
            condemned.push_back(pod);
    }
    // descendingOrdinal
    std::sort(condemned.begin(), condemned.end(), [&](const PodPtr &a, const PodPtr &b) {
        return *statefulpod::ordinalOf(set.meta.name, a->meta.name) > *statefulpod::ordinalOf(set.meta.name, b->meta.name);
    });
    const SimTime now = m_context.engine.now();
    auto computeStatus = [&] {
        status.replicas = status.readyReplicas = status.availableReplicas = 0;
        status.currentReplicas = status.updatedReplicas = 0;
        auto count = [&](const PodPtr &pod) {
            if (!pod)
                return;
            ++status.replicas;
            if (isRunningAndReady(*pod)) {
                ++status.readyReplicas;
                status.availableReplicas += isRunningAndAvailable(*pod, set.spec.minReadySeconds, now) ? 1 : 0;
            }
            if (isTerminating(*pod))
                return;
            const std::string revision = statefulpod::revisionOf(*pod);
            status.currentReplicas += revision == r.current->meta.name ? 1 : 0;
            status.updatedReplicas += revision == r.update->meta.name ? 1 : 0;
        };
        for (const PodPtr &pod : replicas)
            count(pod);
        for (const PodPtr &pod : condemned)
            count(pod);
    };
    // The first unhealthy pod: among the replicas in order, else the lowest condemned one.
    PodPtr firstUnhealthy;
    for (const PodPtr &pod : replicas)
        if (!firstUnhealthy && (!pod || !isHealthy(*pod)))
            firstUnhealthy = pod;
    for (auto it = condemned.rbegin(); it != condemned.rend() && !firstUnhealthy; ++it)
        if (!isHealthy(**it))
            firstUnhealthy = *it;

    if (set.meta.deletionTimestamp) {
        computeStatus();
        return std::nullopt; // being deleted: status only (no ordering guarantee on deletion)
    }
    const bool monotonic = set.spec.podManagementPolicy != "Parallel";
    std::optional<std::string> error;
    for (std::size_t i = 0; i < replicas.size(); ++i) {
        const bool stop = processReplica(set, r, monotonic, replicas, i, error);
        if (error || (stop && monotonic)) {
            computeStatus();
            return error;
        }
    }
    // Scale down: in monotonic mode every replica is now healthy; condemned pods go from the
    // highest ordinal, one at a time, each predecessor Running and Ready first.
    for (const PodPtr &pod : condemned) {
        const int ordinal = *statefulpod::ordinalOf(set.meta.name, pod->meta.name);
        if (isTerminating(*pod)) {
            if (monotonic)
                break;
            continue;
        }
        if (monotonic && pod != firstUnhealthy
            && (!isRunningAndReady(*pod) || !isRunningAndAvailable(*pod, set.spec.minReadySeconds, now)))
            break;
        applyRetentionPolicy(set, ordinal, pod.get()); // whenScaled: Delete hands the claims to the pod
        if ((error = deletePod(set, *pod)) || monotonic)
            break;
    }
    computeStatus();
    if (error || set.spec.updateStrategyType == "OnDelete")
        return error;
    // RollingUpdate: the highest ordinal at or above the partition not at the update revision
    // is deleted (and recreated by the pod loop); each one must be healthy before the next.
    const int updateMin = std::max(0, set.spec.partition);
    for (int target = static_cast<int>(replicas.size()) - 1; target >= updateMin; --target) {
        const PodPtr &pod = replicas[static_cast<std::size_t>(target)];
        if (!pod)
            return std::nullopt;
        if (statefulpod::revisionOf(*pod) != r.update->meta.name && !isTerminating(*pod)) {
            error = deletePod(set, *pod);
            --status.currentReplicas;
            return error;
        }
        if (!isHealthy(*pod))
            return std::nullopt; // wait for unhealthy pods on update
    }
    return std::nullopt;
}

} // namespace emu::ctrl
