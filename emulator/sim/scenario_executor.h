// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/scenario_spec.h"

#include <string>
#include <vector>

namespace emu::sim {

class Emulator;

/// Carries out a Scenario's actions at their times: node failures and recoveries, partitions,
/// zone outages, conditions, nodes joining and leaving. Actions that act on pods and
/// workloads are recorded as not emulated yet. Engine thread only.
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

    Emulator &m_emulator;
    const api::ScenarioSpec &m_scenario;
};

} // namespace emu::sim
