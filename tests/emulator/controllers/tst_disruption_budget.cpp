// SPDX-License-Identifier: Apache-2.0
// PodDisruptionBudgets and the Eviction API (spec 7.8): the disruption controller's status
// (expectedPods from the controllers' scale, desiredHealthy with percentages rounded up,
// currentHealthy, disruptionsAllowed, DisruptionAllowed), evictions refused with 429 when a
// budget would break, allowed ones deleting the pod with DisruptionTarget, and the helper
// scheduler preemption uses.
#include "workload_fixture.h"

#include "emulator/controllers/disruption_budgets.h"
#include "emulator/controllers/eviction_api.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

std::string budget(const std::string &name, const std::string &rule, const std::string &app)
{
    return "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + name + "\nspec:\n  "
           + rule + "\n  selector:\n    matchLabels:\n      app: " + app + "\n";
}

std::shared_ptr<const emu::store::PodDisruptionBudget> pdb(const EmulatorFixture &f, const std::string &name)
{
    return f.emulator->store().podDisruptionBudgets().get("default/" + name);
}

emu::ctrl::EvictionResult evict(EmulatorFixture &f, const std::string &podName)
{
    return emu::ctrl::evictPod(f.emulator->store(), f.emulator->engine(), "default/" + podName);
}

} // namespace

class TestDisruptionBudget : public QObject
{
    Q_OBJECT

private slots:
    void statusFromADeployment_data();
    void statusFromADeployment();
    void integerMinAvailableCountsMatchingPods();
    void percentageWithUnmanagedPodsWarns();
    void evictionRefusedWhenTheBudgetIsExhausted();
    void evictionIgnoresBudgetsForPendingPods();
    void twoBudgetsForOnePodAreAnError();
    void preemptionHelperCountsDisruptions();
};

void TestDisruptionBudget::statusFromADeployment_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("desired");
    QTest::addColumn<int>("allowed");
    QTest::newRow("minAvailable 50%") << "minAvailable: 50%" << 2 << 2;
    QTest::newRow("minAvailable 30% rounds up") << "minAvailable: 30%" << 2 << 2;
    QTest::newRow("maxUnavailable 1") << "maxUnavailable: 1" << 3 << 1;
    QTest::newRow("maxUnavailable 30% rounds up") << "maxUnavailable: 30%" << 2 << 2;
    QTest::newRow("minAvailable 4") << "minAvailable: 4" << 4 << 0;
}

void TestDisruptionBudget::statusFromADeployment()
{
    QFETCH(QString, rule);
    QFETCH(int, desired);
    QFETCH(int, allowed);
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "1m") + deployment("web", 4)
                      + budget("web", rule.toStdString(), "web"));
    QVERIFY(f.ok());
    f.runTo(40);
    const auto b = pdb(f, "web");
    QCOMPARE(b->status.expectedPods, 4);
    QCOMPARE(b->status.currentHealthy, 4);
    QCOMPARE(b->status.desiredHealthy, desired);
    QCOMPARE(b->status.disruptionsAllowed, allowed);
    QCOMPARE(b->status.observedGeneration, std::int64_t(1));
    const auto *c = emu::store::findCondition(b->status.conditions, "DisruptionAllowed");
    QVERIFY(c);
    QCOMPARE(c->status, std::string(allowed > 0 ? "True" : "False"));
    QCOMPARE(c->reason, std::string(allowed > 0 ? "SufficientPods" : "InsufficientPods"));
}

void TestDisruptionBudget::integerMinAvailableCountsMatchingPods()
{
    const std::string bare = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  labels: {app: solo}\n"
                             "spec:\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + bare + budget("solo", "minAvailable: 1", "solo")
                      + budget("none", "minAvailable: 1", "nothing-matches"));
    QVERIFY(f.ok());
    f.runTo(30);
    QCOMPARE(pdb(f, "solo")->status.expectedPods, 1); // an integer minAvailable needs no controller
    QCOMPARE(pdb(f, "solo")->status.disruptionsAllowed, 0);
    QCOMPARE(pdb(f, "none")->status.expectedPods, 0);
    QCOMPARE(f.events("NoPods", "none").size(), std::size_t(1));
}

void TestDisruptionBudget::percentageWithUnmanagedPodsWarns()
{
    const std::string bare = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  labels: {app: mixed}\n"
                             "spec:\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + bare + budget("mixed", "maxUnavailable: 50%", "mixed"));
    QVERIFY(f.ok());
    f.runTo(30);
    const auto warnings = f.events("UnmanagedPods", "mixed");
    QVERIFY(!warnings.empty());
    QVERIFY(warnings[0].message.find("(selector: app=mixed) were found to be unmanaged") != std::string::npos);
    QCOMPARE(pdb(f, "mixed")->status.expectedPods, 0);
    QCOMPARE(pdb(f, "mixed")->status.disruptionsAllowed, 0);
}

