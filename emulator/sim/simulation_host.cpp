// SPDX-License-Identifier: Apache-2.0
#include "simulation_host.h"

namespace emu::sim {

SimulationHost::SimulationHost(std::unique_ptr<Emulator> emulator, SnapshotCallback onSnapshot)
    : m_emulator(std::move(emulator))
    , m_onSnapshot(std::move(onSnapshot))
    , m_latest(std::make_shared<const ClusterSnapshot>())
{
    // The emulator starts on the worker thread, before its first event.
    m_emulator->engine().post([this] { m_emulator->start(); });
    m_runner = std::make_unique<Runner>(m_emulator->engine(), [this](SimTime now) { publish(now); });
}

SimulationHost::~SimulationHost()
{
    m_runner.reset(); // joins the worker before the emulator goes
}

void SimulationHost::start()
{
    m_runner->start();
}

std::shared_ptr<const ClusterSnapshot> SimulationHost::latest() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_latest;
}

void SimulationHost::publish(SimTime now)
{
    auto snapshot = std::make_shared<ClusterSnapshot>();
    snapshot->time = now;
    snapshot->revision = m_emulator->store().revision();
    snapshot->sequence = ++m_sequence;
    snapshot->nodes = m_emulator->store().nodes().list();
    snapshot->leases = m_emulator->store().leases().list();
    snapshot->zones = m_emulator->nodeLifecycle().zones();
    const auto &events = m_emulator->events().events();
    snapshot->newEvents.assign(events.begin() + static_cast<std::ptrdiff_t>(m_eventsPublished),
                               events.end());
    m_eventsPublished = events.size();
    snapshot->eventsTotal = events.size();
    std::shared_ptr<const ClusterSnapshot> published = std::move(snapshot);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_latest = published;
    }
    if (m_onSnapshot)
        m_onSnapshot(std::move(published));
}

} // namespace emu::sim
