// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app_health.h"

#include "emulator/core/sim_duration.h"
#include "emulator/core/sim_time.h"
#include "emulator/store/pod.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace emu::kubelet {

/// upstream: pkg/kubelet/prober/prober_manager.go probeType
enum class ProbeType { Liveness, Readiness, Startup };

/// upstream: pkg/kubelet/prober/results/results_manager.go Result
enum class ProbeResult { Unknown, Success, Failure };

/// The cached result before the first probe of a container passes its threshold (worker.go
/// newWorker initialValue): readiness Failure, liveness Success, startup Unknown (which the
/// kubelet reads as "not started").
ProbeResult initialProbeResult(ProbeType type);

/// One prober worker (pkg/kubelet/prober/worker.go, the legacy worker that v1.20-v1.34 run) for
/// one probe of one container, in simulated time. It keeps what the worker keeps - the cached
/// result (what results.Manager holds), the last probe outcome and how many times in a row it
/// came out, the on-hold flag - and evaluates the worker's doProbe at each tick of its ticker.
///
/// Timing, as upstream:
/// - The worker is created when the kubelet admits the pod (AddPod) at `tickOrigin`; it probes
///   at once and then every periodSeconds: ticks are tickOrigin + k * period, k >= 0, whatever
///   the container does. (Upstream adds a random offset only when the kubelet itself started
///   less than one period ago; the kubelet can fold that into tickOrigin.)
/// - A tick probes only if the container is running (strictly after `runningAt`), at least
///   initialDelaySeconds have passed since runningAt, the worker is not on hold, and the
///   container's `started` flag allows it: liveness and readiness wait until the container has
///   started (its startup probe succeeded), the startup probe stops once it has.
/// - successThreshold consecutive passes make the result Success, failureThreshold consecutive
///   failures make it Failure ("flip"). The run counter survives container restarts, as
///   upstream's lastResult/resultRun do. A liveness or startup Failure puts the worker on hold
///   (no more probes) until the next container instance.
/// - timeoutSeconds does not move any time: the app's AppHealth says whether a probe passes,
///   and its outcome is taken at the tick.
///
/// How the kubelet drives it with engine timers: at each input (container running, started,
/// stopped, pod deleting) call the matching method with the current time; then schedule one
/// timer at nextFlip()->at, and when it fires call advanceTo(now) and apply the flips it
/// returns (readiness: container ready or not; liveness Failure: kill the container; startup
/// Success: setStarted on the container's liveness/readiness trackers; startup Failure: kill).
/// After every call that changes the tracker, cancel the timer and schedule nextFlip() again.
/// A readiness probe that upstream's UpdatePodStatus triggers manually is probeNow(now).
/// Every mutating call first processes the ticks up to its time; times must not go backwards.
class ProbeTracker
{
public:
    struct Flip
    {
        SimTime at;
        ProbeResult result;
        friend bool operator==(const Flip &, const Flip &) = default;
    };

    ProbeTracker(ProbeType type, const store::Probe &probe, SimTime tickOrigin);

    ProbeType type() const { return m_type; }
    SimDuration period() const { return m_period; }
    SimDuration initialDelay() const { return m_initialDelay; }
    int successThreshold() const { return m_successThreshold; }
    int failureThreshold() const { return m_failureThreshold; }

    /// The cached result (results.Manager): the initial value until a threshold is reached.
    ProbeResult result() const { return m_result; }
    bool isOnHold() const { return m_onHold; }
    bool isStopped() const { return m_stopped; }
    /// The time up to which ticks have been processed.
    SimTime processedUntil() const { return m_cursor; }

    /// A new container instance runs since `runningAt` (worker.go: a new container ID): the
    /// result goes back to the initial value and the worker leaves hold. `started` is the
    /// container's ContainerStatus.started (true at once when there is no startup probe).
    void containerRunning(SimTime runningAt, AppHealth health, bool started);
    /// ContainerStatus.started changed (the startup probe succeeded, or a new instance).
    void setStarted(SimTime now, bool started);
    /// The container is not running any more: the result becomes Failure (worker.go
    /// "Non-running container probed") and probing stops until containerRunning().
    void containerStopped(SimTime now);
    /// The pod got a deletionTimestamp: liveness and startup report Success and stop for good
    /// (worker.go "Pod deletion requested, setting probe result to success"); readiness goes on.
    void podDeleting(SimTime now);

    /// Processes every tick in (processedUntil(), t] and returns the flips, in time order.
    std::vector<Flip> advanceTo(SimTime t);
    /// A manual probe at `now` (prober_manager.go UpdatePodStatus triggers the readiness worker
    /// while a started container is not ready): processes the ticks up to now, then probes once
    /// more at now if a probe is allowed then. Returns the flip it caused, if any.
    std::optional<Flip> probeNow(SimTime now);

    /// The next flip the ticks would cause with the current inputs; nullopt if the result never
    /// changes again. Exact and O(number of health changes): nothing is sampled.
    std::optional<Flip> nextFlip() const;
    /// The first tick strictly after t at which the worker would probe; nullopt if none.
    std::optional<SimTime> nextProbeAfter(SimTime t) const;
    /// The first tick strictly after t at which the worker would probe and the probe would
    /// fail (each failed probe is an Unhealthy event upstream); nullopt if none.
    std::optional<SimTime> nextFailedProbeAfter(SimTime t) const;

private:
    bool probesNow(SimTime t) const;
    std::optional<Flip> applyRun(SimTime first, std::int64_t count, bool passed, SimTime &last);
    std::vector<Flip> advance(SimTime until, bool stopAtFirstFlip);

    ProbeType m_type;
    SimDuration m_period;
    SimDuration m_initialDelay;
    int m_successThreshold;
    int m_failureThreshold;
    SimTime m_tickOrigin;

    SimTime m_cursor;
    std::optional<SimTime> m_runningAt;
    AppHealth m_health;
    bool m_started = false;
    bool m_onHold = false;
    bool m_stopped = false;
    ProbeResult m_result;
    ProbeResult m_lastResult = ProbeResult::Unknown;
    std::int64_t m_resultRun = 0;
};

} // namespace emu::kubelet
