// SPDX-License-Identifier: Apache-2.0
// The StatefulSet controller (pkg/controller/statefulset, spec 7.3) as timelines: ordinal
// names and identity, OrderedReady (pod N only after pod N-1 is Ready; scale-down from the
// highest ordinal, one at a time), Parallel, ordinals.start, RollingUpdate in reverse ordinal
// order with a partition, OnDelete, and PersistentVolumeClaims with their retention policy.
#include "workload_fixture.h"

#include "emulator/controllers/pod_deletion.h"

#include <QtTest>

#include <algorithm>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

std::string statefulSet(const std::string &name, int replicas, const std::string &specExtra = {},
                        const std::string &behavior = R"({"app": {"readySeconds": 5}})")
{
    return "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: " + name + "\nspec:\n  replicas: "
           + std::to_string(replicas) + "\n  serviceName: " + name + "\n  selector:\n    matchLabels:\n      app: "
           + name + "\n" + specExtra + podTemplate(name, behavior);
}

std::string action(const std::string &at, const std::string &type, const std::string &name,
                   const std::string &fields)
{
    return "  - at: " + at + "\n    type: " + type + "\n    target: {kind: StatefulSet, namespace: default, name: "
           + name + "}\n" + fields;
}

PodPtr pod(const EmulatorFixture &f, const std::string &name)
{
    return f.emulator->store().pods().get("default/" + name);
}

std::shared_ptr<const emu::store::StatefulSet> getSet(const EmulatorFixture &f, const std::string &name)
{
    return f.emulator->store().statefulSets().get("default/" + name);
}

bool hasClaim(const EmulatorFixture &f, const std::string &name)
{
    return f.emulator->store().others().get("v1/PersistentVolumeClaim/default/" + name) != nullptr;
}

std::vector<std::pair<double, std::string>> deletions(const EmulatorFixture &f, const std::string &set)
{
    std::vector<std::pair<double, std::string>> out;
    for (const auto &e : f.events("SuccessfulDelete", set))
        out.emplace_back(seconds(e.timeNs), e.message);
    return out;
}

} // namespace

class TestStatefulSet : public QObject
{
    Q_OBJECT

private slots:
    void orderedReadyCreatesOnePodAtATime();
    void orderedScaleDownFromTheHighestOrdinal();
    void parallelCreatesAllAtOnce();
    void ordinalsStart();
    void rollingUpdateInReverseOrderWithPartition();
    void onDeleteUpdatesOnlyDeletedPods();
    void claimsSurviveScalingUnlessRetentionSaysDelete();
};

void TestStatefulSet::orderedReadyCreatesOnePodAtATime()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "5m") + statefulSet("web", 3));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(2.5);
    QVERIFY(pod(f, "web-0"));
    QVERIFY(!emu::ctrl::isPodReady(*pod(f, "web-0")));
    QVERIFY(!pod(f, "web-1")); // web-0 is not Ready yet
    f.runTo(60);
    for (int i = 0; i < 3; ++i) {
        const std::string name = "web-" + std::to_string(i);
        const PodPtr p = pod(f, name);
        QVERIFY2(p, name.c_str());
        QVERIFY(emu::ctrl::isPodReady(*p));
        QCOMPARE(p->meta.labels.at("statefulset.kubernetes.io/pod-name"), name);
        QCOMPARE(p->meta.labels.at("apps.kubernetes.io/pod-index"), std::to_string(i));
        QCOMPARE(p->spec.full.find("hostname")->text(), name);
        QCOMPARE(p->spec.full.find("subdomain")->text(), std::string("web"));
        if (i > 0) {
            // Pod N is created only after pod N-1 is Running and Ready.
            const PodPtr previous = pod(f, "web-" + std::to_string(i - 1));
            QVERIFY(p->meta.creationTimestamp >= *emu::ctrl::podReadyTime(*previous));
            QVERIFY(p->meta.creationTimestamp.toSeconds() - emu::ctrl::podReadyTime(*previous)->toSeconds() < 0.1);
        }
    }
    const auto created = f.events("SuccessfulCreate", "web");
    QCOMPARE(created.size(), std::size_t(3));
    QCOMPARE(created[0].message, std::string("create Pod web-0 in StatefulSet web successful"));
    const auto set = getSet(f, "web");
    QCOMPARE(set->status.replicas, 3);
    QCOMPARE(set->status.readyReplicas, 3);
    QCOMPARE(set->status.availableReplicas, 3);
    QCOMPARE(set->status.currentReplicas, 3);
    QCOMPARE(set->status.updatedReplicas, 3);
    QCOMPARE(set->status.observedGeneration, std::int64_t(1));
    QVERIFY(!set->status.updateRevision.empty());
    QCOMPARE(set->status.currentRevision, set->status.updateRevision);
    QCOMPARE(pod(f, "web-0")->meta.labels.at("controller-revision-hash"), set->status.updateRevision);
    QVERIFY(f.emulator->store().controllerRevisions().get("default/" + set->status.updateRevision));
}

