// SPDX-License-Identifier: Apache-2.0
#include "scenario_action_decoder.h"

#include "spec_field_reader.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace emu::api {

namespace {

using Type = ScenarioSpec::ActionType;
using Form = ScenarioSpec::Target::Form;

enum class TargetRule { None, NodeLike, Zone, Object };
enum class FieldType { String, Enum, NonNegativeInt, PositiveInt, ExitCode, Duration, Manifest, Bool };

struct FieldRule
{
    std::string_view name;
    FieldType type;
    bool required;
    std::vector<std::string_view> allowed = {}; ///< for Enum
};

struct ActionRule
{
    Type type;
    TargetRule target;
    std::vector<FieldRule> fields;
    std::vector<std::string_view> kinds = {}; ///< for Object targets; empty: any kind
};

const std::vector<std::string_view> kConditions = {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure",
                                                   "NetworkUnavailable"};
const std::vector<std::string_view> kStatuses = {"True", "False", "Unknown"};
// metav1.DeletionPropagation values.
const std::vector<std::string_view> kPropagation = {"Background", "Foreground", "Orphan"};

const std::vector<ActionRule> &rules()
{
    static const std::vector<ActionRule> table = {
        {Type::NodeCrash, TargetRule::NodeLike, {}},
        {Type::KubeletStop, TargetRule::NodeLike, {}},
        {Type::KubeletStart, TargetRule::NodeLike, {}},
        {Type::NetworkPartition, TargetRule::NodeLike, {}},
        {Type::NetworkHeal, TargetRule::NodeLike, {}},
        {Type::NodeRecover, TargetRule::NodeLike, {}},
        {Type::ZoneOutage, TargetRule::Zone, {}},
        {Type::ZoneRecover, TargetRule::Zone, {}},
        {Type::SetCondition, TargetRule::NodeLike,
         {{"condition", FieldType::Enum, true, kConditions}, {"status", FieldType::Enum, true, kStatuses},
          {"reason", FieldType::String, false}, {"message", FieldType::String, false}}},
        {Type::AddNode, TargetRule::None,
         {{"pool", FieldType::String, true}, {"count", FieldType::PositiveInt, true}}},
        {Type::RemoveNode, TargetRule::NodeLike, {}},
        {Type::GracefulShutdown, TargetRule::NodeLike, {}},
        {Type::ContainerCrash, TargetRule::Object,
         {{"container", FieldType::String, true}, {"exitCode", FieldType::ExitCode, true}}},
        {Type::ImagePullFailure, TargetRule::None,
         {{"image", FieldType::String, true}, {"node", FieldType::String, false},
          {"until", FieldType::Duration, false}}},
        {Type::DeletePod, TargetRule::Object, {{"gracePeriodSeconds", FieldType::NonNegativeInt, false}}, {"Pod"}},
        {Type::Apply, TargetRule::None, {{"manifest", FieldType::Manifest, true}}},
        {Type::Cordon, TargetRule::NodeLike, {}},
        {Type::Uncordon, TargetRule::NodeLike, {}},
        // kubectl drain --force, --ignore-daemonsets, --delete-emptydir-data, --grace-period, --timeout
        {Type::Drain, TargetRule::NodeLike,
         {{"force", FieldType::Bool, false}, {"ignoreDaemonSets", FieldType::Bool, false},
          {"deleteEmptyDirData", FieldType::Bool, false}, {"gracePeriodSeconds", FieldType::NonNegativeInt, false},
          {"timeout", FieldType::Duration, false}}},
        {Type::Scale, TargetRule::Object, {{"replicas", FieldType::NonNegativeInt, true}},
         {"Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"}},
        {Type::SetImage, TargetRule::Object,
         {{"container", FieldType::String, true}, {"image", FieldType::String, true}},
         {"Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"}},
        {Type::Delete, TargetRule::Object,
         {{"propagationPolicy", FieldType::Enum, false, kPropagation},
          {"gracePeriodSeconds", FieldType::NonNegativeInt, false}}},
        // kubectl rollout undo --to-revision: 0 means the previous revision.
        {Type::Rollback, TargetRule::Object, {{"revision", FieldType::NonNegativeInt, true}},
         {"Deployment", "StatefulSet", "DaemonSet"}},
    };
    return table;
}

std::string joined(const std::vector<std::string_view> &names)
{
    std::string s;
    for (std::string_view n : names)
        s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

// Reads `target` into its one form; reports mixed or malformed forms.
std::optional<ScenarioSpec::Target> decodeTarget(SpecFieldReader &r, const Value &t, const std::string &path)
{
    if (!t.isMapping()) {
        r.error(t, path, std::string("must be a mapping, not ") + Value::describe(t.kind()));
        return std::nullopt;
    }
    r.warnUnknownFields(t, {"node", "nodeSelector", "zone", "kind", "namespace", "name"}, path);
    const int forms = (t.contains("node") ? 1 : 0) + (t.contains("nodeSelector") ? 1 : 0)
                      + (t.contains("zone") ? 1 : 0)
                      + (t.contains("kind") || t.contains("name") || t.contains("namespace") ? 1 : 0);
    if (forms != 1) {
        r.error(t, path, "must have exactly one form: {node: NAME}, {nodeSelector: {LABEL: VALUE}}, "
                         "{zone: NAME} or {kind: KIND, namespace: NS, name: NAME}");
        return std::nullopt;
    }
    ScenarioSpec::Target target;
    bool ok = true;
    auto readName = [&](std::string_view key, std::string &out) {
        const Value *v = t.find(key);
        const std::string p = SpecFieldReader::child(path, key);
        if (!v) {
            r.error(t, p, "required field is missing");
            ok = false;
            return;
        }
        const auto s = r.stringValue(*v, p);
        if (s && s->empty())
            r.error(*v, p, "must not be empty");
        ok = ok && s && !s->empty();
        out = s.value_or("");
    };
    if (t.contains("node")) {
        target.form = Form::Node;
        readName("node", target.node);
    } else if (t.contains("zone")) {
        target.form = Form::Zone;
        readName("zone", target.zone);
    } else if (const Value *sel = t.find("nodeSelector")) {
        target.form = Form::NodeSelector;
        const std::string p = path + ".nodeSelector";
        if (!sel->isMapping()) {
            r.error(*sel, p, std::string("must be a mapping of labels, not ") + Value::describe(sel->kind()));
            return std::nullopt;
        }
        for (std::size_t i = 0; i < sel->size(); ++i) {
            const std::string &key = sel->keyAt(i).text();
            const auto value = r.stringValue(sel->valueAt(i), SpecFieldReader::keyed(p, key));
            if (!SpecFieldReader::isQualifiedName(key)) {
                r.error(sel->keyAt(i), SpecFieldReader::keyed(p, key), "invalid label key \"" + key + "\"");
                ok = false;
            }
            ok = ok && value;
            target.nodeSelector.emplace_back(key, value.value_or(""));
        }
    } else {
        target.form = Form::Object;
        readName("kind", target.kind);
        readName("name", target.name);
        if (const Value *ns = SpecFieldReader::field(t, "namespace")) {
            const auto s = r.stringValue(*ns, path + ".namespace");
            ok = ok && s;
            target.namespaceName = s.value_or("");
        }
    }
    return ok ? std::optional(target) : std::nullopt;
}

bool checkTarget(SpecFieldReader &r, const Value &item, const ActionRule &rule, const ScenarioSpec::Target &target,
                 std::string_view typeName, const std::string &path)
{
    const Value &at = item.find("target") ? *item.find("target") : item;
    const std::string name(typeName);
    switch (rule.target) {
    case TargetRule::None:
        if (target.form == Form::None)
            return true;
        r.error(at, path, name + " takes no target");
        return false;
    case TargetRule::NodeLike:
        if (target.form == Form::Node || target.form == Form::NodeSelector || target.form == Form::Zone)
            return true;
        break;
    case TargetRule::Zone:
        if (target.form == Form::Zone)
            return true;
        r.error(at, path + ".zone", name + " needs a zone target: {zone: NAME}");
        return false;
    case TargetRule::Object:
        if (target.form == Form::Object) {
            if (!rule.kinds.empty()
                && std::find(rule.kinds.begin(), rule.kinds.end(), target.kind) == rule.kinds.end()) {
                r.error(*item.find("target")->find("kind"), path + ".kind",
                        name + " cannot act on kind \"" + target.kind + "\" (known: " + joined(rule.kinds) + ")");
                return false;
            }
            return true;
        }
        r.error(at, path, name + " needs an object target: {kind: KIND, namespace: NS, name: NAME}");
        return false;
    }
    r.error(at, path, name + " needs a node target: {node: NAME}, {nodeSelector: {LABEL: VALUE}} or {zone: NAME}");
    return false;
}

bool checkField(SpecFieldReader &r, const Value &v, const FieldRule &rule, const std::string &path)
{
    switch (rule.type) {
    case FieldType::String: {
        const auto s = r.stringValue(v, path);
        if (s && s->empty())
            r.error(v, path, "must not be empty");
        return s && !s->empty();
    }
    case FieldType::Enum: {
        if (v.kind() == ValueKind::Bool) {
            // YAML 1.1 reads a plain True/False as a boolean, as sigs.k8s.io/yaml does.
            r.error(v, path, "must be a string; quote it: \"" + v.text() + "\"");
            return false;
        }
        const auto s = r.stringValue(v, path);
        if (s && std::find(rule.allowed.begin(), rule.allowed.end(), *s) == rule.allowed.end()) {
            r.error(v, path, "unsupported value \"" + *s + "\" (known: " + joined(rule.allowed) + ")");
            return false;
        }
        return s.has_value();
    }
    case FieldType::NonNegativeInt:
    case FieldType::PositiveInt:
    case FieldType::ExitCode: {
        const auto i = r.intValue(v, path);
        if (!i)
            return false;
        const std::int64_t min = rule.type == FieldType::PositiveInt ? 1 : 0;
        // Linux exit statuses are 8 bits; 128+N means "killed by signal N".
        const std::int64_t max = rule.type == FieldType::ExitCode ? 255 : INT32_MAX;
        if (*i < min || *i > max) {
            r.error(v, path, "must be between " + std::to_string(min) + " and " + std::to_string(max));
            return false;
        }
        return true;
    }
    case FieldType::Duration: {
        const auto ms = r.durationMs(v, path);
        if (ms && *ms < 0)
            r.error(v, path, "must not be negative");
        return ms && *ms >= 0;
    }
    case FieldType::Bool:
        if (v.kind() != ValueKind::Bool) {
            r.error(v, path, std::string("must be true or false, not ") + Value::describe(v.kind()));
            return false;
        }
        return true;
    case FieldType::Manifest: {
        if (!v.isMapping()) {
            r.error(v, path, std::string("must be one Kubernetes object (a mapping), not ") + Value::describe(v.kind()));
            return false;
        }
        bool ok = true;
        for (std::string_view key : {"apiVersion", "kind"}) {
            const Value *f = SpecFieldReader::field(v, key);
            if (!f || !f->isString() || f->text().empty()) {
                r.error(f ? *f : v, SpecFieldReader::child(path, key), "a non-empty string is required");
                ok = false;
            }
        }
        const Value *md = SpecFieldReader::field(v, "metadata");
        const Value *name = md ? SpecFieldReader::field(*md, "name") : nullptr;
        const Value *generate = md ? SpecFieldReader::field(*md, "generateName") : nullptr;
        if (!name && !generate) {
            r.error(md ? *md : v, path + ".metadata.name", "required field is missing");
            ok = false;
        }
        return ok;
    }
    }
    return false;
}

} // namespace

std::optional<ScenarioSpec::Action> ScenarioActionDecoder::decode(SpecFieldReader &r, const Value &item,
                                                                  const std::string &path)
{
    if (!item.isMapping()) {
        r.error(item, path, std::string("must be a mapping, not ") + Value::describe(item.kind()));
        return std::nullopt;
    }
    ScenarioSpec::Action action;
    action.pos = item.pos();
    bool ok = true;

    if (const Value *at = SpecFieldReader::field(item, "at")) {
        const auto ms = r.durationMs(*at, path + ".at");
        if (ms && *ms < 0)
            r.error(*at, path + ".at", "must not be negative (time since the scenario's start)");
        ok = ms && *ms >= 0;
        action.atMs = ms.value_or(0);
    } else {
        r.error(item, path + ".at", "required field is missing");
        ok = false;
    }

    const Value *typeValue = SpecFieldReader::field(item, "type");
    if (!typeValue) {
        r.error(item, path + ".type", "required field is missing");
        return std::nullopt;
    }
    const auto typeName = r.stringValue(*typeValue, path + ".type");
    if (!typeName)
        return std::nullopt;
    const auto type = ScenarioSpec::actionTypeFromName(*typeName);
    if (!type) {
        r.error(*typeValue, path + ".type",
                "unknown action type \"" + *typeName + "\" (known: " + joined(ScenarioSpec::knownActionTypes()) + ")");
        return std::nullopt;
    }
    action.type = *type;
    const ActionRule &rule = *std::find_if(rules().begin(), rules().end(),
                                           [&](const ActionRule &a) { return a.type == *type; });

    if (const Value *t = SpecFieldReader::field(item, "target")) {
        const auto target = decodeTarget(r, *t, path + ".target");
        ok = ok && target;
        if (target) {
            action.target = *target;
            ok = checkTarget(r, item, rule, action.target, *typeName, path + ".target") && ok;
        }
    } else if (rule.target != TargetRule::None) {
        r.error(item, path + ".target", "required field is missing");
        ok = false;
    }

    for (std::size_t i = 0; i < item.size(); ++i) {
        const Value &key = item.keyAt(i);
        if (key.text() == "at" || key.text() == "type" || key.text() == "target")
            continue;
        const std::string fieldPath = path + "." + key.text();
        const auto f = std::find_if(rule.fields.begin(), rule.fields.end(),
                                    [&](const FieldRule &fr) { return fr.name == key.text(); });
        if (f == rule.fields.end()) {
            std::vector<std::string_view> known = {"at", "type", "target"};
            for (const FieldRule &fr : rule.fields)
                known.push_back(fr.name);
            r.warning(key, fieldPath, "unknown field \"" + key.text() + "\" for " + *typeName + " (known: "
                                          + joined(known) + ")");
            continue;
        }
        if (item.valueAt(i).isNull())
            continue;
        ok = checkField(r, item.valueAt(i), *f, fieldPath) && ok;
        action.fields.appendEntry(key, item.valueAt(i));
    }
    for (const FieldRule &f : rule.fields) {
        if (f.required && !SpecFieldReader::field(item, f.name)) {
            r.error(item, SpecFieldReader::child(path, f.name), "required field is missing for " + *typeName);
            ok = false;
        }
    }
    if (ok && action.type == Type::ImagePullFailure) {
        if (const Value *until = SpecFieldReader::field(item, "until")) {
            if (r.durationMs(*until, path + ".until").value_or(0) <= action.atMs) {
                r.error(*until, path + ".until", "must be later than at");
                ok = false;
            }
        }
    }
    if (!ok)
        return std::nullopt;
    return action;
}

} // namespace emu::api
