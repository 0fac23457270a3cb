// SPDX-License-Identifier: Apache-2.0
#include "replica_set.h"

namespace emu::store {

ReplicaSet::Spec ReplicaSet::Spec::fromValue(const api::Value &value)
{
    using namespace specfield;
    Spec spec;
    spec.full = value;
    spec.replicas = static_cast<std::int32_t>(integer(value, "replicas", 1));
    spec.minReadySeconds = static_cast<std::int32_t>(integer(value, "minReadySeconds", 0));
    spec.selector = WorkloadSelector::fromLabelSelector(value.find("selector"));
    if (const api::Value *t = value.find("template"))
        spec.podTemplate.setValue(*t);
    return spec;
}

void ReplicaSet::Spec::set(std::string_view key, api::Value value)
{
    api::Value updated = full;
    updated.set(key, std::move(value));
    *this = fromValue(updated);
}

} // namespace emu::store
