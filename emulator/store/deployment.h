// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

#include "emulator/api/int_or_percent.h"

namespace emu::store {

/// An apps/v1 Deployment: the manifest's spec as written (defaulted), so that `--state` shows
/// it as `kubectl get -o yaml` does, with the fields the deployment controller reads typed,
/// and the status it writes. Change the spec with Spec::set(), which keeps both in step.
struct Deployment
{
    static constexpr const char *apiVersion = "apps/v1";
    static constexpr const char *kind = "Deployment";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping(); ///< the manifest's metadata as written

    struct Spec
    {
        std::int32_t replicas = 1;
        WorkloadSelector selector;
        PodTemplate podTemplate;
        std::string strategyType = "RollingUpdate"; ///< RollingUpdate, Recreate
        api::IntOrPercent maxSurge = api::IntOrPercent::fromString("25%");
        api::IntOrPercent maxUnavailable = api::IntOrPercent::fromString("25%");
        std::int32_t minReadySeconds = 0;
        std::optional<std::int32_t> revisionHistoryLimit = 10;
        std::optional<std::int32_t> progressDeadlineSeconds = 600;
        bool paused = false;
        api::Value full = api::Value::mapping(); ///< the spec as written (defaulted)

        static Spec fromValue(const api::Value &spec);
        /// Sets one field of the spec as written and decodes the typed fields again.
        void set(std::string_view key, api::Value value);
    } spec;

    struct Status
    {
        std::int64_t observedGeneration = 0;
        std::int32_t replicas = 0;
        std::int32_t updatedReplicas = 0;
        std::int32_t readyReplicas = 0;
        std::int32_t availableReplicas = 0;
        std::int32_t unavailableReplicas = 0;
        WorkloadConditions conditions;
        std::optional<std::int32_t> collisionCount;

        bool operator==(const Status &other) const = default;
    } status;
};

} // namespace emu::store
