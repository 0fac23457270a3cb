// SPDX-License-Identifier: Apache-2.0
// upstream pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go (RateLimitedTimedQueue,
// UniqueQueue, Try, SwapLimiter) in simulated time; spec 3.5.
#include "emulator/controllers/rate_limited_timed_queue.h"

#include <QtTest>

#include <string>
#include <vector>

using emu::SimDuration;
using emu::SimTime;
using emu::ctrl::RateLimitedTimedQueue;
using Item = RateLimitedTimedQueue::Item;

namespace {

constexpr qint64 kPeriodMs = 100; // NodeEvictionPeriod

SimTime ms(qint64 v)
{
    return SimTime::fromDuration(SimDuration::milliseconds(v));
}

struct Processed
{
    std::string value;
    qint64 atMs = 0;
};

// Runs tryProcess every 100 ms over [fromMs, untilMs], every item succeeding.
std::vector<Processed> run(RateLimitedTimedQueue &queue, qint64 fromMs, qint64 untilMs)
{
    std::vector<Processed> done;
    for (qint64 t = fromMs; t <= untilMs; t += kPeriodMs) {
        queue.tryProcess(ms(t), [&](const Item &item) {
            done.push_back({item.value, t});
            return std::pair{true, SimDuration::zero()};
        });
    }
    return done;
}

std::vector<qint64> timesOf(const std::vector<Processed> &done)
{
    std::vector<qint64> times;
    for (const auto &p : done)
        times.push_back(p.atMs);
    return times;
}

std::vector<std::string> valuesOf(const std::vector<Processed> &done)
{
    std::vector<std::string> values;
    for (const auto &p : done)
        values.push_back(p.value);
    return values;
}

const auto succeed = [](const Item &) { return std::pair{true, SimDuration::zero()}; };

} // namespace

class TestRateLimitedTimedQueue : public QObject
{
    Q_OBJECT

private slots:
    void pace_data();
    void pace();
    void equalProcessAtFollowsGoHeapOrder();
    void uniqueSet();
    void removeThenReAdd();
    void clear();
    void failureRequeue();
    void tokenSpentBeforeLookingAtHead();
    void actionMayRemoveItsItem();
    void swapSameQpsIsNoOp();
    void swapDrainsWhenOldHadNoToken();
    void swapKeepsFullBucketWhenOldHadToken();
    void swapToZeroStops();
    void swapFromNeverReportsOne();
};

void TestRateLimitedTimedQueue::pace_data()
{
    QTest::addColumn<double>("qps");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<std::vector<qint64>>("expectedMs");

    QTest::newRow("0.1 qps, 5 nodes") << 0.1 << 5 << std::vector<qint64>{0, 10'000, 20'000, 30'000, 40'000};
    QTest::newRow("0.01 qps, 3 nodes") << 0.01 << 3 << std::vector<qint64>{0, 100'000, 200'000};
}

