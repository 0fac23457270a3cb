// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_time.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

namespace emu::sched {

/// The scheduler's active queue (upstream PriorityQueue activeQ) ordered by the default
/// QueueSort plugin PrioritySort: higher spec.priority first, then the earlier timestamp
/// (when the pod was added, or last found unschedulable); equal ones in insertion order.
/// A pod is in the queue at most once.
class SchedulingQueue
{
public:
    /// Adds the pod unless it is queued already; returns whether it was added.
    bool add(const std::string &podKey, std::int32_t priority, SimTime timestamp);
    /// Removes and returns the pod to schedule next.
    std::optional<std::string> pop();
    bool contains(const std::string &podKey) const { return m_entries.count(podKey) != 0; }
    bool empty() const { return m_order.empty(); }
    std::size_t size() const { return m_order.size(); }

private:
    struct Entry
    {
        std::int32_t priority = 0;
        SimTime timestamp;
        std::uint64_t sequence = 0;
        std::string podKey;

        bool operator<(const Entry &other) const
        {
            // upstream queuesort/priority_sort.go Less: p1 > p2 || (p1 == p2 && t1 < t2)
            return std::tie(other.priority, timestamp, sequence)
                   < std::tie(priority, other.timestamp, other.sequence);
        }
    };

    std::set<Entry> m_order;
    std::unordered_map<std::string, std::set<Entry>::iterator> m_entries;
    std::uint64_t m_sequence = 0;
};

} // namespace emu::sched