void TestDisruptionBudget::evictionRefusedWhenTheBudgetIsExhausted()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "2m") + deployment("web", 3, {}, R"({"app": {"stopSeconds": 5}})")
                      + budget("web", "minAvailable: 2", "web"));
    QVERIFY(f.ok());
    f.runTo(40);
    const auto pods = podsWithPrefix(f, "web-");
    QCOMPARE(pdb(f, "web")->status.disruptionsAllowed, 1);
    const auto first = evict(f, pods[0]->meta.name);
    QVERIFY(first.ok());
    QCOMPARE(first.code, 201);
    auto evicted = f.emulator->store().pods().get(pods[0]->meta.key());
    QVERIFY(evicted->meta.deletionTimestamp);
    QCOMPARE(evicted->condition("DisruptionTarget")->reason, std::string("EvictionByEvictionAPI"));
    QCOMPARE(pdb(f, "web")->status.disruptionsAllowed, 0);
    QVERIFY(pdb(f, "web")->status.disruptedPods.count(pods[0]->meta.name));
    const auto second = evict(f, pods[1]->meta.name);
    QCOMPARE(second.code, 429);
    QCOMPARE(second.reason, std::string("TooManyRequests"));
    QCOMPARE(second.message, std::string("Cannot evict pod as it would violate the pod's disruption budget."));
    QCOMPARE(second.causeMessage, std::string("The disruption budget web needs 2 healthy pods and has 3 currently"));
    QVERIFY(!f.emulator->store().pods().get(pods[1]->meta.key())->meta.deletionTimestamp);
    // The controller sees the evicted pod go and its replacement become Ready: one allowed again.
    f.runTo(60);
    QCOMPARE(pdb(f, "web")->status.currentHealthy, 3);
    QCOMPARE(pdb(f, "web")->status.disruptionsAllowed, 1);
    QVERIFY(pdb(f, "web")->status.disruptedPods.empty());
    QVERIFY(evict(f, pods[1]->meta.name).ok());
}

void TestDisruptionBudget::evictionIgnoresBudgetsForPendingPods()
{
    // No node fits the 64-CPU pods: they stay Pending, and a Pending pod is no disruption.
    std::string yaml = clusterYaml({"a"}, 1, {}, {}, "1m") + deployment("big", 2) + budget("big", "minAvailable: 2", "big");
    yaml.insert(yaml.find("        image: nginx:1.27\n") + std::string("        image: nginx:1.27\n").size(),
                "        resources:\n          requests:\n            cpu: \"64\"\n");
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(20);
    const auto pods = podsWithPrefix(f, "big-");
    QCOMPARE(pods[0]->status.phase, std::string("Pending"));
    QCOMPARE(pdb(f, "big")->status.disruptionsAllowed, 0);
    QVERIFY(evict(f, pods[0]->meta.name).ok());
    QVERIFY(!f.emulator->store().pods().get(pods[0]->meta.key())); // unscheduled: removed at once
    QCOMPARE(evict(f, "nope").code, 404);
}

void TestDisruptionBudget::twoBudgetsForOnePodAreAnError()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + deployment("web", 2) + budget("one", "minAvailable: 1", "web")
                      + budget("two", "maxUnavailable: 1", "web"));
    QVERIFY(f.ok());
    f.runTo(30);
    const auto result = evict(f, podsWithPrefix(f, "web-")[0]->meta.name);
    QCOMPARE(result.code, 500);
    QCOMPARE(result.message,
             std::string("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."));
}

void TestDisruptionBudget::preemptionHelperCountsDisruptions()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "1m") + deployment("web", 3) + budget("web", "maxUnavailable: 1", "web"));
    QVERIFY(f.ok());
    f.runTo(30);
    const auto pods = podsWithPrefix(f, "web-");
    QCOMPARE(emu::ctrl::budgetsFor(f.emulator->store(), *pods[0]).size(), std::size_t(1));
    // One may go, the second of the same budget would violate it.
    const std::vector<bool> violating = emu::ctrl::violatingBudgets(f.emulator->store(), {pods[0], pods[1]});
    QCOMPARE(violating, (std::vector<bool>{false, true}));
}

QTEST_APPLESS_MAIN(TestDisruptionBudget)
#include "tst_disruption_budget.moc"
