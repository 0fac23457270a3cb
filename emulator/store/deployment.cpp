// SPDX-License-Identifier: Apache-2.0
#include "deployment.h"

namespace emu::store {

namespace {

std::optional<api::IntOrPercent> intOrPercent(const api::Value *v)
{
    if (!v)
        return std::nullopt;
    auto parsed = api::IntOrPercent::fromValue(*v);
    return parsed ? std::optional(*parsed) : std::nullopt;
}

} // namespace

Deployment::Spec Deployment::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.replicas = static_cast<std::int32_t>(integer(value, "replicas", 1));
    spec.selector = WorkloadSelector::fromLabelSelector(value.find("selector"));
    if (const api::Value *t = value.find("template"))
        spec.podTemplate.setValue(*t);
    spec.minReadySeconds = static_cast<std::int32_t>(integer(value, "minReadySeconds", 0));
    spec.paused = boolean(value, "paused", false);
    // Absent means "never" for both once defaulting ran (apps/v1 defaults them to 10 / 600).
    if (const auto limit = optionalInteger(value, "revisionHistoryLimit"))
        spec.revisionHistoryLimit = static_cast<std::int32_t>(*limit);
    else
        spec.revisionHistoryLimit.reset();
    if (const auto deadline = optionalInteger(value, "progressDeadlineSeconds"))
        spec.progressDeadlineSeconds = static_cast<std::int32_t>(*deadline);
    else
        spec.progressDeadlineSeconds.reset();
    if (const api::Value *strategy = value.find("strategy"); strategy && strategy->isMapping()) {
        spec.strategyType = text(*strategy, "type", "RollingUpdate");
        if (const api::Value *rolling = strategy->find("rollingUpdate"); rolling && rolling->isMapping()) {
            spec.maxSurge = intOrPercent(rolling->find("maxSurge")).value_or(spec.maxSurge);
            spec.maxUnavailable = intOrPercent(rolling->find("maxUnavailable")).value_or(spec.maxUnavailable);
        }
    }
    return spec;
}

void Deployment::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
