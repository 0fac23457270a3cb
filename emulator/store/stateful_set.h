// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

#include "emulator/api/int_or_percent.h"

namespace emu::store {

/// An apps/v1 StatefulSet: the spec as written (defaulted) with its typed fields, and the
/// status. Change the spec with Spec::set().
struct StatefulSet
{
    static constexpr const char *apiVersion = "apps/v1";
    static constexpr const char *kind = "StatefulSet";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();

    struct Spec
    {
        std::int32_t replicas = 1;
        WorkloadSelector selector;
        PodTemplate podTemplate;
        std::string serviceName;
        std::string podManagementPolicy = "OrderedReady"; ///< OrderedReady, Parallel
        std::string updateStrategyType = "RollingUpdate"; ///< RollingUpdate, OnDelete
        std::int32_t partition = 0;
        std::optional<api::IntOrPercent> maxUnavailable;
        std::int32_t minReadySeconds = 0;
        std::int32_t revisionHistoryLimit = 10;
        std::int32_t ordinalsStart = 0;
        api::Value volumeClaimTemplates;                  ///< as written (a list or null)
        std::string whenDeleted = "Retain";               ///< persistentVolumeClaimRetentionPolicy
        std::string whenScaled = "Retain";
        api::Value full = api::Value::mapping();

        static Spec fromValue(const api::Value &spec);
        void set(std::string_view key, api::Value value);
    } spec;

    struct Status
    {
        std::int64_t observedGeneration = 0;
        std::int32_t replicas = 0;
        std::int32_t readyReplicas = 0;
        std::int32_t currentReplicas = 0;
        std::int32_t updatedReplicas = 0;
        std::int32_t availableReplicas = 0;
        std::string currentRevision;
        std::string updateRevision;
        std::optional<std::int32_t> collisionCount;
        WorkloadConditions conditions;

        bool operator==(const Status &other) const = default;
    } status;
};

} // namespace emu::store
