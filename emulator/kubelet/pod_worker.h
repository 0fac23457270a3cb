// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "container_behavior.h"
#include "pod_behavior.h"
#include "probe_tracker.h"

#include "emulator/core/sim_duration.h"
#include "emulator/core/sim_time.h"
#include "emulator/store/pod.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace emu::kubelet {

class Kubelet;

/// One pod on one emulated kubelet, from admission to its end (pkg/kubelet pod_workers.go and
/// kuberuntime_manager.go computePodActions/SyncPod, in simulated time):
/// - the sandbox, then init containers one at a time (sidecars: once started), then the app
///   containers in order, each after its image pull (serialised per node);
/// - startup, liveness and readiness probes (ProbeTracker) against the app health that the
///   kubecanvas.io/behavior annotation describes; a failed liveness or startup probe kills and
///   restarts the container;
/// - exits, restarts per restartPolicy with the crash-loop back-off;
/// - termination (deletion with its grace period, eviction, node shutdown): app containers get
///   the stop signal together, sidecars after them in reverse order, SIGKILL when the grace
///   period runs out.
/// The worker keeps the pod status the kubelet believes in and publishes it through the
/// kubelet (the status manager), so a partitioned kubelet catches up when it reconnects.
class PodWorker
{
public:
    PodWorker(Kubelet &kubelet, const store::Pod &pod, std::uint64_t serial, bool afterReboot);
    PodWorker(const PodWorker &) = delete;
    PodWorker &operator=(const PodWorker &) = delete;

    const std::string &key() const { return m_key; }
    std::uint64_t serial() const { return m_serial; }
    const store::Pod &pod() const { return m_pod; }
    bool isTerminated() const { return m_terminated; }
    bool isTerminating() const { return m_terminating; }
    /// Memory the pod's containers use now, in bytes (eviction manager, metrics).
    std::int64_t memoryUsage(SimTime now) const;
    std::int64_t containerMemoryUsage(const std::string &container, SimTime now) const;
    /// Whether a running container's memory grows (the eviction manager must watch).
    bool hasGrowingMemory() const;
    /// cpu the pod's running containers use, in millicores.
    std::int64_t cpuUsageMillis() const;

    /// Starts the pod (its status is written at once). `rejection`: kubelet admission refused
    /// it with this reason and message (OutOfcpu, NodeShutdown...): the pod fails at once.
    void admit(const std::string &rejectReason = {}, const std::string &rejectMessage = {});
    /// The pod was deleted (deletionTimestamp set): stop everything within its grace period,
    /// then remove it from the store.
    void terminate(SimDuration grace);
    /// The kubelet ends the pod but the object stays (eviction, node shutdown): status reason
    /// and message, a DisruptionTarget condition, containers stopped within `grace`, phase Failed.
    void evict(const std::string &reason, const std::string &message, const std::string &conditionReason,
               const std::string &conditionMessage, SimDuration grace,
               std::function<void(PodWorker &)> done = {});
    /// The pod's priority (spec.priority; the system-*-critical classes when it is unset).
    std::int64_t priority() const;
    /// A container's process ends now with exitCode (ContainerCrash action).
    void crashContainer(const std::string &container, int exitCode);
    /// Writes the status again (the kubelet reconnected).
    void republish();

private:
    /// One container slot (an init container, a sidecar or an app container) and what the
    /// kubelet tracks for it across its restarts.
    struct Run
    {
        const store::Container *spec = nullptr; ///< into m_pod.spec
        std::size_t statusIndex = 0; ///< into initContainerStatuses or containerStatuses
        bool init = false;
        bool sidecar = false;
        ContainerBehavior behavior;
        /// Bumped at each start and exit: timers of an earlier instance do nothing.
        std::uint64_t incarnation = 0;
        std::uint64_t probeSerial = 0;
        bool busy = false;     ///< being started, running, or waiting to restart
        bool running = false;
        bool stopping = false; ///< the stop signal was sent
        bool restartAfterStop = false; ///< stopped by a failed liveness/startup probe
        SimTime runningSince;
        SimTime failuresReportedUntil; ///< Unhealthy events are recorded up to here
        std::optional<ProbeTracker> startup;
        std::optional<ProbeTracker> liveness;
        std::optional<ProbeTracker> readiness;
        std::function<void(PodWorker &)> onStopped;
    };

    // pod_worker.cpp
    void publish();
    void event(const std::string &type, const std::string &reason, const std::string &message);
    void at(SimDuration delay, std::function<void(PodWorker &)> fn);
    store::Pod::ContainerStatus &status(std::size_t run);
    void advance();
    void startAppContainers(std::size_t from);
    void finishIfDone();

    // pod_worker_containers.cpp
    void startContainer(std::size_t run, std::function<void(PodWorker &)> whenStarted);
    void pullImage(std::size_t run, std::function<void(PodWorker &)> then);
    void containerRunning(std::size_t run);
    void containerExited(std::size_t run, int exitCode, const std::string &reason, bool killedByProbe);
    void restartAfterBackoff(std::size_t run);
    void scheduleProbes(std::size_t run);
    void onProbeTimer(std::size_t run, std::uint64_t probeSerial);
    void reportProbeFailures(std::size_t run);
    void applyReadiness(std::size_t run);
    void stopContainer(std::size_t run, SimDuration grace, std::function<void(PodWorker &)> then);

    // pod_worker_termination.cpp
    void stopAll(SimDuration grace, std::function<void(PodWorker &)> then);
    void stopSidecars(std::size_t remaining, SimTime deadline, std::function<void(PodWorker &)> then);
    void removeFromStore();
    void stopped(); ///< every container has stopped: final phase; removal if deleted

    Kubelet &m_kubelet;
    std::string m_key;
    std::uint64_t m_serial;
    store::Pod m_pod;        ///< spec as admitted, status as the kubelet sees it
    PodBehavior m_behavior;
    std::vector<Run> m_runs; ///< init containers, then app containers
    std::size_t m_initCount = 0;
    bool m_afterReboot = false;
    bool m_appsStarted = false;
    bool m_terminating = false;
    bool m_terminated = false;
    bool m_podIsTerminal = false; ///< the kubelet decided the phase is final
    bool m_deletionRequested = false; ///< remove the object once everything has stopped
    std::string m_forcedPhase;    ///< Failed for evictions and rejections
    std::size_t m_pendingStops = 0;
};

} // namespace emu::kubelet
