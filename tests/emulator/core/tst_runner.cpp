// SPDX-License-Identifier: Apache-2.0
// A real worker thread is involved, so QTRY_* (and a few bounded sleeps to show that nothing
// happens) are allowed here, and only here, among the emulator tests.
#include "emulator/core/engine.h"
#include "emulator/core/rng.h"
#include "emulator/core/runner.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace emu;

namespace {

constexpr int timeoutMs = 30000; // generous: TSan builds are several times slower

SimTime at(std::int64_t ms)
{
    return SimTime() + SimDuration::milliseconds(ms);
}

// Events at every `period` ms; counts them (read from the test thread, hence atomic).
struct Ticker
{
    Engine engine;
    std::atomic<int> ran = 0;

    void scheduleEvery(std::int64_t periodMs, int count)
    {
        for (int i = 1; i <= count; ++i)
            engine.scheduleAt(at(periodMs * i), [this] { ++ran; });
    }
};

// A workload with same-time collisions, cancellations and per-component random streams; its
// trace must not depend on how the run is sliced.
struct Workload
{
    static constexpr int components = 40;

    Engine engine;
    std::vector<Rng> streams;
    std::vector<EventId> timeouts;
    std::vector<std::pair<std::int64_t, int>> trace; // (time ns, what); engine thread only

    Workload()
    {
        const Rng root(2024);
        for (int c = 0; c < components; ++c) {
            streams.push_back(root.child("component-" + std::to_string(c)));
            timeouts.emplace_back();
            engine.schedule(SimDuration::milliseconds(streams[c].uniformInt(0, 50)),
                            [this, c] { fire(c); });
        }
    }

    void fire(int c)
    {
        trace.emplace_back(engine.now().ns(), c);
        Rng &rng = streams[std::size_t(c)];
        // Whole milliseconds, so that many events share a time and FIFO order matters.
        engine.schedule(SimDuration::milliseconds(rng.uniformInt(1, 100)), [this, c] { fire(c); });
        if (rng.uniformInt(0, 3) == 0) {
            const int other = int(rng.uniformInt(0, components - 1));
            engine.cancel(timeouts[std::size_t(other)]);
            timeouts[std::size_t(other)] = engine.schedule(
                SimDuration::milliseconds(rng.uniformInt(0, 500)),
                [this, other] { trace.emplace_back(engine.now().ns(), 1000 + other); });
        }
    }
};

} // namespace

class TestRunner : public QObject
{
    Q_OBJECT

private slots:
    void startsPausedAndRunsNothing();
    void stopBeforeStart();
    void stepEvent();
    void stepSlice();
    void runUntilPacedThenPauses();
    void pacingFollowsSpeed();
    void resumeAndPause();
    void fastSpeedRunsToTheEnd();
    void stopEndsTheWorker();
    void framesRunOnTheWorker();
    void traceIndependentOfSpeedAndSlicing();
};

void TestRunner::startsPausedAndRunsNothing()
{
    Ticker ticker;
    ticker.scheduleEvery(1, 10);
    std::atomic<int> frames = 0;
    Runner runner(ticker.engine, [&](SimTime) { ++frames; });
    QCOMPARE(runner.state(), RunState::Paused);
    runner.start();
    runner.start(); // a second start is harmless
    QTRY_VERIFY_WITH_TIMEOUT(frames.load() >= 1, timeoutMs);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    QCOMPARE(runner.state(), RunState::Paused);
    QCOMPARE(ticker.ran.load(), 0);
    QCOMPARE(runner.now(), SimTime());
    QCOMPARE(frames.load(), 1); // paused means waiting, not spinning out frames
}

void TestRunner::stopBeforeStart()
{
    Engine engine;
    Runner runner(engine, {});
    runner.stop();
    QCOMPARE(runner.state(), RunState::Stopped);
    runner.start(); // does not start a worker after all
    runner.resume();
    QCOMPARE(runner.state(), RunState::Stopped);
}

void TestRunner::stepEvent()
{
    Ticker ticker;
    ticker.scheduleEvery(1000, 3);
    Runner runner(ticker.engine, {});
    runner.start();
    runner.stepEvent();
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(1000), timeoutMs);
    QCOMPARE(ticker.ran.load(), 1);
    runner.stepEvent();
    runner.stepEvent();
    QTRY_COMPARE_WITH_TIMEOUT(ticker.ran.load(), 3, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(3000), timeoutMs);
    runner.stepEvent(); // no event left: nothing happens
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QCOMPARE(runner.now(), at(3000));
    QCOMPARE(runner.state(), RunState::Paused);
}

void TestRunner::stepSlice()
{
    Ticker ticker;
    ticker.scheduleEvery(100, 10);
    Runner runner(ticker.engine, {});
    runner.start();
    runner.stepSlice(SimDuration::milliseconds(250));
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(250), timeoutMs);
    QCOMPARE(ticker.ran.load(), 2);
    QCOMPARE(runner.state(), RunState::Paused);
    // Queued slices run one after another.
    runner.stepSlice(SimDuration::milliseconds(100));
    runner.stepSlice(SimDuration::milliseconds(100));
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(450), timeoutMs);
    QCOMPARE(ticker.ran.load(), 4);
}

