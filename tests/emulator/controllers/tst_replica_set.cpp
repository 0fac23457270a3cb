// SPDX-License-Identifier: Apache-2.0
// The ReplicaSet and ReplicationController controllers (spec 7.2) as timelines: pods from
// the template with generateName and a controller ownerReference, status with
// minReadySeconds, replacement of a deleted pod as soon as it is terminating, scale-down of
// unassigned pods first, the 500-pod burst limit, adoption and release by selector.
#include "workload_fixture.h"

#include "emulator/controllers/pod_deletion.h"

#include <QtTest>

#include <cmath>
#include <set>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

class TestReplicaSet : public QObject
{
    Q_OBJECT

private slots:
    void createsPodsFromTheTemplate();
    void statusCountsReadyAndAvailable();
    void minReadySecondsDelaysAvailability();
    void replacesATerminatingPodAtOnce();
    void scaleDownDeletesUnassignedPodsFirst();
    void createsAtMostBurstReplicasPerSync();
    void adoptsMatchingOrphansAndReleasesMismatches();
    void replicationControllerDefaultsItsSelector();
};

void TestReplicaSet::createsPodsFromTheTemplate()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "1m")
                      + replicaSet("web", 3, {}, R"({"app": {"readySeconds": 2}})"));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(30);
    auto rs = f.emulator->store().replicaSets().get("default/web");
    QVERIFY(rs);
    const auto pods = podsOwnedBy(f, rs->meta.uid);
    QCOMPARE(pods.size(), std::size_t(3));
    for (const auto &pod : pods) {
        QCOMPARE(pod->meta.generateName, std::string("web-"));
        QCOMPARE(pod->meta.name.size(), std::string("web-").size() + 5);
        QCOMPARE(pod->meta.labels.at("app"), std::string("web"));
        QCOMPARE(pod->meta.annotations.at("kubecanvas.io/behavior"), std::string(R"({"app": {"readySeconds": 2}})"));
        const auto &ref = pod->meta.ownerReferences.at(0);
        QCOMPARE(ref.kind, std::string("ReplicaSet"));
        QCOMPARE(ref.apiVersion, std::string("apps/v1"));
        QVERIFY(ref.controller && ref.blockOwnerDeletion);
        QCOMPARE(pod->spec.terminationGracePeriodSeconds, std::int64_t(30)); // defaulted
        QVERIFY(emu::ctrl::isPodReady(*pod));
    }
    const auto created = f.events("SuccessfulCreate", "web");
    QCOMPARE(created.size(), std::size_t(3));
    QCOMPARE(created[0].kind, std::string("ReplicaSet"));
    std::set<std::string> createdNames;
    for (const auto &e : created)
        createdNames.insert(e.message);
    for (const auto &pod : pods)
        QVERIFY(createdNames.count("Created pod: " + pod->meta.name));
    // The same seed names the pods the same way.
    EmulatorFixture g(clusterYaml({"a"}, 2, {}, {}, "1m")
                      + replicaSet("web", 3, {}, R"({"app": {"readySeconds": 2}})"));
    g.runTo(30);
    QCOMPARE(podsWithPrefix(g, "web-").front()->meta.name, podsWithPrefix(f, "web-").front()->meta.name);
}

void TestReplicaSet::statusCountsReadyAndAvailable()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "1m") + replicaSet("web", 2));
    QVERIFY(f.ok());
    f.runTo(1);
    auto rs = f.emulator->store().replicaSets().get("default/web");
    QCOMPARE(rs->status.replicas, 2);
    QCOMPARE(rs->status.readyReplicas, 0);
    QCOMPARE(rs->status.observedGeneration, std::int64_t(1));
    f.runTo(30);
    rs = f.emulator->store().replicaSets().get("default/web");
    QCOMPARE(rs->status.replicas, 2);
    QCOMPARE(rs->status.fullyLabeledReplicas, 2);
    QCOMPARE(rs->status.readyReplicas, 2);
    QCOMPARE(rs->status.availableReplicas, 2);
    QVERIFY(rs->status.conditions.empty());
}

void TestReplicaSet::minReadySecondsDelaysAvailability()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "2m") + replicaSet("web", 1, "  minReadySeconds: 10\n"));
    QVERIFY(f.ok());
    f.runTo(9);
    const auto pod = podsWithPrefix(f, "web-").at(0);
    QVERIFY(emu::ctrl::podReadyTime(*pod));
    const double readyAt = emu::ctrl::podReadyTime(*pod)->toSeconds();
    // The Ready time counts in whole seconds (metav1.Time); the sync after the pod turned
    // Ready queues a resync minReadySeconds later (the earliest of the queued resyncs).
    const bool wholeSecond = readyAt == std::floor(readyAt);
    const double availableAt = readyAt + (wholeSecond ? 20 : 10);
    f.runTo(availableAt - 0.1);
    QCOMPARE(f.emulator->store().replicaSets().get("default/web")->status.availableReplicas, 0);
    QCOMPARE(f.emulator->store().replicaSets().get("default/web")->status.readyReplicas, 1);
    f.runTo(availableAt + 0.001);
    QCOMPARE(f.emulator->store().replicaSets().get("default/web")->status.availableReplicas, 1);
}

