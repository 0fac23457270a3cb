// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

namespace emu::store {

/// The status the ReplicaSet and ReplicationController controllers write (apps/v1
/// ReplicaSetStatus, core/v1 ReplicationControllerStatus have the same fields).
struct ReplicaSetStatus
{
    std::int32_t replicas = 0;
    std::int32_t fullyLabeledReplicas = 0;
    std::int32_t readyReplicas = 0;
    std::int32_t availableReplicas = 0;
    std::int64_t observedGeneration = 0;
    WorkloadConditions conditions; ///< ReplicaFailure

    bool operator==(const ReplicaSetStatus &other) const = default;
};

/// An apps/v1 ReplicaSet: the spec as written plus its typed fields, and the status.
/// Change the spec with Spec::set().
struct ReplicaSet
{
    static constexpr const char *apiVersion = "apps/v1";
    static constexpr const char *kind = "ReplicaSet";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping(); ///< the manifest's metadata as written

    struct Spec
    {
        std::int32_t replicas = 1;
        std::int32_t minReadySeconds = 0;
        WorkloadSelector selector;
        PodTemplate podTemplate;
        api::Value full = api::Value::mapping();

        static Spec fromValue(const api::Value &spec);
        void set(std::string_view key, api::Value value);
    } spec;

    ReplicaSetStatus status;
};

} // namespace emu::store
