// SPDX-License-Identifier: Apache-2.0
// The DaemonSet controller (pkg/controller/daemon) as timelines: one pod per eligible node
// (nodeSelector, taints, the tolerations it adds itself), pods bound through node affinity
// to metadata.name, pods for nodes that join, RollingUpdate with maxUnavailable or maxSurge,
// OnDelete, ControllerRevisions and status.
#include "workload_fixture.h"

#include "emulator/controllers/pod_deletion.h"

#include <QtTest>

#include <algorithm>
#include <set>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

std::string daemonSet(const std::string &name, const std::string &specExtra = {}, const std::string &podSpecExtra = {},
                      const std::string &behavior = {})
{
    return "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: " + name
           + "\nspec:\n  selector:\n    matchLabels:\n      app: " + name + "\n" + specExtra
           + podTemplate(name, behavior, "nginx:1.27", podSpecExtra);
}

std::string pool(const std::string &name, int count, const std::string &templateYaml)
{
    return "---\napiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata:\n  name: " + name
           + "\nspec:\n  count: " + std::to_string(count) + "\n  template:\n" + templateYaml;
}

std::string setImage(double at, const std::string &name, const std::string &image)
{
    return "  - at: " + std::to_string(static_cast<int>(at)) + "s\n    type: SetImage\n    target: {kind: DaemonSet, namespace: default, name: "
           + name + "}\n    container: app\n    image: " + image + "\n";
}

std::set<std::string> nodesOf(const std::vector<PodPtr> &pods)
{
    std::set<std::string> nodes;
    for (const PodPtr &pod : pods)
        nodes.insert(pod->spec.nodeName);
    return nodes;
}

bool hasToleration(const emu::store::Pod &pod, const std::string &key, const std::string &effect)
{
    for (const auto &t : pod.spec.tolerations)
        if (t.key == key && t.effect == effect && t.op == "Exists" && !t.tolerationSeconds)
            return true;
    return false;
}

std::string imageOf(const emu::store::Pod &pod)
{
    return pod.spec.containers.at(0).image;
}

} // namespace

class TestDaemonSet : public QObject
{
    Q_OBJECT

private slots:
    void onePodPerNodeBoundByAffinity();
    void nodeSelectorAndTaintsChooseNodes();
    void podsForJoiningNodes();
    void podsStayOnNotReadyNodes();
    void rollingUpdateMaxUnavailable();
    void rollingUpdateMaxSurge();
    void onDeleteReplacesOnlyDeletedPods();
};

