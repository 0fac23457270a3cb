// SPDX-License-Identifier: Apache-2.0
// Scenario actions of the Emulator core: each one's effect on nodes, leases and events.
#include "support/emulator_fixture.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

class TestScenarioActions : public QObject
{
    Q_OBJECT

private slots:
    void setConditionMemoryPressure();
    void kubeletStopKeepsLeaseStaleUntilStart();
    void addNodeGrowsThePool();
    void removeNodeDeletesNodeAndLease();
    void nodeSelectorTarget();
    void workloadActionOnAMissingObjectFails();
};

void TestScenarioActions::setConditionMemoryPressure()
{
    const std::string actions = "  - at: 1m\n    type: SetCondition\n    target: {node: a-0}\n"
                                "    condition: MemoryPressure\n    status: \"True\"\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "3m"));
    QVERIFY(f.ok());
    f.runTo(180);
    auto node = f.emulator->store().nodes().get("a-0");
    QCOMPARE(node->condition("MemoryPressure")->status, std::string("True"));
    QCOMPARE(node->condition("MemoryPressure")->reason, std::string("KubeletHasInsufficientMemory"));
    QVERIFY(f.hasTaint("a-0", "node.kubernetes.io/memory-pressure", "NoSchedule"));
    QVERIFY(!f.hasTaint("a-1", "node.kubernetes.io/memory-pressure", "NoSchedule"));
    QCOMPARE(f.readyStatus("a-0"), std::string("True"));
    // The kubelet notices at its next status tick (every 10 s).
    const auto events = f.events("NodeHasInsufficientMemory", "a-0");
    QCOMPARE(events.size(), std::size_t(1));
    QVERIFY(events[0].timeNs > 60'000'000'000LL && events[0].timeNs <= 70'400'000'000LL);
}

void TestScenarioActions::kubeletStopKeepsLeaseStaleUntilStart()
{
    const std::string actions = "  - at: 1m\n    type: KubeletStop\n    target: {node: a-0}\n"
                                "  - at: 3m\n    type: KubeletStart\n    target: {node: a-0}\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "4m"));
    QVERIFY(f.ok());
    const std::string bootBefore = [&] {
        f.runTo(30);
        return f.emulator->store().nodes().get("a-0")->status.nodeInfo.bootID;
    }();
    f.runTo(179);
    QVERIFY(f.lastLeaseRenewSeconds("a-0") <= 60);
    QCOMPARE(f.readyStatus("a-0"), std::string("Unknown"));
    f.runTo(240);
    QVERIFY(f.lastLeaseRenewSeconds("a-0") >= 180);
    QCOMPARE(f.readyStatus("a-0"), std::string("True"));
    // A kubelet restart is not a reboot: same bootID.
    QCOMPARE(f.emulator->store().nodes().get("a-0")->status.nodeInfo.bootID, bootBefore);
}

void TestScenarioActions::addNodeGrowsThePool()
{
    const std::string actions = "  - at: 1m\n    type: AddNode\n    pool: a\n    count: 2\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "2m"));
    QVERIFY(f.ok());
    f.runTo(59);
    QCOMPARE(f.emulator->store().nodes().size(), std::size_t(2));
    f.runTo(120);
    QCOMPARE(f.emulator->store().nodes().size(), std::size_t(4));
    QCOMPARE(f.readyStatus("a-3"), std::string("True"));
    QCOMPARE(f.emulator->store().nodes().get("a-3")->meta.labels.at("topology.kubernetes.io/zone"),
             std::string("a"));
    QVERIFY(!f.events("RegisteredNode", "a-3").empty());
}

void TestScenarioActions::removeNodeDeletesNodeAndLease()
{
    const std::string actions = "  - at: 1m\n    type: RemoveNode\n    target: {node: a-1}\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "2m"));
    QVERIFY(f.ok());
    f.runTo(120);
    QVERIFY(!f.emulator->store().nodes().get("a-1"));
    QVERIFY(!f.emulator->store().leases().get("kube-node-lease/a-1"));
    QCOMPARE(f.events("RemovingNode", "a-1").size(), std::size_t(1));
}

void TestScenarioActions::nodeSelectorTarget()
{
    const std::string actions = "  - at: 1m\n    type: NodeCrash\n    target:\n      nodeSelector:\n"
                                "        topology.kubernetes.io/zone: b\n";
    EmulatorFixture f(clusterYaml({"a", "b"}, 2, actions, {}, "3m"));
    QVERIFY(f.ok());
    f.runTo(180);
    QCOMPARE(f.readyStatus("b-0"), std::string("Unknown"));
    QCOMPARE(f.readyStatus("b-1"), std::string("Unknown"));
    QCOMPARE(f.readyStatus("a-0"), std::string("True"));
}

void TestScenarioActions::workloadActionOnAMissingObjectFails()
{
    const std::string actions = "  - at: 1m\n    type: Scale\n    target: {kind: Deployment, namespace: default, name: x}\n"
                                "    replicas: 2\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "2m"));
    QVERIFY(f.ok());
    f.runTo(120);
    const auto events = f.events("ActionFailed");
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].type, std::string("Warning"));
    QCOMPARE(events[0].timeNs, 60'000'000'000LL);
    QCOMPARE(events[0].message, std::string("Scale: deployment.apps \"x\" not found"));
}

QTEST_APPLESS_MAIN(TestScenarioActions)
#include "tst_scenario_actions.moc"
