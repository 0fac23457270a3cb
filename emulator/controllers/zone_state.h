// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "condition_status.h"

#include <string_view>
#include <vector>

namespace emu::ctrl {

/// upstream pkg/controller/nodelifecycle ZoneState: stateInitial ("Initial", a zone just
/// discovered), stateNormal, statePartialDisruption, stateFullDisruption.
enum class ZoneState { Initial, Normal, PartialDisruption, FullDisruption };

/// The upstream string values: "Initial", "Normal", "PartialDisruption", "FullDisruption".
std::string_view zoneStateName(ZoneState state);
/// The value of the emulator's zone_state metric (not an upstream metric): Initial 0, Normal 1,
/// PartialDisruption 2, FullDisruption 3.
int zoneStateCode(ZoneState state);

/// upstream Controller.ComputeZoneState over the Ready conditions of a zone's nodes (those not
/// labelled node.kubernetes.io/exclude-disruption):
///   ready    = Ready condition present and True; notReady = everything else (False, Unknown,
///              Missing);
///   ready == 0 && notReady > 0                                       -> FullDisruption
///   notReady > 2 && float32(notReady)/float32(total) >= threshold    -> PartialDisruption
///   otherwise (including an empty zone)                              -> Normal
/// The ratio is compared in float32 like upstream (--unhealthy-zone-threshold is a float32).
/// `notReadyCount`, if given, receives notReady (the unhealthy_nodes_in_zone metric).
ZoneState computeZoneState(const std::vector<ConditionStatus> &readyConditions,
                           double unhealthyZoneThreshold, int *notReadyCount = nullptr);

/// The same rule from the counts: Ready nodes and all others (not ready, unknown, missing).
ZoneState zoneStateFromCounts(int readyNodes, int notReadyNodes, double unhealthyZoneThreshold);

/// upstream metric node_collector_zone_health: float64(100*(size-notReady)) / float64(size)
/// (NaN for an empty zone, as upstream's 0/0).
double zoneHealthPercent(int zoneSize, int notReadyCount);

/// The QPS that setLimiterInZone gives a zone's tainting queue in `state`:
///   Normal            -> nodeEvictionRate (--node-eviction-rate, 0.1)
///   PartialDisruption -> ReducedQPSFunc: zoneSize > largeClusterSizeThreshold (strictly, 50)
///                        ? secondaryNodeEvictionRate (0.01) : 0
///   FullDisruption    -> HealthyQPSFunc: nodeEvictionRate (shift workloads out of a dead zone)
///   Initial           -> setLimiterInZone has no case for it: the queue keeps the limiter it was
///                        created with, NewTokenBucketRateLimiter(evictionLimiterQPS), so
///                        nodeEvictionRate.
/// Master disruption (every zone Full) is handleDisruption's business: it sets every zone to 0.
double evictionRateFor(ZoneState state, int zoneSize, double nodeEvictionRate,
                       double secondaryNodeEvictionRate, int largeClusterSizeThreshold);

} // namespace emu::ctrl
