// SPDX-License-Identifier: Apache-2.0
// Timelines of node failures against the numbers of ../shared/spec/kubernetes-semantics.md
// (sections 2 and 3) and upstream's node lifecycle controller. Simulated time only.
#include "support/emulator_fixture.h"

#include <QtTest>

#include <algorithm>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {
const std::string unreachable = "node.kubernetes.io/unreachable";
const std::string notReady = "node.kubernetes.io/not-ready";

std::string crash(const std::string &node, const std::string &at)
{
    return "  - at: " + at + "\n    type: NodeCrash\n    target: {node: " + node + "}\n";
}

double firstUnknown(const EmulatorFixture &f, const std::string &node)
{
    for (const auto &e : f.events("NodeConditionChanged", node)) {
        if (e.details.find("condition")->text() == "Ready" && e.details.find("status")->text() == "Unknown")
            return static_cast<double>(e.timeNs) / 1e9;
    }
    return -1;
}
} // namespace

class TestNodeLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void crashedNodeGoesUnknownAfterGracePeriod_data();
    void crashedNodeGoesUnknownAfterGracePeriod();
    void taintsFollowTheReadyCondition();
    void normalRateTaintsOneNodePer10Seconds();
    void largeZonePartialDisruptionTaintsOneNodePer100Seconds();
    void smallZonePartialDisruptionTaintsNothingMore();
    void allZonesDisruptedRemovesTaintsAndStops();
    void recoveredNodeIsReadyAndUntainted();
    void cidrExhaustion();
    void leaseRenewalsAreJitteredAndOutOfPhase();
    void partitionedKubeletBacksOffAndRecovers();
    void manualNodeWithoutKubeletIsNeverUpdated();
    void duplicateNodeNameIsAnError();
    void fiveSecondStatusUpdatesFromTheDocs();
    void sameSeedSameBytes();
};

void TestNodeLifecycle::crashedNodeGoesUnknownAfterGracePeriod_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<double>("grace");
    QTest::newRow("1.32: 50 s") << "1.32" << 50.0;
    QTest::newRow("1.31: 40 s") << "1.31" << 40.0;
}

void TestNodeLifecycle::crashedNodeGoesUnknownAfterGracePeriod()
{
    QFETCH(QString, version);
    QFETCH(double, grace);
    std::string yaml = clusterYaml({"a"}, 3, crash("a-1", "2m"), {}, "5m");
    yaml.replace(yaml.find("\"1.32\""), 6, "\"" + version.toStdString() + "\"");
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(300);
    const double lastRenew = f.lastLeaseRenewSeconds("a-1");
    QVERIFY(lastRenew > 109 && lastRenew <= 120);
    const double unknown = firstUnknown(f, "a-1");
    // The controller notices a renewal at its next pass (< 5 s later) and declares the node
    // stale at the first pass more than `grace` after that: (grace, grace + 2 x 5 s).
    QVERIFY2(unknown - lastRenew > grace && unknown - lastRenew <= grace + 10,
             qPrintable(QString("renew %1 unknown %2").arg(lastRenew).arg(unknown)));
    QCOMPARE(f.readyStatus("a-1"), std::string("Unknown"));
    QCOMPARE(f.readyStatus("a-0"), std::string("True"));
    const auto notReadyEvents = f.events("NodeNotReady", "a-1");
    QCOMPARE(notReadyEvents.back().timeNs, static_cast<std::int64_t>(unknown * 1e9));
}

void TestNodeLifecycle::taintsFollowTheReadyCondition()
{
    EmulatorFixture f(clusterYaml({"a"}, 3, crash("a-1", "2m"), {}, "5m"));
    QVERIFY(f.ok());
    f.runTo(300);
    const double unknown = firstUnknown(f, "a-1");
    const auto noSchedule = f.taintTimes(unreachable, "NoSchedule");
    const auto noExecute = f.taintTimes(unreachable, "NoExecute");
    QCOMPARE(noSchedule.size(), std::size_t(1));
    QCOMPARE(noSchedule[0], unknown); // NoSchedule pass on the node update, not rate limited
    QCOMPARE(noExecute.size(), std::size_t(1));
    // processTaintBaseEviction uses the Ready status observed before the pass's update, so
    // the node is queued at the next pass (5 s later); the zone's bucket is full: at once.
    QVERIFY(noExecute[0] >= unknown + 5 && noExecute[0] <= unknown + 5.1);
    QVERIFY(f.hasTaint("a-1", unreachable, "NoExecute"));
    QVERIFY(!f.hasTaint("a-0", unreachable, "NoExecute"));
}

