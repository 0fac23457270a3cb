// SPDX-License-Identifier: Apache-2.0
// Taint-based eviction (spec 3.7): pods bound to a node that gets a NoExecute taint are
// deleted at once when they do not tolerate it, after tolerationSeconds when they do (300 s
// from the default tolerations), never when they tolerate it forever; recovery cancels.
#include "support/emulator_fixture.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {

std::string pod(const std::string &name, const std::string &node, const std::string &tolerations = {})
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n  nodeName: " + node
           + "\n  containers:\n  - name: app\n    image: nginx:1.27\n" + tolerations;
}

double eventTime(const EmulatorFixture &f, const std::string &pod, const std::string &messagePrefix)
{
    for (const auto &e : f.events("TaintManagerEviction", pod))
        if (e.message.rfind(messagePrefix, 0) == 0)
            return static_cast<double>(e.timeNs) / 1e9;
    return -1;
}

const std::string crashA1 = "  - at: 1m\n    type: NodeCrash\n    target: {node: a-1}\n";

} // namespace

class TestTaintEviction : public QObject
{
    Q_OBJECT

private slots:
    void defaultTolerationEvictsAfter300Seconds();
    void ownTolerationSecondsAndForever();
    void untoleratedNoExecuteTaintEvictsAtOnce();
    void recoveryCancelsScheduledDeletion();
    void podsOfANotReadyNodeAreMarkedNotReady();
};

void TestTaintEviction::defaultTolerationEvictsAfter300Seconds()
{
    EmulatorFixture f(clusterYaml({"a"}, 3, crashA1, {}, "10m") + pod("web", "a-1") + pod("other", "a-0"));
    QVERIFY(f.ok());
    f.runTo(600);
    const auto taints = f.taintTimes("node.kubernetes.io/unreachable", "NoExecute");
    QCOMPARE(taints.size(), std::size_t(1));
    const double marked = eventTime(f, "web", "Marking for deletion Pod default/web");
    QVERIFY(marked > 0);
    QCOMPARE(marked, taints[0] + 300); // DefaultTolerationSeconds: 300 s after the taint
    auto web = f.emulator->store().pods().get("default/web");
    QVERIFY(web);                       // the kubelet is down: Terminating, not gone
    QVERIFY(web->meta.deletionTimestamp);
    const auto *disruption = web->condition("DisruptionTarget");
    QVERIFY(disruption);
    QCOMPARE(disruption->reason, std::string("DeletionByTaintManager"));
    QVERIFY(!f.emulator->store().pods().get("default/other")->meta.deletionTimestamp);
}

void TestTaintEviction::ownTolerationSecondsAndForever()
{
    const std::string sixty = "  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n"
                              "    effect: NoExecute\n    tolerationSeconds: 60\n";
    const std::string tolerateForever = "  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n"
                                "    effect: NoExecute\n";
    EmulatorFixture f(clusterYaml({"a"}, 3, crashA1, {}, "10m") + pod("quick", "a-1", sixty)
                      + pod("stays", "a-1", tolerateForever));
    QVERIFY(f.ok());
    f.runTo(600);
    const double taint = f.taintTimes("node.kubernetes.io/unreachable", "NoExecute").at(0);
    QCOMPARE(eventTime(f, "quick", "Marking for deletion"), taint + 60);
    QCOMPARE(eventTime(f, "stays", "Marking for deletion"), -1.0);
    QVERIFY(!f.emulator->store().pods().get("default/stays")->meta.deletionTimestamp);
}

void TestTaintEviction::untoleratedNoExecuteTaintEvictsAtOnce()
{
    // A node registered with a NoExecute taint nobody tolerates: its pods go at once.
    const std::string yaml = clusterYaml({"a"}, 1, {}, {}, "2m")
                             + "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: tainted\nspec:\n"
                               "  taints:\n  - key: dedicated\n    value: gpu\n    effect: NoExecute\n"
                             + pod("victim", "tainted");
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(120);
    QVERIFY(eventTime(f, "victim", "Marking for deletion") >= 0);
    QVERIFY(eventTime(f, "victim", "Marking for deletion") < 1);
    // The kubelet of that node is up: the deletion completes.
    QVERIFY(!f.emulator->store().pods().get("default/victim"));
}

void TestTaintEviction::recoveryCancelsScheduledDeletion()
{
    const std::string actions = crashA1 + "  - at: 3m\n    type: NodeRecover\n    target: {node: a-1}\n";
    EmulatorFixture f(clusterYaml({"a"}, 3, actions, {}, "10m") + pod("web", "a-1"));
    QVERIFY(f.ok());
    f.runTo(170);
    QCOMPARE(f.emulator->taintEviction().scheduled().size(), std::size_t(1));
    f.runTo(600);
    QVERIFY(eventTime(f, "web", "Cancelling deletion of Pod default/web") >= 180);
    QCOMPARE(eventTime(f, "web", "Marking for deletion"), -1.0);
    QVERIFY(f.emulator->taintEviction().scheduled().empty());
    QVERIFY(!f.emulator->store().pods().get("default/web")->meta.deletionTimestamp);
}

void TestTaintEviction::podsOfANotReadyNodeAreMarkedNotReady()
{
    EmulatorFixture f(clusterYaml({"a"}, 3, crashA1, {}, "5m") + pod("web", "a-1"));
    QVERIFY(f.ok());
    f.runTo(30);
    // Give the pod a Ready condition as a running kubelet would have (pods run with issue 4).
    f.emulator->store().pods().patch("default/web", [](emu::store::Pod &p) {
        p.status.phase = "Running";
        p.status.conditions.push_back({"Ready", "True", "", "", emu::SimTime::fromSeconds(30)});
    });
    f.runTo(300);
    auto web = f.emulator->store().pods().get("default/web");
    QCOMPARE(web->condition("Ready")->status, std::string("False"));
    const auto events = f.events("NodeNotReady", "web");
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].type, std::string("Warning"));
    QCOMPARE(events[0].message, std::string("Node is not ready"));
    // Marked in the same pass that turned the node Unknown.
    bool sameTime = false;
    for (const auto &e : f.events("NodeNotReady", "a-1"))
        sameTime |= e.timeNs == events[0].timeNs;
    QVERIFY(sameTime);
}

QTEST_APPLESS_MAIN(TestTaintEviction)
#include "tst_taint_eviction.moc"
