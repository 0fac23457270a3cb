// SPDX-License-Identifier: Apache-2.0
#include "token_bucket.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace emu::ctrl {

namespace {

constexpr std::int64_t kNsPerSecond = 1'000'000'000;

// Go time.Duration.Seconds(): whole seconds and the nanosecond remainder converted separately.
double goSeconds(SimDuration d)
{
    const std::int64_t sec = d.ns() / kNsPerSecond;
    const std::int64_t nsec = d.ns() % kNsPerSecond;
    return static_cast<double>(sec) + static_cast<double>(nsec) / 1e9;
}

// x/time/rate Limit.durationFromTokens, truncated to whole nanoseconds like time.Duration(f).
// Returns false for "infinite" (the InfDuration cap).
bool durationFromTokens(double tokens, double limit, std::int64_t *ns)
{
    const double duration = (tokens / limit) * static_cast<double>(kNsPerSecond);
    if (!(duration < static_cast<double>(std::numeric_limits<std::int64_t>::max())))
        return false;
    *ns = static_cast<std::int64_t>(duration);
    return true;
}

} // namespace

TokenBucket::TokenBucket(double qps, int burst)
    : m_qps(qps)
    , m_burst(burst)
    // upstream SwapLimiter: newQPS <= 0 -> flowcontrol.NewFakeNeverRateLimiter().
    , m_never(!(qps > 0.0))
    // x/time/rate NewLimiter: the bucket is initially filled with burst tokens.
    , m_tokens(static_cast<double>(burst))
{
}

TokenBucket TokenBucket::never()
{
    return TokenBucket();
}

// x/time/rate Limiter.advance: the token level at `now`, without changing the limiter.
double TokenBucket::advance(SimTime now) const
{
    if (!m_last)
        return m_tokens;
    SimTime last = *m_last;
    if (now < last)
        last = now;
    const double tokens = m_tokens + goSeconds(now - last) * m_qps;
    const double burst = static_cast<double>(m_burst);
    return tokens > burst ? burst : tokens;
}

double TokenBucket::tokens(SimTime now) const
{
    if (m_never)
        return 0.0;
    if (std::isinf(m_qps))
        return static_cast<double>(m_burst);
    return advance(now);
}

// client-go tokenBucketRateLimiter.TryAccept -> rate.Limiter.AllowN(now, 1) -> reserveN(now, 1, 0).
bool TokenBucket::tryAccept(SimTime now)
{
    if (m_never)
        return false; // fakeNeverRateLimiter.TryAccept
    if (std::isinf(m_qps))
        return true; // rate.Inf: every event is allowed
    double tokens = advance(now) - 1.0;
    std::int64_t waitNs = 0;
    if (tokens < 0.0 && !durationFromTokens(-tokens, m_qps, &waitNs))
        return false;
    // ok := n <= lim.burst && waitDuration <= maxFutureReserve (0 for Allow)
    if (1 > m_burst || waitNs > 0)
        return false;
    m_last = now;
    m_tokens = tokens;
    return true;
}

} // namespace emu::ctrl
