// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

#include "emulator/api/int_or_percent.h"

#include <map>

namespace emu::store {

/// A policy/v1 PodDisruptionBudget: the spec as written with its typed fields, and the
/// status the disruption controller and the Eviction API write.
struct PodDisruptionBudget
{
    static constexpr const char *apiVersion = "policy/v1";
    static constexpr const char *kind = "PodDisruptionBudget";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();

    struct Spec
    {
        std::optional<api::IntOrPercent> minAvailable;
        std::optional<api::IntOrPercent> maxUnavailable;
        /// policy/v1: an absent selector selects no pod, an empty one ({}) every pod of the
        /// namespace.
        WorkloadSelector selector;
        std::string unhealthyPodEvictionPolicy; ///< "" (= IfHealthyBudget), IfHealthyBudget, AlwaysAllow
        api::Value full = api::Value::mapping();

        static Spec fromValue(const api::Value &spec);
        void set(std::string_view key, api::Value value);
    } spec;

    struct Status
    {
        std::int64_t observedGeneration = 0;
        /// Pods the Eviction API allowed to go and the time it did; the controller does not
        /// count them as healthy until they are deleted or 2 minutes pass.
        std::map<std::string, SimTime> disruptedPods;
        std::int32_t disruptionsAllowed = 0;
        std::int32_t currentHealthy = 0;
        std::int32_t desiredHealthy = 0;
        std::int32_t expectedPods = 0;
        WorkloadConditions conditions; ///< DisruptionAllowed

        bool operator==(const Status &other) const = default;
    } status;
};

} // namespace emu::store
