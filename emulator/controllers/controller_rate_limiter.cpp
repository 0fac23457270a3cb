// SPDX-License-Identifier: Apache-2.0
#include "controller_rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace emu::ctrl {

SimDuration ControllerRateLimiter::when(const std::string &key, SimTime now)
{
    // ItemExponentialFailureRateLimiter.When: baseDelay * 2^failures, capped at maxDelay.
    const int exponent = m_failures[key]++;
    const double backoff = static_cast<double>(m_settings.baseDelay.ns()) * std::pow(2.0, exponent);
    const SimDuration exponential = backoff > static_cast<double>(m_settings.maxDelay.ns())
                                        ? m_settings.maxDelay
                                        : SimDuration::nanoseconds(static_cast<std::int64_t>(backoff));
    return std::max(exponential, reserveToken(now));
}

int ControllerRateLimiter::numRequeues(const std::string &key) const
{
    const auto it = m_failures.find(key);
    return it == m_failures.end() ? 0 : it->second;
}

// x/time/rate Limiter.Reserve: always granted, possibly in the future; the bucket may go
// into debt, which later reservations wait out.
SimDuration ControllerRateLimiter::reserveToken(SimTime now)
{
    if (m_last && now > *m_last)
        m_tokens = std::min<double>(m_settings.burst, m_tokens + (now - *m_last).toSeconds() * m_settings.qps);
    if (!m_last || now > *m_last)
        m_last = now;
    m_tokens -= 1;
    if (m_tokens >= 0)
        return SimDuration();
    return SimDuration::nanoseconds(static_cast<std::int64_t>(-m_tokens / m_settings.qps * 1e9));
}

} // namespace emu::ctrl