void TestDaemonSet::onePodPerNodeBoundByAffinity()
{
    EmulatorFixture f(clusterYaml({"a", "b"}, 2, {}, {}, "2m") + daemonSet("agent"));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(60);
    auto ds = f.emulator->store().daemonSets().get("default/agent");
    QVERIFY(ds);
    const auto pods = podsOwnedBy(f, ds->meta.uid);
    QCOMPARE(pods.size(), std::size_t(4));
    QCOMPARE(nodesOf(pods), (std::set<std::string>{"a-0", "a-1", "b-0", "b-1"}));
    const auto revisions = f.emulator->store().controllerRevisions().list();
    QCOMPARE(revisions.size(), std::size_t(1));
    const std::string hash = revisions.front()->meta.labels.at("controller-revision-hash");
    QCOMPARE(revisions.front()->meta.name, "agent-" + hash);
    QCOMPARE(revisions.front()->revision, std::int64_t(1));
    for (const PodPtr &pod : pods) {
        // ReplaceDaemonSetPodNodeNameNodeAffinity: bound through the scheduler to that node.
        const emu::api::Value *required = pod->spec.affinity.find("nodeAffinity")
                                              ->find("requiredDuringSchedulingIgnoredDuringExecution");
        QVERIFY(required);
        const emu::api::Value &term = required->find("nodeSelectorTerms")->at(0).find("matchFields")->at(0);
        QCOMPARE(term.find("key")->text(), std::string("metadata.name"));
        QCOMPARE(term.find("values")->at(0).text(), pod->spec.nodeName);
        QCOMPARE(pod->meta.labels.at("controller-revision-hash"), hash);
        QVERIFY(hasToleration(*pod, "node.kubernetes.io/not-ready", "NoExecute"));
        QVERIFY(hasToleration(*pod, "node.kubernetes.io/unreachable", "NoExecute"));
        for (const char *key : {"node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                                "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable"})
            QVERIFY2(hasToleration(*pod, key, "NoSchedule"), key);
        QVERIFY(!hasToleration(*pod, "node.kubernetes.io/network-unavailable", "NoSchedule"));
        QVERIFY(emu::ctrl::isPodReady(*pod));
    }
    QCOMPARE(f.events("SuccessfulCreate", "agent").size(), std::size_t(4));
    QCOMPARE(ds->status.desiredNumberScheduled, 4);
    QCOMPARE(ds->status.currentNumberScheduled, 4);
    QCOMPARE(ds->status.numberReady, 4);
    QCOMPARE(ds->status.numberAvailable, 4);
    QCOMPARE(ds->status.updatedNumberScheduled, 4);
    QCOMPARE(ds->status.numberUnavailable, 0);
    QCOMPARE(ds->status.numberMisscheduled, 0);
    QCOMPARE(ds->status.observedGeneration, std::int64_t(1));
}

void TestDaemonSet::nodeSelectorAndTaintsChooseNodes()
{
    const std::string pools =
        pool("gpu", 2, "    metadata:\n      labels:\n        role: gpu\n")
        + pool("tainted", 1,
               "    metadata:\n      labels:\n        role: gpu\n    spec:\n      taints:\n      - key: dedicated\n"
               "        value: ml\n        effect: NoSchedule\n");
    const std::string hostNetwork = "      hostNetwork: true\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "2m") + pools
                      + daemonSet("gpu-agent", {}, "      nodeSelector:\n        role: gpu\n")
                      + daemonSet("everywhere", {},
                                  hostNetwork + "      tolerations:\n      - operator: Exists\n        key: dedicated\n"));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(60);
    auto gpu = f.emulator->store().daemonSets().get("default/gpu-agent");
    QCOMPARE(nodesOf(podsOwnedBy(f, gpu->meta.uid)), (std::set<std::string>{"gpu-0", "gpu-1"}));
    QCOMPARE(gpu->status.desiredNumberScheduled, 2);
    auto all = f.emulator->store().daemonSets().get("default/everywhere");
    const auto pods = podsOwnedBy(f, all->meta.uid);
    QCOMPARE(nodesOf(pods), (std::set<std::string>{"a-0", "a-1", "gpu-0", "gpu-1", "tainted-0"}));
    QVERIFY(hasToleration(*pods.front(), "node.kubernetes.io/network-unavailable", "NoSchedule"));
    QCOMPARE(all->status.numberReady, 5);
}

void TestDaemonSet::podsForJoiningNodes()
{
    const std::string actions = "  - at: 30s\n    type: AddNode\n    pool: a\n    count: 2\n"
                                "  - at: 90s\n    type: RemoveNode\n    target: {node: a-0}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "4m") + daemonSet("agent"));
    QVERIFY(f.ok());
    f.runTo(29);
    auto ds = f.emulator->store().daemonSets().get("default/agent");
    QCOMPARE(podsOwnedBy(f, ds->meta.uid).size(), std::size_t(1));
    f.runTo(80);
    ds = f.emulator->store().daemonSets().get("default/agent");
    QCOMPARE(nodesOf(podsOwnedBy(f, ds->meta.uid)), (std::set<std::string>{"a-0", "a-1", "a-2"}));
    QCOMPARE(ds->status.desiredNumberScheduled, 3);
    QCOMPARE(ds->status.numberReady, 3);
    // A node that leaves takes its pod out of the status at once (the pod GC removes the pod).
    f.runTo(91);
    ds = f.emulator->store().daemonSets().get("default/agent");
    QCOMPARE(ds->status.desiredNumberScheduled, 2);
    f.runTo(200);
    QCOMPARE(nodesOf(podsOwnedBy(f, ds->meta.uid)), (std::set<std::string>{"a-1", "a-2"}));
}

void TestDaemonSet::podsStayOnNotReadyNodes()
{
    // The not-ready/unreachable tolerations have no tolerationSeconds: a crashed node keeps
    // its daemon pod, while another pod there (default 300 s tolerations) is deleted.
    const std::string actions = "  - at: 60s\n    type: NodeCrash\n    target: {node: a-0}\n";
    const std::string pod = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeName: a-0\n"
                            "  containers:\n  - name: app\n    image: nginx:1.27\n";
    EmulatorFixture f(clusterYaml({"a", "b"}, 2, actions, {}, "10m") + daemonSet("agent") + pod);
    QVERIFY(f.ok());
    f.runTo(600);
    QVERIFY(f.hasTaint("a-0", "node.kubernetes.io/unreachable", "NoExecute"));
    auto ds = f.emulator->store().daemonSets().get("default/agent");
    const auto pods = podsOwnedBy(f, ds->meta.uid);
    QCOMPARE(pods.size(), std::size_t(4));
    for (const PodPtr &p : pods)
        QVERIFY(!p->meta.deletionTimestamp);
    QVERIFY(!f.events("TaintManagerEviction", "web").empty()); // the other pod was evicted
    for (const auto &e : f.events("TaintManagerEviction"))
        QVERIFY(e.name.find("agent-") == std::string::npos);
    // As upstream: the unreachable NoSchedule taint is not tolerated, so the node no longer
    // "should run" a pod (its pod continues and counts as misscheduled).
    QCOMPARE(ds->status.desiredNumberScheduled, 3);
    QCOMPARE(ds->status.numberMisscheduled, 1);
    QCOMPARE(ds->status.numberReady, 3);
    QCOMPARE(ds->status.numberUnavailable, 0);
}

void TestDaemonSet::rollingUpdateMaxUnavailable()
{
    EmulatorFixture f(clusterYaml({"a"}, 4, setImage(60, "agent", "nginx:1.28"), {}, "5m")
                      + daemonSet("agent", "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n", {},
                                  R"({"app": {"readySeconds": 5}})"));
    QVERIFY(f.ok());
    f.runTo(59);
    auto ds = f.emulator->store().daemonSets().get("default/agent");
    QCOMPARE(ds->status.numberAvailable, 4);
    int maxPods = 0;
    int minAvailable = 4;
    for (double t = 60; t < 240; t += 0.25) {
        f.runTo(t);
        const auto pods = podsOwnedBy(f, ds->meta.uid);
        maxPods = std::max(maxPods, static_cast<int>(pods.size()));
        minAvailable = std::min(minAvailable, countReady(pods));
    }
    QCOMPARE(minAvailable, 3); // maxUnavailable 1: one node at a time
    QCOMPARE(maxPods, 4);      // no surge: a node's new pod comes after its old one is gone
    ds = f.emulator->store().daemonSets().get("default/agent");
    const auto pods = podsOwnedBy(f, ds->meta.uid);
    QCOMPARE(pods.size(), std::size_t(4));
    for (const PodPtr &pod : pods)
        QCOMPARE(imageOf(*pod), std::string("nginx:1.28"));
    QCOMPARE(ds->status.updatedNumberScheduled, 4);
    QCOMPARE(ds->status.numberAvailable, 4);
    QCOMPARE(ds->status.observedGeneration, std::int64_t(2));
    const auto revisions = f.emulator->store().controllerRevisions().list();
    QCOMPARE(revisions.size(), std::size_t(2));
    QCOMPARE(f.events("SuccessfulDelete", "agent").size(), std::size_t(4));
}

void TestDaemonSet::rollingUpdateMaxSurge()
{
    EmulatorFixture f(clusterYaml({"a"}, 4, setImage(60, "agent", "nginx:1.28"), {}, "5m")
                      + daemonSet("agent",
                                  "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1\n",
                                  {}, R"({"app": {"readySeconds": 5}})"));
    QVERIFY(f.ok());
    f.runTo(59);
    auto ds = f.emulator->store().daemonSets().get("default/agent");
    int maxPods = 0;
    int minReady = 4;
    for (double t = 60; t < 240; t += 0.25) {
        f.runTo(t);
        const auto pods = podsOwnedBy(f, ds->meta.uid);
        maxPods = std::max(maxPods, countActive(pods));
        minReady = std::min(minReady, countReady(pods));
    }
    QCOMPARE(minReady, 4); // surge: the old pod goes only once the new one is available
    QCOMPARE(maxPods, 5);  // one extra pod at a time
    ds = f.emulator->store().daemonSets().get("default/agent");
    for (const PodPtr &pod : podsOwnedBy(f, ds->meta.uid))
        QCOMPARE(imageOf(*pod), std::string("nginx:1.28"));
    QCOMPARE(ds->status.updatedNumberScheduled, 4);
}

void TestDaemonSet::onDeleteReplacesOnlyDeletedPods()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, setImage(30, "agent", "nginx:1.28"), {}, "5m")
                      + daemonSet("agent", "  updateStrategy:\n    type: OnDelete\n"));
    QVERIFY(f.ok());
    f.runTo(120);
    auto ds = f.emulator->store().daemonSets().get("default/agent");
    auto pods = podsOwnedBy(f, ds->meta.uid);
    QCOMPARE(pods.size(), std::size_t(2));
    for (const PodPtr &pod : pods)
        QCOMPARE(imageOf(*pod), std::string("nginx:1.27"));
    QCOMPARE(ds->status.updatedNumberScheduled, 0);
    QCOMPARE(ds->status.observedGeneration, std::int64_t(2));
    const std::string victim = pods.front()->meta.name;
    const std::string victimNode = pods.front()->spec.nodeName;
    QVERIFY(emu::ctrl::deletePod(f.emulator->store(), "default/" + victim).ok());
    f.runTo(200);
    pods = podsOwnedBy(f, ds->meta.uid);
    QCOMPARE(pods.size(), std::size_t(2));
    for (const PodPtr &pod : pods)
        QCOMPARE(imageOf(*pod), std::string(pod->spec.nodeName == victimNode ? "nginx:1.28" : "nginx:1.27"));
    QCOMPARE(f.emulator->store().daemonSets().get("default/agent")->status.updatedNumberScheduled, 1);
}

QTEST_GUILESS_MAIN(TestDaemonSet)
#include "tst_daemon_set.moc"
