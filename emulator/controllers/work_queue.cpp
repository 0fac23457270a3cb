// SPDX-License-Identifier: Apache-2.0
#include "work_queue.h"

namespace emu::ctrl {

WorkQueue::WorkQueue(Engine &engine, SyncFunction sync) : m_engine(engine), m_sync(std::move(sync)) {}

WorkQueue::~WorkQueue()
{
    m_engine.cancel(m_pump);
    for (const auto &[key, waiting] : m_waiting)
        m_engine.cancel(waiting.timer);
}

void WorkQueue::add(const std::string &key)
{
    // upstream Type.Add: a dirty key is already queued (or will be, after its sync).
    if (!m_dirty.insert(key).second)
        return;
    if (m_processing.count(key))
        return;
    m_queue.push_back(key);
    schedulePump();
}

void WorkQueue::addAfter(const std::string &key, SimDuration delay)
{
    if (delay <= SimDuration()) {
        add(key);
        return;
    }
    const SimTime at = m_engine.now() + delay;
    const auto it = m_waiting.find(key);
    if (it != m_waiting.end()) {
        if (it->second.at <= at)
            return; // upstream waitingForQueue: only an earlier ready time replaces the entry
        m_engine.cancel(it->second.timer);
    }
    const EventId timer = m_engine.scheduleAt(at, [this, key] {
        m_waiting.erase(key);
        add(key);
    });
    m_waiting[key] = {at, timer};
}

void WorkQueue::addRateLimited(const std::string &key)
{
    addAfter(key, m_limiter.when(key, m_engine.now()));
}

void WorkQueue::schedulePump()
{
    if (m_engine.isPending(m_pump) || m_queue.empty())
        return;
    m_pump = m_engine.schedule(SimDuration(), [this] { pump(); });
}

void WorkQueue::pump()
{
    if (m_queue.empty())
        return;
    const std::string key = m_queue.front();
    m_queue.pop_front();
    m_processing.insert(key);
    m_dirty.erase(key);
    ++m_syncs;
    // processNextWorkItem: success forgets the key's failures, an error requeues it.
    if (m_sync(key))
        m_limiter.forget(key);
    else
        addRateLimited(key);
    // upstream Done: a key added during its sync goes back into the queue.
    m_processing.erase(key);
    if (m_dirty.count(key))
        m_queue.push_back(key);
    schedulePump();
}

} // namespace emu::ctrl
