// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_time.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace emu::ctrl {

/// client-go's workqueue.DefaultControllerRateLimiter in simulated time: the larger of
/// - ItemExponentialFailureRateLimiter(5 ms, 1000 s): a key's n-th requeue in a row waits
///   5 ms × 2^n, at most 1000 s, until forget();
/// - BucketRateLimiter(10 qps, burst 100): an x/time/rate Reservation, so requeues of all
///   keys together go no faster than 10 per second after a burst of 100.
/// Engine thread only.
class ControllerRateLimiter
{
public:
    struct Settings
    {
        SimDuration baseDelay = SimDuration::milliseconds(5);
        SimDuration maxDelay = SimDuration::seconds(1000);
        double qps = 10;
        int burst = 100;
    };

    ControllerRateLimiter() : ControllerRateLimiter(Settings{}) {}
    explicit ControllerRateLimiter(Settings settings) : m_settings(settings), m_tokens(settings.burst) {}

    /// How long the key waits before its next try (counts one more failure).
    SimDuration when(const std::string &key, SimTime now);
    /// The key succeeded: its exponential back-off starts again.
    void forget(const std::string &key) { m_failures.erase(key); }
    int numRequeues(const std::string &key) const;

private:
    SimDuration reserveToken(SimTime now);

    Settings m_settings;
    std::unordered_map<std::string, int> m_failures;
    double m_tokens;
    std::optional<SimTime> m_last;
};

} // namespace emu::ctrl
