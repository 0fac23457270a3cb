// SPDX-License-Identifier: Apache-2.0
// client-go util/flowcontrol.Backoff as kuberuntime_manager.go doBackOff uses it for crashing
// containers (spec 5.3): 10 s doubling to 300 s, reset after 2 x 300 s without an update.
#include "emulator/kubelet/restart_backoff.h"

#include <QtTest>

#include <vector>

using emu::SimDuration;
using emu::SimTime;
using emu::kubelet::RestartBackoff;

namespace {

SimTime at(double seconds)
{
    return SimTime::fromDuration(SimDuration::fromSeconds(seconds));
}

const std::string key = RestartBackoff::stableKey("web-0", "shop", "uid-1", "app");

// A container that runs `runSeconds` and crashes, restarted by a kubelet that syncs at every
// crash and again as soon as the back-off allows. Returns the delays before each restart.
std::vector<qint64> crashLoopDelays(RestartBackoff &backoff, double runSeconds, int crashes)
{
    std::vector<qint64> delays;
    SimTime now = at(0);
    for (int i = 0; i < crashes; ++i) {
        const SimTime finishedAt = now + SimDuration::fromSeconds(runSeconds);
        SimDuration wait = backoff.tryRestart(key, finishedAt, finishedAt);
        SimTime restartAt = finishedAt + wait;
        if (wait > SimDuration::zero()) {
            // The next sync at the end of the back-off restarts it.
            if (backoff.tryRestart(key, finishedAt, restartAt) != SimDuration::zero())
                return {};
        }
        delays.push_back((restartAt - finishedAt).ms() / 1000);
        now = restartAt;
    }
    return delays;
}

} // namespace

class TestRestartBackoff : public QObject
{
    Q_OBJECT

private slots:
    void stableKey();
    void backoffSequence();
    void crashLoop_data();
    void crashLoop();
    void inBackOffWindow();
    void resetAfterTenMinutesOfRunning_data();
    void resetAfterTenMinutesOfRunning();
    void explicitReset();
    void gc();
    void imagePullStyle();
    void customLimits();
};

void TestRestartBackoff::stableKey()
{
    QCOMPARE(QString::fromStdString(key), QStringLiteral("web-0_shop_uid-1_app"));
}

void TestRestartBackoff::backoffSequence()
{
    // Backoff.Next per restart: 10, 20, 40, 80, 160, 300, 300 (capped at MaxContainerBackOff).
    RestartBackoff backoff;
    QCOMPARE(backoff.get(key), SimDuration::zero());
    std::vector<qint64> seen;
    SimTime t = at(0);
    for (int i = 0; i < 7; ++i) {
        backoff.next(key, t, t);
        seen.push_back(backoff.get(key).ms() / 1000);
        t += SimDuration::seconds(1);
    }
    QCOMPARE(seen, (std::vector<qint64>{10, 20, 40, 80, 160, 300, 300}));
}

void TestRestartBackoff::crashLoop_data()
{
    QTest::addColumn<double>("runSeconds");
    QTest::addColumn<std::vector<qint64>>("delays");

    // The first restart is immediate (no entry yet; kubernetes#133472), then the back-off.
    QTest::newRow("crashes at once") << 0.0 << std::vector<qint64>{0, 10, 20, 40, 80, 160, 300, 300};
    QTest::newRow("runs 5 s") << 5.0 << std::vector<qint64>{0, 10, 20, 40, 80, 160, 300, 300};
    // Running 300 s each time: finishedAt - lastUpdate (the last restart) is 300 s, not more
    // than 2 x max, so no reset.
    QTest::newRow("runs 300 s") << 300.0 << std::vector<qint64>{0, 10, 20, 40, 80, 160, 300, 300};
    // Running more than 10 min each time: every crash counts as the first.
    QTest::newRow("runs 601 s") << 601.0 << std::vector<qint64>{0, 0, 0, 0};
}

void TestRestartBackoff::crashLoop()
{
    QFETCH(double, runSeconds);
    QFETCH(std::vector<qint64>, delays);
    RestartBackoff backoff;
    QCOMPARE(crashLoopDelays(backoff, runSeconds, int(delays.size())), delays);
}

void TestRestartBackoff::inBackOffWindow()
{
    RestartBackoff backoff;
    QVERIFY(!backoff.isInBackOffSince(key, at(0), at(0))); // no entry
    backoff.next(key, at(0), at(0));                        // first restart at 0, back-off 10 s
    // Crash at 30 s: in back-off while now - 30 < 10.
    QVERIFY(backoff.isInBackOffSince(key, at(30), at(30)));
    QVERIFY(backoff.isInBackOffSince(key, at(30), at(39.999)));
    QVERIFY(!backoff.isInBackOffSince(key, at(30), at(40)));
    QCOMPARE(backoff.restartAllowedAt(key, at(30)), at(40));
    QCOMPARE(backoff.tryRestart(key, at(30), at(33)), SimDuration::seconds(7));
    QCOMPARE(backoff.get(key), SimDuration::seconds(10)); // unchanged while waiting
    QCOMPARE(backoff.tryRestart(key, at(30), at(40)), SimDuration::zero());
    QCOMPARE(backoff.get(key), SimDuration::seconds(20));
}

