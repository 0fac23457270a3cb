// SPDX-License-Identifier: Apache-2.0
#include "container_behavior.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace emu::kubelet {

namespace {

std::optional<SimDuration> durationOf(const std::optional<double> &seconds)
{
    if (!seconds)
        return std::nullopt;
    return SimDuration::fromSeconds(*seconds);
}

std::optional<SimTime> after(SimTime start, const std::optional<double> &seconds)
{
    if (!seconds)
        return std::nullopt;
    return start + SimDuration::fromSeconds(*seconds);
}

api::Quantity requestOr(const store::Container &container, const char *resource,
                        const std::optional<api::Quantity> &usage)
{
    if (usage)
        return *usage;
    const auto it = container.requests.find(resource);
    return it != container.requests.end() ? it->second : api::Quantity();
}

} // namespace

std::optional<SimDuration> ContainerBehavior::exitAfter() const
{
    return durationOf(exitAfterSeconds);
}

std::optional<SimDuration> ContainerBehavior::livenessFailAfter() const
{
    return durationOf(livenessFailAfterSeconds);
}

std::optional<SimDuration> ContainerBehavior::readinessFailAfter() const
{
    return durationOf(readinessFailAfterSeconds);
}

AppHealth ContainerBehavior::readinessHealth(SimTime runningAt) const
{
    return AppHealth::window(runningAt + readyDuration(), after(runningAt, readinessFailAfterSeconds));
}

AppHealth ContainerBehavior::livenessHealth(SimTime runningAt) const
{
    return AppHealth::window(runningAt, after(runningAt, livenessFailAfterSeconds));
}

AppHealth ContainerBehavior::startupHealth(SimTime runningAt) const
{
    return AppHealth::window(runningAt + readyDuration(), after(runningAt, livenessFailAfterSeconds));
}

api::Quantity ContainerBehavior::cpuUsage(const store::Container &container) const
{
    return requestOr(container, "cpu", cpu);
}

std::int64_t ContainerBehavior::memoryBytesAfter(const store::Container &container,
                                                 SimDuration running) const
{
    const std::int64_t base = requestOr(container, "memory", memory).value();
    const double seconds = std::max(0.0, running.toSeconds());
    const double total = static_cast<double>(base) + memoryGrowthPerSecond * seconds;
    // 2^63 is exactly representable; anything at or above it saturates.
    constexpr double limit = 9223372036854775808.0;
    if (total >= limit)
        return std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(std::llround(total));
}

} // namespace emu::kubelet