void TestNodeLifecycle::normalRateTaintsOneNodePer10Seconds()
{
    std::string actions;
    for (int i = 0; i < 5; ++i)
        actions += crash("a-" + std::to_string(i), "2m");
    // 5 of 20 down: 0.25 < 0.55, the zone stays Normal: nodeEvictionRate 0.1.
    EmulatorFixture f(clusterYaml({"a", "b"}, 20, actions, {}, "6m"));
    QVERIFY(f.ok());
    f.runTo(360);
    const auto times = f.taintTimes(unreachable, "NoExecute");
    QCOMPARE(times.size(), std::size_t(5));
    for (std::size_t i = 1; i < times.size(); ++i)
        QVERIFY2(times[i] - times[i - 1] >= 9.999 && times[i] - times[i - 1] <= 15.1,
                 qPrintable(QString::number(times[i] - times[i - 1])));
    // Once all are queued, the bucket alone sets the pace: exactly 10 s (+ the 100 ms pass).
    QVERIFY(times.back() - times[times.size() - 2] <= 10.1);
    QCOMPARE(f.events("ZoneStateChanged").size(), std::size_t(2)); // Initial -> Normal, twice
}

void TestNodeLifecycle::largeZonePartialDisruptionTaintsOneNodePer100Seconds()
{
    std::string actions = "  - at: 2m\n    type: ZoneOutage\n    target: {zone: a}\n"
                          "  - at: 2m\n    type: NodeRecover\n    target: {node: a-0}\n";
    for (int i = 0; i < 20; ++i)
        actions += "  - at: 2m\n    type: NodeRecover\n    target: {node: a-" + std::to_string(i) + "}\n";
    // 60 nodes in zone a (> largeClusterSizeThreshold 50), 40 down: 0.67 >= 0.55 -> Partial
    // with secondaryNodeEvictionRate 0.01.
    EmulatorFixture f(clusterYaml({"a", "b"}, 60, actions, {}, "15m"));
    QVERIFY(f.ok());
    f.runTo(900);
    double partialAt = -1;
    for (const auto &e : f.events("ZoneStateChanged", "a"))
        if (e.details.find("to")->text() == "PartialDisruption")
            partialAt = static_cast<double>(e.timeNs) / 1e9;
    QVERIFY(partialAt > 120);
    std::vector<double> after;
    for (double t : f.taintTimes(unreachable, "NoExecute"))
        if (t > partialAt)
            after.push_back(t);
    QVERIFY2(after.size() >= 5, qPrintable(QString::number(after.size())));
    for (std::size_t i = 1; i < after.size(); ++i)
        QVERIFY2(std::abs(after[i] - after[i - 1] - 100) <= 0.1,
                 qPrintable(QString::number(after[i] - after[i - 1])));
}

void TestNodeLifecycle::smallZonePartialDisruptionTaintsNothingMore()
{
    std::string actions;
    for (int i = 0; i < 6; ++i)
        actions += crash("a-" + std::to_string(i), "2m");
    // 6 of 10 down in a zone of 10 (<= 50): Partial -> rate 0, no further taints.
    EmulatorFixture f(clusterYaml({"a", "b"}, 10, actions, {}, "20m"));
    QVERIFY(f.ok());
    f.runTo(1200);
    double partialAt = -1;
    for (const auto &e : f.events("ZoneStateChanged", "a"))
        if (e.details.find("to")->text() == "PartialDisruption")
            partialAt = static_cast<double>(e.timeNs) / 1e9;
    QVERIFY(partialAt > 0);
    const auto times = f.taintTimes(unreachable, "NoExecute");
    QVERIFY(times.size() < 6);
    for (double t : times)
        QVERIFY2(t <= partialAt + 0.1, qPrintable(QString::number(t)));
    for (const auto &zone : f.emulator->nodeLifecycle().zones())
        if (zone.name == "a")
            QCOMPARE(zone.evictionRate, 0.0);
}

