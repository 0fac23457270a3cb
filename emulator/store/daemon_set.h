// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

#include "emulator/api/int_or_percent.h"

namespace emu::store {

/// An apps/v1 DaemonSet: the spec as written (defaulted) with its typed fields, and the
/// status. Change the spec with Spec::set().
struct DaemonSet
{
    static constexpr const char *apiVersion = "apps/v1";
    static constexpr const char *kind = "DaemonSet";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();

    struct Spec
    {
        WorkloadSelector selector;
        PodTemplate podTemplate;
        std::string updateStrategyType = "RollingUpdate"; ///< RollingUpdate, OnDelete
        api::IntOrPercent maxUnavailable = api::IntOrPercent::fromInt(1);
        api::IntOrPercent maxSurge = api::IntOrPercent::fromInt(0);
        std::int32_t minReadySeconds = 0;
        std::int32_t revisionHistoryLimit = 10;
        api::Value full = api::Value::mapping();

        static Spec fromValue(const api::Value &spec);
        void set(std::string_view key, api::Value value);
    } spec;

    struct Status
    {
        std::int32_t currentNumberScheduled = 0;
        std::int32_t numberMisscheduled = 0;
        std::int32_t desiredNumberScheduled = 0;
        std::int32_t numberReady = 0;
        std::int64_t observedGeneration = 0;
        std::int32_t updatedNumberScheduled = 0;
        std::int32_t numberAvailable = 0;
        std::int32_t numberUnavailable = 0;
        std::optional<std::int32_t> collisionCount;
        WorkloadConditions conditions;

        bool operator==(const Status &other) const = default;
    } status;
};

} // namespace emu::store
