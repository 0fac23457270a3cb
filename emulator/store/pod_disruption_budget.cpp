// SPDX-License-Identifier: Apache-2.0
#include "pod_disruption_budget.h"

namespace emu::store {

PodDisruptionBudget::Spec PodDisruptionBudget::Spec::fromValue(const api::Value &value)
{
    Spec spec;
    spec.full = value;
    if (const api::Value *v = value.find("minAvailable"))
        if (auto parsed = api::IntOrPercent::fromValue(*v))
            spec.minAvailable = *parsed;
    if (const api::Value *v = value.find("maxUnavailable"))
        if (auto parsed = api::IntOrPercent::fromValue(*v))
            spec.maxUnavailable = *parsed;
    spec.selector = WorkloadSelector::fromLabelSelector(value.find("selector"));
    spec.unhealthyPodEvictionPolicy = specfield::text(value, "unhealthyPodEvictionPolicy");
    return spec;
}

void PodDisruptionBudget::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
