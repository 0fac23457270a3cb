// SPDX-License-Identifier: Apache-2.0
#include "rate_limited_timed_queue.h"

#include <utility>

namespace emu::ctrl {

RateLimitedTimedQueue::RateLimitedTimedQueue(double qps, int burst)
    : m_limiter(qps, burst)
{
}

RateLimitedTimedQueue::RateLimitedTimedQueue(TokenBucket limiter)
    : m_limiter(std::move(limiter))
{
}

// --- Go container/heap over TimedQueue (Less: ProcessAt.Before) ---

bool RateLimitedTimedQueue::less(std::size_t i, std::size_t j) const
{
    return m_heap[i].processAt < m_heap[j].processAt;
}

void RateLimitedTimedQueue::up(std::size_t j)
{
    while (j > 0) {
        const std::size_t i = (j - 1) / 2; // parent
        if (!less(j, i))
            break;
        std::swap(m_heap[i], m_heap[j]);
        j = i;
    }
}

bool RateLimitedTimedQueue::down(std::size_t i0, std::size_t n)
{
    std::size_t i = i0;
    for (;;) {
        const std::size_t j1 = 2 * i + 1;
        if (j1 >= n)
            break;
        std::size_t j = j1; // left child
        if (const std::size_t j2 = j1 + 1; j2 < n && less(j2, j1))
            j = j2; // right child
        if (!less(j, i))
            break;
        std::swap(m_heap[i], m_heap[j]);
        i = j;
    }
    return i > i0;
}

void RateLimitedTimedQueue::push(Item item)
{
    m_heap.push_back(std::move(item));
    up(m_heap.size() - 1);
}

// heap.Remove(h, i): swap with the last element, fix the heap, pop the last element.
RateLimitedTimedQueue::Item RateLimitedTimedQueue::removeAt(std::size_t i)
{
    const std::size_t n = m_heap.size() - 1;
    if (n != i) {
        std::swap(m_heap[i], m_heap[n]);
        if (!down(i, n))
            up(i);
    }
    Item item = std::move(m_heap.back());
    m_heap.pop_back();
    return item;
}

// --- UniqueQueue ---

std::size_t RateLimitedTimedQueue::indexOf(const std::string &value) const
{
    for (std::size_t i = 0; i < m_heap.size(); ++i) {
        if (m_heap[i].value == value)
            return i;
    }
    return npos;
}

bool RateLimitedTimedQueue::add(const std::string &value, const std::string &uid, SimTime now)
{
    // RateLimitedTimedQueue.Add: AddedAt = ProcessAt = now; UniqueQueue.Add refuses set members.
    if (contains(value))
        return false;
    push(Item{value, uid, now, now});
    m_set.insert(value);
    return true;
}

// UniqueQueue.Replace: the first queued item with the same value is removed and the new one
// pushed. Does nothing if the value is not queued (e.g. fn removed it).
bool RateLimitedTimedQueue::replace(const Item &item)
{
    const std::size_t i = indexOf(item.value);
    if (i == npos)
        return false;
    removeAt(i);
    push(item);
    return true;
}

// UniqueQueue.RemoveFromQueue: out of the queue, but kept in the set.
bool RateLimitedTimedQueue::removeFromQueue(const std::string &value)
{
    if (!contains(value))
        return false;
    const std::size_t i = indexOf(value);
    if (i == npos)
        return false;
    removeAt(i);
    return true;
}

bool RateLimitedTimedQueue::remove(const std::string &value)
{
    // UniqueQueue.Remove: true whenever the value was in the set, queued or not.
    const auto it = m_set.find(value);
    if (it == m_set.end())
        return false;
    m_set.erase(it);
    if (const std::size_t i = indexOf(value); i != npos)
        removeAt(i);
    return true;
}

void RateLimitedTimedQueue::clear()
{
    m_heap.clear();
    m_set.clear();
}

std::optional<RateLimitedTimedQueue::Item> RateLimitedTimedQueue::head() const
{
    if (m_heap.empty())
        return std::nullopt;
    return m_heap.front();
}

std::vector<RateLimitedTimedQueue::Item> RateLimitedTimedQueue::pending() const
{
    RateLimitedTimedQueue copy(TokenBucket::never());
    copy.m_heap = m_heap;
    std::vector<Item> items;
    items.reserve(m_heap.size());
    while (!copy.m_heap.empty())
        items.push_back(copy.removeAt(0));
    return items;
}

// --- RateLimitedTimedQueue ---

void RateLimitedTimedQueue::tryProcess(SimTime now, const ActionFunc &fn)
{
    std::optional<Item> val = head();
    while (val) {
        // "rate limit the queue checking": the token is taken before the item is looked at.
        if (!m_limiter.tryAccept(now))
            break;
        if (now < val->processAt)
            break;
        const auto [ok, wait] = fn(*val);
        if (!ok) {
            // val.ProcessAt = now.Add(wait + 1): retry no sooner than wait + 1 ns from now.
            val->processAt = now + wait + SimDuration::nanoseconds(1);
            replace(*val);
        } else {
            removeFromQueue(val->value);
        }
        val = head();
    }
}

void RateLimitedTimedQueue::swapLimiter(double newQps, SimTime now)
{
    // if q.limiter.QPS() == newQPS { return }
    if (m_limiter.reportedQps() == newQps)
        return;
    if (!(newQps > 0.0)) {
        m_limiter = TokenBucket::never();
        return;
    }
    // EvictionRateLimiterBurst = 1. "If we're currently waiting on limiter, we drain the new
    // one": the old limiter's TryAccept decides (and spends its token if it had one).
    TokenBucket newLimiter(newQps, 1);
    if (!m_limiter.tryAccept(now))
        newLimiter.tryAccept(now);
    m_limiter = std::move(newLimiter);
}

} // namespace emu::ctrl
