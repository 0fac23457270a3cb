// SPDX-License-Identifier: Apache-2.0
#include "emulator/core/engine.h"

#include <QtTest>

#include <atomic>
#include <ctime>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace emu;

namespace {

SimTime at(std::int64_t ms)
{
    return SimTime() + SimDuration::milliseconds(ms);
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void sameTimeRunsInSchedulingOrder();
    void ordersByTimeThenSequence();
    void scheduleIsRelativeToNow();
    void cancelBeforeRun();
    void cancelAfterRunIsNoOp();
    void cancelFromInsideEvents();
    void eventIdValidity();
    void isPending();
    void runUntilSetsNowAndStopsAtLimit();
    void runUntilNeverMovesTimeBack();
    void runBatchSplitsWithoutReordering();
    void eventsScheduledDuringEvents();
    void manyCancellationsAreCompacted();
    void postRunsBeforeNextEvent();
    void postFromOtherThreads();
    void performanceSanity();
};

void TestEngine::startsEmpty()
{
    Engine engine;
    QCOMPARE(engine.now(), SimTime());
    QCOMPARE(engine.pendingCount(), std::size_t(0));
    QCOMPARE(engine.eventsRun(), std::uint64_t(0));
    QVERIFY(!engine.nextEventTime());
    QVERIFY(!engine.step());
    QCOMPARE(engine.runUntil(at(10)), std::size_t(0));
    QCOMPARE(engine.now(), at(10));
}

void TestEngine::sameTimeRunsInSchedulingOrder()
{
    Engine engine;
    std::vector<int> order;
    for (int i = 0; i < 100; ++i)
        engine.scheduleAt(at(5), [&order, i] { order.push_back(i); });
    QCOMPARE(engine.runUntil(at(5)), std::size_t(100));
    QCOMPARE(order.size(), std::size_t(100));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(order[i], i);
}

void TestEngine::ordersByTimeThenSequence()
{
    Engine engine;
    std::vector<QString> order;
    const auto record = [&](const char *name) {
        return [&order, name, &engine] {
            order.push_back(QStringLiteral("%1@%2").arg(name).arg(engine.now().ns() / 1'000'000));
        };
    };
    engine.scheduleAt(at(30), record("a"));
    engine.scheduleAt(at(10), record("b"));
    engine.scheduleAt(at(20), record("c"));
    engine.scheduleAt(at(10), record("d"));
    engine.scheduleAt(at(30), record("e"));
    engine.scheduleAt(at(0), record("f"));
    QCOMPARE(engine.nextEventTime(), std::optional<SimTime>(at(0)));
    while (engine.step()) {}
    const std::vector<QString> expected{"f@0", "b@10", "d@10", "c@20", "a@30", "e@30"};
    QCOMPARE(order, expected);
    QCOMPARE(engine.eventsRun(), std::uint64_t(6));
    QCOMPARE(engine.now(), at(30));
}

void TestEngine::scheduleIsRelativeToNow()
{
    Engine engine;
    SimTime ranAt;
    engine.scheduleAt(at(100), [&] {
        engine.schedule(SimDuration::milliseconds(50), [&] { ranAt = engine.now(); });
    });
    engine.runUntil(at(1000));
    QCOMPARE(ranAt, at(150));

    // A zero delay runs at the current time, after what is already due then.
    std::vector<int> order;
    engine.schedule(SimDuration::zero(), [&] { order.push_back(1); });
    engine.scheduleAt(engine.now(), [&] { order.push_back(2); });
    QCOMPARE(engine.runUntil(engine.now()), std::size_t(2));
    QCOMPARE(order, (std::vector<int>{1, 2}));
}

void TestEngine::cancelBeforeRun()
{
    Engine engine;
    int ran = 0;
    const EventId first = engine.scheduleAt(at(10), [&] { ran += 1; });
    const EventId second = engine.scheduleAt(at(20), [&] { ran += 10; });
    engine.scheduleAt(at(30), [&] { ran += 100; });
    QCOMPARE(engine.pendingCount(), std::size_t(3));
    engine.cancel(second);
    QCOMPARE(engine.pendingCount(), std::size_t(2));
    engine.cancel(second); // twice is harmless
    engine.cancel(first);  // the head of the queue
    QCOMPARE(engine.pendingCount(), std::size_t(1));
    QCOMPARE(engine.nextEventTime(), std::optional<SimTime>(at(30)));
    QCOMPARE(engine.runUntil(at(100)), std::size_t(1));
    QCOMPARE(ran, 100);
    QCOMPARE(engine.eventsRun(), std::uint64_t(1));

    // The callback is released at cancel time, not when the entry surfaces.
    auto token = std::make_shared<int>(0);
    const EventId held = engine.schedule(SimDuration::seconds(1), [token] {});
    QCOMPARE(token.use_count(), 2L);
    engine.cancel(held);
    QCOMPARE(token.use_count(), 1L);
}

void TestEngine::cancelAfterRunIsNoOp()
{
    Engine engine;
    int ran = 0;
    const EventId id = engine.scheduleAt(at(10), [&] { ++ran; });
    // A later event reuses the freed slot; the stale id must not cancel it.
    engine.runUntil(at(10));
    QCOMPARE(ran, 1);
    const EventId later = engine.scheduleAt(at(20), [&] { ran += 10; });
    engine.cancel(id);
    QVERIFY(engine.isPending(later));
    QCOMPARE(engine.pendingCount(), std::size_t(1));
    engine.runUntil(at(20));
    QCOMPARE(ran, 11);
    engine.cancel(id);
    engine.cancel(later);
    engine.cancel(EventId());
    QCOMPARE(engine.eventsRun(), std::uint64_t(2));
}

void TestEngine::cancelFromInsideEvents()
{
    Engine engine;
    std::vector<int> order;
    EventId self;
    EventId victim;
    self = engine.scheduleAt(at(10), [&] {
        order.push_back(1);
        QVERIFY(!engine.isPending(self)); // a running event is no longer pending
        engine.cancel(self);              // and cancelling it is a no-op
        engine.cancel(victim);
    });
    victim = engine.scheduleAt(at(10), [&] { order.push_back(2); });
    engine.scheduleAt(at(11), [&] { order.push_back(3); });
    engine.runUntil(at(20));
    QCOMPARE(order, (std::vector<int>{1, 3}));
}

void TestEngine::eventIdValidity()
{
    const EventId none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.value(), std::uint64_t(0));
    QVERIFY(none == EventId());

