// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "token_bucket.h"

#include "emulator/core/sim_time.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace emu::ctrl {

/// upstream pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go: RateLimitedTimedQueue,
/// the per-zone NoExecute tainting queue of the node lifecycle controller. A UniqueQueue (a
/// binary heap ordered by processAt plus a set of values that blocks re-adding) and a limiter.
///
/// The heap is Go's container/heap algorithm, reproduced step for step, so that items with
/// equal processAt come out in the same order as upstream's (not FIFO: after the head is taken
/// the last element moves to the front).
///
/// Simulated time only: `now` is a parameter of every time-dependent call.
class RateLimitedTimedQueue
{
public:
    /// upstream TimedValue.
    struct Item
    {
        std::string value; ///< the node name
        std::string uid;   ///< the node UID ("could be anything that helps identify the value")
        SimTime addedAt;
        SimTime processAt;
    };

    /// upstream ActionFunc: returns false if the item must be retried, with the minimum wait.
    using ActionFunc = std::function<std::pair<bool, SimDuration>(const Item &)>;

    /// upstream NewRateLimitedTimedQueue(flowcontrol.NewTokenBucketRateLimiter(qps, burst)); the
    /// node lifecycle controller creates every zone queue with --node-eviction-rate and burst 1
    /// (EvictionRateLimiterBurst).
    explicit RateLimitedTimedQueue(double qps, int burst = 1);
    explicit RateLimitedTimedQueue(TokenBucket limiter);

    /// upstream Add: queues the value with addedAt = processAt = now unless it is in the set
    /// (queued, or processed and not yet removed). Returns true if it was added.
    bool add(const std::string &value, const std::string &uid, SimTime now);
    /// upstream Remove: drops the value from the queue and the set, so it may be added again.
    /// False if it was not in the set.
    bool remove(const std::string &value);
    /// upstream Clear: empties the queue and the set.
    void clear();

    /// upstream Try (run every NodeEvictionPeriod = 100 ms). While there is a head: take a token
    /// first (stop if none: the token is spent even if the head is not due), stop if now <
    /// head.processAt, call fn; on false re-queue it at now + wait + 1 ns (Replace), on true
    /// take it out of the queue but keep it in the set (RemoveFromQueue).
    /// fn may add or remove values; it must not call swapLimiter (upstream would deadlock).
    void tryProcess(SimTime now, const ActionFunc &fn);

    /// upstream SwapLimiter(newQPS): no-op if the current limiter reports the same QPS (note:
    /// the never limiter reports 1, see TokenBucket::reportedQps); newQps <= 0 installs the never
    /// limiter; otherwise a new burst-1 bucket from which, if the old limiter has no token now,
    /// one token is drained, so that a state change never grants a free taint.
    void swapLimiter(double newQps, SimTime now);

    /// The limiter's rate in tokens per second (0 while the never limiter is installed).
    double currentQps() const { return m_limiter.qps(); }
    const TokenBucket &limiter() const { return m_limiter; }

    /// Number of queued items (not counting values kept in the set after processing).
    std::size_t size() const { return m_heap.size(); }
    bool isEmpty() const { return m_heap.empty(); }
    /// True if the value is in the set: queued, or processed and not removed since.
    bool contains(const std::string &value) const { return m_set.count(value) != 0; }
    /// True if the value is waiting in the queue.
    bool isQueued(const std::string &value) const { return indexOf(value) != npos; }
    /// upstream Head: the item tryProcess looks at next.
    std::optional<Item> head() const;
    /// The queued items in processAt order (ties in upstream's pop order), for display.
    std::vector<Item> pending() const;

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t indexOf(const std::string &value) const;
    // UniqueQueue.Replace / RemoveFromQueue
    bool replace(const Item &item);
    bool removeFromQueue(const std::string &value);

    // Go container/heap
    bool less(std::size_t i, std::size_t j) const;
    void up(std::size_t j);
    bool down(std::size_t i0, std::size_t n);
    void push(Item item);
    Item removeAt(std::size_t i);

    std::vector<Item> m_heap;
    std::set<std::string, std::less<>> m_set;
    TokenBucket m_limiter;
};

} // namespace emu::ctrl
