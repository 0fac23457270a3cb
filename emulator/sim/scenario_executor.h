// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/scenario_spec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace emu::sim {

class Emulator;

/// Carries out a Scenario's actions at their times: node failures and recoveries, partitions,
/// zone outages, conditions, nodes joining and leaving, graceful shutdown; pod deletion,
/// container crashes, image pull failures, Apply, Cordon/Uncordon and Delete. Actions of
/// workload controllers (Scale, SetImage on workloads, Drain, Rollback) are recorded as not
/// emulated yet. Engine thread only.
class ScenarioExecutor
{
public:
    ScenarioExecutor(Emulator &emulator, const api::ScenarioSpec &scenario)
        : m_emulator(emulator), m_scenario(scenario)
    {}
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
    void deletePod(const std::string &key, std::optional<std::int64_t> gracePeriodSeconds);
    void apply(const api::Value &manifest, std::string &subject);

    Emulator &m_emulator;
    const api::ScenarioSpec &m_scenario;
    std::uint64_t m_generated = 0; ///< objects named from generateName so far
};

} // namespace emu::sim