void TestRunner::runUntilPacedThenPauses()
{
    Ticker ticker;
    ticker.scheduleEvery(100, 50); // up to 5 s
    Runner runner(ticker.engine, {});
    runner.setSpeed(1000);
    runner.start();
    runner.runUntil(at(2050));
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(2050), timeoutMs);
    QCOMPARE(runner.state(), RunState::Paused); // published before now() reached the target
    QCOMPARE(ticker.ran.load(), 20);            // nothing later than the target ran
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    QCOMPARE(runner.now(), at(2050));
    QCOMPARE(ticker.ran.load(), 20);
}

void TestRunner::pacingFollowsSpeed()
{
    // Simulated time never runs ahead of speed x wall time, so the lower bound is exact;
    // the upper bound only catches a runner that does not advance at all.
    Engine engine;
    Runner runner(engine, {});
    runner.setSpeed(20);
    runner.start();
    const auto started = std::chrono::steady_clock::now();
    runner.runUntil(at(3000)); // 3 s at 20x: 150 ms
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(3000), timeoutMs);
    const auto wall = std::chrono::steady_clock::now() - started;
    QVERIFY2(wall >= std::chrono::milliseconds(150),
             qPrintable(QString::number(std::chrono::duration<double>(wall).count())));
}

void TestRunner::resumeAndPause()
{
    Ticker ticker;
    ticker.scheduleEvery(10, 100000);
    Runner runner(ticker.engine, {});
    runner.setSpeed(1000);
    runner.start();
    runner.resume();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), RunState::Running, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(runner.now() > at(500), timeoutMs);
    runner.pause();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), RunState::Paused, timeoutMs);
    const SimTime pausedAt = runner.now();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    QCOMPARE(runner.now(), pausedAt);
    runner.resume();
    QTRY_VERIFY_WITH_TIMEOUT(runner.now() > pausedAt + SimDuration::milliseconds(500), timeoutMs);
    // stepEvent while running pauses first.
    runner.stepEvent();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), RunState::Paused, timeoutMs);
}

void TestRunner::fastSpeedRunsToTheEnd()
{
    Ticker ticker;
    ticker.scheduleEvery(1, 200000); // 200 s of events every ms, 200k events
    Runner runner(ticker.engine, {});
    runner.setSpeed(0); // as fast as possible, in bounded frames
    runner.start();
    runner.runUntil(SimTime::fromSeconds(3600));
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), SimTime::fromSeconds(3600), timeoutMs);
    QCOMPARE(ticker.ran.load(), 200000);
    QCOMPARE(runner.state(), RunState::Paused);

    // Without an end time, an idle engine advances by bounded amounts, not to the end of time.
    runner.resume();
    QTRY_VERIFY_WITH_TIMEOUT(runner.now() > SimTime::fromSeconds(3 * 3600), timeoutMs);
    runner.pause();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), RunState::Paused, timeoutMs);
    QVERIFY(runner.now() < SimTime::fromSeconds(1'000'000'000));
}

void TestRunner::stopEndsTheWorker()
{
    Ticker ticker;
    ticker.scheduleEvery(10, 1000);
    auto runner = std::make_unique<Runner>(ticker.engine, nullptr);
    runner->setSpeed(1);
    runner->start();
    runner->resume();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), RunState::Running, timeoutMs);
    runner->stop();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), RunState::Stopped, timeoutMs);
    runner->resume(); // ignored after stop
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QCOMPARE(runner->state(), RunState::Stopped);
    const SimTime stoppedAt = runner->now();
    runner.reset(); // joins

    // The engine is usable again by this thread, where the runner left it.
    QCOMPARE(ticker.engine.now(), stoppedAt);
    ticker.engine.runUntil(SimTime::fromSeconds(100));
    QCOMPARE(ticker.ran.load(), 1000);
}

void TestRunner::framesRunOnTheWorker()
{
    Engine engine;
    std::atomic<int> frames = 0;
    std::atomic<int> onCaller = 0;
    const std::thread::id caller = std::this_thread::get_id();
    Runner runner(engine, [&](SimTime) {
        ++frames;
        if (std::this_thread::get_id() == caller)
            ++onCaller;
    });
    runner.setSpeed(1000);
    runner.start();
    runner.runUntil(at(500));
    QTRY_COMPARE_WITH_TIMEOUT(runner.now(), at(500), timeoutMs);
    QVERIFY(frames.load() >= 2); // the start, the command, and at least one frame
    QCOMPARE(onCaller.load(), 0);
}

void TestRunner::traceIndependentOfSpeedAndSlicing()
{
    const SimTime end = SimTime::fromSeconds(30);
    Workload reference;
    reference.engine.runUntil(end);
    QVERIFY(reference.trace.size() > 10000);

    const auto underRunner = [&](double speed, bool slices) {
        Workload workload;
        {
            Runner runner(workload.engine, {});
            runner.setSpeed(speed);
            runner.start();
            if (slices) {
                // Uneven slices, queued all at once.
                constexpr auto slice = SimDuration::milliseconds(613);
                for (SimTime t; t + slice <= end; t += slice)
                    runner.stepSlice(slice);
                runner.runUntil(end); // the rest, paced
            } else {
                runner.runUntil(end);
            }
            [&] { QTRY_COMPARE_WITH_TIMEOUT(runner.now(), end, timeoutMs); }();
        } // joins the worker: the trace is ours to read
        return workload.trace;
    };

    QVERIFY(underRunner(0, false) == reference.trace);
    QVERIFY(underRunner(10000, false) == reference.trace);
    QVERIFY(underRunner(1000, false) == reference.trace);
    QVERIFY(underRunner(1, true) == reference.trace);
}

QTEST_APPLESS_MAIN(TestRunner)
#include "tst_runner.moc"
