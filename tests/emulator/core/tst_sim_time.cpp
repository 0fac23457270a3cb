// SPDX-License-Identifier: Apache-2.0
#include "emulator/core/sim_time.h"

#include <QtTest>

#include <limits>

using namespace emu;

class TestSimTime : public QObject
{
    Q_OBJECT

private slots:
    void namedConstructors();
    void durationArithmetic();
    void timeArithmetic();
    void ordering();
    void millisecondsTruncate();
    void toSeconds();
    void fromSecondsRounds_data();
    void fromSecondsRounds();
    void fromSecondsSaturates();
    void constexprUsable();
};

void TestSimTime::namedConstructors()
{
    QCOMPARE(SimDuration().ns(), 0);
    QCOMPARE(SimDuration::nanoseconds(7).ns(), 7);
    QCOMPARE(SimDuration::microseconds(3).ns(), 3'000);
    QCOMPARE(SimDuration::milliseconds(5).ns(), 5'000'000);
    QCOMPARE(SimDuration::seconds(2).ns(), 2'000'000'000);
    QCOMPARE(SimDuration::minutes(5).ns(), 300'000'000'000);
    QCOMPARE(SimDuration::hours(1).ns(), 3'600'000'000'000);
    QCOMPARE(SimDuration::seconds(-3).ns(), -3'000'000'000);
    QCOMPARE(SimTime().ns(), 0);
    QCOMPARE(SimTime::fromNs(42).ns(), 42);
    QCOMPARE(SimTime::fromSeconds(40).ns(), 40'000'000'000);
    QCOMPARE(SimTime::fromDuration(SimDuration::milliseconds(1)).ns(), 1'000'000);
    QCOMPARE(SimTime::fromSeconds(3).sinceStart(), SimDuration::seconds(3));
}

void TestSimTime::durationArithmetic()
{
    const SimDuration a = SimDuration::seconds(3);
    const SimDuration b = SimDuration::milliseconds(500);
    QCOMPARE((a + b).ns(), 3'500'000'000);
    QCOMPARE((a - b).ns(), 2'500'000'000);
    QCOMPARE((b - a).ns(), -2'500'000'000);
    QCOMPARE((-a).ns(), -3'000'000'000);
    QCOMPARE((a * 4).ns(), 12'000'000'000);
    QCOMPARE((4 * a).ns(), 12'000'000'000);
    QCOMPARE((a / 2).ns(), 1'500'000'000);
    QCOMPARE(SimDuration::nanoseconds(7) / 2, SimDuration::nanoseconds(3)); // truncates
    QCOMPARE(SimDuration::nanoseconds(-7) / 2, SimDuration::nanoseconds(-3));
    QCOMPARE(a / b, 6);
    QCOMPARE(SimDuration::milliseconds(1250) % SimDuration::seconds(1),
             SimDuration::milliseconds(250));

    SimDuration c = a;
    c += b;
    QCOMPARE(c, SimDuration::milliseconds(3500));
    c -= SimDuration::seconds(1);
    QCOMPARE(c, SimDuration::milliseconds(2500));
    c *= 2;
    QCOMPARE(c, SimDuration::seconds(5));
    c /= 5;
    QCOMPARE(c, SimDuration::seconds(1));
}

void TestSimTime::timeArithmetic()
{
    const SimTime t = SimTime::fromSeconds(10);
    QCOMPARE((t + SimDuration::seconds(2)).ns(), 12'000'000'000);
    QCOMPARE((SimDuration::seconds(2) + t).ns(), 12'000'000'000);
    QCOMPARE((t - SimDuration::seconds(2)).ns(), 8'000'000'000);
    QCOMPARE(SimTime::fromSeconds(12) - t, SimDuration::seconds(2));
    QCOMPARE(t - SimTime::fromSeconds(12), SimDuration::seconds(-2));

    SimTime u = t;
    u += SimDuration::milliseconds(1);
    QCOMPARE(u.ns(), 10'001'000'000);
    u -= SimDuration::milliseconds(1);
    QCOMPARE(u, t);
}

void TestSimTime::ordering()
{
    QVERIFY(SimDuration::milliseconds(999) < SimDuration::seconds(1));
    QVERIFY(SimDuration::seconds(1) <= SimDuration::milliseconds(1000));
    QVERIFY(SimDuration::seconds(1) == SimDuration::milliseconds(1000));
    QVERIFY(SimDuration::seconds(-1) < SimDuration::zero());
    QVERIFY(SimDuration::nanoseconds(1) != SimDuration::zero());
    QVERIFY(SimDuration::max() > SimDuration::hours(24 * 365 * 100));
    QVERIFY((SimDuration::seconds(1) <=> SimDuration::seconds(2)) < 0);

    QVERIFY(SimTime::fromNs(1) > SimTime());
    QVERIFY(SimTime::fromSeconds(1) == SimTime::fromNs(1'000'000'000));
    QVERIFY(SimTime::fromSeconds(1) >= SimTime::fromNs(999'999'999));
    QVERIFY(SimTime::max() > SimTime::fromSeconds(1'000'000'000));
    QVERIFY((SimTime::fromNs(5) <=> SimTime::fromNs(5)) == 0);
}

void TestSimTime::millisecondsTruncate()
{
    QCOMPARE(SimDuration::nanoseconds(1'999'999).ms(), 1);
    QCOMPARE(SimDuration::nanoseconds(999'999).ms(), 0);
    QCOMPARE(SimDuration::nanoseconds(-1'999'999).ms(), -1); // toward zero, not floor
    QCOMPARE(SimDuration::seconds(90).ms(), 90'000);
}

void TestSimTime::toSeconds()
{
    QCOMPARE(SimDuration::milliseconds(1500).toSeconds(), 1.5);
    QCOMPARE(SimDuration::seconds(-2).toSeconds(), -2.0);
    QCOMPARE(SimTime::fromNs(250'000'000).toSeconds(), 0.25);
}

void TestSimTime::fromSecondsRounds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<qint64>("ns");
    QTest::newRow("zero") << 0.0 << qint64(0);
    QTest::newRow("whole") << 40.0 << qint64(40'000'000'000);
    QTest::newRow("tenth, inexact in binary") << 0.1 << qint64(100'000'000);
    QTest::newRow("0.3 is below in binary") << 0.3 << qint64(300'000'000);
    QTest::newRow("1.1") << 1.1 << qint64(1'100'000'000);
    QTest::newRow("below half a ns") << 1.4e-9 << qint64(1);
    QTest::newRow("above half a ns") << 1.6e-9 << qint64(2);
    QTest::newRow("exact half rounds away") << 2.5e-9 << qint64(3);
    QTest::newRow("negative half rounds away") << -2.5e-9 << qint64(-3);
    QTest::newRow("negative") << -0.75 << qint64(-750'000'000);
    QTest::newRow("tiny") << 1e-12 << qint64(0);
    QTest::newRow("a day") << 86400.0 << qint64(86'400'000'000'000);
}

void TestSimTime::fromSecondsRounds()
{
    QFETCH(double, seconds);
    QFETCH(qint64, ns);
    QCOMPARE(SimDuration::fromSeconds(seconds).ns(), ns);
}

void TestSimTime::fromSecondsSaturates()
{
#ifdef NDEBUG
    QCOMPARE(SimDuration::fromSeconds(1e300), SimDuration::max());
    QCOMPARE(SimDuration::fromSeconds(-1e300).ns(), std::numeric_limits<std::int64_t>::min());
#else
    QSKIP("out-of-range values assert in debug builds");
#endif
}

void TestSimTime::constexprUsable()
{
    // The time types must be usable in constant expressions (emu::defaults are constexpr).
    constexpr SimDuration lease = SimDuration::seconds(40);
    constexpr SimTime deadline = SimTime() + lease * 2 - SimDuration::milliseconds(1);
    static_assert(deadline.ns() == 79'999'000'000);
    static_assert(SimDuration::minutes(1) == SimDuration::seconds(60));
    static_assert(SimTime::fromSeconds(1) - SimTime() == SimDuration::seconds(1));
    QCOMPARE(deadline.ns(), 79'999'000'000);
}

QTEST_APPLESS_MAIN(TestSimTime)
#include "tst_sim_time.moc"
