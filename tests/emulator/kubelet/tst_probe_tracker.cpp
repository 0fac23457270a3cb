// SPDX-License-Identifier: Apache-2.0
// pkg/kubelet/prober/worker.go (legacy worker, v1.20-v1.34) in simulated time: ticks every
// periodSeconds from the worker's start, initialDelaySeconds after the container started,
// success/failure thresholds, initial results (readiness Failure, liveness Success, startup
// Unknown), hold after a liveness/startup failure. Spec 5.5.
#include "emulator/kubelet/probe_tracker.h"

#include <QtTest>

#include <cstdint>
#include <vector>

using emu::SimDuration;
using emu::SimTime;
using emu::kubelet::AppHealth;
using emu::kubelet::ProbeResult;
using emu::kubelet::ProbeTracker;
using emu::kubelet::ProbeType;
using Flip = ProbeTracker::Flip;
using Flips = std::vector<Flip>;

Q_DECLARE_METATYPE(ProbeType)
Q_DECLARE_METATYPE(Flips)

namespace {

SimTime at(double seconds)
{
    return SimTime::fromDuration(SimDuration::fromSeconds(seconds));
}

emu::store::Probe probe(int delay, int period, int success, int failure)
{
    emu::store::Probe p;
    p.kind = emu::store::Probe::Kind::HttpGet;
    p.initialDelaySeconds = delay;
    p.periodSeconds = period;
    p.successThreshold = success;
    p.failureThreshold = failure;
    return p;
}

constexpr ProbeResult S = ProbeResult::Success;
constexpr ProbeResult F = ProbeResult::Failure;

// How a kubelet drives it: one timer at nextFlip(), advanceTo() when it fires.
Flips driveByTimers(ProbeTracker &tracker, SimTime until)
{
    Flips flips;
    while (const std::optional<Flip> next = tracker.nextFlip()) {
        if (next->at > until)
            break;
        const Flips got = tracker.advanceTo(next->at);
        if (got.size() != 1 || got.front() != *next)
            return {};
        flips.push_back(got.front());
    }
    return flips;
}

// The reference: upstream doProbe evaluated tick by tick, nothing skipped.
Flips referenceFlips(ProbeType type, const emu::store::Probe &p, SimTime origin, SimTime runningAt,
                     const AppHealth &health, bool started, SimTime until)
{
    ProbeResult result = emu::kubelet::initialProbeResult(type);
    ProbeResult last = ProbeResult::Unknown;
    int run = 0;
    Flips flips;
    for (SimTime t = origin; t <= until; t += SimDuration::seconds(p.periodSeconds)) {
        if (t <= runningAt || t - runningAt < SimDuration::seconds(p.initialDelaySeconds))
            continue;
        if ((type == ProbeType::Startup) == started)
            continue;
        const ProbeResult outcome = health.passesAt(t) ? S : F;
        run = outcome == last ? run + 1 : 1;
        last = outcome;
        if (run < (outcome == S ? p.successThreshold : p.failureThreshold))
            continue;
        if (outcome != result) {
            result = outcome;
            flips.push_back({t, outcome});
        }
        if (type != ProbeType::Readiness && outcome == F)
            break; // on hold
        if (type == ProbeType::Startup && outcome == S)
            started = true;
    }
    return flips;
}

} // namespace

class TestProbeTracker : public QObject
{
    Q_OBJECT

private slots:
    void initialResults();
    void flips_data();
    void flips();
    void tickPhaseAndInitialDelay_data();
    void tickPhaseAndInitialDelay();
    void livenessHoldAndRestart();
    void runCountSurvivesRestart();
    void startupGatesLivenessAndReadiness();
    void manualReadinessProbe();
    void containerStoppedAndPodDeleting();
    void matchesTickByTickReference();
};

void TestProbeTracker::initialResults()
{
    QCOMPARE(emu::kubelet::initialProbeResult(ProbeType::Readiness), F);
    QCOMPARE(emu::kubelet::initialProbeResult(ProbeType::Liveness), S);
    QCOMPARE(emu::kubelet::initialProbeResult(ProbeType::Startup), ProbeResult::Unknown);
    ProbeTracker readiness(ProbeType::Readiness, probe(0, 10, 1, 3), at(0));
    QCOMPARE(readiness.result(), F);
    QVERIFY(!readiness.nextFlip()); // no container yet
    QVERIFY(!readiness.nextProbeAfter(at(0)));
}

