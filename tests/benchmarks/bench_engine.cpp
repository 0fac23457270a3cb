// SPDX-License-Identifier: Apache-2.0
// Benchmark (not part of ctest): the discrete-event engine's throughput in events per wall
// second, for three shapes of load. Usage: bench_engine [EVENTS]
//   bulk:    EVENTS events scheduled up front over one simulated hour (a deep heap)
//   steady:  10,000 timers, each rescheduling itself with a random delay (a typical run)
//   cancel:  as steady, but every event also schedules a timeout and cancels the previous one
#include "emulator/core/engine.h"
#include "emulator/core/rng.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void report(const char *name, const emu::Engine &engine, Clock::time_point started)
{
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("%-7s %10llu events in %6.3f s  %6.2f M events/s\n", name,
                static_cast<unsigned long long>(engine.eventsRun()), seconds,
                static_cast<double>(engine.eventsRun()) / seconds / 1e6);
}

void bulk(std::int64_t count)
{
    emu::Engine engine;
    emu::Rng rng(1);
    std::uint64_t sum = 0;
    const auto started = Clock::now();
    for (std::int64_t i = 0; i < count; ++i) {
        const auto delay = emu::SimDuration::nanoseconds(rng.uniformInt(0, 3'600'000'000'000));
        engine.schedule(delay, [&sum, i] { sum += static_cast<std::uint64_t>(i); });
    }
    engine.runUntil(emu::SimTime::fromSeconds(3600));
    report("bulk", engine, started);
}

struct SteadyLoad
{
    emu::Engine engine;
    emu::Rng rng{2};
    bool withCancel = false;
    std::vector<emu::EventId> timeouts;

    // Captures one pointer and an int, so std::function stores it without allocating.
    void fire(int timer)
    {
        const auto delay = emu::SimDuration::milliseconds(rng.uniformInt(1, 20'000));
        engine.schedule(delay, [this, timer] { fire(timer); });
        if (withCancel) {
            engine.cancel(timeouts[timer]);
            timeouts[timer] = engine.schedule(emu::SimDuration::seconds(40), [] {});
        }
    }
};

void steady(std::int64_t count, bool withCancel)
{
    constexpr int timers = 10'000;
    SteadyLoad load;
    load.withCancel = withCancel;
    load.timeouts.resize(timers);
    for (int t = 0; t < timers; ++t) {
        const auto delay = emu::SimDuration::milliseconds(load.rng.uniformInt(0, 10'000));
        load.engine.schedule(delay, [&load, t] { load.fire(t); });
    }
    const auto started = Clock::now();
    while (load.engine.eventsRun() < static_cast<std::uint64_t>(count))
        load.engine.runBatch(emu::SimTime::max(), 65536);
    report(withCancel ? "cancel" : "steady", load.engine, started);
}

} // namespace

int main(int argc, char **argv)
{
    const std::int64_t count = argc > 1 ? std::atoll(argv[1]) : 2'000'000;
    bulk(count);
    steady(count, false);
    steady(count, true);
    return 0;
}
