// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "garbage_collector.h"
#include "informer.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

namespace emu::ctrl {

/// kube-controller-manager's ttl-after-finished-controller (pkg/controller/ttlafterfinished):
/// a finished Job (Complete or Failed) with spec.ttlSecondsAfterFinished is deleted that many
/// seconds after it finished (the condition's lastTransitionTime), with background
/// propagation, so its pods go with the garbage collector. Engine thread only.
class TtlAfterFinishedController
{
public:
    TtlAfterFinishedController(sim::SimContext &context, Informer<store::Job> &jobs, GarbageCollector &gc);

private:
    bool sync(const std::string &key);
    void enqueue(const store::Job &job);

    sim::SimContext &m_context;
    Informer<store::Job> &m_jobs;
    GarbageCollector &m_gc;
    WorkQueue m_queue;
};

} // namespace emu::ctrl
