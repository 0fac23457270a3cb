// SPDX-License-Identifier: Apache-2.0
#include "engine.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <utility>

namespace emu {

namespace {

template<typename Entry>
bool runsBefore(const Entry &a, const Entry &b)
{
    return a.atNs != b.atNs ? a.atNs < b.atNs : a.seq < b.seq;
}

// A 4-ary min-heap: half the depth of a binary heap and the four children share cache lines,
// which matters once a run has hundreds of thousands of pending timers.
constexpr std::size_t heapArity = 4;

template<typename Entry>
void siftUp(std::vector<Entry> &heap, std::size_t hole)
{
    const Entry moving = heap[hole];
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / heapArity;
        if (!runsBefore(moving, heap[parent]))
            break;
        heap[hole] = heap[parent];
        hole = parent;
    }
    heap[hole] = moving;
}

template<typename Entry>
void siftDown(std::vector<Entry> &heap, std::size_t hole)
{
    const std::size_t size = heap.size();
    const Entry moving = heap[hole];
    for (;;) {
        const std::size_t first = hole * heapArity + 1;
        if (first >= size)
            break;
        const std::size_t last = std::min(first + heapArity, size);
        std::size_t best = first;
        for (std::size_t child = first + 1; child < last; ++child) {
            if (runsBefore(heap[child], heap[best]))
                best = child;
        }
        if (!runsBefore(heap[best], moving))
            break;
        heap[hole] = heap[best];
        hole = best;
    }
    heap[hole] = moving;
}

template<typename Entry>
void heapPush(std::vector<Entry> &heap, const Entry &entry)
{
    heap.push_back(entry);
    siftUp(heap, heap.size() - 1);
}

template<typename Entry>
void heapPopTop(std::vector<Entry> &heap)
{
    heap.front() = heap.back();
    heap.pop_back();
    if (!heap.empty())
        siftDown(heap, 0);
}

template<typename Entry>
void heapify(std::vector<Entry> &heap)
{
    for (std::size_t i = heap.size() / heapArity + 1; i-- > 0;) {
        if (i < heap.size())
            siftDown(heap, i);
    }
}

// Marks the engine as inside a callback, also when the callback throws.
class DispatchGuard
{
public:
    explicit DispatchGuard(bool &flag) : m_flag(flag) { m_flag = true; }
    ~DispatchGuard() { m_flag = false; }
    DispatchGuard(const DispatchGuard &) = delete;
    DispatchGuard &operator=(const DispatchGuard &) = delete;

private:
    bool &m_flag;
};

// Cancelled entries are only compacted away once they are both numerous and the majority, so
// the O(n) rebuild is amortised over at least as many cancels.
constexpr std::size_t minCancelledBeforeCompaction = 4096;

} // namespace

Engine::Engine() = default;

SimTime Engine::now() const
{
    checkThread();
    return m_now;
}

EventId Engine::schedule(SimDuration delay, std::function<void()> fn)
{
    assert(delay >= SimDuration::zero() && "Engine::schedule: negative delay");
    checkThread();
    return scheduleAt(delay > SimDuration::zero() ? m_now + delay : m_now, std::move(fn));
}

EventId Engine::scheduleAt(SimTime at, std::function<void()> fn)
{
    assert(at >= m_now && "Engine::scheduleAt: time in the past");
    assert(fn && "Engine::scheduleAt: empty callback");
    checkThread();
    if (at < m_now) // release builds: keep time monotonic rather than travel back
        at = m_now;

    std::uint32_t slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        assert(m_slots.size() < std::numeric_limits<std::uint32_t>::max());
        slot = static_cast<std::uint32_t>(m_slots.size());
        m_slots.emplace_back();
    }
    const std::uint64_t seq = m_nextSeq++;
    m_slots[slot].seq = seq;
    m_slots[slot].fn = std::move(fn);
    heapPush(m_queue, QueueEntry{at.ns(), seq, slot});
    return EventId(seq, slot);
}