    Engine engine;
    const EventId a = engine.schedule(SimDuration::seconds(1), [] {});
    const EventId b = engine.schedule(SimDuration::seconds(1), [] {});
    QVERIFY(a.isValid());
    QVERIFY(b.isValid());
    QVERIFY(!(a == b));
    QVERIFY(b.value() > a.value()); // sequence numbers increase in scheduling order
    const EventId copy = a;
    QVERIFY(copy == a);

    engine.runUntil(at(5000));
    // Still valid after running: validity is about the handle, pending-ness about the event.
    QVERIFY(a.isValid());
    QVERIFY(!engine.isPending(a));
    const EventId c = engine.schedule(SimDuration::seconds(1), [] {});
    QVERIFY(c.value() > b.value()); // never reused, even though slots are
    QVERIFY(!(c == a) && !(c == b));

    EventId orphan; // outliving its engine is harmless: nothing to dangle
    {
        Engine shortLived;
        orphan = shortLived.schedule(SimDuration::seconds(1), [] {});
    }
    QVERIFY(orphan.isValid());
}

void TestEngine::isPending()
{
    Engine engine;
    QVERIFY(!engine.isPending(EventId()));
    const EventId a = engine.scheduleAt(at(10), [] {});
    const EventId b = engine.scheduleAt(at(20), [] {});
    QVERIFY(engine.isPending(a));
    QVERIFY(engine.isPending(b));
    engine.cancel(b);
    QVERIFY(!engine.isPending(b));
    QVERIFY(engine.step());
    QVERIFY(!engine.isPending(a));
    QVERIFY(!engine.step());
}

