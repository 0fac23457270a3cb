// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/manifest_loader.h"
#include "emulator/report/event_record.h"
#include "emulator/sim/emulator.h"

#include <memory>
#include <string>
#include <vector>

namespace testsupport {

/// An emulator built from YAML text, with every event kept, for timeline tests.
struct EmulatorFixture
{
    std::unique_ptr<emu::sim::Emulator> emulator;
    emu::api::Diagnostics diagnostics;

    explicit EmulatorFixture(const std::string &yaml, emu::sim::Emulator::Options options = {});

    bool ok() const { return emulator != nullptr; }
    void runTo(double seconds);
    /// Events with this reason (and, if given, this object name), in time order.
    std::vector<emu::report::EventRecord> events(const std::string &reason,
                                                 const std::string &name = {}) const;
    /// Times (seconds) of NodeTaintAdded events for key:effect, in order.
    std::vector<double> taintTimes(const std::string &key, const std::string &effect) const;
    std::string readyStatus(const std::string &node) const;
    bool hasTaint(const std::string &node, const std::string &key, const std::string &effect) const;
    double lastLeaseRenewSeconds(const std::string &node) const;
};

/// A project: a Cluster (extra controllerManager/kubelet YAML lines may be given), NodePools
/// of `perZone` nodes in each zone, and a Scenario with the given actions YAML.
std::string clusterYaml(const std::vector<std::string> &zones, int perZone,
                        const std::string &actions, const std::string &clusterExtra = {},
                        const std::string &duration = "30m");

} // namespace testsupport
