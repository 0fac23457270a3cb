// SPDX-License-Identifier: Apache-2.0
// client-go's rate-limited work queue and ControllerExpectations in simulated time: keys are
// deduplicated, never synced twice at once, failures are requeued after 5 ms doubling (and
// no faster than 10/s after a burst of 100), delayed adds keep the earliest time, and
// expectations hold a controller back until its own writes are observed or 5 minutes pass.
#include "emulator/controllers/controller_expectations.h"
#include "emulator/controllers/controller_rate_limiter.h"
#include "emulator/controllers/work_queue.h"

#include <QtTest>

#include <string>
#include <vector>

using emu::Engine;
using emu::SimDuration;
using emu::SimTime;
using emu::ctrl::ControllerExpectations;
using emu::ctrl::ControllerRateLimiter;
using emu::ctrl::WorkQueue;

namespace {

struct Sync
{
    std::string key;
    std::int64_t atNs;
};

SimTime ms(std::int64_t m)
{
    return SimTime::fromDuration(SimDuration::milliseconds(m));
}

} // namespace

class TestWorkQueue : public QObject
{
    Q_OBJECT

private slots:
    void duplicateKeysAreSyncedOnce();
    void keyAddedDuringItsSyncIsSyncedAgainAfterwards();
    void failuresBackOffExponentially();
    void successForgetsTheBackOff();
    void addAfterKeepsTheEarliestTime();
    void bucketLimitsRequeuesAfterTheBurst();
    void expectationsWaitForObservedCreations();
    void expectationsCountOnlyExpectedDeletions();
    void expectationsExpireAfterFiveMinutes();
};

void TestWorkQueue::duplicateKeysAreSyncedOnce()
{
    Engine engine;
    std::vector<Sync> syncs;
    WorkQueue queue(engine, [&](const std::string &key) {
        syncs.push_back({key, engine.now().ns()});
        return true;
    });
    queue.add("ns/a");
    queue.add("ns/b");
    queue.add("ns/a");
    QCOMPARE(queue.length(), std::size_t(2));
    engine.runUntil(ms(1));
    QCOMPARE(syncs.size(), std::size_t(2));
    QCOMPARE(syncs[0].key, std::string("ns/a"));
    QCOMPARE(syncs[1].key, std::string("ns/b"));
    QCOMPARE(syncs[1].atNs, std::int64_t(0));
}

void TestWorkQueue::keyAddedDuringItsSyncIsSyncedAgainAfterwards()
{
    Engine engine;
    int running = 0;
    int maxRunning = 0;
    int calls = 0;
    WorkQueue *self = nullptr;
    WorkQueue queue(engine, [&](const std::string &key) {
        ++running;
        maxRunning = std::max(maxRunning, running);
        if (++calls == 1)
            self->add(key); // a watch event for the same object during its sync
        --running;
        return true;
    });
    self = &queue;
    queue.add("ns/a");
    engine.runUntil(ms(1));
    QCOMPARE(calls, 2);
    QCOMPARE(maxRunning, 1);
    QCOMPARE(queue.syncs(), std::uint64_t(2));
}

void TestWorkQueue::failuresBackOffExponentially()
{
    Engine engine;
    std::vector<std::int64_t> times;
    WorkQueue queue(engine, [&](const std::string &) {
        times.push_back(engine.now().ns());
        return times.size() >= 5;
    });
    queue.add("ns/a");
    engine.runUntil(SimTime::fromSeconds(10));
    // ItemExponentialFailureRateLimiter(5ms, 1000s): 5, 10, 20, 40 ms after each failure.
    const std::vector<std::int64_t> expected = {0, 5'000'000, 15'000'000, 35'000'000, 75'000'000};
    QCOMPARE(times, expected);
    QCOMPARE(queue.numRequeues("ns/a"), 0); // forgotten after the success
}