void TestEngine::runUntilSetsNowAndStopsAtLimit()
{
    Engine engine;
    std::vector<std::int64_t> ranAt;
    for (const std::int64_t ms : {5, 10, 15, 20})
        engine.scheduleAt(at(ms), [&] { ranAt.push_back(engine.now().ns() / 1'000'000); });
    QCOMPARE(engine.runUntil(at(10)), std::size_t(2)); // the limit is inclusive
    QCOMPARE(engine.now(), at(10));
    QCOMPARE(ranAt, (std::vector<std::int64_t>{5, 10}));
    QCOMPARE(engine.pendingCount(), std::size_t(2));
    QCOMPARE(engine.runUntil(at(12)), std::size_t(0));
    QCOMPARE(engine.now(), at(12));
    QCOMPARE(engine.nextEventTime(), std::optional<SimTime>(at(15)));
    QCOMPARE(engine.runUntil(at(100)), std::size_t(2));
    QCOMPARE(engine.now(), at(100));
    QCOMPARE(engine.eventsRun(), std::uint64_t(4));
}

void TestEngine::runUntilNeverMovesTimeBack()
{
    Engine engine;
    engine.runUntil(at(50));
    QCOMPARE(engine.runUntil(at(20)), std::size_t(0));
    QCOMPARE(engine.now(), at(50));
}

void TestEngine::runBatchSplitsWithoutReordering()
{
    Engine engine;
    std::vector<std::int64_t> whole;
    std::vector<std::int64_t> split;
    const auto fill = [](Engine &e, std::vector<std::int64_t> &trace) {
        for (int i = 0; i < 50; ++i) {
            e.scheduleAt(at(i % 7), [&e, &trace, i] {
                trace.push_back(i);
                if (i % 3 == 0)
                    e.schedule(SimDuration::milliseconds(i % 5),
                               [&trace, i] { trace.push_back(-i); });
            });
        }
    };
    fill(engine, whole);
    engine.runUntil(at(100));

    Engine batched;
    fill(batched, split);
    std::size_t total = 0;
    std::size_t ran;
    while ((ran = batched.runBatch(at(100), 3)) == 3) {
        total += ran;
        QVERIFY(batched.now() <= at(100));
    }
    total += ran;
    QCOMPARE(split, whole);
    QCOMPARE(total, std::size_t(engine.eventsRun()));
    QCOMPARE(batched.now(), at(100));
}

void TestEngine::eventsScheduledDuringEvents()
{
    Engine engine;
    int ticks = 0;
    std::function<void()> tick = [&] {
        ++ticks;
        engine.schedule(SimDuration::seconds(10), tick);
    };
    engine.schedule(SimDuration::seconds(10), tick);
    QCOMPARE(engine.runUntil(SimTime::fromSeconds(60)), std::size_t(6)); // 10, 20, ..., 60
    QCOMPARE(ticks, 6);
    QCOMPARE(engine.pendingCount(), std::size_t(1));
    QCOMPARE(engine.nextEventTime(), std::optional<SimTime>(SimTime::fromSeconds(70)));

    // An event scheduled for "now" from inside an event still runs within the same runUntil.
    bool chained = false;
    engine.scheduleAt(SimTime::fromSeconds(65), [&] {
        engine.schedule(SimDuration::zero(),
                        [&] { chained = engine.now() == SimTime::fromSeconds(65); });
    });
    engine.runUntil(SimTime::fromSeconds(65));
    QVERIFY(chained);
}

void TestEngine::manyCancellationsAreCompacted()
{
    Engine engine;
    std::vector<EventId> ids;
    for (int i = 0; i < 20000; ++i)
        ids.push_back(engine.scheduleAt(at(1000 + i), [] {}));
    int survivors = 0;
    for (int i = 0; i < 20000; ++i) {
        if (i % 10 == 9)
            ++survivors;
        else
            engine.cancel(ids[i]);
    }
    QCOMPARE(engine.pendingCount(), std::size_t(survivors));
    std::vector<SimTime> ranAt;
    const EventId probe = engine.scheduleAt(at(999), [&] { ranAt.push_back(engine.now()); });
    QVERIFY(engine.isPending(probe));
    QCOMPARE(engine.runUntil(at(100000)), std::size_t(survivors + 1));
    QCOMPARE(ranAt.size(), std::size_t(1));
    QCOMPARE(engine.pendingCount(), std::size_t(0));
}

