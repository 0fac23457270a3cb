// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "replica_set.h"

namespace emu::store {

/// A core/v1 ReplicationController: a ReplicaSet with an equality-only selector (a plain
/// map, defaulted to the template's labels). Change the spec with Spec::set().
struct ReplicationController
{
    static constexpr const char *apiVersion = "v1";
    static constexpr const char *kind = "ReplicationController";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();

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
