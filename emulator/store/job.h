// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"
#include "workload_common.h"

namespace emu::store {

/// A batch/v1 Job: the spec as written (defaulted) with its typed fields, and the status.
/// Change the spec with Spec::set().
struct Job
{
    static constexpr const char *apiVersion = "batch/v1";
    static constexpr const char *kind = "Job";

    ObjectMeta meta;
    api::Value metadata = api::Value::mapping();

    struct Spec
    {
        std::int32_t parallelism = 1;
        std::optional<std::int32_t> completions;
        std::optional<std::int64_t> activeDeadlineSeconds;
        std::int32_t backoffLimit = 6;
        std::optional<std::int32_t> backoffLimitPerIndex;
        std::optional<std::int32_t> maxFailedIndexes;
        std::optional<std::int32_t> ttlSecondsAfterFinished;
        std::string completionMode = "NonIndexed"; ///< NonIndexed, Indexed
        bool suspend = false;
        bool manualSelector = false;
        std::string podReplacementPolicy = "TerminatingOrFailed";
        WorkloadSelector selector;  ///< generated from the Job's uid unless manualSelector
        PodTemplate podTemplate;
        api::Value podFailurePolicy; ///< as written (a mapping or null)
        api::Value full = api::Value::mapping();

        static Spec fromValue(const api::Value &spec);
        void set(std::string_view key, api::Value value);
    } spec;

    struct Status
    {
        WorkloadConditions conditions; ///< Complete, Failed, Suspended, FailureTarget, SuccessCriteriaMet
        std::optional<SimTime> startTime;
        std::optional<SimTime> completionTime;
        std::int32_t active = 0;
        std::int32_t succeeded = 0;
        std::int32_t failed = 0;
        std::optional<std::int32_t> terminating;
        std::optional<std::int32_t> ready;
        std::string completedIndexes;
        std::optional<std::string> failedIndexes;

        bool operator==(const Status &other) const = default;
    } status;
};

} // namespace emu::store
