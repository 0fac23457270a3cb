// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/sim/sim_context.h"

#include <map>
#include <string>

namespace emu::ctrl {

/// kube-controller-manager's pod garbage collector (pkg/controller/podgc, spec 7.9), every
/// gcCheckPeriod (20 s):
/// - force-deletes terminating pods on nodes that are not Ready and carry the
///   node.kubernetes.io/out-of-service taint (non-graceful node shutdown, spec 4.2);
/// - force-deletes pods bound to nodes that no longer exist, after the 40 s quarantine
///   (DisruptionTarget DeletionByPodGC);
/// - deletes unscheduled terminating pods;
/// - deletes the oldest terminated pods beyond terminatedPodGCThreshold (12,500).
/// A pod not yet in a terminal phase is first marked Failed. Engine thread only.
class PodGcController
{
public:
    explicit PodGcController(sim::SimContext &context);
    void start();

private:
    void gc();
    void forceDelete(const std::string &podKey, bool orphan);

    sim::SimContext &m_context;
    std::map<std::string, SimTime> m_missingNodeSince; ///< node name -> first seen missing
};

} // namespace emu::ctrl
