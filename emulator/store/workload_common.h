// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/label_selector.h"
#include "emulator/api/labels.h"
#include "emulator/api/value.h"
#include "emulator/core/sim_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::store {

/// A workload's pod template (spec.template, core/v1 PodTemplateSpec) as written and
/// defaulted: `value` is the whole template mapping ({metadata, spec}); its labels and
/// annotations are typed for the controllers. Change it with setValue(), which keeps both.
struct PodTemplate
{
    api::Labels labels;
    api::Labels annotations;
    api::Value value = api::Value::mapping();

    void setValue(api::Value templateValue);
    /// spec.template.spec (null when the template has none).
    const api::Value *podSpec() const { return value.find("spec"); }
    /// The container named `name` of the pod spec, to edit (SetImage); null if absent.
    api::Value *container(std::string_view name);
};

/// A workload status condition: apps/v1 DeploymentCondition and ReplicaSetCondition, batch/v1
/// JobCondition, and metav1.Condition (PodDisruptionBudget); the optional fields are the
/// ones only some of them have.
struct WorkloadCondition
{
    std::string type;
    std::string status; ///< True, False, Unknown
    std::string reason;
    std::string message;
    SimTime lastTransitionTime;
    std::optional<SimTime> lastUpdateTime;          ///< DeploymentCondition
    std::optional<SimTime> lastProbeTime;           ///< JobCondition
    std::optional<std::int64_t> observedGeneration; ///< metav1.Condition

    bool operator==(const WorkloadCondition &other) const = default;
};

using WorkloadConditions = std::vector<WorkloadCondition>;

const WorkloadCondition *findCondition(const WorkloadConditions &conditions, std::string_view type);
/// Removes the condition of that type; true if there was one.
bool removeCondition(WorkloadConditions &conditions, std::string_view type);

/// A label selector as written (metav1.LabelSelector, or the plain map of a
/// ReplicationController) and parsed. A selector that does not parse matches nothing.
struct WorkloadSelector
{
    api::Value value;                         ///< as written; null when absent
    api::LabelSelector parsed = api::LabelSelector::nothing();

    /// metav1.LabelSelector (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, PDB).
    static WorkloadSelector fromLabelSelector(const api::Value *value);
    /// The map form (ReplicationController's spec.selector).
    static WorkloadSelector fromMap(const api::Value *value);

    bool matches(const api::Labels &labels) const { return parsed.matches(labels); }
    /// metav1.LabelSelector {} (or an empty map): selects every pod of the namespace.
    bool isEmpty() const { return parsed.isEmpty(); }
};

/// Readers for the typed fields of a spec mapping (missing or mistyped: the fallback).
namespace specfield {
std::int64_t integer(const api::Value &spec, std::string_view key, std::int64_t fallback);
std::optional<std::int64_t> optionalInteger(const api::Value &spec, std::string_view key);
bool boolean(const api::Value &spec, std::string_view key, bool fallback);
std::string text(const api::Value &spec, std::string_view key, std::string fallback = {});
} // namespace specfield

} // namespace emu::store
