// SPDX-License-Identifier: Apache-2.0
// PodTopologySpread in the running emulator: replicas spread evenly over zones, and the
// FailedScheduling messages for skew and for nodes without the topology label.
#include "support/emulator_fixture.h"

#include <QtTest>

#include <map>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {

std::string spreadPod(const std::string &name, const std::string &topologyKey, const std::string &extraSpec = {})
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  labels: {app: web}\nspec:\n"
           "  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: " + topologyKey + "\n"
           "    whenUnsatisfiable: DoNotSchedule\n    labelSelector: {matchLabels: {app: web}}\n"
           + extraSpec + "  containers:\n  - name: app\n    image: nginx:1.27\n";
}

} // namespace

class TestTopologySpreadScheduling : public QObject
{
    Q_OBJECT

private slots:
    void replicasSpreadEvenlyOverZones();
    void skewAndMissingLabelMessages();
};

void TestTopologySpreadScheduling::replicasSpreadEvenlyOverZones()
{
    // Six pods, maxSkew 1 over three zones of two nodes: two per zone.
    std::string yaml = clusterYaml({"a", "b", "c"}, 2, {});
    for (int i = 0; i < 6; ++i)
        yaml += spreadPod("web-" + std::to_string(i), "topology.kubernetes.io/zone");
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(10);
    std::map<char, int> perZone;
    for (int i = 0; i < 6; ++i) {
        const std::string node = f.emulator->store().pods().get("default/web-" + std::to_string(i))->spec.nodeName;
        QVERIFY(!node.empty());
        ++perZone[node[0]]; // nodes are named <zone>-<n>
    }
    QCOMPARE(perZone, (std::map<char, int>{{'a', 2}, {'b', 2}, {'c', 2}}));
}

void TestTopologySpreadScheduling::skewAndMissingLabelMessages()
{
    // Zone a holds two web pods pinned there; zone b's only node is cordoned. A third pod
    // with maxSkew 1 would make zone a 3 against zone b's 0.
    const std::string cordoned = "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: b-0\n  labels:\n"
                                 "    topology.kubernetes.io/zone: b\nspec:\n  unschedulable: true\n";
    const std::string pinned = "  nodeSelector: {topology.kubernetes.io/zone: a}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, {}) + cordoned + spreadPod("web-0", "topology.kubernetes.io/zone", pinned)
                      + spreadPod("web-1", "kubernetes.io/hostname", pinned)
                      + spreadPod("web-2", "topology.kubernetes.io/zone") + spreadPod("rack", "rack"));
    QVERIFY(f.ok());
    f.runTo(10);
    QCOMPARE(f.emulator->store().pods().get("default/web-0")->spec.nodeName, std::string("a-0"));
    QCOMPARE(f.emulator->store().pods().get("default/web-1")->spec.nodeName, std::string("a-0"));
    const auto skew = f.events("FailedScheduling", "web-2");
    QVERIFY(!skew.empty());
    QCOMPARE(skew.back().message,
             std::string("0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) "
                         "were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for "
                         "incoming pod, 1 Preemption is not helpful for scheduling."));
    const auto missing = f.events("FailedScheduling", "rack");
    QVERIFY(!missing.empty());
    QCOMPARE(missing.back().message,
             std::string("0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing "
                         "required label), 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 "
                         "Preemption is not helpful for scheduling."));
}

QTEST_GUILESS_MAIN(TestTopologySpreadScheduling)
#include "tst_topology_spread_scheduling.moc"
