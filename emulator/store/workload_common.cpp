// SPDX-License-Identifier: Apache-2.0
#include "workload_common.h"

#include <algorithm>

namespace emu::store {

namespace {

api::Labels stringMapOf(const api::Value *map)
{
    api::Labels out;
    if (map && map->isMapping())
        for (std::size_t i = 0; i < map->size(); ++i)
            out[map->keyAt(i).text()] = map->valueAt(i).text();
    return out;
}

} // namespace

void PodTemplate::setValue(api::Value templateValue)
{
    value = std::move(templateValue);
    const api::Value *metadata = value.find("metadata");
    labels = stringMapOf(metadata ? metadata->find("labels") : nullptr);
    annotations = stringMapOf(metadata ? metadata->find("annotations") : nullptr);
}

api::Value *PodTemplate::container(std::string_view name)
{
    api::Value *spec = value.find("spec");
    api::Value *containers = spec ? spec->find("containers") : nullptr;
    if (!containers || !containers->isSequence())
        return nullptr;
    for (std::size_t i = 0; i < containers->size(); ++i) {
        const api::Value *n = containers->at(i).find("name");
        if (n && n->text() == name)
            return &containers->at(i);
    }
    return nullptr;
}

const WorkloadCondition *findCondition(const WorkloadConditions &conditions, std::string_view type)
{
    for (const WorkloadCondition &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

bool removeCondition(WorkloadConditions &conditions, std::string_view type)
{
    return std::erase_if(conditions, [&](const WorkloadCondition &c) { return c.type == type; }) > 0;
}

WorkloadSelector WorkloadSelector::fromLabelSelector(const api::Value *value)
{
    WorkloadSelector s;
    if (!value)
        return s;
    s.value = *value;
    if (auto parsed = api::LabelSelector::fromValue(*value))
        s.parsed = *parsed;
    return s;
}

WorkloadSelector WorkloadSelector::fromMap(const api::Value *value)
{
    WorkloadSelector s;
    if (!value)
        return s;
    s.value = *value;
    if (auto parsed = api::LabelSelector::fromMap(*value))
        s.parsed = *parsed;
    return s;
}

namespace specfield {

std::optional<std::int64_t> optionalInteger(const api::Value &spec, std::string_view key)
{
    const api::Value *v = spec.isMapping() ? spec.find(key) : nullptr;
    return v ? v->asInt() : std::nullopt;
}

std::int64_t integer(const api::Value &spec, std::string_view key, std::int64_t fallback)
{
    return optionalInteger(spec, key).value_or(fallback);
}

bool boolean(const api::Value &spec, std::string_view key, bool fallback)
{
    const api::Value *v = spec.isMapping() ? spec.find(key) : nullptr;
    return v ? v->asBool().value_or(fallback) : fallback;
}

std::string text(const api::Value &spec, std::string_view key, std::string fallback)
{
    const api::Value *v = spec.isMapping() ? spec.find(key) : nullptr;
    return v && v->isScalar() && !v->isNull() ? v->text() : fallback;
}

} // namespace specfield

} // namespace emu::store
