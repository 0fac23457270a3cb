// SPDX-License-Identifier: Apache-2.0
#include "scheduling_queue.h"

namespace emu::sched {

bool SchedulingQueue::add(const std::string &podKey, std::int32_t priority, SimTime timestamp)
{
    if (m_entries.count(podKey))
        return false;
    const auto it = m_order.insert(Entry{priority, timestamp, ++m_sequence, podKey}).first;
    m_entries.emplace(podKey, it);
    return true;
}

std::optional<std::string> SchedulingQueue::pop()
{
    if (m_order.empty())
        return std::nullopt;
    std::string key = m_order.begin()->podKey;
    m_entries.erase(key);
    m_order.erase(m_order.begin());
    return key;
}

} // namespace emu::sched
