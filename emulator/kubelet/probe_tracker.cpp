// SPDX-License-Identifier: Apache-2.0
// upstream: pkg/kubelet/prober/worker.go (run, doProbe), prober_manager.go, results/results_manager.go
#include "probe_tracker.h"

#include <algorithm>
#include <limits>

namespace emu::kubelet {

namespace {

constexpr std::int64_t maxRun = std::int64_t(1) << 40; // resultRun saturates here (never reached)

} // namespace

ProbeResult initialProbeResult(ProbeType type)
{
    switch (type) {
    case ProbeType::Readiness:
        return ProbeResult::Failure;
    case ProbeType::Liveness:
        return ProbeResult::Success;
    case ProbeType::Startup:
        return ProbeResult::Unknown;
    }
    return ProbeResult::Unknown;
}

ProbeTracker::ProbeTracker(ProbeType type, const store::Probe &probe, SimTime tickOrigin)
    : m_type(type)
    // Validation keeps these >= 1 (>= 0 for the delay); clamp anyway so that a bad Probe can
    // never divide by zero or loop.
    , m_period(SimDuration::seconds(std::max(probe.periodSeconds, 1)))
    , m_initialDelay(SimDuration::seconds(std::max(probe.initialDelaySeconds, 0)))
    , m_successThreshold(std::max(probe.successThreshold, 1))
    , m_failureThreshold(std::max(probe.failureThreshold, 1))
    , m_tickOrigin(tickOrigin)
    , m_cursor(tickOrigin - SimDuration::nanoseconds(1)) // the tick at tickOrigin is still to come
    , m_result(initialProbeResult(type))
{}

void ProbeTracker::containerRunning(SimTime runningAt, AppHealth health, bool started)
{
    advance(runningAt, false);
    // worker.go: a new container ID resets the cached result to the initial value and ends
    // the hold; lastResult and resultRun are kept.
    m_runningAt = runningAt;
    m_health = std::move(health);
    m_started = started;
    m_onHold = false;
    if (!m_stopped)
        m_result = initialProbeResult(m_type);
}

void ProbeTracker::setStarted(SimTime now, bool started)
{
    advance(now, false);
    m_started = started;
}

void ProbeTracker::containerStopped(SimTime now)
{
    advance(now, false);
    m_runningAt.reset();
    if (!m_stopped)
        m_result = ProbeResult::Failure;
}

void ProbeTracker::podDeleting(SimTime now)
{
    advance(now, false);
    if (m_type == ProbeType::Readiness)
        return;
    // Set a last result to ensure quiet shutdown, then stop probing.
    m_result = ProbeResult::Success;
    m_stopped = true;
}

std::vector<ProbeTracker::Flip> ProbeTracker::advanceTo(SimTime t)
{
    return advance(t, false);
}

std::optional<ProbeTracker::Flip> ProbeTracker::probeNow(SimTime now)
{
    advance(now, false);
    if (!probesNow(now))
        return std::nullopt;
    SimTime last;
    return applyRun(now, 1, m_health.passesAt(now), last);
}

std::optional<ProbeTracker::Flip> ProbeTracker::nextFlip() const
{
    ProbeTracker copy = *this;
    const std::vector<Flip> flips = copy.advance(SimTime::max(), true);
    if (flips.empty())
        return std::nullopt;
    return flips.front();
}

bool ProbeTracker::probesNow(SimTime t) const
{
    if (m_stopped || m_onHold || !m_runningAt)
        return false;
    // worker.go: liveness and readiness wait until the container has started; the startup
    // probe stops once it has.
    if ((m_type == ProbeType::Startup) == m_started)
        return false;
    // "Probe disabled for InitialDelaySeconds": int32(since(startedAt).Seconds()) < delay.
    return t - *m_runningAt >= m_initialDelay;
}

std::optional<SimTime> ProbeTracker::nextProbeAfter(SimTime t) const
{
    if (m_stopped || m_onHold || !m_runningAt || (m_type == ProbeType::Startup) == m_started)
        return std::nullopt;
    constexpr std::int64_t maxNs = std::numeric_limits<std::int64_t>::max();
    if (t.ns() == maxNs)
        return std::nullopt;
    // Strictly after t, strictly after the container started, and past the initial delay.
    const SimDuration sinceStart = std::max(m_initialDelay, SimDuration::nanoseconds(1));
    const std::int64_t earliest = std::max(t.ns() + 1, m_runningAt->ns() + sinceStart.ns());
    if (earliest <= m_tickOrigin.ns())
        return m_tickOrigin;
    const std::int64_t period = m_period.ns();
    const std::int64_t offset = earliest - m_tickOrigin.ns();
    const std::int64_t ticks = offset / period + (offset % period != 0 ? 1 : 0);
    if (ticks > (maxNs - m_tickOrigin.ns()) / period)
        return std::nullopt; // beyond the end of time
    return SimTime::fromNs(m_tickOrigin.ns() + ticks * period);
}

std::optional<SimTime> ProbeTracker::nextFailedProbeAfter(SimTime t) const
{
    std::optional<SimTime> tick = nextProbeAfter(t);
    while (tick && m_health.passesAt(*tick)) {
        // Jump over the stretch in which every probe passes.
        const std::optional<SimTime> change = m_health.nextChangeAfter(*tick);
        if (!change)
            return std::nullopt;
        tick = nextProbeAfter(*change - SimDuration::nanoseconds(1));
    }
    return tick;
}

// `count` probes in a row with the same outcome, the first at `first`, one period apart
// (doProbe's threshold logic). Stops at the probe that flips the cached result; `last` is the
// time of the last probe processed.
std::optional<ProbeTracker::Flip> ProbeTracker::applyRun(SimTime first, std::int64_t count,
                                                         bool passed, SimTime &last)
{
    const ProbeResult outcome = passed ? ProbeResult::Success : ProbeResult::Failure;
    const std::int64_t threshold = passed ? m_successThreshold : m_failureThreshold;
    const std::int64_t runBefore = m_lastResult == outcome ? m_resultRun : 0;
    m_lastResult = outcome;
    if (m_result != outcome) {
        // Below the threshold the cached result is left unchanged; at it, results.Manager.Set
        // records the new result (an update only because it differs).
        const std::int64_t needed = std::max<std::int64_t>(1, threshold - runBefore);
        if (needed <= count) {
            last = first + m_period * (needed - 1);
            m_resultRun = runBefore + needed;
            m_result = outcome;
            if (m_type != ProbeType::Readiness && outcome == ProbeResult::Failure) {
                // The container will be restarted: hold until a new container ID.
                m_onHold = true;
                m_resultRun = 0;
            }
            if (m_type == ProbeType::Startup && outcome == ProbeResult::Success)
                m_started = true; // ContainerStatus.started: the startup worker stops probing
            return Flip{last, outcome};
        }
    }
    last = first + m_period * (count - 1);
    m_resultRun = std::min(maxRun, runBefore + std::min(count, maxRun));
    return std::nullopt;
}

std::vector<ProbeTracker::Flip> ProbeTracker::advance(SimTime until, bool stopAtFirstFlip)
{
    std::vector<Flip> flips;
    while (true) {
        const std::optional<SimTime> first = nextProbeAfter(m_cursor);
        if (!first || *first > until)
            break;
        // The outcome is constant until the app's health next changes: one run of probes.
        const bool passed = m_health.passesAt(*first);
        SimTime end = until;
        if (const std::optional<SimTime> change = m_health.nextChangeAfter(*first))
            end = std::min(end, *change - SimDuration::nanoseconds(1));
        const std::int64_t count = (end - *first) / m_period + 1;
        SimTime last;
        const std::optional<Flip> flip = applyRun(*first, count, passed, last);
        m_cursor = last;
        if (flip) {
            flips.push_back(*flip);
            if (stopAtFirstFlip)
                return flips;
        }
    }
    m_cursor = std::max(m_cursor, until);
    return flips;
}

} // namespace emu::kubelet
