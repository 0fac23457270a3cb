// SPDX-License-Identifier: Apache-2.0
#include "scenario_spec.h"

#include "civil_time.h"
#include "scenario_action_decoder.h"
#include "spec_field_reader.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace emu::api {

namespace {

using Type = ScenarioSpec::ActionType;

constexpr std::array<std::pair<Type, std::string_view>, 23> kActionNames = {{
    {Type::NodeCrash, "NodeCrash"},
    {Type::KubeletStop, "KubeletStop"},
    {Type::KubeletStart, "KubeletStart"},
    {Type::NetworkPartition, "NetworkPartition"},
    {Type::NetworkHeal, "NetworkHeal"},
    {Type::NodeRecover, "NodeRecover"},
    {Type::ZoneOutage, "ZoneOutage"},
    {Type::ZoneRecover, "ZoneRecover"},
    {Type::SetCondition, "SetCondition"},
    {Type::AddNode, "AddNode"},
    {Type::RemoveNode, "RemoveNode"},
    {Type::GracefulShutdown, "GracefulShutdown"},
    {Type::ContainerCrash, "ContainerCrash"},
    {Type::ImagePullFailure, "ImagePullFailure"},
    {Type::DeletePod, "DeletePod"},
    {Type::Apply, "Apply"},
    {Type::Cordon, "Cordon"},
    {Type::Uncordon, "Uncordon"},
    {Type::Drain, "Drain"},
    {Type::Scale, "Scale"},
    {Type::SetImage, "SetImage"},
    {Type::Delete, "Delete"},
    {Type::Rollback, "Rollback"},
}};

std::optional<std::uint64_t> readSeed(SpecFieldReader &r, const Value &v)
{
    // Above 2^63-1 the YAML resolver yields a float; its decimal text is still exact.
    if (v.kind() != ValueKind::Int && v.kind() != ValueKind::Float) {
        r.error(v, "spec.seed", std::string("must be an unsigned integer, not ") + Value::describe(v.kind()));
        return std::nullopt;
    }
    if (const auto i = v.asInt()) {
        if (*i < 0) {
            r.error(v, "spec.seed", "must not be negative");
            return std::nullopt;
        }
        return static_cast<std::uint64_t>(*i);
    }
    std::uint64_t seed = 0;
    const std::string &text = v.text();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (ec != std::errc() || end != text.data() + text.size()) {
        r.error(v, "spec.seed", "must be an unsigned 64-bit integer, not " + text);
        return std::nullopt;
    }
    return seed;
}

} // namespace

std::optional<ScenarioSpec::ActionType> ScenarioSpec::actionTypeFromName(std::string_view name)
{
    for (const auto &[type, n] : kActionNames) {
        if (n == name)
            return type;
    }
    return std::nullopt;
}

std::string_view ScenarioSpec::actionTypeName(ActionType type)
{
    for (const auto &[t, n] : kActionNames) {
        if (t == type)
            return n;
    }
    return {};
}

std::vector<std::string_view> ScenarioSpec::knownActionTypes()
{
    std::vector<std::string_view> names;
    for (const auto &entry : kActionNames)
        names.push_back(entry.second);
    return names;
}

ScenarioSpec ScenarioSpec::fromObject(const Value &object, const std::string &file, Diagnostics &out)
{
    SpecFieldReader r(file, out);
    ScenarioSpec spec;
    const Value *s = r.mappingField(object, "spec", "spec");
    if (!s)
        return spec;
    r.warnUnknownFields(*s, {"duration", "seed", "startTime", "actions"}, "spec");

    if (const Value *v = SpecFieldReader::field(*s, "duration")) {
        const auto ms = r.durationMs(*v, "spec.duration");
        if (ms && *ms <= 0)
            r.error(*v, "spec.duration", "must be positive");
        else if (ms)
            spec.durationMs = *ms;
    }
    if (const Value *v = SpecFieldReader::field(*s, "seed")) {
        if (const auto seed = readSeed(r, *v))
            spec.seed = *seed;
    }
    if (const Value *v = SpecFieldReader::field(*s, "startTime")) {
        if (const auto text = r.stringValue(*v, "spec.startTime")) {
            if (const auto ms = CivilTime::parseRfc3339Ms(*text)) {
                spec.startTime = *text;
                spec.startTimeMs = *ms;
            } else {
                r.error(*v, "spec.startTime",
                        "invalid RFC 3339 time \"" + *text + "\" (expected e.g. \"2026-01-01T00:00:00Z\" or "
                        "\"2026-01-01T02:00:00.5+02:00\")");
            }
        }
    }
    if (const Value *list = r.sequenceField(*s, "actions", "spec.actions")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = SpecFieldReader::indexed("spec.actions", i);
            auto action = ScenarioActionDecoder::decode(r, list->at(i), path);
            if (!action)
                continue;
            action->sourceIndex = i;
            if (action->atMs > spec.durationMs) {
                const Value *at = list->at(i).find("at");
                r.warning(at ? *at : list->at(i), path + ".at",
                          "is after the end of the scenario (spec.duration); the action never runs");
            }
            spec.actions.push_back(std::move(*action));
        }
        // Stable: actions at the same instant run in the order they were written.
        std::stable_sort(spec.actions.begin(), spec.actions.end(),
                         [](const Action &a, const Action &b) { return a.atMs < b.atMs; });
    }
    return spec;
}

} // namespace emu::api
