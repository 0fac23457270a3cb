// SPDX-License-Identifier: Apache-2.0
#include "app_health.h"

#include <algorithm>

namespace emu::kubelet {

AppHealth AppHealth::always(bool passes)
{
    AppHealth health;
    health.m_initial = passes;
    return health;
}

AppHealth AppHealth::window(SimTime from, std::optional<SimTime> until)
{
    if (until && *until <= from)
        return always(false);
    std::vector<SimTime> toggles{from};
    if (until)
        toggles.push_back(*until);
    return fromToggles(false, std::move(toggles));
}

AppHealth AppHealth::fromToggles(bool initial, std::vector<SimTime> toggles)
{
    std::sort(toggles.begin(), toggles.end());
    // Two toggles at the same time cancel out.
    std::vector<SimTime> kept;
    for (std::size_t i = 0; i < toggles.size();) {
        std::size_t j = i;
        while (j < toggles.size() && toggles[j] == toggles[i])
            ++j;
        if ((j - i) % 2 == 1)
            kept.push_back(toggles[i]);
        i = j;
    }
    AppHealth health;
    health.m_initial = initial;
    health.m_toggles = std::move(kept);
    return health;
}

bool AppHealth::passesAt(SimTime t) const
{
    // The number of toggles at or before t decides the parity.
    const auto passed = std::upper_bound(m_toggles.begin(), m_toggles.end(), t) - m_toggles.begin();
    return (passed % 2 == 0) ? m_initial : !m_initial;
}

std::optional<SimTime> AppHealth::nextChangeAfter(SimTime t) const
{
    const auto it = std::upper_bound(m_toggles.begin(), m_toggles.end(), t);
    if (it == m_toggles.end())
        return std::nullopt;
    return *it;
}

} // namespace emu::kubelet