void TestWorkQueue::successForgetsTheBackOff()
{
    ControllerRateLimiter limiter;
    QCOMPARE(limiter.when("k", ms(0)), SimDuration::milliseconds(5));
    QCOMPARE(limiter.when("k", ms(0)), SimDuration::milliseconds(10));
    QCOMPARE(limiter.numRequeues("k"), 2);
    limiter.forget("k");
    QCOMPARE(limiter.when("k", ms(0)), SimDuration::milliseconds(5));
    // 5 ms * 2^n stops at 1000 s.
    ControllerRateLimiter capped;
    SimDuration last;
    for (int i = 0; i < 30; ++i)
        last = capped.when("x", SimTime::fromSeconds(1000 * i));
    QCOMPARE(last, SimDuration::seconds(1000));
}

void TestWorkQueue::addAfterKeepsTheEarliestTime()
{
    Engine engine;
    std::vector<Sync> syncs;
    WorkQueue queue(engine, [&](const std::string &key) {
        syncs.push_back({key, engine.now().ns()});
        return true;
    });
    queue.addAfter("ns/a", SimDuration::seconds(10));
    queue.addAfter("ns/a", SimDuration::seconds(3));
    queue.addAfter("ns/a", SimDuration::seconds(7));
    engine.runUntil(SimTime::fromSeconds(20));
    QCOMPARE(syncs.size(), std::size_t(1));
    QCOMPARE(syncs[0].atNs, SimDuration::seconds(3).ns());
}

void TestWorkQueue::bucketLimitsRequeuesAfterTheBurst()
{
    // BucketRateLimiter(10 qps, 100 burst): 100 keys requeue freely (only the 5 ms per-item
    // back-off), the next ones wait 100 ms, 200 ms, ... for tokens.
    ControllerRateLimiter limiter;
    for (int i = 0; i < 100; ++i)
        QCOMPARE(limiter.when("k" + std::to_string(i), ms(0)), SimDuration::milliseconds(5));
    QCOMPARE(limiter.when("k100", ms(0)), SimDuration::milliseconds(100));
    QCOMPARE(limiter.when("k101", ms(0)), SimDuration::milliseconds(200));
    // One second later ten tokens came back: eight after the two owed.
    for (int i = 0; i < 8; ++i)
        QCOMPARE(limiter.when("later" + std::to_string(i), ms(1000)), SimDuration::milliseconds(5));
    QCOMPARE(limiter.when("later8", ms(1000)), SimDuration::milliseconds(100));
}

void TestWorkQueue::expectationsWaitForObservedCreations()
{
    Engine engine;
    ControllerExpectations expectations(engine);
    QVERIFY(expectations.satisfied("ns/rs")); // no record: a new controller may act
    expectations.expectCreations("ns/rs", 2);
    QVERIFY(!expectations.satisfied("ns/rs"));
    expectations.creationObserved("ns/rs");
    QVERIFY(!expectations.satisfied("ns/rs"));
    expectations.creationObserved("ns/rs");
    QVERIFY(expectations.satisfied("ns/rs"));
}

void TestWorkQueue::expectationsCountOnlyExpectedDeletions()
{
    Engine engine;
    ControllerExpectations expectations(engine);
    expectations.expectDeletions("ns/rs", {"ns/a", "ns/b"});
    expectations.deletionObserved("ns/rs", "ns/other"); // not one of ours
    expectations.deletionObserved("ns/rs", "ns/a");
    expectations.deletionObserved("ns/rs", "ns/a");     // seen twice (update, then delete)
    QVERIFY(!expectations.satisfied("ns/rs"));
    expectations.deletionObserved("ns/rs", "ns/b");
    QVERIFY(expectations.satisfied("ns/rs"));
}

void TestWorkQueue::expectationsExpireAfterFiveMinutes()
{
    Engine engine;
    ControllerExpectations expectations(engine);
    expectations.expectCreations("ns/rs", 1);
    engine.runUntil(SimTime::fromSeconds(300));
    QVERIFY(!expectations.satisfied("ns/rs"));
    engine.runUntil(SimTime::fromSeconds(300) + SimDuration::nanoseconds(1));
    QVERIFY(expectations.satisfied("ns/rs")); // a lost watch event does not block forever
}

QTEST_APPLESS_MAIN(TestWorkQueue)
#include "tst_work_queue.moc"
