// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sim_duration.h"

#include <compare>
#include <cstdint>
#include <limits>

namespace emu {

/// A point in simulated time: integer nanoseconds since the scenario start (t = 0). Never
/// derived from the wall clock. Times before the start (negative) are representable but the
/// engine never reaches them. Differences of two times are SimDurations; adding two times is
/// deliberately not defined. A value type, not synchronised.
class SimTime
{
public:
    constexpr SimTime() = default;

    static constexpr SimTime fromNs(std::int64_t ns) { return SimTime(ns); }
    static constexpr SimTime fromSeconds(std::int64_t s)
    {
        return SimTime(SimDuration::seconds(s).ns());
    }
    /// The scenario start plus d.
    static constexpr SimTime fromDuration(SimDuration d) { return SimTime(d.ns()); }
    /// The end of time: a limit for "run everything", never a time an event should have.
    static constexpr SimTime max() { return SimTime(std::numeric_limits<std::int64_t>::max()); }

    constexpr std::int64_t ns() const { return m_ns; }
    /// The time since the scenario start as a duration.
    constexpr SimDuration sinceStart() const { return SimDuration::nanoseconds(m_ns); }
    /// For display and statistics only; loses precision beyond 2^53 ns (~104 days).
    constexpr double toSeconds() const { return static_cast<double>(m_ns) / 1e9; }

    constexpr SimTime &operator+=(SimDuration d) { m_ns += d.ns(); return *this; }
    constexpr SimTime &operator-=(SimDuration d) { m_ns -= d.ns(); return *this; }

    friend constexpr SimTime operator+(SimTime t, SimDuration d) { return t += d; }
    friend constexpr SimTime operator+(SimDuration d, SimTime t) { return t += d; }
    friend constexpr SimTime operator-(SimTime t, SimDuration d) { return t -= d; }
    friend constexpr SimDuration operator-(SimTime a, SimTime b)
    {
        return SimDuration::nanoseconds(a.m_ns - b.m_ns);
    }

    friend constexpr auto operator<=>(SimTime, SimTime) = default;
    friend constexpr bool operator==(SimTime, SimTime) = default;

private:
    constexpr explicit SimTime(std::int64_t ns) : m_ns(ns) {}

    std::int64_t m_ns = 0;
};

} // namespace emu
