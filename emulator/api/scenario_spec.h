// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emu::api {

/// The typed `spec` of a `kubecanvas.io/v1alpha1` Scenario: how long to run, the random seed,
/// the emulated wall-clock start, and the timed failure/operation actions.
struct ScenarioSpec
{
    enum class ActionType {
        NodeCrash, KubeletStop, KubeletStart, NetworkPartition, NetworkHeal, NodeRecover,
        ZoneOutage, ZoneRecover, SetCondition, AddNode, RemoveNode, GracefulShutdown,
        ContainerCrash, ImagePullFailure, DeletePod, Apply, Cordon, Uncordon, Drain, Scale,
        SetImage, Delete, Rollback,
    };

    /// What an action acts on. Exactly one form per target.
    struct Target
    {
        enum class Form { None, Node, NodeSelector, Zone, Object };
        Form form = Form::None;
        std::string node;                                             ///< {node: NAME}
        std::vector<std::pair<std::string, std::string>> nodeSelector; ///< {nodeSelector: {k: v}}
        std::string zone;                                             ///< {zone: NAME}
        std::string kind;                                             ///< {kind, namespace, name}
        std::string namespaceName;                                    ///< "" when not given
        std::string name;
    };

    struct Action
    {
        std::int64_t atMs = 0; ///< since the scenario's start
        ActionType type = ActionType::NodeCrash;
        Target target;
        Value fields = Value::mapping(); ///< the type-specific fields (all but at/type/target)
        SourcePos pos;
        std::size_t sourceIndex = 0; ///< index in spec.actions as written (before sorting)
    };

    std::int64_t durationMs = 600'000; ///< spec.duration, default 10m
    std::uint64_t seed = 1;
    std::string startTime = "2026-01-01T00:00:00Z";
    std::int64_t startTimeMs = 1'767'225'600'000; ///< Unix milliseconds of startTime
    std::vector<Action> actions;                  ///< sorted by atMs (stable)

    /// Decodes a Scenario object; always returns a usable spec (invalid actions are dropped)
    /// and reports problems to `out`.
    static ScenarioSpec fromObject(const Value &object, const std::string &file, Diagnostics &out);

    static std::optional<ActionType> actionTypeFromName(std::string_view name);
    static std::string_view actionTypeName(ActionType type);
    /// Every known action type name, in declaration order.
    static std::vector<std::string_view> knownActionTypes();
};

} // namespace emu::api
