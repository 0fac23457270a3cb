// SPDX-License-Identifier: Apache-2.0
#include "replication_controller.h"

namespace emu::store {

ReplicationController::Spec ReplicationController::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.replicas = static_cast<std::int32_t>(integer(value, "replicas", 1));
    spec.minReadySeconds = static_cast<std::int32_t>(integer(value, "minReadySeconds", 0));
    if (const api::Value *t = value.find("template"))
        spec.podTemplate.setValue(*t);
    // core/v1 SetDefaults_ReplicationController: an empty selector is the template's labels.
    const api::Value *selector = value.find("selector");
    if (selector && selector->isMapping() && selector->size() > 0)
        spec.selector = WorkloadSelector::fromMap(selector);
    else
        spec.selector.parsed = api::LabelSelector::fromLabels(spec.podTemplate.labels);
    return spec;
}

void ReplicationController::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
