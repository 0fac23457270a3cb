// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/scenario_spec.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace emu::sim {

class Emulator;
class NodeDrainer;

/// Carries out a Scenario's actions at their times: node failures and recoveries, partitions,
/// zone outages, conditions, nodes joining and leaving, graceful shutdown; pod deletion,
/// container crashes, image pull failures, Apply, Cordon/Uncordon, Drain and Delete (with its
/// propagationPolicy); Scale, SetImage and Rollback of workloads. Engine thread only.
class ScenarioExecutor
{
public:
    ScenarioExecutor(Emulator &emulator, const api::ScenarioSpec &scenario);
    ~ScenarioExecutor();
    void start();

    /// Node names an action's target selects now.
    std::vector<std::string> resolveNodes(const api::ScenarioSpec::Target &target) const;

private:
    void execute(const api::ScenarioSpec::Action &action);
    /// Actions on pods and objects (scenario_executor_objects.cpp): nullopt if `action` is not
    /// one, false if it failed (reported as ActionFailed), true when done.
    std::optional<bool> executeObjectAction(const api::ScenarioSpec::Action &action, api::Value &details, std::string &subject);
    /// Scale, SetImage and Rollback of workloads (scenario_executor_workloads.cpp), as
    /// executeObjectAction.
    std::optional<bool> executeWorkloadAction(const api::ScenarioSpec::Action &action, std::string &subject);
    bool drain(const api::ScenarioSpec::Action &action, std::string &subject);
    bool deleteObject(const api::ScenarioSpec::Action &action, std::string &subject);
    void deletePod(const std::string &key, std::optional<std::int64_t> gracePeriodSeconds);
    void apply(const api::Value &manifest, std::string &subject);

    Emulator &m_emulator;
    const api::ScenarioSpec &m_scenario;
    std::uint64_t m_generated = 0; ///< objects named from generateName so far
    std::vector<std::unique_ptr<NodeDrainer>> m_drains;
};

} // namespace emu::sim
