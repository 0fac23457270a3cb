// SPDX-License-Identifier: Apache-2.0
#include "daemon_set.h"

namespace emu::store {

DaemonSet::Spec DaemonSet::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.selector = WorkloadSelector::fromLabelSelector(value.find("selector"));
    if (const api::Value *t = value.find("template"))
        spec.podTemplate.setValue(*t);
    spec.minReadySeconds = static_cast<std::int32_t>(integer(value, "minReadySeconds", 0));
    spec.revisionHistoryLimit = static_cast<std::int32_t>(integer(value, "revisionHistoryLimit", 10));
    if (const api::Value *strategy = value.find("updateStrategy"); strategy && strategy->isMapping()) {
        spec.updateStrategyType = text(*strategy, "type", "RollingUpdate");
        if (const api::Value *rolling = strategy->find("rollingUpdate"); rolling && rolling->isMapping()) {
            if (const api::Value *m = rolling->find("maxUnavailable"))
                if (auto parsed = api::IntOrPercent::fromValue(*m))
                    spec.maxUnavailable = *parsed;
            if (const api::Value *m = rolling->find("maxSurge"))
                if (auto parsed = api::IntOrPercent::fromValue(*m))
                    spec.maxSurge = *parsed;
        }
    }
    return spec;
}

void DaemonSet::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
