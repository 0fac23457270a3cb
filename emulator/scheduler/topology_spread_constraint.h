// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/label_selector.h"
#include "emulator/api/labels.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {
class Value;
}

namespace emu::sched {

/// upstream: core/v1 UnsatisfiableConstraintAction
enum class WhenUnsatisfiable { DoNotSchedule, ScheduleAnyway };

/// One topologySpreadConstraint as the scheduler uses it (upstream podtopologyspread
/// topologySpreadConstraint), with the defaults applied.
struct TopologySpreadConstraint
{
    std::int32_t maxSkew = 1;
    std::string topologyKey;
    WhenUnsatisfiable whenUnsatisfiable = WhenUnsatisfiable::DoNotSchedule;
    /// `labelSelector` with `matchLabelKeys` merged in; absent selects no pod.
    api::LabelSelector selector = api::LabelSelector::nothing();
    std::int32_t minDomains = 1;           ///< upstream default 1
    bool nodeAffinityPolicyHonor = true;   ///< nodeAffinityPolicy, default Honor
    bool nodeTaintsPolicyHonor = false;    ///< nodeTaintsPolicy, default Ignore
};

/// upstream: the system default constraints of PodTopologySpreadArgs (defaultingType
/// System): spread over hostnames with maxSkew 3 and over zones with maxSkew 5, both
/// ScheduleAnyway, for pods without constraints that a Service, ReplicationController,
/// ReplicaSet or StatefulSet selects.
std::vector<TopologySpreadConstraint> systemDefaultSpreadConstraints();

/// upstream filterTopologySpreadConstraints: the pod's constraints with this action, with
/// `matchLabelKeys` values taken from the pod's labels. nullopt if one does not parse (the
/// apiserver would have rejected the pod).
std::optional<std::vector<TopologySpreadConstraint>>
parseTopologySpreadConstraints(const api::Value &constraints, const api::Labels &podLabels,
                               WhenUnsatisfiable action);

} // namespace emu::sched