void TestProbeTracker::flips_data()
{
    QTest::addColumn<ProbeType>("type");
    QTest::addColumn<int>("delay");
    QTest::addColumn<int>("success");
    QTest::addColumn<int>("failure");
    QTest::addColumn<double>("passFrom");  // app passes in [passFrom, passUntil), seconds
    QTest::addColumn<double>("passUntil"); // < 0: for ever
    QTest::addColumn<Flips>("expected");

    // Worker started at 0 (ticks 0, 10, 20, ...), container running at 5, period 10 s.
    QTest::newRow("readiness: ready at once, first tick after start")
        << ProbeType::Readiness << 0 << 1 << 3 << 5.0 << -1.0 << Flips{{at(10), S}};
    QTest::newRow("readiness: app ready after 25 s")
        << ProbeType::Readiness << 0 << 1 << 3 << 30.0 << -1.0 << Flips{{at(30), S}};
    QTest::newRow("readiness: app ready at 30.5 s waits for the next tick")
        << ProbeType::Readiness << 0 << 1 << 3 << 30.5 << -1.0 << Flips{{at(40), S}};
    QTest::newRow("readiness: successThreshold 3")
        << ProbeType::Readiness << 0 << 3 << 3 << 30.0 << -1.0 << Flips{{at(50), S}};
    QTest::newRow("readiness: fails after 60 s, failureThreshold 3")
        << ProbeType::Readiness << 0 << 1 << 3 << 5.0 << 65.0 << Flips{{at(10), S}, {at(90), F}};
    QTest::newRow("readiness: failureThreshold 1")
        << ProbeType::Readiness << 0 << 1 << 1 << 5.0 << 65.0 << Flips{{at(10), S}, {at(70), F}};
    QTest::newRow("readiness: never ready, never flips")
        << ProbeType::Readiness << 0 << 1 << 3 << 0.0 << 0.0 << Flips{};
    QTest::newRow("readiness: initial delay 15 s")
        << ProbeType::Readiness << 15 << 1 << 3 << 5.0 << -1.0 << Flips{{at(20), S}};
    QTest::newRow("readiness: initial delay 25 s, exactly at a tick")
        << ProbeType::Readiness << 25 << 1 << 3 << 5.0 << -1.0 << Flips{{at(30), S}};
    QTest::newRow("liveness: healthy, never flips")
        << ProbeType::Liveness << 0 << 1 << 3 << 5.0 << -1.0 << Flips{};
    QTest::newRow("liveness: fails after 42 s -> third failing tick")
        << ProbeType::Liveness << 0 << 1 << 3 << 5.0 << 47.0 << Flips{{at(70), F}};
    QTest::newRow("startup: app started after 45 s")
        << ProbeType::Startup << 0 << 1 << 30 << 50.0 << -1.0 << Flips{{at(50), S}};
    QTest::newRow("startup: never starts, failureThreshold 3")
        << ProbeType::Startup << 0 << 1 << 3 << 0.0 << 0.0 << Flips{{at(30), F}};
    QTest::newRow("startup: starts too late, failureThreshold 3 with delay 10")
        << ProbeType::Startup << 10 << 1 << 3 << 100.0 << -1.0 << Flips{{at(40), F}};
}

void TestProbeTracker::flips()
{
    QFETCH(ProbeType, type);
    QFETCH(int, delay);
    QFETCH(int, success);
    QFETCH(int, failure);
    QFETCH(double, passFrom);
    QFETCH(double, passUntil);
    QFETCH(Flips, expected);

    const AppHealth health = AppHealth::window(at(passFrom), passUntil < 0 ? std::nullopt
                                                                           : std::optional(at(passUntil)));
    const bool started = type != ProbeType::Startup; // no startup probe in these pods
    ProbeTracker driven(type, probe(delay, 10, success, failure), at(0));
    driven.containerRunning(at(5), health, started);
    QCOMPARE(driveByTimers(driven, at(1000)), expected);
    QVERIFY(!driven.nextFlip()); // nothing more, ever

    ProbeTracker batch(type, probe(delay, 10, success, failure), at(0));
    batch.containerRunning(at(5), health, started);
    QCOMPARE(batch.advanceTo(at(1000)), expected);
    QCOMPARE(batch.result(), expected.empty() ? emu::kubelet::initialProbeResult(type)
                                              : expected.back().result);
    QCOMPARE(batch.processedUntil(), at(1000));
}

