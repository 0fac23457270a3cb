// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_rate_limiter.h"

#include "emulator/core/engine.h"

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <unordered_set>

namespace emu::ctrl {

/// client-go's rate-limited, delaying work queue with the controller loop around it, in
/// simulated time. Keys ("namespace/name") are deduplicated: a key added while it waits is
/// queued once; a key added while it is being synced is synced again afterwards, never
/// twice at once. The sync function runs one key per engine event (at the time the key is
/// due), so keys queued together interleave with other components' events at that time.
///
/// The sync function returns false for an error: the key is then requeued with the
/// controller rate limiter (5 ms doubling up to 1000 s, 10/s overall); true forgets its
/// failures. Engine thread only.
class WorkQueue
{
public:
    using SyncFunction = std::function<bool(const std::string &key)>;

    WorkQueue(Engine &engine, SyncFunction sync);
    ~WorkQueue();
    WorkQueue(const WorkQueue &) = delete;
    WorkQueue &operator=(const WorkQueue &) = delete;

    /// Queue.Add
    void add(const std::string &key);
    /// DelayingQueue.AddAfter: the earliest pending time wins; <= 0 is add().
    void addAfter(const std::string &key, SimDuration delay);
    /// RateLimitingQueue.AddRateLimited
    void addRateLimited(const std::string &key);
    /// RateLimitingQueue.Forget
    void forget(const std::string &key) { m_limiter.forget(key); }
    int numRequeues(const std::string &key) const { return m_limiter.numRequeues(key); }

    /// Keys waiting to be synced now (not those waiting for a delay).
    std::size_t length() const { return m_queue.size(); }
    /// Syncs run so far (for tests and statistics).
    std::uint64_t syncs() const { return m_syncs; }

private:
    void schedulePump();
    void pump();

    Engine &m_engine;
    SyncFunction m_sync;
    ControllerRateLimiter m_limiter;
    std::deque<std::string> m_queue;
    std::unordered_set<std::string> m_dirty;
    std::unordered_set<std::string> m_processing;
    struct Waiting
    {
        SimTime at;
        EventId timer;
    };
    std::map<std::string, Waiting> m_waiting;
    EventId m_pump;
    std::uint64_t m_syncs = 0;
};

} // namespace emu::ctrl
