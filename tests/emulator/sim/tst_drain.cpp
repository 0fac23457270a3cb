// SPDX-License-Identifier: Apache-2.0
// The Drain action (kubectl drain, spec 7.8): cordon, evict through the Eviction API with a
// retry every 5 s while a PodDisruptionBudget refuses, wait for the pods to go; pods without
// a controller need `force`; DaemonSet pods are skipped. And a node crash: a Deployment's
// replacement appears when the taint-based eviction deletes its pod, 300 s after the
// NoExecute taint.
#include "../controllers/workload_fixture.h"

#include "emulator/sim/node_drainer.h"

#include <QtTest>

#include <map>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

std::string budget(const std::string &rule, const std::string &app)
{
    return "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + app + "\nspec:\n  " + rule
           + "\n  selector:\n    matchLabels:\n      app: " + app + "\n";
}

// A Deployment whose pods request `cpu` (a node has 4 CPUs).
std::string requesting(const std::string &name, int replicas, const std::string &cpu)
{
    std::string yaml = deployment(name, replicas);
    return yaml + "        resources:\n          requests:\n            cpu: " + cpu + "\n";
}

// The node holding most of the pods with this prefix.
std::string busiestNode(const EmulatorFixture &f, const std::string &prefix)
{
    std::map<std::string, int> count;
    for (const auto &p : podsWithPrefix(f, prefix))
        ++count[p->spec.nodeName];
    std::string best;
    for (const auto &[node, n] : count)
        if (best.empty() || n > count[best])
            best = node;
    return best;
}

} // namespace

class TestDrain : public QObject
{
    Q_OBJECT

private slots:
    void drainWaitsForTheBudget();
    void podsWithoutControllerNeedForce();
    void forceEvictsThemAndSkipsDaemonSetPods();
    void nodeCrashReplacesPodsAfterTaintEviction();
};

void TestDrain::drainWaitsForTheBudget()
{
    // 3 replicas of 1.5 CPU on 2 nodes: one node holds 2; minAvailable 2 allows one
    // disruption at a time.
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "3m") + requesting("web", 3, "1500m")
                      + budget("minAvailable: 2", "web"));
    QVERIFY(f.ok());
    f.runTo(60);
    const std::string node = busiestNode(f, "web-");
    std::vector<std::string> onNode;
    for (const auto &p : podsWithPrefix(f, "web-"))
        if (p->spec.nodeName == node)
            onNode.push_back(p->meta.name);
    QCOMPARE(onNode.size(), std::size_t(2));
    emu::sim::NodeDrainer drainer(f.emulator->context(), node, {});
    std::string error;
    QVERIFY(drainer.start(error));
    QVERIFY(f.emulator->store().nodes().get(node)->spec.unschedulable);
    f.runTo(60.001);
    // One eviction went through, the other was refused and will be retried in 5 s.
    const auto retries = f.events("EvictionRetry");
    QCOMPARE(retries.size(), std::size_t(1));
    QVERIFY(retries[0].message.find("(will retry after 5s): Cannot evict pod as it would violate the pod's "
                                    "disruption budget.") != std::string::npos);
    QCOMPARE(retries[0].message.rfind("error when evicting pods/\"", 0), std::size_t(0));
    f.runTo(120);
    QVERIFY(drainer.finished());
    const auto drained = f.events("NodeDrained", node);
    QCOMPARE(drained.size(), std::size_t(1));
    QCOMPARE(drained[0].message, "node/" + node + " drained");
    // The second pod went at a retry, once the first one's replacement was Ready elsewhere.
    const auto evicted = f.events("PodEvicted");
    QCOMPARE(evicted.size(), std::size_t(2));
    const double second = seconds(evicted[1].timeNs);
    QVERIFY(second >= 65 && second <= 75);
    for (const auto &p : podsWithPrefix(f, "web-"))
        QVERIFY(p->spec.nodeName != node);
    // The other node had room for one replacement; the second one waits for a node.
    QCOMPARE(countReady(podsWithPrefix(f, "web-")), 2);
    QCOMPARE(countActive(podsWithPrefix(f, "web-")), 3);
}

