// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "event_id.h"
#include "sim_time.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace emu {

/// The deterministic discrete-event engine: one per run, no global state, no wall clock.
///
/// Events are callbacks scheduled at a SimTime; they run in (time, sequence) order, where the
/// sequence is the order of scheduling, so events at the same time run first-scheduled-first
/// (ns-3's EventKey). Time never goes backwards: now() is the time of the event being run, and
/// after runUntil(limit) it is max(now, limit).
///
/// Thread affinity: every member except post() must be called from one thread, the owner,
/// which is the first thread to call one of them (asserted in debug builds, ns-3's
/// "thread-unsafe invocation"). resetThreadAffinity() hands the engine over to another thread.
/// Callbacks run on the owner thread and may schedule, cancel and query, but must not call
/// step(), runUntil() or runBatch() (asserted).
///
/// Cost: schedule and the run of an event are O(log n) in the pending events, cancel is O(1)
/// (lazy: the queue entry is skipped when it comes up), and apart from what std::function
/// allocates for large captures no event allocates once the queue has grown to its peak size.
class Engine
{
public:
    Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    /// The current simulated time: the time of the running (or last run) event, or the last
    /// runUntil() limit if that is later.
    SimTime now() const;

    /// Runs fn at now() + delay; delay >= 0 (a negative delay is asserted and treated as 0).
    /// Events at the same time run in scheduling order. fn must not be empty.
    EventId schedule(SimDuration delay, std::function<void()> fn);
    /// Runs fn at `at`; at >= now() (an earlier time is asserted and treated as now()).
    EventId scheduleAt(SimTime at, std::function<void()> fn);
    /// Cancels a pending event and releases its callback at once. No-op for an event that
    /// already ran, was cancelled, is running, or an invalid id.
    void cancel(EventId id);
    /// True if the event is scheduled and has neither run nor been cancelled. False while the
    /// event itself is running.
    bool isPending(EventId id) const;

    /// Runs what was post()ed, then the next event (whatever its time). False if there was no
    /// event to run (posted functions are not events).
    bool step();
    /// Runs every event with time <= limit in (time, sequence) order, including events those
    /// events schedule, draining the post() inbox before each one; then sets now() = limit if
    /// limit > now(). Returns the number of events run.
    std::size_t runUntil(SimTime limit);
    /// runUntil() in bounded pieces: runs at most maxEvents events with time <= limit. Only when
    /// fewer than maxEvents were run (nothing left up to limit) is now() moved to limit. Splitting
    /// a run into batches never changes the order of events. For hosts that must stay responsive.
    std::size_t runBatch(SimTime limit, std::size_t maxEvents);

    /// The time of the next pending event, if any (post()ed functions not included).
    std::optional<SimTime> nextEventTime() const;
    /// Events run since construction (cancelled events and posted functions not counted).
    std::uint64_t eventsRun() const;
    /// Events scheduled and neither run nor cancelled.
    std::size_t pendingCount() const;

    /// The ONLY thread-safe member: queues fn to run on the owner thread at the current
    /// simulated time, before the next event. The inbox is drained (mutex + swap, as in ns-3)
    /// at the start of step() and before each event of runUntil()/runBatch(); posted functions
    /// run in posting order, are not events, and have no EventId. fn must not be empty.
    void post(std::function<void()> fn);

    /// Forgets the owner thread; the next thread-unsafe call claims the engine for its thread.
    /// For handing an engine to a worker and back (Runner does); the caller must make the
    /// handover happen-before the new thread's first call (thread start, join, a mutex).
    void resetThreadAffinity();

private:
    struct QueueEntry
    {
        std::int64_t atNs;
        std::uint64_t seq;
        std::uint32_t slot;
    };
    struct Slot
    {
        std::uint64_t seq = 0; // 0: free; otherwise the pending event that owns the slot
        std::function<void()> fn;
    };

    void checkThread() const;
    void drainInbox();
    bool runNext(SimTime limit);
    bool isStale(const QueueEntry &entry) const { return m_slots[entry.slot].seq != entry.seq; }
    void dropCancelledTop();
    void compactQueue();

    SimTime m_now;
    std::uint64_t m_nextSeq = 1; // 0 is the invalid EventId
    std::uint64_t m_eventsRun = 0;
    bool m_dispatching = false;   // a callback is running: nested runs are a programmer error

    std::vector<QueueEntry> m_queue; // 4-ary min-heap on (atNs, seq); top never cancelled
    std::size_t m_cancelledInQueue = 0;
    std::vector<Slot> m_slots;       // callbacks by slot, so cancel is O(1) and slots are reused
    std::vector<std::uint32_t> m_freeSlots;

    std::mutex m_inboxMutex;
    std::vector<std::function<void()>> m_inbox;  // guarded by m_inboxMutex
    std::atomic<bool> m_inboxNonEmpty = false;   // lets the hot path skip the mutex

    mutable std::thread::id m_ownerThread;       // debug builds only; default id = unclaimed
};

} // namespace emu
