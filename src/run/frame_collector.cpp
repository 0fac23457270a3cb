// SPDX-License-Identifier: Apache-2.0
#include "frame_collector.h"

#include "emulator/sim/emulator.h"

namespace app::run {

FrameCollector::FrameCollector(emu::sim::Emulator &emulator, emu::SimDuration metricsInterval)
    : m_emulator(emulator)
    , m_sampler(std::make_unique<emu::sim::MetricsSampler>(emulator.context(), emulator.nodeLifecycle(),
                                                            m_metrics, metricsInterval))
{
    // The same usage source as `kubecanvas-cli run`, so the GUI's series equal the CLI's.
    emu::sim::Emulator *e = &emulator;
    m_sampler->setUsageSource([e](const std::string &node) {
        const auto usage = e->nodeUsage(node);
        return emu::sim::MetricsSampler::Usage{static_cast<double>(usage.first),
                                               static_cast<double>(usage.second)};
    });
}

void FrameCollector::startSampling()
{
    m_sampler->start();
}

void FrameCollector::collect(std::shared_ptr<const emu::sim::ClusterSnapshot> snapshot)
{
    RunFrame frame;
    frame.snapshot = std::move(snapshot);
    frame.pods = m_emulator.store().pods().list();
    // Names are interned densely in order of first use: send every id up to the highest a
    // new series uses, so the GUI's lists stay index-aligned with the worker's.
    const auto &series = m_metrics.series();
    for (; m_seriesSent < series.size(); ++m_seriesSent) {
        const auto &s = series[m_seriesSent];
        while (m_metricNamesSent <= s.metricId)
            frame.newMetricNames.push_back(m_metrics.metricName(static_cast<std::uint32_t>(m_metricNamesSent++)));
        while (m_objectNamesSent <= s.objectId)
            frame.newObjectNames.push_back(m_metrics.objectName(static_cast<std::uint32_t>(m_objectNamesSent++)));
    }
    frame.samples = m_metrics.takeSamples();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.push_back(std::move(frame));
}

std::vector<RunFrame> FrameCollector::takeFrames()
{
    std::vector<RunFrame> frames;
    std::lock_guard<std::mutex> lock(m_mutex);
    frames.swap(m_queue);
    return frames;
}

} // namespace app::run
