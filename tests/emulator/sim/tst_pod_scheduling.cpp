// SPDX-License-Identifier: Apache-2.0
// First slice of the Pods issue: the scheduler binds pending pods (or explains why not) and
// the kubelet starts them with the behavior annotation's timings.
#include "support/emulator_fixture.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {
std::string pod(const std::string &name, const std::string &cpu, const std::string &extra = {})
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n" + extra
           + "spec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n"
             "      requests:\n        cpu: \"" + cpu + "\"\n";
}
} // namespace

class TestPodScheduling : public QObject
{
    Q_OBJECT

private slots:
    void pendingPodIsScheduledAndStarts();
    void podThatFitsNowhereGetsFailedScheduling();
    void taintedNodeIsAvoided();
    void podsRestartAfterTheirNodeReboots();
};

void TestPodScheduling::pendingPodIsScheduledAndStarts()
{
    const std::string behavior = "  annotations:\n    kubecanvas.io/behavior: '{app: {pullSeconds: 5, startSeconds: 2}}'\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "1m") + pod("web", "500m", behavior));
    QVERIFY(f.ok());
    f.runTo(60);
    auto web = f.emulator->store().pods().get("default/web");
    QVERIFY(!web->spec.nodeName.empty());
    const auto scheduled = f.events("Scheduled", "web");
    QCOMPARE(scheduled.size(), std::size_t(1));
    QCOMPARE(scheduled[0].message, "Successfully assigned default/web to " + web->spec.nodeName);
    QCOMPARE(web->status.phase, std::string("Running"));
    QCOMPARE(web->condition("Ready")->status, std::string("True"));
    QCOMPARE(web->status.qosClass, std::string("Burstable"));
    // Pulling, then Pulled 5 s later, Created, Started 2 s after that.
    const double pulling = f.events("Pulling", "web").at(0).timeNs / 1e9;
    QCOMPARE(f.events("Pulled", "web").at(0).timeNs / 1e9, pulling + 5);
    QCOMPARE(f.events("Started", "web").at(0).timeNs / 1e9, pulling + 7);
    QCOMPARE(f.events("Pulled", "web").at(0).message,
             std::string("Successfully pulled image \"nginx:1.27\" in 5s (5s including waiting)"));
}

void TestPodScheduling::podThatFitsNowhereGetsFailedScheduling()
{
    EmulatorFixture f(clusterYaml({"a"}, 3, {}, {}, "1m") + pod("huge", "64"));
    QVERIFY(f.ok());
    f.runTo(30);
    auto huge = f.emulator->store().pods().get("default/huge");
    QVERIFY(huge->spec.nodeName.empty());
    QCOMPARE(huge->condition("PodScheduled")->status, std::string("False"));
    QCOMPARE(huge->condition("PodScheduled")->reason, std::string("Unschedulable"));
    const auto failed = f.events("FailedScheduling", "huge");
    QVERIFY(!failed.empty());
    QCOMPARE(failed.back().type, std::string("Warning"));
    QCOMPARE(failed.back().message,
             std::string("0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
                         "3 No preemption victims found for incoming pod."));
}

void TestPodScheduling::taintedNodeIsAvoided()
{
    const std::string yaml = clusterYaml({"a"}, 1, {}, {}, "1m")
                             + "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: gpu\nspec:\n"
                               "  taints:\n  - key: dedicated\n    value: gpu\n    effect: NoSchedule\n"
                             + pod("p1", "100m") + pod("p2", "100m") + pod("p3", "100m");
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(30);
    for (const char *name : {"default/p1", "default/p2", "default/p3"})
        QCOMPARE(f.emulator->store().pods().get(name)->spec.nodeName, std::string("a-0"));
}

void TestPodScheduling::podsRestartAfterTheirNodeReboots()
{
    const std::string actions = "  - at: 1m\n    type: NodeCrash\n    target: {node: a-0}\n"
                                "  - at: 3m\n    type: NodeRecover\n    target: {node: a-0}\n"
                                "  - at: 4m\n    type: KubeletStop\n    target: {node: a-0}\n"
                                "  - at: 4m10s\n    type: KubeletStart\n    target: {node: a-0}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "5m") + pod("web", "100m"));
    QVERIFY(f.ok());
    f.runTo(170);
    auto web = f.emulator->store().pods().get("default/web");
    QCOMPARE(web->condition("Ready")->status, std::string("False")); // marked by the node controller
    f.runTo(300);
    web = f.emulator->store().pods().get("default/web");
    QCOMPARE(web->status.phase, std::string("Running"));
    QCOMPARE(web->condition("Ready")->status, std::string("True"));
    QCOMPARE(web->status.containerStatuses.at(0).restartCount, 1); // the reboot, not the kubelet restart
    QCOMPARE(f.events("SandboxChanged", "web").size(), std::size_t(1));
    QCOMPARE(f.events("Started", "web").size(), std::size_t(2));
}

QTEST_APPLESS_MAIN(TestPodScheduling)
#include "tst_pod_scheduling.moc"