void TestDrain::podsWithoutControllerNeedForce()
{
    const std::string bare = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  nodeName: a-0\n"
                             "  containers:\n  - name: app\n    image: nginx:1.27\n";
    const std::string drain = "  - at: 30s\n    type: Drain\n    target: {node: a-0}\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, drain, {}, "1m") + bare);
    QVERIFY(f.ok());
    f.runTo(40);
    const auto failed = f.events("ActionFailed", "a-0");
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].message, std::string("Drain: cannot delete Pods that declare no controller "
                                            "(use --force to override): default/bare"));
    QVERIFY(f.emulator->store().nodes().get("a-0")->spec.unschedulable); // cordoned all the same
    QVERIFY(!f.emulator->store().pods().get("default/bare")->meta.deletionTimestamp);
}

void TestDrain::forceEvictsThemAndSkipsDaemonSetPods()
{
    const std::string bare = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  nodeName: a-0\n"
                             "  containers:\n  - name: app\n    image: nginx:1.27\n";
    const std::string drain = "  - at: 30s\n    type: Drain\n    target: {node: a-0}\n    force: true\n";
    const std::string daemonSet = "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n"
                                  "  selector:\n    matchLabels:\n      app: agent\n" + podTemplate("agent");
    EmulatorFixture f(clusterYaml({"a"}, 1, drain, {}, "1m") + bare + daemonSet);
    QVERIFY(f.ok());
    f.runTo(10);
    // The DaemonSet's pod on the node (drain looks at its ownerReference).
    const auto ds = f.emulator->store().daemonSets().get("default/agent");
    const auto daemonPods = podsOwnedBy(f, ds->meta.uid);
    QCOMPARE(daemonPods.size(), std::size_t(1));
    const std::string agent = daemonPods.front()->meta.key();
    f.runTo(45);
    QVERIFY(!f.emulator->store().pods().get("default/bare"));
    QVERIFY(f.emulator->store().pods().get(agent));
    QVERIFY(!f.emulator->store().pods().get(agent)->meta.deletionTimestamp);
    QCOMPARE(f.events("NodeDrained", "a-0").size(), std::size_t(1));
    QCOMPARE(f.events("ScenarioAction").back().message, std::string("Drain on node a-0"));
}

void TestDrain::nodeCrashReplacesPodsAfterTaintEviction()
{
    // 3 CPUs each: one pod per node, and a fourth node for the replacement.
    EmulatorFixture f(clusterYaml({"a"}, 4, {}, {}, "8m") + requesting("web", 3, "3"));
    QVERIFY(f.ok());
    f.runTo(60);
    const auto victimPod = podsWithPrefix(f, "web-").at(0);
    const std::string victim = victimPod->meta.name;
    f.emulator->kubelet(victimPod->spec.nodeName)->stop(); // what NodeCrash does
    const auto createdBefore = f.events("SuccessfulCreate").size();
    f.runTo(480);
    const double taint = f.taintTimes("node.kubernetes.io/unreachable", "NoExecute").at(0);
    double marked = -1;
    for (const auto &e : f.events("TaintManagerEviction", victim))
        if (e.message.rfind("Marking for deletion", 0) == 0)
            marked = seconds(e.timeNs);
    QCOMPARE(marked, taint + 300);
    const auto created = f.events("SuccessfulCreate");
    QCOMPARE(created.size(), createdBefore + 1);
    QCOMPARE(seconds(created.back().timeNs), marked); // replaced as soon as it is terminating
    QCOMPARE(countReady(podsWithPrefix(f, "web-")), 3);
    QVERIFY(f.emulator->store().pods().get("default/" + victim)->meta.deletionTimestamp); // node still down
}

QTEST_APPLESS_MAIN(TestDrain)
#include "tst_drain.moc"
