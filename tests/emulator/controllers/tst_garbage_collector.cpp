// SPDX-License-Identifier: Apache-2.0
// The garbage collector (spec 7.7): Delete of an owner in each propagation mode (Background
// removes it at once and its dependents after; Foreground keeps it with the
// foregroundDeletion finalizer until its blocking dependents are gone; Orphan strips the
// owner references and keeps the dependents), and a dependent kept by its one live owner.
#include "workload_fixture.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

std::string deleteAction(const std::string &at, const std::string &kind, const std::string &name,
                         const std::string &policy = {})
{
    return "  - at: " + at + "\n    type: Delete\n    target: {kind: " + kind + ", name: " + name + "}\n"
           + (policy.empty() ? std::string() : "    propagationPolicy: " + policy + "\n");
}

std::vector<std::shared_ptr<const emu::store::ReplicaSet>> allReplicaSets(const EmulatorFixture &f)
{
    return f.emulator->store().replicaSets().list();
}

const std::string slowStop = R"({"app": {"stopSeconds": 10}})";

} // namespace

class TestGarbageCollector : public QObject
{
    Q_OBJECT

private slots:
    void backgroundDeletesDependentsAfterTheOwner();
    void foregroundKeepsTheOwnerUntilDependentsAreGone();
    void orphanKeepsTheDependents();
    void aLiveOwnerKeepsADependent();
};

void TestGarbageCollector::backgroundDeletesDependentsAfterTheOwner()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, deleteAction("60s", "Deployment", "web"), {}, "2m")
                      + deployment("web", 3, {}, slowStop));
    QVERIFY(f.ok());
    f.runTo(59);
    QCOMPARE(podsWithPrefix(f, "web-").size(), std::size_t(3));
    f.runTo(60.001);
    QVERIFY(!f.emulator->store().deployments().get("default/web")); // gone at once
    QVERIFY(allReplicaSets(f).empty());                             // the collector followed
    const auto pods = podsWithPrefix(f, "web-");
    QCOMPARE(pods.size(), std::size_t(3));
    for (const auto &p : pods)
        QVERIFY(p->meta.deletionTimestamp); // terminating with their grace period
    f.runTo(75);
    QVERIFY(podsWithPrefix(f, "web-").empty());
}

void TestGarbageCollector::foregroundKeepsTheOwnerUntilDependentsAreGone()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, deleteAction("60s", "Deployment", "web", "Foreground"), {}, "2m")
                      + deployment("web", 2, {}, slowStop));
    QVERIFY(f.ok());
    f.runTo(65);
    auto d = f.emulator->store().deployments().get("default/web");
    QVERIFY(d);
    QVERIFY(d->meta.deletionTimestamp);
    QVERIFY(d->meta.hasFinalizer("foregroundDeletion"));
    QCOMPARE(d->meta.generation, std::int64_t(2)); // bumped once with the deletionTimestamp
    const auto sets = allReplicaSets(f);
    QCOMPARE(sets.size(), std::size_t(1));
    QVERIFY(sets[0]->meta.deletionTimestamp); // has pods: deleted in the foreground too
    QVERIFY(sets[0]->meta.hasFinalizer("foregroundDeletion"));
    for (const auto &p : podsWithPrefix(f, "web-"))
        QVERIFY(p->meta.deletionTimestamp);
    QCOMPARE(podsWithPrefix(f, "web-").size(), std::size_t(2)); // not replaced: the RS is going
    f.runTo(69.9);
    QVERIFY(f.emulator->store().deployments().get("default/web")); // pods still stopping
    f.runTo(71);
    QVERIFY(podsWithPrefix(f, "web-").empty());
    QVERIFY(allReplicaSets(f).empty());
    QVERIFY(!f.emulator->store().deployments().get("default/web"));
}

void TestGarbageCollector::orphanKeepsTheDependents()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, deleteAction("60s", "Deployment", "web", "Orphan"), {}, "2m")
                      + deployment("web", 2));
    QVERIFY(f.ok());
    f.runTo(61);
    QVERIFY(!f.emulator->store().deployments().get("default/web"));
    const auto sets = allReplicaSets(f);
    QCOMPARE(sets.size(), std::size_t(1));
    QVERIFY(sets[0]->meta.ownerReferences.empty());
    QVERIFY(!sets[0]->meta.deletionTimestamp);
    f.runTo(100);
    const auto pods = podsOwnedBy(f, sets[0]->meta.uid);
    QCOMPARE(countReady(pods), 2); // the ReplicaSet still runs its pods
}

void TestGarbageCollector::aLiveOwnerKeepsADependent()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, deleteAction("20s", "ReplicaSet", "one") + deleteAction("40s", "ReplicaSet", "two"),
                                  {}, "1m")
                      + replicaSet("one", 0) + replicaSet("two", 0));
    QVERIFY(f.ok());
    f.runTo(10);
    auto one = f.emulator->store().replicaSets().get("default/one");
    auto two = f.emulator->store().replicaSets().get("default/two");
    emu::store::UnstructuredObject cm;
    cm.apiVersion = "v1";
    cm.kind = "ConfigMap";
    cm.meta.name = "shared";
    cm.meta.namespaceName = "default";
    cm.meta.ownerReferences = {{"apps/v1", "ReplicaSet", "one", one->meta.uid, false, false},
                               {"apps/v1", "ReplicaSet", "two", two->meta.uid, false, false}};
    QVERIFY(f.emulator->store().others().create(cm).ok());
    f.runTo(30);
    auto shared = f.emulator->store().others().get("v1/ConfigMap/default/shared");
    QVERIFY(shared);                                   // "two" still owns it
    QCOMPARE(shared->meta.ownerReferences.size(), std::size_t(1)); // the gone owner's reference dropped
    QCOMPARE(shared->meta.ownerReferences[0].name, std::string("two"));
    f.runTo(50);
    QVERIFY(!f.emulator->store().others().get("v1/ConfigMap/default/shared")); // its last owner went
}

QTEST_APPLESS_MAIN(TestGarbageCollector)
#include "tst_garbage_collector.moc"