void TestStatefulSet::orderedScaleDownFromTheHighestOrdinal()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, action("60s", "Scale", "web", "    replicas: 1\n"), {}, "5m")
                      + statefulSet("web", 3, {}, R"({"app": {"readySeconds": 1, "stopSeconds": 5}})"));
    QVERIFY(f.ok());
    f.runTo(120);
    const auto deleted = deletions(f, "web");
    QCOMPARE(deleted.size(), std::size_t(2));
    QCOMPARE(deleted[0].second, std::string("delete Pod web-2 in StatefulSet web successful"));
    QCOMPARE(deleted[1].second, std::string("delete Pod web-1 in StatefulSet web successful"));
    // web-1 goes only once web-2 has finished terminating (5 s).
    QVERIFY(deleted[1].first - deleted[0].first >= 5);
    QVERIFY(pod(f, "web-0") && !pod(f, "web-1") && !pod(f, "web-2"));
    QCOMPARE(getSet(f, "web")->status.replicas, 1);
}

void TestStatefulSet::parallelCreatesAllAtOnce()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "5m")
                      + statefulSet("db", 3, "  podManagementPolicy: Parallel\n"));
    QVERIFY(f.ok());
    f.runTo(1);
    for (const char *name : {"db-0", "db-1", "db-2"})
        QVERIFY2(pod(f, name), name);
    QVERIFY(pod(f, "db-2")->meta.creationTimestamp == pod(f, "db-0")->meta.creationTimestamp);
}

void TestStatefulSet::ordinalsStart()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "5m") + statefulSet("web", 2, "  ordinals:\n    start: 5\n"));
    QVERIFY(f.ok());
    f.runTo(60);
    QVERIFY(pod(f, "web-5") && pod(f, "web-6"));
    QVERIFY(!pod(f, "web-0"));
    QCOMPARE(pod(f, "web-6")->meta.labels.at("apps.kubernetes.io/pod-index"), std::string("6"));
}

void TestStatefulSet::rollingUpdateInReverseOrderWithPartition()
{
    EmulatorFixture f(clusterYaml({"a"}, 2,
                                  action("60s", "SetImage", "web", "    container: app\n    image: nginx:1.28\n"), {},
                                  "5m")
                      + statefulSet("web", 3, "  updateStrategy:\n    rollingUpdate:\n      partition: 1\n"));
    QVERIFY(f.ok());
    f.runTo(59);
    const std::string oldRevision = getSet(f, "web")->status.updateRevision;
    f.runTo(180);
    const auto deleted = deletions(f, "web");
    QCOMPARE(deleted.size(), std::size_t(2));
    QCOMPARE(deleted[0].second, std::string("delete Pod web-2 in StatefulSet web successful"));
    QCOMPARE(deleted[1].second, std::string("delete Pod web-1 in StatefulSet web successful"));
    // web-1 is replaced only after the new web-2 is Ready.
    QVERIFY(deleted[1].first >= emu::ctrl::podReadyTime(*pod(f, "web-2"))->toSeconds());
    QCOMPARE(pod(f, "web-0")->spec.containers.at(0).image, std::string("nginx:1.27")); // below the partition
    QCOMPARE(pod(f, "web-1")->spec.containers.at(0).image, std::string("nginx:1.28"));
    QCOMPARE(pod(f, "web-2")->spec.containers.at(0).image, std::string("nginx:1.28"));
    const auto set = getSet(f, "web");
    QCOMPARE(set->status.updatedReplicas, 2);
    QCOMPARE(set->status.currentReplicas, 1);
    QCOMPARE(set->status.currentRevision, oldRevision);
    QVERIFY(set->status.updateRevision != oldRevision);
    QCOMPARE(set->status.observedGeneration, std::int64_t(2));
}

