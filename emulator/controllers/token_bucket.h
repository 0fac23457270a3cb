// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_time.h"

#include <optional>

namespace emu::ctrl {

/// The rate limiter of client-go util/flowcontrol, driven by simulated time:
/// NewTokenBucketRateLimiter(qps, burst), a thin wrapper around golang.org/x/time/rate.Limiter,
/// and NewFakeNeverRateLimiter for qps <= 0 (what SwapLimiter installs for a stopped zone).
///
/// x/time/rate rules reproduced here:
/// - the bucket starts full (burst tokens) and refills continuously at qps tokens per second up
///   to burst (Limiter.advance: tokens += elapsed.Seconds() * limit, capped at burst);
/// - AllowN(now, 1) takes a token if, after taking it, the deficit would need no waiting
///   (reserveN with maxFutureReserve 0: the wait, truncated to whole nanoseconds, must be 0);
/// - a refused attempt changes nothing (the refill keeps accumulating from the last grant);
/// - a time before the last grant counts as no elapsed time.
///
/// Deliberate deviation: upstream stores qps as float32, so --node-eviction-rate 0.01 becomes
/// 0.0099999998 and its bucket refills 2.2 us late per token; the emulator keeps the nominal
/// double (0.01/s gives exactly one token per 100 s, as the documentation states).
///
/// No wall clock, no threads: every call is given the simulated time.
class TokenBucket
{
public:
    /// upstream NewTokenBucketRateLimiter(qps, burst); qps <= 0 (or NaN) gives the never limiter.
    explicit TokenBucket(double qps, int burst = 1);
    /// upstream NewFakeNeverRateLimiter: tryAccept is always false.
    static TokenBucket never();

    /// upstream RateLimiter.TryAccept: takes one token at `now` if one is available.
    bool tryAccept(SimTime now);

    /// The configured refill rate in tokens per second; 0 for the never limiter.
    double qps() const { return m_never ? 0.0 : m_qps; }
    /// What upstream's RateLimiter.QPS() reports: the qps for a token bucket, but 1 for the never
    /// limiter (fakeNeverRateLimiter.QPS returns 1). RateLimitedTimedQueue::swapLimiter compares
    /// against this value, as upstream does.
    double reportedQps() const { return m_never ? 1.0 : m_qps; }
    bool isNever() const { return m_never; }
    int burst() const { return m_burst; }
    /// The token level at `now` without taking one (for metrics and display); 0 for never.
    double tokens(SimTime now) const;

private:
    TokenBucket() = default;

    double advance(SimTime now) const;

    double m_qps = 0.0;
    int m_burst = 0;
    bool m_never = true;
    double m_tokens = 0.0;
    std::optional<SimTime> m_last; ///< time of the last grant; unset while the bucket is untouched
};

} // namespace emu::ctrl
