// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster_snapshot.h"
#include "emulator.h"

#include "emulator/core/runner.h"

#include <functional>
#include <memory>
#include <mutex>

namespace emu::sim {

/// Runs an Emulator on its own thread (through Runner) and publishes immutable snapshots:
/// after every frame the worker builds a ClusterSnapshot; `latest()` returns the newest and
/// `onSnapshot` (called on the worker thread) lets a GUI forward it as a queued signal.
/// Every control call is thread-safe and returns at once: the caller never waits for the
/// emulator.
class SimulationHost
{
public:
    using SnapshotCallback = std::function<void(std::shared_ptr<const ClusterSnapshot>)>;

    explicit SimulationHost(std::unique_ptr<Emulator> emulator, SnapshotCallback onSnapshot = {});
    ~SimulationHost();

    void start();                       ///< starts the worker, paused at t = 0
    void resume() { m_runner->resume(); }
    void pause() { m_runner->pause(); }
    void stepEvent() { m_runner->stepEvent(); }
    void stepSlice(SimDuration slice) { m_runner->stepSlice(slice); }
    void runUntil(SimTime t) { m_runner->runUntil(t); }
    void setSpeed(double factor) { m_runner->setSpeed(factor); }
    void stop() { m_runner->stop(); }
    RunState state() const { return m_runner->state(); }
    SimTime now() const { return m_runner->now(); }

    /// The newest snapshot (never null after start()).
    std::shared_ptr<const ClusterSnapshot> latest() const;

private:
    void publish(SimTime now); // worker thread

    std::unique_ptr<Emulator> m_emulator;
    SnapshotCallback m_onSnapshot;
    std::unique_ptr<Runner> m_runner;
    mutable std::mutex m_mutex;
    std::shared_ptr<const ClusterSnapshot> m_latest;
    std::size_t m_eventsPublished = 0; // worker thread only
    std::uint64_t m_sequence = 0;      // worker thread only
};

} // namespace emu::sim
