// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

namespace emu::store {

/// A reference to an object (core/v1 ObjectReference), as CronJob status.active lists Jobs.
struct ObjectReference
{
    std::string apiVersion;
    std::string kind;
    std::string namespaceName;
    std::string name;
    std::string uid;
    std::uint64_t resourceVersion = 0;

    bool operator==(const ObjectReference &other) const = default;
};

/// A batch/v1 CronJob: the spec as written (defaulted) with its typed fields, and the
/// status. Change the spec with Spec::set().
struct CronJob
{
    static constexpr const char *apiVersion = "batch/v1";
    static constexpr const char *kind = "CronJob";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();

    struct Spec
    {
        std::string schedule;
        std::optional<std::string> timeZone;
        std::optional<std::int64_t> startingDeadlineSeconds;
        std::string concurrencyPolicy = "Allow"; ///< Allow, Forbid, Replace
        bool suspend = false;
        std::int32_t successfulJobsHistoryLimit = 3;
        std::int32_t failedJobsHistoryLimit = 1;
        api::Value jobTemplate = api::Value::mapping(); ///< {metadata, spec} as written
        api::Value full = api::Value::mapping();

        static Spec fromValue(const api::Value &spec);
        void set(std::string_view key, api::Value value);
    } spec;

    struct Status
    {
        std::vector<ObjectReference> active;
        std::optional<SimTime> lastScheduleTime;
        std::optional<SimTime> lastSuccessfulTime;

        bool operator==(const Status &other) const = default;
    } status;
};

} // namespace emu::store
