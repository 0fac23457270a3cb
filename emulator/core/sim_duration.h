// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cassert>
#include <compare>
#include <cstdint>
#include <limits>

namespace emu {

/// A span of simulated time in integer nanoseconds (ns-3's default resolution); may be negative.
/// A value type with no implicit conversion to or from double, so that the engine's arithmetic
/// is exact and a run is bit-for-bit reproducible. The range is about +-292 years; overflowing it
/// is a programmer error (asserted in debug builds by the named constructors).
/// Not synchronised: like any value type, copy it across threads.
class SimDuration
{
public:
    constexpr SimDuration() = default;

    static constexpr SimDuration nanoseconds(std::int64_t ns) { return SimDuration(ns); }
    static constexpr SimDuration microseconds(std::int64_t us) { return scaled(us, 1'000); }
    static constexpr SimDuration milliseconds(std::int64_t ms) { return scaled(ms, 1'000'000); }
    static constexpr SimDuration seconds(std::int64_t s) { return scaled(s, 1'000'000'000); }
    static constexpr SimDuration minutes(std::int64_t m) { return scaled(m, 60'000'000'000); }
    static constexpr SimDuration hours(std::int64_t h) { return scaled(h, 3'600'000'000'000); }
    static constexpr SimDuration zero() { return SimDuration(); }
    static constexpr SimDuration max()
    {
        return SimDuration(std::numeric_limits<std::int64_t>::max());
    }

    /// Seconds as a double (e.g. from a user setting), rounded to the nearest nanosecond, halves
    /// away from zero. NaN gives zero; values beyond the range saturate. Both are asserted.
    static SimDuration fromSeconds(double s);

    constexpr std::int64_t ns() const { return m_ns; }
    /// Whole milliseconds, truncated toward zero.
    constexpr std::int64_t ms() const { return m_ns / 1'000'000; }
    /// For display and statistics only; the double loses precision beyond 2^53 ns (~104 days).
    constexpr double toSeconds() const { return static_cast<double>(m_ns) / 1e9; }

    constexpr SimDuration operator-() const { return SimDuration(-m_ns); }
    constexpr SimDuration &operator+=(SimDuration d) { m_ns += d.m_ns; return *this; }
    constexpr SimDuration &operator-=(SimDuration d) { m_ns -= d.m_ns; return *this; }
    constexpr SimDuration &operator*=(std::int64_t k) { m_ns *= k; return *this; }
    /// Integer division, truncated toward zero.
    constexpr SimDuration &operator/=(std::int64_t k) { m_ns /= k; return *this; }

    friend constexpr SimDuration operator+(SimDuration a, SimDuration b) { return a += b; }
    friend constexpr SimDuration operator-(SimDuration a, SimDuration b) { return a -= b; }
    friend constexpr SimDuration operator*(SimDuration a, std::int64_t k) { return a *= k; }
    friend constexpr SimDuration operator*(std::int64_t k, SimDuration a) { return a *= k; }
    friend constexpr SimDuration operator/(SimDuration a, std::int64_t k) { return a /= k; }
    /// How many times b fits in a, truncated toward zero (b must not be zero).
    friend constexpr std::int64_t operator/(SimDuration a, SimDuration b)
    {
        return a.m_ns / b.m_ns;
    }
    friend constexpr SimDuration operator%(SimDuration a, SimDuration b)
    {
        return SimDuration(a.m_ns % b.m_ns);
    }

    friend constexpr auto operator<=>(SimDuration, SimDuration) = default;
    friend constexpr bool operator==(SimDuration, SimDuration) = default;

private:
    constexpr explicit SimDuration(std::int64_t ns) : m_ns(ns) {}

    static constexpr SimDuration scaled(std::int64_t count, std::int64_t unitNs)
    {
        assert(count <= std::numeric_limits<std::int64_t>::max() / unitNs
               && count >= std::numeric_limits<std::int64_t>::min() / unitNs);
        return SimDuration(count * unitNs);
    }

    std::int64_t m_ns = 0;
};

} // namespace emu
