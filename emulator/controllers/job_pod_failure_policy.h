// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/store/pod.h"

#include <optional>
#include <string>

namespace emu::ctrl {

/// The outcome of a Job's podFailurePolicy for one failed pod (upstream
/// pkg/controller/job/pod_failure_policy.go matchPodFailurePolicy).
struct PodFailurePolicyMatch
{
    std::string action;  ///< FailJob, FailIndex, Ignore, Count
    std::string message; ///< for FailJob: the Job's failure message
};

/// The first rule of `policy` (spec.podFailurePolicy, a mapping with `rules`) that matches the
/// failed pod: onExitCodes (In / NotIn, an optional containerName; only containers that
/// terminated with a non-zero code count) or onPodConditions (type and status, default True).
/// nullopt when no rule matches (the failure counts toward backoffLimit).
std::optional<PodFailurePolicyMatch> matchPodFailurePolicy(const api::Value &policy, const store::Pod &pod);

} // namespace emu::ctrl
