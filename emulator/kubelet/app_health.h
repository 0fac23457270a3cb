// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_time.h"

#include <optional>
#include <vector>

namespace emu::kubelet {

/// Whether an emulated application would pass a probe made at time t: a piecewise-constant
/// function of simulated time, described by its value at the start and the times at which it
/// changes. Being explicit data (not a callback) lets ProbeTracker jump over whole stretches of
/// identical probe outcomes in O(1) and know exactly when nothing can change any more.
/// A value type.
class AppHealth
{
public:
    /// Never passes.
    AppHealth() = default;

    static AppHealth always(bool passes);
    /// Passes from `from` (inclusive) until `until` (exclusive; nullopt: for ever). An empty
    /// window (until <= from) never passes.
    static AppHealth window(SimTime from, std::optional<SimTime> until);
    /// `initial` before the first toggle, flipped at each toggle time (sorted and deduplicated
    /// here; a time given twice cancels out).
    static AppHealth fromToggles(bool initial, std::vector<SimTime> toggles);

    bool passesAt(SimTime t) const;
    /// The first time strictly after t at which passesAt() changes; nullopt if it never does.
    std::optional<SimTime> nextChangeAfter(SimTime t) const;

private:
    bool m_initial = false;
    std::vector<SimTime> m_toggles; ///< strictly increasing
};

} // namespace emu::kubelet
