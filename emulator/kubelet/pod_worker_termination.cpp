// SPDX-License-Identifier: Apache-2.0
// PodWorker: the end of a pod - deletion with its grace period, eviction by the kubelet
// (node pressure, node shutdown), and completion (kubelet killPod, spec 5.7).
#include "pod_worker.h"

#include "kubelet.h"
#include "pod_status.h"

namespace emu::kubelet {

void PodWorker::terminate(SimDuration grace)
{
    m_deletionRequested = true;
    if (m_terminated) {
        removeFromStore();
        return;
    }
    if (m_terminating)
        return; // already stopping (eviction, completion): removed when done
    m_terminating = true;
    stopAll(grace, [](PodWorker &w) { w.stopped(); });
}

void PodWorker::evict(const std::string &reason, const std::string &message, const std::string &conditionReason,
                      const std::string &conditionMessage, SimDuration grace,
                      std::function<void(PodWorker &)> done)
{
    if (m_terminating || m_terminated) {
        if (done)
            done(*this);
        return;
    }
    m_terminating = true;
    const SimTime now = m_kubelet.context().engine.now();
    m_pod.status.reason = reason;
    m_pod.status.message = message;
    setPodCondition(m_pod, "DisruptionTarget", "True", conditionReason, conditionMessage, now);
    publish();
    stopAll(grace, [done](PodWorker &w) {
        // Failed, unless it had already succeeded (nodeshutdown killPods status function).
        if (w.m_pod.status.phase != "Succeeded")
            w.m_forcedPhase = "Failed";
        w.stopped();
        if (done)
            done(w);
    });
}

std::int64_t PodWorker::priority() const
{
    if (m_pod.spec.priority)
        return *m_pod.spec.priority;
    // scheduling.SystemCriticalPriority and the two built-in classes above it.
    if (m_pod.spec.priorityClassName == "system-node-critical")
        return 2'000'001'000;
    if (m_pod.spec.priorityClassName == "system-cluster-critical")
        return 2'000'000'000;
    return 0;
}

void PodWorker::stopped()
{
    m_podIsTerminal = true;
    m_terminated = true;
    m_terminating = false;
    publish();
    if (m_deletionRequested)
        removeFromStore();
}

// killPod: every app container gets the stop signal at once; the sidecars follow in reverse
// order once the app containers are gone; one grace budget for all.
void PodWorker::stopAll(SimDuration grace, std::function<void(PodWorker &)> then)
{
    const SimTime deadline = m_kubelet.context().engine.now() + std::max(grace, SimDuration::seconds(2));
    m_pendingStops = 1; // released at the end of the loop, so that a synchronous stop counts
    auto oneStopped = [deadline, then](PodWorker &w) {
        if (--w.m_pendingStops == 0)
            w.stopSidecars(w.m_initCount, deadline, then);
    };
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        Run &r = m_runs[i];
        if (r.sidecar)
            continue;
        ++r.probeSerial;
        if (r.running)
            event("Normal", "Killing", "Stopping container " + r.spec->name);
        ++m_pendingStops;
        stopContainer(i, grace, oneStopped);
    }
    oneStopped(*this);
}

void PodWorker::stopSidecars(std::size_t remaining, SimTime deadline, std::function<void(PodWorker &)> then)
{
    while (remaining > 0) {
        const std::size_t i = --remaining;
        Run &r = m_runs[i];
        if (!r.sidecar || (!r.running && !r.busy))
            continue;
        ++r.probeSerial;
        if (r.running)
            event("Normal", "Killing", "Stopping container " + r.spec->name);
        const SimDuration left = deadline - m_kubelet.context().engine.now();
        stopContainer(i, left, [remaining, deadline, then](PodWorker &w) { w.stopSidecars(remaining, deadline, then); });
        return;
    }
    then(*this);
}

void PodWorker::removeFromStore()
{
    m_terminated = true;
    m_kubelet.removePod(m_key);
}

} // namespace emu::kubelet
