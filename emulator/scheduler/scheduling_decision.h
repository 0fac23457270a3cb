// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"

#include "emulator/core/sim_time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace emu::sched {

/// One Score plugin's contribution on one node: the normalized score (0..100) and the
/// plugin's weight; the node's total is the sum of score × weight.
struct PluginScore
{
    std::string plugin;
    std::int64_t score = 0;
    std::int64_t weight = 1;
};

struct NodeScore
{
    std::string node;
    std::vector<PluginScore> plugins; ///< in the default plugins' order
    std::int64_t total = 0;
};

struct NodeRejection
{
    std::string node;
    FilterResult result; ///< the first filter that rejected the node (upstream stops there)
};

/// What one scheduling attempt of one pod found (upstream's Diagnosis plus the scores that
/// selectHost saw), kept so that the decision can be explained (`kubecanvas-cli explain`).
struct SchedulingDecision
{
    std::string podKey; ///< namespace/name
    SimTime time;
    std::vector<NodeRejection> rejected; ///< in node name order
    std::vector<NodeScore> scores;       ///< the feasible nodes, in node name order
    std::string chosenNode;              ///< empty when the pod fits nowhere
    std::string message;                 ///< the FailedScheduling message when it fits nowhere
    std::string nominatedNode;           ///< set when preemption made room there
    std::vector<std::string> victims;    ///< the pods preempted for it (namespace/name)
};

} // namespace emu::sched
