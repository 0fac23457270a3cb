// SPDX-License-Identifier: Apache-2.0
// InterPodAffinity in the running emulator: FailedScheduling messages with upstream's
// reasons, the retry when a matching pod is bound, and spreading by anti-affinity.
#include "support/emulator_fixture.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {

const std::string kZone = "topology.kubernetes.io/zone";

/// A pod manifest with labels and an affinity block (YAML lines indented under `affinity:`).
std::string pod(const std::string &name, const std::string &labels, const std::string &affinity,
                const std::string &indent = "")
{
    std::string yaml = indent + "apiVersion: v1\n" + indent + "kind: Pod\n" + indent + "metadata:\n" + indent
                       + "  name: " + name + "\n" + indent + "  labels: {" + labels + "}\n" + indent + "spec:\n";
    if (!affinity.empty())
        yaml += indent + "  affinity:\n" + affinity;
    yaml += indent + "  containers:\n" + indent + "  - name: app\n" + indent + "    image: nginx:1.27\n";
    return yaml;
}

std::string requiredTerm(const std::string &kind, const std::string &app, const std::string &topologyKey,
                         const std::string &indent = "")
{
    return indent + "    " + kind + ":\n" + indent + "      requiredDuringSchedulingIgnoredDuringExecution:\n"
           + indent + "      - labelSelector: {matchLabels: {app: " + app + "}}\n" + indent
           + "        topologyKey: " + topologyKey + "\n";
}

} // namespace

class TestPodAffinityScheduling : public QObject
{
    Q_OBJECT

private slots:
    void podWaitsForThePodItIsAffineTo();
    void antiAffinitySpreadsReplicasOverNodes();
};

void TestPodAffinityScheduling::podWaitsForThePodItIsAffineTo()
{
    // The leader arrives at 10 s, pinned to zone b; the follower, pending until then, is
    // retried when the leader is bound and joins it in zone b.
    const std::string leader = "  - at: 10s\n    type: Apply\n    manifest:\n"
                               + pod("leader", "app: leader", "", "      ")
                               + "        nodeSelector: {" + kZone + ": b}\n";
    EmulatorFixture f(clusterYaml({"a", "b"}, 1, leader) + "---\n"
                      + pod("follower", "app: follower", requiredTerm("podAffinity", "leader", kZone)));
    QVERIFY(f.ok());
    f.runTo(5);
    const auto failed = f.events("FailedScheduling", "follower");
    QVERIFY(!failed.empty());
    QCOMPARE(failed.back().message,
             std::string("0/2 nodes are available: 2 node(s) didn't match pod affinity rules. preemption: 0/2 "
                         "nodes are available: 2 Preemption is not helpful for scheduling."));
    QVERIFY(f.emulator->store().pods().get("default/follower")->spec.nodeName.empty());
    f.runTo(20);
    QCOMPARE(f.emulator->store().pods().get("default/leader")->spec.nodeName, std::string("b-0"));
    QCOMPARE(f.emulator->store().pods().get("default/follower")->spec.nodeName, std::string("b-0"));
    const auto scheduled = f.events("Scheduled", "follower");
    QCOMPARE(scheduled.size(), std::size_t(1));
    QCOMPARE(scheduled[0].timeNs / 1e9, 10.0); // bound in the same instant as the leader
}

void TestPodAffinityScheduling::antiAffinitySpreadsReplicasOverNodes()
{
    // Three replicas that refuse to share a host, two nodes: two run, one per node; the
    // third is rejected by its own anti-affinity on both (Unschedulable: preemption may help).
    const std::string term = requiredTerm("podAntiAffinity", "web", "kubernetes.io/hostname");
    EmulatorFixture f(clusterYaml({"a"}, 2, {}) + "---\n" + pod("web-0", "app: web", term) + "---\n"
                      + pod("web-1", "app: web", term) + "---\n" + pod("web-2", "app: web", term));
    QVERIFY(f.ok());
    f.runTo(10);
    std::set<std::string> hosts;
    int pending = 0;
    for (const char *name : {"default/web-0", "default/web-1", "default/web-2"}) {
        const std::string node = f.emulator->store().pods().get(name)->spec.nodeName;
        if (node.empty())
            ++pending;
        else
            hosts.insert(node);
    }
    QCOMPARE(pending, 1);
    QCOMPARE(hosts, (std::set<std::string>{"a-0", "a-1"}));
    const auto failed = f.events("FailedScheduling");
    QVERIFY(!failed.empty());
    QCOMPARE(failed.back().message,
             std::string("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. preemption: "
                         "0/2 nodes are available: 2 No preemption victims found for incoming pod."));
}

QTEST_GUILESS_MAIN(TestPodAffinityScheduling)
#include "tst_pod_affinity_scheduling.moc"
