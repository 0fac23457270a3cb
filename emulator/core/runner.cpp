// SPDX-License-Identifier: Apache-2.0
#include "runner.h"

#include "engine.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace emu {

namespace {

constexpr double minSpeed = 0.1;
constexpr double maxSpeed = 10000.0;
// A stalled frame (debugger, suspend, a slow onFrame) must not become a leap in simulated time.
constexpr std::chrono::milliseconds maxFrameElapsed{100};

} // namespace

Runner::Runner(Engine &engine, std::function<void(SimTime)> onFrame)
    : m_engine(engine)
    , m_onFrame(std::move(onFrame))
{}

Runner::~Runner()
{
    stop();
    if (m_worker.joinable())
        m_worker.join();
}

void Runner::start()
{
    std::lock_guard lock(m_mutex);
    if (m_started)
        return;
    m_started = true;
    m_worker = std::thread(&Runner::workerMain, this);
}

void Runner::resume()
{
    enqueue({CommandKind::Resume});
}

void Runner::pause()
{
    enqueue({CommandKind::Pause});
}

void Runner::stepEvent()
{
    enqueue({CommandKind::StepEvent});
}

void Runner::stepSlice(SimDuration slice)
{
    enqueue({.kind = CommandKind::StepSlice, .slice = slice});
}

void Runner::runUntil(SimTime t)
{
    enqueue({.kind = CommandKind::RunUntil, .until = t});
}

void Runner::setSpeed(double factor)
{
    enqueue({.kind = CommandKind::SetSpeed, .speed = factor});
}

void Runner::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_started) {
            // Never started: there is no worker to tell, and start() must not start one now.
            m_started = true;
            m_state.store(RunState::Stopped);
            return;
        }
        m_commands.push_back({CommandKind::Stop});
    }
    m_wake.notify_one();
}

RunState Runner::state() const
{
    return m_state.load();
}

SimTime Runner::now() const
{
    return SimTime::fromNs(m_nowNs.load());
}

void Runner::enqueue(const Command &command)
{
    {
        std::lock_guard lock(m_mutex);
        m_commands.push_back(command);
    }
    m_wake.notify_one();
}

void Runner::workerMain()
{
    // The thread start orders this after everything the owner did to the engine before start().
    m_engine.resetThreadAffinity();
    publish();
    while (waitForCommands()) {
        if (m_state.load() == RunState::Running)
            runFrame();
    }
    // Hand the engine back; joining orders this before the owner's next call.
    m_engine.resetThreadAffinity();
    setRunState(RunState::Stopped);
}

bool Runner::waitForCommands()
{
    std::vector<Command> commands;
    {
        std::unique_lock lock(m_mutex);
        const auto hasCommands = [this] { return !m_commands.empty(); };
        if (m_state.load() != RunState::Running)
            m_wake.wait(lock, hasCommands);
        else if (m_speed > 0 || m_idleFrame)
            m_wake.wait_until(lock, m_lastFrame + frameInterval, hasCommands);
        commands.swap(m_commands);
    }
    for (const Command &command : commands) {
        apply(command);
        if (m_stopping)
            return false;
        publish();
    }
    return true;
}

void Runner::apply(const Command &command)
{
    switch (command.kind) {
    case CommandKind::Resume:
        m_until.reset();
        m_lastFrame = Clock::now();
        setRunState(RunState::Running);
        break;
    case CommandKind::Pause:
        m_until.reset();
        setRunState(RunState::Paused);
        break;
    case CommandKind::StepEvent:
        m_until.reset();
        setRunState(RunState::Paused);
        m_engine.step();
        break;
    case CommandKind::StepSlice:
        // Synchronous, so that queued slices run one after the other, each from where the
        // previous one ended.
        m_until.reset();
        setRunState(RunState::Paused);
        m_engine.runUntil(m_engine.now() + std::max(command.slice, SimDuration::zero()));
        break;
    case CommandKind::RunUntil:
        if (command.until <= m_engine.now()) {
            // Nothing to wait for, but events due exactly now still run, as in Engine::runUntil.
            m_until.reset();
            setRunState(RunState::Paused);
            m_engine.runUntil(m_engine.now());
            break;
        }
        m_until = command.until;
        m_lastFrame = Clock::now();
        setRunState(RunState::Running);
        break;
    case CommandKind::SetSpeed:
        m_speed = command.speed <= 0 ? 0.0 : std::clamp(command.speed, minSpeed, maxSpeed);
        break;
    case CommandKind::Stop:
        m_stopping = true;
        break;
    }
}

void Runner::runFrame()
{
    const Clock::time_point frameStart = Clock::now();
    const SimTime simNow = m_engine.now();
    SimTime limit;
    if (m_speed > 0) {
        const auto elapsed = std::min<Clock::duration>(frameStart - m_lastFrame, maxFrameElapsed);
        const double wallNs = static_cast<double>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
        limit = simNow + SimDuration::nanoseconds(std::llround(m_speed * wallNs));
    } else {
        limit = m_until ? *m_until : simNow + maxUnpacedFrameAdvance;
    }
    m_lastFrame = frameStart;
    if (m_until && limit > *m_until)
        limit = *m_until;

    // Unpaced without an end time, a frame that ran out of events waits for the next one, so
    // an idle engine advances maxUnpacedFrameAdvance per frame instead of spinning.
    const bool completed = runBatches(limit, frameStart + frameInterval);
    m_idleFrame = completed && !m_until;

    // State before time: whoever sees now() == t also sees the pause that reaching t causes.
    if (m_until && m_engine.now() >= *m_until) {
        m_until.reset();
        setRunState(RunState::Paused);
    }
    publish();
}

bool Runner::runBatches(SimTime limit, Clock::time_point deadline)
{
    // Batches keep the worker responsive to commands and to its CPU budget without affecting
    // event order: runBatch() only moves time to the limit once nothing is left before it.
    while (m_engine.runBatch(limit, eventsPerBatch) == eventsPerBatch) {
        if (Clock::now() >= deadline)
            return false;
        std::lock_guard lock(m_mutex);
        if (!m_commands.empty())
            return false;
    }
    return true;
}

void Runner::setRunState(RunState state)
{
    m_state.store(state);
}

void Runner::publish()
{
    const SimTime now = m_engine.now();
    m_nowNs.store(now.ns());
    if (m_onFrame)
        m_onFrame(now);
}

} // namespace emu