void TestReplicaSet::replacesATerminatingPodAtOnce()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "2m")
                      + replicaSet("web", 2, {}, R"({"app": {"stopSeconds": 20}})"));
    QVERIFY(f.ok());
    f.runTo(30);
    const std::string victim = podsWithPrefix(f, "web-").at(0)->meta.name;
    QVERIFY(emu::ctrl::deletePod(f.emulator->store(), "default/" + victim).ok());
    f.runTo(30.001);
    const auto pods = podsWithPrefix(f, "web-");
    QCOMPARE(pods.size(), std::size_t(3)); // the replacement while the victim still stops
    QCOMPARE(countActive(pods), 2);
    QCOMPARE(f.events("SuccessfulCreate", "web").size(), std::size_t(3));
    f.runTo(60);
    QCOMPARE(podsWithPrefix(f, "web-").size(), std::size_t(2)); // gone after its 20 s stop
}

void TestReplicaSet::scaleDownDeletesUnassignedPodsFirst()
{
    // One node with room for two 1.5-CPU pods: the third stays Pending, unassigned.
    const std::string requests = "        resources:\n          requests:\n            cpu: 1500m\n";
    std::string yaml = clusterYaml({"a"}, 1, {}, {}, "2m") + replicaSet("web", 3);
    yaml += requests;
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(30);
    auto pods = podsWithPrefix(f, "web-");
    QCOMPARE(pods.size(), std::size_t(3));
    std::string unassigned;
    for (const auto &p : pods)
        if (p->spec.nodeName.empty())
            unassigned = p->meta.name;
    QVERIFY(!unassigned.empty());
    f.emulator->store().replicaSets().patch("default/web",
                                            [](emu::store::ReplicaSet &rs) { rs.spec.set("replicas", emu::api::Value::integer(2)); },
                                            true);
    f.runTo(31);
    const auto deleted = f.events("SuccessfulDelete", "web");
    QCOMPARE(deleted.size(), std::size_t(1));
    QCOMPARE(deleted[0].message, "Deleted pod: " + unassigned);
    QVERIFY(!f.emulator->store().pods().get("default/" + unassigned)); // never bound: removed at once
    QCOMPARE(f.emulator->store().replicaSets().get("default/web")->status.observedGeneration, std::int64_t(2));
}

void TestReplicaSet::createsAtMostBurstReplicasPerSync()
{
    EmulatorFixture f(clusterYaml({"a"}, 6, {}, {}, "2m") + replicaSet("big", 600));
    QVERIFY(f.ok());
    // The first sync creates burstReplicas pods, then writes the status it saw (no pods yet);
    // watch events arrive in write order, so the status write follows exactly 500 pods.
    int podsAdded = 0;
    int podsAtFirstStatus = -1;
    f.emulator->store().pods().watch([&](const auto &e) {
        podsAdded += e.type == emu::store::WatchEventType::Added ? 1 : 0;
    }, false);
    f.emulator->store().replicaSets().watch([&](const auto &e) {
        if (e.type == emu::store::WatchEventType::Modified && podsAtFirstStatus < 0)
            podsAtFirstStatus = podsAdded;
    }, false);
    f.runTo(60);
    QCOMPARE(podsAtFirstStatus, 500);
    QCOMPARE(countActive(podsWithPrefix(f, "big-")), 600);
    QCOMPARE(f.emulator->store().replicaSets().get("default/big")->status.replicas, 600);
}

void TestReplicaSet::adoptsMatchingOrphansAndReleasesMismatches()
{
    const std::string orphan = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  labels:\n"
                               "    app: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    const std::string relabel = "  - at: 30s\n    type: Apply\n    manifest:\n      apiVersion: v1\n      kind: Pod\n"
                                "      metadata: {name: stray, labels: {app: other}}\n"
                                "      spec: {containers: [{name: app, image: nginx:1.27}]}\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, relabel, {}, "1m") + orphan + replicaSet("web", 2));
    QVERIFY(f.ok());
    f.runTo(20);
    auto rs = f.emulator->store().replicaSets().get("default/web");
    auto stray = f.emulator->store().pods().get("default/stray");
    QVERIFY(stray->meta.controllerRef());
    QCOMPARE(stray->meta.controllerRef()->uid, rs->meta.uid);
    QCOMPARE(podsOwnedBy(f, rs->meta.uid).size(), std::size_t(2)); // adopted one, created one
    QCOMPARE(f.events("SuccessfulCreate", "web").size(), std::size_t(1));
    f.runTo(40);
    stray = f.emulator->store().pods().get("default/stray");
    QVERIFY(!stray->meta.controllerRef()); // released: its labels no longer match
    QCOMPARE(podsOwnedBy(f, rs->meta.uid).size(), std::size_t(2));
    QCOMPARE(f.events("SuccessfulCreate", "web").size(), std::size_t(2));
}

void TestReplicaSet::replicationControllerDefaultsItsSelector()
{
    const std::string rc = "---\napiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: legacy\nspec:\n"
                           "  replicas: 2\n" + podTemplate("legacy");
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + rc);
    QVERIFY(f.ok());
    f.runTo(30);
    auto object = f.emulator->store().replicationControllers().get("default/legacy");
    QVERIFY(object);
    const auto pods = podsOwnedBy(f, object->meta.uid);
    QCOMPARE(pods.size(), std::size_t(2));
    QCOMPARE(pods[0]->meta.ownerReferences[0].kind, std::string("ReplicationController"));
    QCOMPARE(pods[0]->meta.ownerReferences[0].apiVersion, std::string("v1"));
    QCOMPARE(object->status.readyReplicas, 2);
    QCOMPARE(f.events("SuccessfulCreate", "legacy").at(0).kind, std::string("ReplicationController"));
    // The defaulted selector is shown as the API server stores it.
    QCOMPARE(object->spec.full.find("selector")->find("app")->text(), std::string("legacy"));
}

QTEST_APPLESS_MAIN(TestReplicaSet)
#include "tst_replica_set.moc"
