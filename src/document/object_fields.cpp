// SPDX-License-Identifier: Apache-2.0
#include "object_fields.h"

namespace app::document::ObjectFields {

using emu::api::Value;

std::string text(const Value *value)
{
    return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

const Value *at(const Value &root, std::initializer_list<std::string_view> keys)
{
    const Value *current = &root;
    for (std::string_view key : keys) {
        if (!current->isMapping())
            return nullptr;
        current = current->find(key);
        if (!current)
            return nullptr;
    }
    return current;
}

emu::api::Labels stringMap(const Value *map)
{
    emu::api::Labels out;
    if (!map || !map->isMapping())
        return out;
    for (std::size_t i = 0; i < map->size(); ++i)
        out[map->keyAt(i).text()] = text(&map->valueAt(i));
    return out;
}

emu::api::Labels labels(const Value &object)
{
    return stringMap(at(object, {"metadata", "labels"}));
}

bool isWorkloadKind(std::string_view kind)
{
    return kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet"
           || kind == "DaemonSet" || kind == "Job" || kind == "CronJob"
           || kind == "ReplicationController";
}

const Value *podTemplate(const Value &object, std::string_view kind)
{
    if (kind == "Pod")
        return object.isMapping() ? &object : nullptr;
    if (kind == "CronJob")
        return at(object, {"spec", "jobTemplate", "spec", "template"});
    if (isWorkloadKind(kind))
        return at(object, {"spec", "template"});
    return nullptr;
}

std::string podTemplatePath(std::string_view kind)
{
    if (kind == "Pod")
        return {};
    if (kind == "CronJob")
        return "spec.jobTemplate.spec.template";
    return "spec.template";
}

emu::api::Labels podTemplateLabels(const Value &object, std::string_view kind)
{
    const Value *tmpl = podTemplate(object, kind);
    return tmpl ? labels(*tmpl) : emu::api::Labels();
}

} // namespace app::document::ObjectFields
