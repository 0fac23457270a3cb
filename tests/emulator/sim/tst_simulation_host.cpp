// SPDX-License-Identifier: Apache-2.0
// The emulator on its own thread: commands return at once, snapshots are immutable and
// complete, and the run is the same as a plain runUntil. QTRY_* is allowed here only because
// a real thread is involved.
#include "support/emulator_fixture.h"

#include "emulator/sim/simulation_host.h"

#include <QtTest>

#include <atomic>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {
const std::string project = clusterYaml({"a", "b"}, 3,
                                        "  - at: 1m\n    type: ZoneOutage\n    target: {zone: a}\n"
                                        "  - at: 4m\n    type: ZoneRecover\n    target: {zone: a}\n",
                                        {}, "6m");
}

class TestSimulationHost : public QObject
{
    Q_OBJECT

private slots:
    void runsToTheEndAsFastAsPossible();
    void pauseStepAndSnapshotsAreConsistent();
};

void TestSimulationHost::runsToTheEndAsFastAsPossible()
{
    EmulatorFixture reference(project);
    QVERIFY(reference.ok());
    reference.runTo(360);

    EmulatorFixture fixture(project);
    QVERIFY(fixture.ok());
    std::atomic<int> callbacks{0};
    emu::sim::SimulationHost host(std::move(fixture.emulator),
                                  [&](std::shared_ptr<const emu::sim::ClusterSnapshot>) { ++callbacks; });
    host.start();
    host.setSpeed(0); // as fast as possible
    host.runUntil(emu::SimTime::fromSeconds(360));
    QTRY_VERIFY_WITH_TIMEOUT(host.latest()->time >= emu::SimTime::fromSeconds(360), 20000);
    QTRY_COMPARE(host.state(), emu::RunState::Paused);
    const auto snapshot = host.latest();
    QCOMPARE(snapshot->nodes.size(), std::size_t(6));
    QCOMPARE(snapshot->eventsTotal, reference.emulator->events().events().size());
    QCOMPARE(snapshot->revision, reference.emulator->store().revision());
    QVERIFY(callbacks > 0);
    for (const auto &node : snapshot->nodes)
        QCOMPARE(node->condition("Ready")->status, std::string("True"));
}

void TestSimulationHost::pauseStepAndSnapshotsAreConsistent()
{
    EmulatorFixture fixture(project);
    QVERIFY(fixture.ok());
    std::mutex mutex;
    std::vector<emu::report::EventRecord> streamed;
    std::uint64_t lastSequence = 0;
    bool ordered = true;
    emu::sim::SimulationHost host(std::move(fixture.emulator),
                                  [&](std::shared_ptr<const emu::sim::ClusterSnapshot> s) {
                                      std::lock_guard<std::mutex> lock(mutex);
                                      ordered = ordered && s->sequence == lastSequence + 1;
                                      lastSequence = s->sequence;
                                      streamed.insert(streamed.end(), s->newEvents.begin(), s->newEvents.end());
                                  });
    host.start();
    QCOMPARE(host.state(), emu::RunState::Paused);
    host.stepSlice(emu::SimDuration::seconds(150));
    QTRY_COMPARE(host.now(), emu::SimTime::fromSeconds(150));
    // At 2:30 zone a is down: its nodes are Unknown in the snapshot.
    QTRY_VERIFY(host.latest()->time == emu::SimTime::fromSeconds(150));
    int unknown = 0;
    for (const auto &node : host.latest()->nodes)
        unknown += node->condition("Ready")->status == "Unknown" ? 1 : 0;
    QCOMPARE(unknown, 3);
    host.setSpeed(10000);
    host.resume();
    QTRY_VERIFY_WITH_TIMEOUT(host.now() >= emu::SimTime::fromSeconds(200), 20000);
    host.pause();
    QTRY_COMPARE(host.state(), emu::RunState::Paused);
    host.stop();
    QTRY_COMPARE(host.state(), emu::RunState::Stopped);
    std::lock_guard<std::mutex> lock(mutex);
    QVERIFY(ordered);
    // The batches add up to every event, with no gap and no repeat.
    QCOMPARE(streamed.size(), host.latest()->eventsTotal);
    for (std::size_t i = 1; i < streamed.size(); ++i)
        QVERIFY(streamed[i].timeNs >= streamed[i - 1].timeNs);
}

QTEST_GUILESS_MAIN(TestSimulationHost)
#include "tst_simulation_host.moc"