void TestStatefulSet::onDeleteUpdatesOnlyDeletedPods()
{
    EmulatorFixture f(clusterYaml({"a"}, 2,
                                  action("60s", "SetImage", "web", "    container: app\n    image: nginx:1.28\n"), {},
                                  "5m")
                      + statefulSet("web", 2, "  updateStrategy:\n    type: OnDelete\n"));
    QVERIFY(f.ok());
    f.runTo(120);
    QCOMPARE(pod(f, "web-0")->spec.containers.at(0).image, std::string("nginx:1.27"));
    QCOMPARE(pod(f, "web-1")->spec.containers.at(0).image, std::string("nginx:1.27"));
    QVERIFY(emu::ctrl::deletePod(f.emulator->store(), "default/web-1").ok());
    f.runTo(200);
    QCOMPARE(pod(f, "web-0")->spec.containers.at(0).image, std::string("nginx:1.27"));
    QCOMPARE(pod(f, "web-1")->spec.containers.at(0).image, std::string("nginx:1.28"));
    QCOMPARE(getSet(f, "web")->status.updatedReplicas, 1);
}

void TestStatefulSet::claimsSurviveScalingUnlessRetentionSaysDelete()
{
    const std::string claims = "  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n"
                               "      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n"
                               "          storage: 1Gi\n";
    const std::string deleting = "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n"
                                 "    whenScaled: Delete\n";
    const std::string actions = action("60s", "Scale", "keep", "    replicas: 1\n")
                                + action("60s", "Scale", "drop", "    replicas: 1\n")
                                + action("120s", "Delete", "keep", {}) + action("120s", "Delete", "drop", {});
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "5m") + statefulSet("keep", 2, claims)
                      + statefulSet("drop", 2, claims + deleting));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(50);
    for (const char *name : {"data-keep-0", "data-keep-1", "data-drop-0", "data-drop-1"})
        QVERIFY2(hasClaim(f, name), name);
    const emu::api::Value *volumes = pod(f, "keep-1")->spec.full.find("volumes");
    QVERIFY(volumes);
    QCOMPARE(volumes->at(0).find("persistentVolumeClaim")->find("claimName")->text(), std::string("data-keep-1"));
    QVERIFY(!f.events("SuccessfulCreate", "keep").empty());
    QCOMPARE(f.events("SuccessfulCreate", "keep").front().message,
             std::string("create Claim data-keep-0 Pod keep-0 in StatefulSet keep success"));
    f.runTo(110);
    QVERIFY(hasClaim(f, "data-keep-1"));  // Retain: the claim outlives the scale-down
    QVERIFY(!hasClaim(f, "data-drop-1")); // whenScaled Delete: gone with its pod
    QVERIFY(hasClaim(f, "data-drop-0"));
    f.runTo(200);
    QVERIFY(!getSet(f, "keep") && !getSet(f, "drop"));
    QVERIFY(hasClaim(f, "data-keep-0") && hasClaim(f, "data-keep-1")); // Retain
    QVERIFY(!hasClaim(f, "data-drop-0"));                               // whenDeleted Delete
}

QTEST_GUILESS_MAIN(TestStatefulSet)
#include "tst_stateful_set.moc"
