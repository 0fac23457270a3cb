// SPDX-License-Identifier: Apache-2.0
#include "sim_duration.h"

#include <cmath>

namespace emu {

SimDuration SimDuration::fromSeconds(double s)
{
    assert(!std::isnan(s));
    if (std::isnan(s))
        return {};
    const double ns = std::round(s * 1e9); // std::round: halves away from zero on every platform
    // 2^63 is exactly representable; anything at or beyond it does not fit in int64.
    constexpr double limit = 9223372036854775808.0;
    assert(ns < limit && ns >= -limit);
    if (ns >= limit)
        return max();
    if (ns < -limit)
        return nanoseconds(std::numeric_limits<std::int64_t>::min());
    return nanoseconds(static_cast<std::int64_t>(ns));
}

} // namespace emu