void TestRestartBackoff::resetAfterTenMinutesOfRunning_data()
{
    QTest::addColumn<double>("ranSeconds");
    QTest::addColumn<bool>("reset");

    QTest::newRow("599 s") << 599.0 << false;
    QTest::newRow("exactly 600 s (not more than 2 x max)") << 600.0 << false;
    QTest::newRow("600.001 s") << 600.001 << true;
    QTest::newRow("1 h") << 3600.0 << true;
}

void TestRestartBackoff::resetAfterTenMinutesOfRunning()
{
    QFETCH(double, ranSeconds);
    QFETCH(bool, reset);
    RestartBackoff backoff;
    // Drive the back-off to its cap: restarts decided at 0, 10, 30, ...
    SimTime t = at(0);
    for (int i = 0; i < 7; ++i) {
        backoff.next(key, t, t);
        t += backoff.get(key);
    }
    QCOMPARE(backoff.get(key), SimDuration::seconds(300));
    const SimTime lastRestart = t - backoff.get(key);
    // The container started at the last restart and ran ranSeconds before crashing.
    const SimTime finishedAt = lastRestart + SimDuration::fromSeconds(ranSeconds);
    QCOMPARE(backoff.isInBackOffSince(key, finishedAt, finishedAt), !reset);
    QCOMPARE(backoff.restartAllowedAt(key, finishedAt),
             reset ? finishedAt : finishedAt + SimDuration::seconds(300));
    QCOMPARE(backoff.tryRestart(key, finishedAt, finishedAt),
             reset ? SimDuration::zero() : SimDuration::seconds(300));
    QCOMPARE(backoff.get(key), reset ? SimDuration::seconds(10) : SimDuration::seconds(300));
}

void TestRestartBackoff::explicitReset()
{
    RestartBackoff backoff;
    backoff.next(key, at(0), at(0));
    backoff.next(key, at(1), at(1));
    QCOMPARE(backoff.get(key), SimDuration::seconds(20));
    backoff.reset(key);
    QCOMPARE(backoff.get(key), SimDuration::zero());
    QCOMPARE(backoff.size(), std::size_t(0));
    QVERIFY(!backoff.isInBackOffSince(key, at(2), at(2)));
    backoff.reset("missing"); // no-op
    QCOMPARE(backoff.size(), std::size_t(0));
}

void TestRestartBackoff::gc()
{
    RestartBackoff backoff;
    backoff.next("a", at(0), at(0));
    backoff.next("b", at(500), at(500));
    backoff.gc(at(600));
    QCOMPARE(backoff.size(), std::size_t(2)); // "a": exactly 600 s, kept
    backoff.gc(at(600.5));
    QCOMPARE(backoff.size(), std::size_t(1));
    QCOMPARE(backoff.get("a"), SimDuration::zero());
    QCOMPARE(backoff.get("b"), SimDuration::seconds(10));
}

void TestRestartBackoff::imagePullStyle()
{
    // image_manager.go: IsInBackOffSinceUpdate(key, now) before a pull, Next(key, now) after a
    // failed one: ErrImagePull, then ImagePullBackOff for 10 s, 20 s, ...
    RestartBackoff backoff;
    QVERIFY(!backoff.isInBackOffSinceUpdate(key, at(0)));
    backoff.next(key, at(0), at(0));
    QVERIFY(backoff.isInBackOffSinceUpdate(key, at(9)));
    QVERIFY(!backoff.isInBackOffSinceUpdate(key, at(10)));
    backoff.next(key, at(10), at(10));
    QVERIFY(backoff.isInBackOffSinceUpdate(key, at(29)));
    QVERIFY(!backoff.isInBackOffSinceUpdate(key, at(30)));
}

void TestRestartBackoff::customLimits()
{
    // ReduceDefaultCrashLoopBackOffDecay: 1 s initial, 60 s max; reset after 120 s.
    RestartBackoff backoff(SimDuration::seconds(1), SimDuration::seconds(60));
    std::vector<qint64> seen;
    for (int i = 0; i < 8; ++i) {
        backoff.next(key, at(i), at(i));
        seen.push_back(backoff.get(key).ms() / 1000);
    }
    QCOMPARE(seen, (std::vector<qint64>{1, 2, 4, 8, 16, 32, 60, 60}));
    backoff.next(key, at(7 + 120.5), at(7 + 120.5));
    QCOMPARE(backoff.get(key), SimDuration::seconds(1));
}

QTEST_APPLESS_MAIN(TestRestartBackoff)
#include "tst_restart_backoff.moc"