void TestNodeLifecycle::allZonesDisruptedRemovesTaintsAndStops()
{
    const std::string actions = "  - at: 2m\n    type: ZoneOutage\n    target: {zone: a}\n"
                                "  - at: 2m\n    type: ZoneOutage\n    target: {zone: b}\n";
    EmulatorFixture f(clusterYaml({"a", "b"}, 3, actions, {}, "15m"));
    QVERIFY(f.ok());
    f.runTo(900);
    for (const std::string node : {"a-0", "a-1", "a-2", "b-0", "b-1", "b-2"}) {
        QCOMPARE(f.readyStatus(node), std::string("Unknown"));
        QVERIFY(!f.hasTaint(node, unreachable, "NoExecute"));
        QVERIFY(f.hasTaint(node, unreachable, "NoSchedule"));
    }
    double allFullAt = 0;
    for (const auto &e : f.events("ZoneStateChanged"))
        if (e.details.find("to")->text() == "FullDisruption")
            allFullAt = std::max(allFullAt, static_cast<double>(e.timeNs) / 1e9);
    for (double t : f.taintTimes(unreachable, "NoExecute"))
        QVERIFY(t <= allFullAt);
    for (const auto &zone : f.emulator->nodeLifecycle().zones())
        QCOMPARE(zone.evictionRate, 0.0);
}

void TestNodeLifecycle::recoveredNodeIsReadyAndUntainted()
{
    const std::string actions = crash("a-1", "1m") + "  - at: 4m\n    type: NodeRecover\n    target: {node: a-1}\n";
    EmulatorFixture f(clusterYaml({"a"}, 3, actions, {}, "6m"));
    QVERIFY(f.ok());
    f.runTo(200);
    QCOMPARE(f.readyStatus("a-1"), std::string("Unknown"));
    QVERIFY(f.hasTaint("a-1", unreachable, "NoExecute"));
    f.runTo(360);
    QCOMPARE(f.readyStatus("a-1"), std::string("True"));
    QVERIFY(!f.hasTaint("a-1", unreachable, "NoExecute"));
    QVERIFY(!f.hasTaint("a-1", unreachable, "NoSchedule"));
    const auto ready = f.events("NodeReady", "a-1");
    QVERIFY(ready.size() >= 2);
    // The rebooted kubelet posts Ready at once and the controller clears taints at its next pass.
    QVERIFY(ready.back().timeNs >= 240'000'000'000LL && ready.back().timeNs <= 242'000'000'000LL);
}

void TestNodeLifecycle::cidrExhaustion()
{
    // A /22 with /24 node ranges has room for 4 nodes; the fifth gets none.
    EmulatorFixture f(clusterYaml({"a"}, 5, {},
                                  "  controllerManager:\n    clusterCIDR: 10.244.0.0/22\n    nodeCIDRMaskSize: 24\n",
                                  "3m"));
    QVERIFY(f.ok());
    f.runTo(180);
    int withCidr = 0;
    std::string starved;
    for (const auto &node : f.emulator->store().nodes().list()) {
        if (node->spec.podCIDR.empty())
            starved = node->meta.name;
        else
            ++withCidr;
    }
    QCOMPARE(withCidr, 4);
    QVERIFY(!starved.empty());
    QVERIFY(!f.events("CIDRNotAvailable", starved).empty());
    QCOMPARE(f.events("CIDRNotAvailable", starved).front().message,
             "Node " + starved + " status is now: CIDRNotAvailable");
    QCOMPARE(f.readyStatus(starved), std::string("False")); // network plugin not ready
    QVERIFY(f.hasTaint(starved, notReady, "NoSchedule"));
}

void TestNodeLifecycle::leaseRenewalsAreJitteredAndOutOfPhase()
{
    emu::sim::Emulator::Options options;
    options.leaseEvents = true;
    EmulatorFixture f(clusterYaml({"a"}, 4, {}, {}, "10m"), options);
    QVERIFY(f.ok());
    f.runTo(600);
    std::vector<double> phases;
    for (const std::string node : {"a-0", "a-1", "a-2", "a-3"}) {
        const auto renewals = f.events("LeaseRenewed", node);
        QVERIFY(renewals.size() >= 55);
        for (std::size_t i = 2; i < renewals.size(); ++i) {
            const double gap = static_cast<double>(renewals[i].timeNs - renewals[i - 1].timeNs) / 1e9;
            QVERIFY2(gap >= 10.0 && gap <= 10.4, qPrintable(QString::number(gap))); // 40 s x 0.25, 4 % jitter
        }
        phases.push_back(static_cast<double>(renewals[1].timeNs) / 1e9);
    }
    std::sort(phases.begin(), phases.end());
    QVERIFY(std::adjacent_find(phases.begin(), phases.end()) == phases.end());
}

