// SPDX-License-Identifier: Apache-2.0
// Scheduling by priority: the queue order (PrioritySort) and DefaultPreemption (victims,
// PodDisruptionBudgets, nominatedNodeName, event Preempted, preemptionPolicy Never).
#include "support/emulator_fixture.h"

#include <QtTest>

#include <algorithm>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {

std::string priorityClass(const std::string &name, int value, const std::string &extra = {})
{
    return "---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: " + name
           + "\nvalue: " + std::to_string(value) + "\n" + extra;
}

/// A pod requesting `cpu`, optionally of a class, pinned to a node, with labels.
std::string pod(const std::string &name, const std::string &cpu, const std::string &className = {},
                const std::string &node = {}, const std::string &labels = {})
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n"
           + (labels.empty() ? "" : "  labels: " + labels + "\n") + "spec:\n"
           + (className.empty() ? "" : "  priorityClassName: " + className + "\n")
           + (node.empty() ? "" : "  nodeName: " + node + "\n")
           + "  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n"
             "        cpu: \"" + cpu + "\"\n";
}

/// A scenario action creating a pod at `at` (inline manifest, as `Apply`).
std::string applyPod(const std::string &at, const std::string &name, const std::string &cpu,
                     const std::string &className)
{
    return "  - at: " + at + "\n    type: Apply\n    manifest:\n      apiVersion: v1\n      kind: Pod\n"
           "      metadata: {name: " + name + "}\n      spec:\n        priorityClassName: " + className + "\n"
           "        containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: \"" + cpu + "\"}}}]\n";
}

std::string classes()
{
    return priorityClass("p10", 10) + priorityClass("p20", 20) + priorityClass("p30", 30)
           + priorityClass("p40", 40) + priorityClass("low", 100) + priorityClass("mid", 500)
           + priorityClass("high", 1000) + priorityClass("polite", 1000, "preemptionPolicy: Never\n");
}

std::vector<std::string> preemptedNames(const EmulatorFixture &f)
{
    std::vector<std::string> names;
    for (const auto &e : f.events("Preempted"))
        names.push_back(e.name);
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

class TestPreemption : public QObject
{
    Q_OBJECT

private slots:
    void higherPriorityIsScheduledFirst();
    void lowestPriorityNodeIsPreempted();
    void minimalVictimsAreChosen();
    void podDisruptionBudgetsAreRespected();
    void preemptionPolicyNeverWaits();
    void nothingLowerToPreempt();
};

void TestPreemption::higherPriorityIsScheduledFirst()
{
    // Both pods wait for the node (not-ready taint); when it is Ready the queue hands out
    // the higher priority first although it was created later.
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + classes() + pod("first", "3", "low")
                      + pod("second", "3", "high"));
    QVERIFY(f.ok());
    f.runTo(30);
    QCOMPARE(f.emulator->store().pods().get("default/second")->spec.nodeName, std::string("a-0"));
    QVERIFY(f.emulator->store().pods().get("default/first")->spec.nodeName.empty());
    // No preemption: "first" is the lower one.
    QVERIFY(f.events("Preempted").empty());
    QCOMPARE(f.events("FailedScheduling", "first").back().message,
             std::string("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No "
                         "preemption victims found for incoming pod."));
}

