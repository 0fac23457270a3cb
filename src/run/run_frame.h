// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/report/metrics_recorder.h"
#include "emulator/sim/cluster_snapshot.h"
#include "emulator/store/pod.h"

#include <memory>
#include <string>
#include <vector>

namespace app::run {

/// What the emulator's worker hands the GUI after one frame: the host's snapshot (nodes,
/// leases, zones, the events since the previous frame), the pods at that instant, and the
/// metric samples recorded since the previous frame. Immutable once queued; moved across
/// threads, never shared.
struct RunFrame
{
    std::shared_ptr<const emu::sim::ClusterSnapshot> snapshot;
    std::vector<std::shared_ptr<const emu::store::Pod>> pods;
    /// Names the worker's recorder interned since the previous frame: metric and object ids
    /// in `samples` continue the lists of the earlier frames.
    std::vector<std::string> newMetricNames;
    std::vector<std::string> newObjectNames;
    std::vector<emu::report::MetricsRecorder::Sample> samples;
};

} // namespace app::run