void TestNodeLifecycle::partitionedKubeletBacksOffAndRecovers()
{
    const std::string actions = "  - at: 1m\n    type: NetworkPartition\n    target: {node: a-0}\n"
                                "  - at: 3m\n    type: NetworkHeal\n    target: {node: a-0}\n";
    EmulatorFixture f(clusterYaml({"a"}, 3, actions, {}, "5m"));
    QVERIFY(f.ok());
    f.runTo(179);
    QCOMPARE(f.readyStatus("a-0"), std::string("Unknown"));
    QVERIFY(f.lastLeaseRenewSeconds("a-0") <= 60);
    f.runTo(300);
    // Retries back off to 7 s, so the lease is renewed within 7 s of the heal.
    const double renewedAfterHeal = f.lastLeaseRenewSeconds("a-0");
    QVERIFY(renewedAfterHeal > 180);
    QCOMPARE(f.readyStatus("a-0"), std::string("True"));
    QVERIFY(!f.hasTaint("a-0", unreachable, "NoExecute"));
}

void TestNodeLifecycle::manualNodeWithoutKubeletIsNeverUpdated()
{
    const std::string yaml = clusterYaml({"a"}, 1, {}, {}, "2m")
                             + "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: manual-1\n"
                               "  annotations:\n    kubecanvas.io/manual: \"true\"\n";
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(59);
    QCOMPARE(f.readyStatus("manual-1"), std::string("<none>"));
    f.runTo(120);
    auto node = f.emulator->store().nodes().get("manual-1");
    QVERIFY(node);
    QCOMPARE(node->condition("Ready")->status, std::string("Unknown"));
    QCOMPARE(node->condition("Ready")->reason, std::string("NodeStatusNeverUpdated"));
    QCOMPARE(node->condition("Ready")->message, std::string("Kubelet never posted node status."));
    QCOMPARE(f.readyStatus("a-0"), std::string("True"));
}

void TestNodeLifecycle::duplicateNodeNameIsAnError()
{
    const std::string yaml = clusterYaml({"a"}, 2, {}) + "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: a-1\n";
    EmulatorFixture f(yaml);
    QVERIFY(!f.ok());
    QVERIFY(emu::api::hasErrors(f.diagnostics));
    bool named = false;
    for (const auto &d : f.diagnostics)
        named |= d.message.find("node name \"a-1\" is defined twice") != std::string::npos;
    QVERIFY(named);
}

void TestNodeLifecycle::fiveSecondStatusUpdatesFromTheDocs()
{
    // Setting nodeStatusUpdateFrequency alone makes the report frequency follow it (upstream's
    // backward compatibility), so status is written every 5 s, as the docs describe.
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, "  kubelet:\n    nodeStatusUpdateFrequency: 5s\n", "3m"));
    QVERIFY(f.ok());
    f.runTo(100);
    const double first = f.emulator->store().nodes().get("a-0")->condition("Ready")->lastHeartbeatTime.toSeconds();
    f.runTo(130);
    const double second = f.emulator->store().nodes().get("a-0")->condition("Ready")->lastHeartbeatTime.toSeconds();
    QVERIFY(first > 94 && first <= 100);
    QVERIFY(second > 124 && second <= 130);
}

void TestNodeLifecycle::sameSeedSameBytes()
{
    const std::string actions = crash("a-1", "1m") + "  - at: 3m\n    type: NodeRecover\n    target: {node: a-1}\n";
    auto trace = [&](std::uint64_t seed) {
        emu::sim::Emulator::Options options;
        options.seed = seed;
        options.leaseEvents = true;
        EmulatorFixture f(clusterYaml({"a", "b"}, 3, actions, {}, "5m"), options);
        f.runTo(300);
        std::string out;
        for (const auto &e : f.emulator->events().events())
            out += std::to_string(e.timeNs) + ' ' + e.reason + ' ' + e.name + ' ' + e.message + '\n';
        return out;
    };
    QCOMPARE(trace(1), trace(1));
    QVERIFY(trace(1) != trace(2));
}

QTEST_APPLESS_MAIN(TestNodeLifecycle)
#include "tst_node_lifecycle.moc"