void Engine::cancel(EventId id)
{
    checkThread();
    if (!isPending(id))
        return;
    Slot &slot = m_slots[id.m_slot];
    slot.seq = 0;
    slot.fn = nullptr; // release the captures now, not when the stale entry surfaces
    m_freeSlots.push_back(id.m_slot);
    ++m_cancelledInQueue;
    dropCancelledTop();
    if (m_cancelledInQueue >= minCancelledBeforeCompaction
        && m_cancelledInQueue * 2 > m_queue.size()) {
        compactQueue();
    }
}

bool Engine::isPending(EventId id) const
{
    checkThread();
    return id.m_seq != 0 && id.m_slot < m_slots.size() && m_slots[id.m_slot].seq == id.m_seq;
}

bool Engine::step()
{
    checkThread();
    assert(!m_dispatching && "Engine::step called from inside an event");
    drainInbox();
    return runNext(SimTime::max());
}

std::size_t Engine::runUntil(SimTime limit)
{
    return runBatch(limit, std::numeric_limits<std::size_t>::max());
}

std::size_t Engine::runBatch(SimTime limit, std::size_t maxEvents)
{
    checkThread();
    assert(!m_dispatching && "Engine::runUntil called from inside an event");
    std::size_t count = 0;
    while (count < maxEvents) {
        drainInbox();
        if (!runNext(limit)) {
            if (limit > m_now)
                m_now = limit;
            break;
        }
        ++count;
    }
    return count;
}

std::optional<SimTime> Engine::nextEventTime() const
{
    checkThread();
    if (m_queue.empty())
        return std::nullopt;
    return SimTime::fromNs(m_queue.front().atNs);
}

std::uint64_t Engine::eventsRun() const
{
    checkThread();
    return m_eventsRun;
}

std::size_t Engine::pendingCount() const
{
    checkThread();
    return m_slots.size() - m_freeSlots.size();
}

void Engine::post(std::function<void()> fn)
{
    assert(fn && "Engine::post: empty callback");
    std::lock_guard lock(m_inboxMutex);
    m_inbox.push_back(std::move(fn));
    m_inboxNonEmpty.store(true, std::memory_order_release);
}

void Engine::resetThreadAffinity()
{
    m_ownerThread = std::thread::id();
}

void Engine::checkThread() const
{
#ifndef NDEBUG
    const std::thread::id self = std::this_thread::get_id();
    if (m_ownerThread == std::thread::id())
        m_ownerThread = self;
    assert(m_ownerThread == self && "Engine: thread-unsafe invocation from a non-owner thread");
#endif
}

void Engine::drainInbox()
{
    // One relaxed-cost atomic load per event instead of a mutex round trip.
    if (!m_inboxNonEmpty.load(std::memory_order_acquire))
        return;
    std::vector<std::function<void()>> batch;
    {
        std::lock_guard lock(m_inboxMutex);
        batch.swap(m_inbox);
        m_inboxNonEmpty.store(false, std::memory_order_relaxed);
    }
    // Run outside the lock so that posted functions (and other threads) can post again.
    const DispatchGuard guard(m_dispatching);
    for (std::function<void()> &fn : batch) {
        if (fn)
            fn();
    }
}

bool Engine::runNext(SimTime limit)
{
    if (m_queue.empty() || m_queue.front().atNs > limit.ns())
        return false;
    const QueueEntry entry = m_queue.front();
    heapPopTop(m_queue);

    // Free the slot before the call: the running event is no longer pending, and cancelling
    // its own id from inside the callback must be a no-op.
    Slot &slot = m_slots[entry.slot];
    std::function<void()> fn = std::move(slot.fn);
    slot.fn = nullptr;
    slot.seq = 0;
    m_freeSlots.push_back(entry.slot);
    m_now = SimTime::fromNs(entry.atNs);
    ++m_eventsRun;
    dropCancelledTop();

    const DispatchGuard guard(m_dispatching);
    if (fn)
        fn();
    return true;
}

void Engine::dropCancelledTop()
{
    // Keeps the invariant "the top is live", so nextEventTime() and the limit check in
    // runNext() never see a cancelled event.
    while (!m_queue.empty() && isStale(m_queue.front())) {
        heapPopTop(m_queue);
        --m_cancelledInQueue;
    }
}

void Engine::compactQueue()
{
    std::erase_if(m_queue, [this](const QueueEntry &entry) { return isStale(entry); });
    heapify(m_queue);
    m_cancelledInQueue = 0;
}

} // namespace emu
