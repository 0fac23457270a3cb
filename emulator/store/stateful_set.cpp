// SPDX-License-Identifier: Apache-2.0
#include "stateful_set.h"

namespace emu::store {

StatefulSet::Spec StatefulSet::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.replicas = static_cast<std::int32_t>(integer(value, "replicas", 1));
    spec.selector = WorkloadSelector::fromLabelSelector(value.find("selector"));
    if (const api::Value *t = value.find("template"))
        spec.podTemplate.setValue(*t);
    spec.serviceName = text(value, "serviceName");
    spec.podManagementPolicy = text(value, "podManagementPolicy", "OrderedReady");
    spec.minReadySeconds = static_cast<std::int32_t>(integer(value, "minReadySeconds", 0));
    spec.revisionHistoryLimit = static_cast<std::int32_t>(integer(value, "revisionHistoryLimit", 10));
    if (const api::Value *ordinals = value.find("ordinals"); ordinals && ordinals->isMapping())
        spec.ordinalsStart = static_cast<std::int32_t>(integer(*ordinals, "start", 0));
    if (const api::Value *claims = value.find("volumeClaimTemplates"))
        spec.volumeClaimTemplates = *claims;
    if (const api::Value *strategy = value.find("updateStrategy"); strategy && strategy->isMapping()) {
        spec.updateStrategyType = text(*strategy, "type", "RollingUpdate");
        if (const api::Value *rolling = strategy->find("rollingUpdate"); rolling && rolling->isMapping()) {
            spec.partition = static_cast<std::int32_t>(integer(*rolling, "partition", 0));
            if (const api::Value *m = rolling->find("maxUnavailable"))
                if (auto parsed = api::IntOrPercent::fromValue(*m))
                    spec.maxUnavailable = *parsed;
        }
    }
    if (const api::Value *retention = value.find("persistentVolumeClaimRetentionPolicy");
        retention && retention->isMapping()) {
        spec.whenDeleted = text(*retention, "whenDeleted", "Retain");
        spec.whenScaled = text(*retention, "whenScaled", "Retain");
    }
    return spec;
}

void StatefulSet::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