void TestRateLimitedTimedQueue::pace()
{
    QFETCH(double, qps);
    QFETCH(int, nodes);
    QFETCH(std::vector<qint64>, expectedMs);

    RateLimitedTimedQueue queue(qps);
    for (int i = 0; i < nodes; ++i)
        QVERIFY(queue.add("node-" + std::to_string(i), "uid-" + std::to_string(i), ms(0)));
    QCOMPARE(queue.size(), std::size_t(nodes));

    const auto done = run(queue, 0, expectedMs.back() + 30'000);
    QCOMPARE(timesOf(done), expectedMs);
    QCOMPARE(queue.size(), std::size_t(0));
    for (int i = 0; i < nodes; ++i)
        QVERIFY(queue.contains("node-" + std::to_string(i))); // kept in the set
}

void TestRateLimitedTimedQueue::equalProcessAtFollowsGoHeapOrder()
{
    // container/heap: Remove(0) moves the last element to the root, and equal keys never sift.
    RateLimitedTimedQueue queue(1.0);
    for (const char *name : {"a", "b", "c", "d", "e"})
        QVERIFY(queue.add(name, "", ms(0)));
    std::vector<std::string> pendingValues;
    for (const Item &item : queue.pending())
        pendingValues.push_back(item.value);
    const std::vector<std::string> expected{"a", "e", "d", "c", "b"};
    QCOMPARE(pendingValues, expected);
    QCOMPARE(valuesOf(run(queue, 0, 10'000)), expected);

    // Different processAt values come out in time order.
    RateLimitedTimedQueue timed(1.0);
    QVERIFY(timed.add("late", "", ms(300)));
    QVERIFY(timed.add("early", "", ms(100)));
    QVERIFY(timed.add("middle", "", ms(200)));
    QCOMPARE(timed.head()->value, std::string("early"));
    QCOMPARE(valuesOf(run(timed, 300, 5'000)), (std::vector<std::string>{"early", "middle", "late"}));
}

void TestRateLimitedTimedQueue::uniqueSet()
{
    RateLimitedTimedQueue queue(0.1);
    QVERIFY(queue.add("a", "uid-a", ms(0)));
    QVERIFY(!queue.add("a", "other", ms(50)));
    QCOMPARE(queue.size(), std::size_t(1));
    QCOMPARE(queue.head()->uid, std::string("uid-a"));
    QCOMPARE(queue.head()->addedAt, ms(0));
    QCOMPARE(queue.head()->processAt, ms(0));

    queue.tryProcess(ms(0), succeed);
    QCOMPARE(queue.size(), std::size_t(0));
    QVERIFY(queue.contains("a"));
    QVERIFY(!queue.isQueued("a"));
    // Processed but not removed: still blocked.
    QVERIFY(!queue.add("a", "uid-a", ms(60'000)));
    QCOMPARE(queue.size(), std::size_t(0));
}

void TestRateLimitedTimedQueue::removeThenReAdd()
{
    RateLimitedTimedQueue queue(0.1);
    QVERIFY(queue.add("a", "uid-a", ms(0)));
    QVERIFY(queue.remove("a"));
    QVERIFY(!queue.contains("a"));
    QCOMPARE(queue.size(), std::size_t(0));
    QVERIFY(!queue.remove("a"));

    QVERIFY(queue.add("a", "uid-a2", ms(5'000)));
    QCOMPARE(queue.head()->processAt, ms(5'000));
    QCOMPARE(queue.head()->uid, std::string("uid-a2"));

    // After processing (value kept in the set), Remove still reports true and frees the name.
    queue.tryProcess(ms(5'000), succeed);
    QVERIFY(!queue.isQueued("a"));
    QVERIFY(queue.remove("a"));
    QVERIFY(queue.add("a", "uid-a3", ms(6'000)));
    QVERIFY(queue.isQueued("a"));
}

void TestRateLimitedTimedQueue::clear()
{
    RateLimitedTimedQueue queue(0.1);
    QVERIFY(queue.add("a", "", ms(0)));
    QVERIFY(queue.add("b", "", ms(0)));
    queue.tryProcess(ms(0), succeed);
    QCOMPARE(queue.size(), std::size_t(1));
    queue.clear();
    QVERIFY(queue.isEmpty());
    QVERIFY(!queue.contains("a"));
    QVERIFY(!queue.contains("b"));
    QVERIFY(queue.add("a", "", ms(1'000)));
}

void TestRateLimitedTimedQueue::failureRequeue()
{
    RateLimitedTimedQueue queue(10.0); // one token per 100 ms
    QVERIFY(queue.add("a", "uid-a", ms(0)));
    int calls = 0;
    const auto failOnce = [&](const Item &) {
        ++calls;
        return std::pair{calls > 1, SimDuration::milliseconds(50)};
    };
    queue.tryProcess(ms(0), failOnce);
    QCOMPARE(calls, 1);
    // val.ProcessAt = now.Add(wait + 1)
    QVERIFY(queue.isQueued("a"));
    QCOMPARE(queue.head()->processAt, ms(50) + SimDuration::nanoseconds(1));
    QCOMPARE(queue.head()->addedAt, ms(0));
    QCOMPARE(queue.head()->uid, std::string("uid-a"));

    queue.tryProcess(ms(100), failOnce);
    QCOMPARE(calls, 2);
    QVERIFY(!queue.isQueued("a"));
    QVERIFY(queue.contains("a"));
}

void TestRateLimitedTimedQueue::tokenSpentBeforeLookingAtHead()
{
    RateLimitedTimedQueue queue(1.0);
    QVERIFY(queue.add("a", "", ms(0)));
    int calls = 0;
    const auto failFor5s = [&](const Item &) {
        ++calls;
        return std::pair{false, SimDuration::seconds(5)};
    };
    queue.tryProcess(ms(0), failFor5s); // token 1 spent on the attempt
    QCOMPARE(calls, 1);
    QCOMPARE(queue.limiter().tokens(ms(1'000)), 1.0);
    queue.tryProcess(ms(1'000), failFor5s); // token spent, head not due until 5 s + 1 ns
    QCOMPARE(calls, 1);
    QCOMPARE(queue.limiter().tokens(ms(1'000)), 0.0);
    queue.tryProcess(ms(5'000), failFor5s); // token available, but 5 s < 5 s + 1 ns
    QCOMPARE(calls, 1);
    QCOMPARE(queue.limiter().tokens(ms(5'500)), 0.5);
    queue.tryProcess(ms(5'500), failFor5s); // no token yet
    QCOMPARE(calls, 1);
    queue.tryProcess(ms(6'000), failFor5s);
    QCOMPARE(calls, 2);
}

void TestRateLimitedTimedQueue::actionMayRemoveItsItem()
{
    RateLimitedTimedQueue queue(1.0);
    QVERIFY(queue.add("a", "", ms(0)));
    queue.tryProcess(ms(0), [&](const Item &item) {
        queue.remove(item.value); // e.g. the node became Ready meanwhile
        return std::pair{false, SimDuration::zero()};
    });
    // Replace finds nothing: the item is gone from queue and set.
    QVERIFY(queue.isEmpty());
    QVERIFY(!queue.contains("a"));
}

void TestRateLimitedTimedQueue::swapSameQpsIsNoOp()
{
    RateLimitedTimedQueue queue(0.1);
    QVERIFY(queue.add("a", "", ms(0)));
    QVERIFY(queue.add("b", "", ms(0)));
    queue.tryProcess(ms(0), succeed);
    queue.swapLimiter(0.1, ms(1'000));
    QCOMPARE(queue.currentQps(), 0.1);
    QCOMPARE(queue.limiter().tokens(ms(5'000)), 0.5); // the same bucket, refilling since t = 0
    QCOMPARE(timesOf(run(queue, 100, 30'000)), std::vector<qint64>{10'000});
}

void TestRateLimitedTimedQueue::swapDrainsWhenOldHadNoToken()
{
    RateLimitedTimedQueue queue(0.1);
    QVERIFY(queue.add("a", "", ms(0)));
    QVERIFY(queue.add("b", "", ms(0)));
    queue.tryProcess(ms(0), succeed); // a; the bucket is empty now
    queue.swapLimiter(0.01, ms(1'000)); // Normal -> large-zone PartialDisruption
    QCOMPARE(queue.currentQps(), 0.01);
    QCOMPARE(queue.limiter().tokens(ms(1'000)), 0.0);
    // No free token: the next one comes 100 s after the swap.
    QCOMPARE(timesOf(run(queue, 1'000, 200'000)), std::vector<qint64>{101'000});
}

void TestRateLimitedTimedQueue::swapKeepsFullBucketWhenOldHadToken()
{
    RateLimitedTimedQueue queue(0.1);
    queue.swapLimiter(0.01, ms(0)); // old bucket full: the new one stays full
    QCOMPARE(queue.currentQps(), 0.01);
    QVERIFY(queue.add("a", "", ms(0)));
    QVERIFY(queue.add("b", "", ms(0)));
    QCOMPARE(timesOf(run(queue, 0, 150'000)), (std::vector<qint64>{0, 100'000}));
}

void TestRateLimitedTimedQueue::swapToZeroStops()
{
    RateLimitedTimedQueue queue(0.1);
    QVERIFY(queue.add("a", "", ms(0)));
    QVERIFY(queue.add("b", "", ms(0)));
    queue.tryProcess(ms(0), succeed);
    queue.swapLimiter(0.0, ms(1'000)); // small zone in PartialDisruption, or master disruption
    QVERIFY(queue.limiter().isNever());
    QCOMPARE(queue.currentQps(), 0.0);
    QVERIFY(run(queue, 1'000, 200'000).empty());
    QCOMPARE(queue.size(), std::size_t(1));

    // Back to Normal: the never limiter has no token, so the new bucket is drained.
    queue.swapLimiter(0.1, ms(200'000));
    QCOMPARE(queue.currentQps(), 0.1);
    QCOMPARE(timesOf(run(queue, 200'000, 260'000)), std::vector<qint64>{210'000});
}

void TestRateLimitedTimedQueue::swapFromNeverReportsOne()
{
    // upstream quirk: fakeNeverRateLimiter.QPS() is 1, so SwapLimiter(1) after SwapLimiter(0) is
    // a no-op and the zone stays stopped; SwapLimiter(0) again installs a fresh never limiter.
    RateLimitedTimedQueue queue(1.0);
    queue.swapLimiter(0.0, ms(0));
    queue.swapLimiter(1.0, ms(1'000));
    QVERIFY(queue.limiter().isNever());
    queue.swapLimiter(0.0, ms(2'000));
    QVERIFY(queue.limiter().isNever());
    queue.swapLimiter(2.0, ms(3'000));
    QVERIFY(!queue.limiter().isNever());
    QCOMPARE(queue.currentQps(), 2.0);
    QCOMPARE(queue.limiter().tokens(ms(3'000)), 0.0); // drained: the never limiter had no token
}

QTEST_APPLESS_MAIN(TestRateLimitedTimedQueue)
#include "tst_rate_limited_timed_queue.moc"
