// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_duration.h"
#include "emulator/core/sim_time.h"

#include <map>
#include <string>
#include <string_view>

namespace emu::kubelet {

/// The kubelet's per-container back-off (client-go util/flowcontrol.Backoff as
/// kuberuntime_manager.go doBackOff uses it; spec 5.3), in simulated time. Keyed by container
/// (stableKey()). Also usable for image pulls (ErrImagePull -> ImagePullBackOff uses the same
/// Backoff with the same 10 s / 300 s, through isInBackOffSinceUpdate()).
///
/// Upstream's sequence for a container that keeps crashing:
/// - crash 1 (finishedAt F1): no entry yet, so not in back-off: next() sets the back-off to
///   10 s and the container restarts at once (the first restart has no delay; upstream issue
///   kubernetes#133472, still so in v1.34);
/// - crash k > 1: the container waits (waiting reason CrashLoopBackOff) while
///   now - finishedAt < the current back-off, then next() doubles it, capped at 300 s:
///   restart delays 0, 10, 20, 40, 80, 160, 300, 300 ...;
/// - reset: when a crash's finishedAt is more than 2 x max (10 min) after the last update (the
///   last restart decision, about when the container last started), the entry starts again at
///   10 s - and the restart is immediate again, as for a first crash.
/// Not synchronised: the kubelet's engine thread owns it.
class RestartBackoff
{
public:
    static constexpr SimDuration defaultInitial = SimDuration::seconds(10); ///< kubelet backOffPeriod
    static constexpr SimDuration defaultMax = SimDuration::seconds(300);    ///< MaxContainerBackOff

    explicit RestartBackoff(SimDuration initial = defaultInitial, SimDuration max = defaultMax);

    /// upstream getStableKey without the container hash (the emulator never changes a spec in
    /// place): "<pod>_<namespace>_<uid>_<container>".
    static std::string stableKey(std::string_view podName, std::string_view podNamespace,
                                 std::string_view podUid, std::string_view containerName);

    // --- upstream Backoff, one method each
    /// Backoff.Get: the current back-off (zero without an entry); the "back-off 40s" of the
    /// CrashLoopBackOff message.
    SimDuration get(std::string_view key) const;
    /// Backoff.IsInBackOffSince: now - eventTime < back-off, unless there is no entry or it
    /// expired (eventTime - lastUpdate > 2 x max).
    bool isInBackOffSince(std::string_view key, SimTime eventTime, SimTime now) const;
    /// Backoff.IsInBackOffSinceUpdate: eventTime - lastUpdate < back-off (same expiry rule).
    bool isInBackOffSinceUpdate(std::string_view key, SimTime eventTime) const;
    /// Backoff.Next: starts the entry at `initial` (no entry, or expired with respect to
    /// eventTime), else doubles it up to `max`; lastUpdate = now.
    void next(std::string_view key, SimTime eventTime, SimTime now);
    /// Backoff.Reset / DeleteEntry.
    void reset(std::string_view key);
    /// Backoff.GC: drops entries not updated for more than 2 x max.
    void gc(SimTime now);

    // --- doBackOff, for the emulated kubelet
    /// The earliest time a container that exited at finishedAt may be restarted: finishedAt
    /// itself when not in back-off, else finishedAt + the current back-off.
    SimTime restartAllowedAt(std::string_view key, SimTime finishedAt) const;
    /// doBackOff at `now` for a container that exited at finishedAt: if it is still in back-off
    /// returns the time left (and changes nothing); else advances the back-off (next) and returns
    /// zero: restart now.
    SimDuration tryRestart(std::string_view key, SimTime finishedAt, SimTime now);

    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry
    {
        SimDuration backoff;
        SimTime lastUpdate;
    };

    const Entry *find(std::string_view key) const;
    bool hasExpired(SimTime eventTime, SimTime lastUpdate) const;

    SimDuration m_initial;
    SimDuration m_max;
    std::map<std::string, Entry, std::less<>> m_entries;
};

} // namespace emu::kubelet
