// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run_state.h"
#include "sim_time.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace emu {

class Engine;

/// Hosts an Engine on a std::thread and paces it against the wall clock (the Qt GUI wraps it;
/// the CLI drives the engine directly). The wall clock (std::chrono::steady_clock) is read here
/// only, for pacing, never inside the engine.
///
/// Threads: every public member is thread-safe and non-blocking except the destructor, which
/// joins. Commands are queued and applied by the worker between slices, so once start() has
/// been called the engine is touched by the worker only, until the runner is destroyed.
/// Before start() the owner may set the engine up; the worker takes over its thread affinity.
///
/// Pacing: while running, the worker advances in frames of ~16 ms of wall time, each doing
/// engine.runUntil(simNow + speed x wallElapsed). A frame is also bounded in CPU time (events
/// are run in batches), so commands stay responsive; a frame that cannot finish leaves the
/// simulation behind instead of piling up debt. Frame boundaries never change event order:
/// the trace is the same at every speed and frame rate.
class Runner
{
public:
    /// onFrame runs on the worker thread after each frame and after each command (and once
    /// when the worker starts) with the engine's current time; publish immutable snapshots
    /// from it. It may read the engine but must not call run/step on it.
    Runner(Engine &engine, std::function<void(SimTime)> onFrame);
    ~Runner();
    Runner(const Runner &) = delete;
    Runner &operator=(const Runner &) = delete;

    /// Starts the worker, paused. Calling it again, or after stop(), does nothing.
    void start();
    /// Runs paced, without end, until pause()/stop() or another run command.
    void resume();
    /// Stops advancing, keeping the engine where it is (also cancels a runUntil()).
    void pause();
    /// Runs exactly one event (pausing first if running); with no events it just reports.
    void stepEvent();
    /// Pauses if running, then runs every event up to now + slice at once (unpaced, and without
    /// looking at the command queue: meant for small slices). Queued slices run one after another.
    void stepSlice(SimDuration slice);
    /// Runs paced until t (now() becomes t), then pauses; t <= now() pauses at once. Replaces
    /// any run in progress. The pause is visible in state() no later than now() == t.
    void runUntil(SimTime t);
    /// Simulated seconds per wall second: clamped to 0.1 .. 10000; <= 0 runs as fast as
    /// possible, still in bounded frames (and at most maxUnpacedFrameAdvance of simulated time
    /// per frame when there is no end time). Default 1.
    void setSpeed(double factor);
    /// Ends the worker after the command being applied; the engine keeps its state. Final.
    void stop();

    RunState state() const;
    /// The engine's time as of the last command or frame.
    SimTime now() const;

    /// Wall-time length of a frame.
    static constexpr std::chrono::milliseconds frameInterval{16};
    /// Events run between two looks at the wall clock or the command queue.
    static constexpr std::size_t eventsPerBatch = 4096;
    /// With speed <= 0 and no end time, how far simulated time may advance per frame: an idle
    /// engine must not jump to the end of time.
    static constexpr SimDuration maxUnpacedFrameAdvance = SimDuration::hours(1);

private:
    enum class CommandKind { Resume, Pause, StepEvent, StepSlice, RunUntil, SetSpeed, Stop };
    struct Command
    {
        CommandKind kind;
        SimDuration slice{};
        SimTime until{};
        double speed = 0;
    };
    using Clock = std::chrono::steady_clock;

    void enqueue(const Command &command);
    void workerMain();
    bool waitForCommands(); // false when the worker should end
    void apply(const Command &command);
    void runFrame();
    bool runBatches(SimTime limit, Clock::time_point deadline); // true: reached limit
    void setRunState(RunState state);
    void publish();

    Engine &m_engine;
    std::function<void(SimTime)> m_onFrame;
    std::thread m_worker;
    bool m_started = false; // guarded by m_mutex

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Command> m_commands; // guarded by m_mutex

    std::atomic<RunState> m_state = RunState::Paused;
    std::atomic<std::int64_t> m_nowNs = 0;

    // Worker-thread only.
    double m_speed = 1.0;
    bool m_stopping = false;
    std::optional<SimTime> m_until;      // where the current run pauses, if anywhere
    bool m_idleFrame = false;            // the last frame reached its limit with time to spare
    Clock::time_point m_lastFrame;
};

} // namespace emu