void TestEngine::postRunsBeforeNextEvent()
{
    Engine engine;
    std::vector<QString> order;
    engine.scheduleAt(at(10), [&] {
        order.push_back("event@10");
        engine.post([&] {
            order.push_back(QStringLiteral("posted@%1").arg(engine.now().ns() / 1'000'000));
        });
    });
    engine.scheduleAt(at(10), [&] { order.push_back("second@10"); });
    engine.scheduleAt(at(20), [&] { order.push_back("event@20"); });
    engine.post([&] { order.push_back("posted@0"); });
    QCOMPARE(engine.runUntil(at(30)), std::size_t(3)); // posted functions are not events
    const std::vector<QString> expected{"posted@0", "event@10", "posted@10", "second@10",
                                        "event@20"};
    QCOMPARE(order, expected);

    // step() drains the inbox even with no event, and posted work may schedule events.
    bool ran = false;
    engine.post([&] { engine.schedule(SimDuration::seconds(1), [&] { ran = true; }); });
    QVERIFY(engine.step());
    QVERIFY(ran);
}

void TestEngine::postFromOtherThreads()
{
    constexpr int producers = 4;
    constexpr int postsEach = 5000;
    Engine engine;
    std::vector<int> runs(producers * postsEach, 0); // written on the engine thread only
    std::atomic<int> finished = 0;
    std::atomic<int> offThread = 0;
    const std::thread::id engineThread = std::this_thread::get_id();

    // Keep the engine busy with a self-rescheduling event while the producers post.
    std::function<void()> tick = [&] { engine.schedule(SimDuration::milliseconds(1), tick); };
    engine.schedule(SimDuration::zero(), tick);

    std::vector<std::thread> threads;
    for (int p = 0; p < producers; ++p) {
        threads.emplace_back([&, p] {
            for (int i = 0; i < postsEach; ++i) {
                const int index = p * postsEach + i;
                engine.post([&runs, &offThread, engineThread, index] {
                    if (std::this_thread::get_id() != engineThread)
                        ++offThread;
                    ++runs[index];
                });
            }
            ++finished;
        });
    }
    // Run the engine concurrently with the producers until all of them are done.
    SimTime limit;
    while (finished.load() < producers) {
        limit += SimDuration::milliseconds(10);
        engine.runUntil(limit);
    }
    for (std::thread &t : threads)
        t.join();
    engine.runUntil(limit + SimDuration::milliseconds(10)); // drains what arrived last
    QCOMPARE(offThread.load(), 0);
    for (int i = 0; i < producers * postsEach; ++i)
        QCOMPARE(runs[i], 1);
}

void TestEngine::performanceSanity()
{
    constexpr int count = 1'000'000;
    Engine engine;
    std::uint64_t sum = 0;
    // Pseudo-random times over one simulated hour, so the heap does real work. Measured in
    // process CPU time, so that a loaded machine (parallel ctest, builds) does not fail it.
    std::uint64_t x = 88172645463325252ULL;
    const std::clock_t started = std::clock();
    for (int i = 0; i < count; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const auto delay = SimDuration::nanoseconds(std::int64_t(x % 3'600'000'000'000ULL));
        engine.schedule(delay, [&sum, i] { sum += std::uint64_t(i); });
    }
    QCOMPARE(engine.runUntil(SimTime::fromSeconds(3600)), std::size_t(count));
    const double seconds = double(std::clock() - started) / CLOCKS_PER_SEC;
    QCOMPARE(sum, std::uint64_t(count) * (count - 1) / 2);
    qInfo("1e6 events scheduled and run in %.3f s CPU (%.2f M events/s)", seconds,
          count / seconds / 1e6);
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    constexpr double budget = 2.0;
#else
    constexpr double budget = 60.0; // sanitizers and -O0 are 5-20x slower; only catch blow-ups
#endif
    QVERIFY2(seconds < budget, qPrintable(QString::number(seconds)));
}

QTEST_APPLESS_MAIN(TestEngine)
#include "tst_engine.moc"
