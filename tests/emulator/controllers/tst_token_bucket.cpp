// SPDX-License-Identifier: Apache-2.0
// client-go util/flowcontrol NewTokenBucketRateLimiter(qps, 1) / NewFakeNeverRateLimiter over
// golang.org/x/time/rate, in simulated time (spec 3.5).
#include "emulator/controllers/token_bucket.h"

#include <QtTest>

#include <vector>

using emu::SimDuration;
using emu::SimTime;
using emu::ctrl::TokenBucket;

namespace {

SimTime at(double seconds)
{
    return SimTime::fromDuration(SimDuration::fromSeconds(seconds));
}

// Calls tryAccept every 100 ms (NodeEvictionPeriod) from t = 0 and returns the accept times in
// milliseconds.
std::vector<qint64> acceptTimesMs(TokenBucket &bucket, int wanted, qint64 untilMs)
{
    std::vector<qint64> times;
    for (qint64 ms = 0; ms <= untilMs && int(times.size()) < wanted; ms += 100) {
        if (bucket.tryAccept(SimTime::fromDuration(SimDuration::milliseconds(ms))))
            times.push_back(ms);
    }
    return times;
}

} // namespace

class TestTokenBucket : public QObject
{
    Q_OBJECT

private slots:
    void startsFull();
    void pace_data();
    void pace();
    void exactRefillBoundary();
    void refusedAttemptsChangeNothing();
    void tokenLevel();
    void never_data();
    void never();
    void largerBurst();
    void timeGoingBackwards();
};

void TestTokenBucket::startsFull()
{
    TokenBucket bucket(0.1);
    QCOMPARE(bucket.tokens(at(0)), 1.0);
    QVERIFY(bucket.tryAccept(at(0)));
    QVERIFY(!bucket.tryAccept(at(0)));
    QCOMPARE(bucket.qps(), 0.1);
    QCOMPARE(bucket.burst(), 1);
    QVERIFY(!bucket.isNever());

    // A bucket first used long after the start is still just full (capped at burst).
    TokenBucket late(0.1);
    QVERIFY(late.tryAccept(at(1000)));
    QVERIFY(!late.tryAccept(at(1000)));
}

void TestTokenBucket::pace_data()
{
    QTest::addColumn<double>("qps");
    QTest::addColumn<int>("accepts");
    QTest::addColumn<qint64>("intervalMs");

    QTest::newRow("0.1 qps (--node-eviction-rate): one per 10 s") << 0.1 << 5 << qint64(10'000);
    QTest::newRow("0.01 qps (--secondary-node-eviction-rate): one per 100 s") << 0.01 << 3 << qint64(100'000);
    QTest::newRow("1 qps") << 1.0 << 4 << qint64(1'000);
    QTest::newRow("0.5 qps") << 0.5 << 4 << qint64(2'000);
    QTest::newRow("0.25 qps") << 0.25 << 4 << qint64(4'000);
}

void TestTokenBucket::pace()
{
    QFETCH(double, qps);
    QFETCH(int, accepts);
    QFETCH(qint64, intervalMs);

    TokenBucket bucket(qps);
    const auto times = acceptTimesMs(bucket, accepts, intervalMs * accepts);
    std::vector<qint64> expected;
    for (int i = 0; i < accepts; ++i)
        expected.push_back(i * intervalMs);
    QCOMPARE(times, expected);
}

void TestTokenBucket::exactRefillBoundary()
{
    TokenBucket bucket(0.1);
    QVERIFY(bucket.tryAccept(at(0)));
    const SimTime tenSeconds = SimTime::fromSeconds(10);
    QVERIFY(!bucket.tryAccept(tenSeconds - SimDuration::nanoseconds(1)));
    QVERIFY(bucket.tryAccept(tenSeconds));
    QVERIFY(!bucket.tryAccept(tenSeconds));
}

void TestTokenBucket::refusedAttemptsChangeNothing()
{
    // x/time/rate reserveN only stores the new state when the reservation is ok.
    TokenBucket bucket(0.1);
    QVERIFY(bucket.tryAccept(at(0)));
    for (int s = 1; s < 10; ++s)
        QVERIFY(!bucket.tryAccept(at(s)));
    QVERIFY(bucket.tryAccept(at(10)));
    QVERIFY(!bucket.tryAccept(at(19.9)));
    QVERIFY(bucket.tryAccept(at(20)));
}

void TestTokenBucket::tokenLevel()
{
    TokenBucket bucket(0.1);
    QVERIFY(bucket.tryAccept(at(0)));
    QCOMPARE(bucket.tokens(at(0)), 0.0);
    QCOMPARE(bucket.tokens(at(5)), 0.5);
    QCOMPARE(bucket.tokens(at(10)), 1.0);
    QCOMPARE(bucket.tokens(at(500)), 1.0); // capped at burst
    // tokens() only looks.
    QCOMPARE(bucket.tokens(at(5)), 0.5);
    QVERIFY(!bucket.tryAccept(at(5)));
}

void TestTokenBucket::never_data()
{
    QTest::addColumn<double>("qps");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative") << -1.0;
}

void TestTokenBucket::never()
{
    QFETCH(double, qps);
    TokenBucket bucket(qps);
    TokenBucket factory = TokenBucket::never();
    for (TokenBucket *b : {&bucket, &factory}) {
        QVERIFY(b->isNever());
        for (int s = 0; s <= 1000; s += 50)
            QVERIFY(!b->tryAccept(at(s)));
        QCOMPARE(b->qps(), 0.0);
        QCOMPARE(b->tokens(at(1000)), 0.0);
        // upstream fakeNeverRateLimiter.QPS() returns 1.
        QCOMPARE(b->reportedQps(), 1.0);
    }
}

void TestTokenBucket::largerBurst()
{
    TokenBucket bucket(1.0, 3);
    QVERIFY(bucket.tryAccept(at(0)));
    QVERIFY(bucket.tryAccept(at(0)));
    QVERIFY(bucket.tryAccept(at(0)));
    QVERIFY(!bucket.tryAccept(at(0)));
    QVERIFY(bucket.tryAccept(at(1)));
    QCOMPARE(bucket.tokens(at(100)), 3.0);
}

void TestTokenBucket::timeGoingBackwards()
{
    // Limiter.advance: a time before the last grant counts as no elapsed time.
    TokenBucket bucket(0.1);
    QVERIFY(bucket.tryAccept(at(10)));
    QVERIFY(!bucket.tryAccept(at(5)));
    QCOMPARE(bucket.tokens(at(5)), 0.0);
    QVERIFY(bucket.tryAccept(at(20)));
}

QTEST_APPLESS_MAIN(TestTokenBucket)
#include "tst_token_bucket.moc"
