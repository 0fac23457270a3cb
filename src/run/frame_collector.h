// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run_frame.h"

#include "emulator/report/metrics_recorder.h"
#include "emulator/sim/metrics_sampler.h"

#include <memory>
#include <mutex>
#include <vector>

namespace emu::sim { class Emulator; }

namespace app::run {

/// The worker-thread half of a GUI run. It samples metrics inside the emulator (the sampler
/// of `kubecanvas-cli run --metrics`, same names and interval) and, after every frame of the
/// SimulationHost, queues a RunFrame; the GUI thread takes the queue with takeFrames().
/// The two threads share only the queue, under a mutex held for a push or a swap, so the GUI
/// never waits for the emulator.
class FrameCollector
{
public:
    /// `emulator` must outlive the collector and must not have started yet.
    FrameCollector(emu::sim::Emulator &emulator, emu::SimDuration metricsInterval);

    /// Engine thread, once, after the emulator started: first sample at the current time.
    void startSampling();
    /// Worker thread, from the host's snapshot callback (the engine is between frames).
    void collect(std::shared_ptr<const emu::sim::ClusterSnapshot> snapshot);
    /// GUI thread: every frame queued since the last call, oldest first.
    std::vector<RunFrame> takeFrames();

private:
    emu::sim::Emulator &m_emulator;
    emu::report::MetricsRecorder m_metrics; // worker thread only
    std::unique_ptr<emu::sim::MetricsSampler> m_sampler;
    std::size_t m_seriesSent = 0;           // worker thread only
    std::size_t m_metricNamesSent = 0;      // worker thread only
    std::size_t m_objectNamesSent = 0;      // worker thread only

    std::mutex m_mutex;
    std::vector<RunFrame> m_queue; // guarded by m_mutex
};

} // namespace app::run
