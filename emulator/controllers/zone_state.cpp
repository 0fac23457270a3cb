// SPDX-License-Identifier: Apache-2.0
#include "zone_state.h"

#include <limits>

namespace emu::ctrl {

std::string_view zoneStateName(ZoneState state)
{
    switch (state) {
    case ZoneState::Initial:
        return "Initial";
    case ZoneState::Normal:
        return "Normal";
    case ZoneState::PartialDisruption:
        return "PartialDisruption";
    case ZoneState::FullDisruption:
        return "FullDisruption";
    }
    return {};
}

int zoneStateCode(ZoneState state)
{
    return static_cast<int>(state);
}

ZoneState computeZoneState(const std::vector<ConditionStatus> &readyConditions,
                           double unhealthyZoneThreshold, int *notReadyCount)
{
    int readyNodes = 0;
    int notReadyNodes = 0;
    for (const ConditionStatus status : readyConditions) {
        // nodeReadyConditions[i] != nil && nodeReadyConditions[i].Status == v1.ConditionTrue
        if (status == ConditionStatus::True)
            ++readyNodes;
        else
            ++notReadyNodes;
    }
    if (notReadyCount)
        *notReadyCount = notReadyNodes;
    return zoneStateFromCounts(readyNodes, notReadyNodes, unhealthyZoneThreshold);
}

ZoneState zoneStateFromCounts(int readyNodes, int notReadyNodes, double unhealthyZoneThreshold)
{
    if (readyNodes == 0 && notReadyNodes > 0)
        return ZoneState::FullDisruption;
    // notReadyNodes > 2 &&
    //     float32(notReadyNodes)/float32(notReadyNodes+readyNodes) >= nc.unhealthyZoneThreshold
    if (notReadyNodes > 2
        && static_cast<float>(notReadyNodes) / static_cast<float>(notReadyNodes + readyNodes)
               >= static_cast<float>(unhealthyZoneThreshold)) {
        return ZoneState::PartialDisruption;
    }
    return ZoneState::Normal;
}

double zoneHealthPercent(int zoneSize, int notReadyCount)
{
    if (zoneSize == 0)
        return std::numeric_limits<double>::quiet_NaN(); // upstream divides 0 by 0
    return static_cast<double>(100 * (zoneSize - notReadyCount)) / static_cast<double>(zoneSize);
}

double evictionRateFor(ZoneState state, int zoneSize, double nodeEvictionRate,
                       double secondaryNodeEvictionRate, int largeClusterSizeThreshold)
{
    switch (state) {
    case ZoneState::Normal:
        return nodeEvictionRate;
    case ZoneState::PartialDisruption:
        // ReducedQPSFunc: int32(nodeNum) > nc.largeClusterThreshold
        return zoneSize > largeClusterSizeThreshold ? secondaryNodeEvictionRate : 0.0;
    case ZoneState::FullDisruption:
        return nodeEvictionRate; // HealthyQPSFunc
    case ZoneState::Initial:
        return nodeEvictionRate; // the limiter the zone queue was created with
    }
    return nodeEvictionRate;
}

} // namespace emu::ctrl