void TestProbeTracker::tickPhaseAndInitialDelay_data()
{
    QTest::addColumn<double>("origin");
    QTest::addColumn<double>("running");
    QTest::addColumn<int>("delay");
    QTest::addColumn<double>("firstProbe");

    QTest::newRow("ticks from the worker start, not the container start") << 3.0 << 5.0 << 0 << 13.0;
    QTest::newRow("not at the very instant the container starts") << 0.0 << 10.0 << 0 << 20.0;
    QTest::newRow("delay ends between ticks") << 0.0 << 5.0 << 7 << 20.0;
    QTest::newRow("delay ends on a tick") << 0.0 << 5.0 << 5 << 10.0;
    QTest::newRow("worker started after the container (kubelet restart)") << 12.0 << 5.0 << 0 << 12.0;
}

void TestProbeTracker::tickPhaseAndInitialDelay()
{
    QFETCH(double, origin);
    QFETCH(double, running);
    QFETCH(int, delay);
    QFETCH(double, firstProbe);
    ProbeTracker tracker(ProbeType::Readiness, probe(delay, 10, 1, 3), at(origin));
    tracker.containerRunning(at(running), AppHealth::always(true), true);
    QCOMPARE(tracker.nextProbeAfter(at(running)), std::optional(at(firstProbe)));
    QCOMPARE(tracker.nextFlip(), std::optional(Flip{at(firstProbe), S}));
    QCOMPARE(tracker.nextProbeAfter(at(firstProbe)), std::optional(at(firstProbe + 10)));
}

void TestProbeTracker::livenessHoldAndRestart()
{
    ProbeTracker liveness(ProbeType::Liveness, probe(0, 10, 1, 3), at(0));
    liveness.containerRunning(at(5), AppHealth::window(at(5), at(47)), true);
    QCOMPARE(liveness.advanceTo(at(100)), (Flips{{at(70), F}}));
    QVERIFY(liveness.isOnHold());
    QVERIFY(!liveness.nextProbeAfter(at(70)));
    QVERIFY(!liveness.nextFlip());
    // Killed and restarted (after the crash back-off): a new instance starts from Success.
    liveness.containerStopped(at(72));
    QCOMPARE(liveness.result(), F);
    liveness.containerRunning(at(85), AppHealth::always(true), true);
    QVERIFY(!liveness.isOnHold());
    QCOMPARE(liveness.result(), S);
    QCOMPARE(liveness.nextProbeAfter(at(85)), std::optional(at(90)));
    QVERIFY(!liveness.nextFlip());
}

void TestProbeTracker::runCountSurvivesRestart()
{
    // worker.go keeps lastResult/resultRun across container IDs: two failures before a restart
    // and one after reach failureThreshold 3.
    ProbeTracker liveness(ProbeType::Liveness, probe(0, 10, 1, 3), at(0));
    liveness.containerRunning(at(5), AppHealth::always(false), true);
    QCOMPARE(liveness.advanceTo(at(25)), Flips{}); // fails at 10 and 20
    liveness.containerStopped(at(25));
    liveness.containerRunning(at(26), AppHealth::always(false), true);
    QCOMPARE(liveness.result(), S);
    QCOMPARE(liveness.nextFlip(), std::optional(Flip{at(30), F}));
}

void TestProbeTracker::startupGatesLivenessAndReadiness()
{
    const AppHealth appReady = AppHealth::window(at(50), std::nullopt);
    ProbeTracker startup(ProbeType::Startup, probe(0, 10, 1, 30), at(0));
    ProbeTracker readiness(ProbeType::Readiness, probe(0, 10, 1, 3), at(0));
    ProbeTracker liveness(ProbeType::Liveness, probe(0, 10, 1, 3), at(0));
    startup.containerRunning(at(5), appReady, false);
    readiness.containerRunning(at(5), appReady, false);
    liveness.containerRunning(at(5), AppHealth::always(false), false);
    QCOMPARE(startup.result(), ProbeResult::Unknown);
    // Not started: liveness and readiness do not probe at all (a failing liveness is harmless).
    QVERIFY(!readiness.nextFlip());
    QVERIFY(!liveness.nextFlip());
    QCOMPARE(startup.nextFlip(), std::optional(Flip{at(50), S}));
    QCOMPARE(startup.advanceTo(at(50)), (Flips{{at(50), S}}));
    QVERIFY(!startup.nextProbeAfter(at(50))); // the startup worker stops probing
    readiness.setStarted(at(50), true);
    liveness.setStarted(at(50), true);
    QCOMPARE(readiness.nextFlip(), std::optional(Flip{at(60), S}));
    QCOMPARE(liveness.nextFlip(), std::optional(Flip{at(80), F}));
}