void TestPreemption::lowestPriorityNodeIsPreempted()
{
    // a-0 runs a priority-100 pod, a-1 a priority-500 one; the 3-cpu priority-1000 pod fits
    // on neither: the node whose highest victim priority is the lowest is chosen.
    EmulatorFixture f(clusterYaml({"a"}, 2, applyPod("30s", "urgent", "3", "high"), {}, "2m") + classes()
                      + pod("low-0", "2", "low", "a-0") + pod("mid-1", "2", "mid", "a-1"));
    QVERIFY(f.ok());
    f.runTo(29);
    QCOMPARE(f.emulator->store().pods().get("default/low-0")->status.phase, std::string("Running"));
    f.runTo(30);
    const auto failed = f.events("FailedScheduling", "urgent");
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].timeNs, std::int64_t(30'000'000'000));
    // Preemption succeeded: the message has no "preemption:" part.
    QCOMPARE(failed[0].message, std::string("0/2 nodes are available: 2 Insufficient cpu."));
    const auto urgent = f.emulator->store().pods().get("default/urgent");
    QCOMPARE(urgent->status.nominatedNodeName, std::string("a-0"));
    const auto preempted = f.events("Preempted");
    QCOMPARE(preempted.size(), std::size_t(1));
    QCOMPARE(preempted[0].name, std::string("low-0"));
    QCOMPARE(preempted[0].type, std::string("Normal"));
    QCOMPARE(preempted[0].message, "Preempted by pod " + urgent->meta.uid + " on node a-0");
    QCOMPARE(preempted[0].timeNs, std::int64_t(30'000'000'000));
    const auto victim = f.emulator->store().pods().get("default/low-0");
    if (victim) { // still terminating: DisruptionTarget says why
        QVERIFY(victim->meta.deletionTimestamp.has_value());
        QCOMPARE(victim->condition("DisruptionTarget")->reason, std::string("PreemptionByScheduler"));
        QCOMPARE(victim->condition("DisruptionTarget")->message,
                 std::string("default-scheduler: preempting to accommodate a higher priority pod"));
    }
    f.runTo(60);
    QVERIFY(!f.emulator->store().pods().get("default/low-0"));
    const auto scheduled = f.events("Scheduled", "urgent");
    QCOMPARE(scheduled.size(), std::size_t(1));
    QCOMPARE(scheduled[0].message, std::string("Successfully assigned default/urgent to a-0"));
    // The victim stops at once (stopSeconds 0), so the pod is bound within the same second.
    QVERIFY(scheduled[0].timeNs >= 30'000'000'000 && scheduled[0].timeNs < 31'000'000'000);
    QVERIFY(f.emulator->store().pods().get("default/mid-1")->meta.deletionTimestamp == std::nullopt);
}

void TestPreemption::minimalVictimsAreChosen()
{
    // Four 1-cpu pods of priority 10..40 fill the node; a 2-cpu pod needs two of them gone.
    // Reprieving from the most important keeps 40 and 30: the victims are 20 and 10.
    EmulatorFixture f(clusterYaml({"a"}, 1, applyPod("30s", "big", "2", "high"), {}, "1m") + classes()
                      + pod("v10", "1", "p10", "a-0") + pod("v20", "1", "p20", "a-0")
                      + pod("v30", "1", "p30", "a-0") + pod("v40", "1", "p40", "a-0"));
    QVERIFY(f.ok());
    f.runTo(45);
    QCOMPARE(preemptedNames(f), (std::vector<std::string>{"v10", "v20"}));
    QCOMPARE(f.emulator->store().pods().get("default/big")->spec.nodeName, std::string("a-0"));
    QVERIFY(f.emulator->store().pods().get("default/v30"));
    QVERIFY(f.emulator->store().pods().get("default/v40"));
}

void TestPreemption::podDisruptionBudgetsAreRespected()
{
    // Same priorities on both nodes, but a-0's pods are guarded by a budget that allows no
    // disruption: the candidate without PDB violations (a-1) wins.
    const std::string pdb = "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\n"
                            "spec:\n  minAvailable: 2\n  selector: {matchLabels: {app: db}}\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, applyPod("30s", "urgent", "3", "high"), {}, "1m") + classes() + pdb
                      + pod("db-0", "2", "low", "a-0", "{app: db}") + pod("db-1", "2", "low", "a-0", "{app: db}")
                      + pod("web-0", "2", "low", "a-1", "{app: web}")
                      + pod("web-1", "2", "low", "a-1", "{app: web}"));
    QVERIFY(f.ok());
    f.runTo(29);
    QCOMPARE(f.emulator->store().podDisruptionBudgets().get("default/db")->status.disruptionsAllowed, 0);
    f.runTo(45);
    const auto names = preemptedNames(f);
    QCOMPARE(names.size(), std::size_t(2)); // 3 cpu need both 2-cpu pods of the node gone
    QCOMPARE(names, (std::vector<std::string>{"web-0", "web-1"}));
    QCOMPARE(f.emulator->store().pods().get("default/urgent")->spec.nodeName, std::string("a-1"));
}

void TestPreemption::preemptionPolicyNeverWaits()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, applyPod("30s", "patient", "3", "polite"), {}, "1m") + classes()
                      + pod("low-0", "2", "low", "a-0"));
    QVERIFY(f.ok());
    f.runTo(45);
    QVERIFY(f.events("Preempted").empty());
    const auto failed = f.events("FailedScheduling", "patient");
    QVERIFY(!failed.empty());
    QCOMPARE(failed.back().message, std::string("0/1 nodes are available: 1 Insufficient cpu. preemption: not "
                                                "eligible due to preemptionPolicy=Never."));
    QVERIFY(f.emulator->store().pods().get("default/patient")->status.nominatedNodeName.empty());
}

void TestPreemption::nothingLowerToPreempt()
{
    // Equal priority is not lower: nothing is preempted.
    const std::string actions = applyPod("30s", "same", "3", "low");
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "1m") + classes() + pod("low-0", "2", "low", "a-0")
                      + pod("low-1", "2", "low", "a-1"));
    QVERIFY(f.ok());
    f.runTo(31);
    QVERIFY(f.events("Preempted").empty());
    QCOMPARE(f.events("FailedScheduling", "same").back().message,
             std::string("0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No "
                         "preemption victims found for incoming pod."));
}

QTEST_APPLESS_MAIN(TestPreemption)
#include "tst_preemption.moc"
