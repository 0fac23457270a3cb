// SPDX-License-Identifier: Apache-2.0
#include "job.h"

namespace emu::store {

namespace {

std::optional<std::int32_t> optional32(const api::Value &spec, std::string_view key)
{
    const auto v = specfield::optionalInteger(spec, key);
    return v ? std::optional(static_cast<std::int32_t>(*v)) : std::nullopt;
}

} // namespace

Job::Spec Job::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.parallelism = static_cast<std::int32_t>(integer(value, "parallelism", 1));
    spec.completions = optional32(value, "completions");
    spec.activeDeadlineSeconds = optionalInteger(value, "activeDeadlineSeconds");
    spec.backoffLimit = static_cast<std::int32_t>(integer(value, "backoffLimit", 6));
    spec.backoffLimitPerIndex = optional32(value, "backoffLimitPerIndex");
    spec.maxFailedIndexes = optional32(value, "maxFailedIndexes");
    spec.ttlSecondsAfterFinished = optional32(value, "ttlSecondsAfterFinished");
    spec.completionMode = text(value, "completionMode", "NonIndexed");
    spec.suspend = boolean(value, "suspend", false);
    spec.manualSelector = boolean(value, "manualSelector", false);
    spec.podReplacementPolicy = text(value, "podReplacementPolicy", "TerminatingOrFailed");
    spec.selector = WorkloadSelector::fromLabelSelector(value.find("selector"));
    if (const api::Value *t = value.find("template"))
        spec.podTemplate.setValue(*t);
    if (const api::Value *policy = value.find("podFailurePolicy"))
        spec.podFailurePolicy = *policy;
    return spec;
}

void Job::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