void TestProbeTracker::manualReadinessProbe()
{
    // UpdatePodStatus triggers the readiness worker while a started container is not ready.
    ProbeTracker readiness(ProbeType::Readiness, probe(0, 10, 1, 3), at(0));
    readiness.containerRunning(at(5), AppHealth::always(true), true);
    QCOMPARE(readiness.probeNow(at(6)), std::optional(Flip{at(6), S}));
    QCOMPARE(readiness.result(), S);
    QVERIFY(!readiness.nextFlip());
    QCOMPARE(readiness.nextProbeAfter(at(6)), std::optional(at(10))); // the ticker keeps its phase

    // Not before the initial delay.
    ProbeTracker delayed(ProbeType::Readiness, probe(20, 10, 1, 3), at(0));
    delayed.containerRunning(at(5), AppHealth::always(true), true);
    QVERIFY(!delayed.probeNow(at(6)));
    QCOMPARE(delayed.result(), F);
    QCOMPARE(delayed.probeNow(at(25)), std::optional(Flip{at(25), S}));
}

void TestProbeTracker::containerStoppedAndPodDeleting()
{
    ProbeTracker readiness(ProbeType::Readiness, probe(0, 10, 1, 3), at(0));
    readiness.containerRunning(at(5), AppHealth::always(true), true);
    QCOMPARE(readiness.advanceTo(at(15)), (Flips{{at(10), S}}));
    readiness.podDeleting(at(16)); // readiness goes on
    QCOMPARE(readiness.result(), S);
    QVERIFY(!readiness.isStopped());
    readiness.containerStopped(at(17));
    QCOMPARE(readiness.result(), F);
    QVERIFY(!readiness.nextProbeAfter(at(17)));

    ProbeTracker liveness(ProbeType::Liveness, probe(0, 10, 1, 1), at(0));
    liveness.containerRunning(at(5), AppHealth::always(false), true);
    liveness.podDeleting(at(8)); // before the first failing tick
    QCOMPARE(liveness.result(), S);
    QVERIFY(liveness.isStopped());
    QVERIFY(!liveness.nextFlip());
    liveness.containerStopped(at(9));
    QCOMPARE(liveness.result(), S); // the quiet-shutdown result stays
}

void TestProbeTracker::matchesTickByTickReference()
{
    // Many health shapes and probe settings against the naive tick-by-tick evaluation.
    std::uint64_t seed = 12345;
    const auto random = [&seed](int n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((seed >> 33) % std::uint64_t(n));
    };
    int compared = 0;
    for (int round = 0; round < 400; ++round) {
        const ProbeType type = ProbeType(random(3));
        const emu::store::Probe p = probe(random(30), 1 + random(15), 1 + random(4), 1 + random(5));
        const SimTime origin = at(random(20));
        const SimTime running = at(random(40) + 0.25 * random(4));
        std::vector<SimTime> toggles;
        for (int i = random(6); i > 0; --i)
            toggles.push_back(at(random(400) + 0.5 * random(2)));
        const AppHealth health = AppHealth::fromToggles(random(2) == 1, toggles);
        const bool started = type != ProbeType::Startup;
        const SimTime until = at(600);

        const Flips expected = referenceFlips(type, p, origin, running, health, started, until);
        ProbeTracker batch(type, p, origin);
        batch.containerRunning(running, health, started);
        ProbeTracker driven = batch;
        ProbeTracker stepped = batch;
        QCOMPARE(batch.advanceTo(until), expected);
        QCOMPARE(driveByTimers(driven, until), expected);
        Flips inSteps; // advancing one second at a time gives the same
        for (int s = 1; s <= 600; ++s) {
            for (const Flip &f : stepped.advanceTo(at(s)))
                inSteps.push_back(f);
        }
        QCOMPARE(inSteps, expected);
        compared += int(expected.size());
    }
    QVERIFY(compared > 100); // the sample really exercises flips
}

QTEST_APPLESS_MAIN(TestProbeTracker)
#include "tst_probe_tracker.moc"
