// SPDX-License-Identifier: Apache-2.0
// The Deployment controller (spec 7.1) as timelines: the ReplicaSet per template with its
// pod-template-hash and revision, RollingUpdate bounds (25 %/25 % of 4: at most 5 pods, at
// least 3 available), Recreate without overlap, the progress deadline, rollback, the
// revision history limit, pausing, proportional scaling, and replacements after a node
// failure's taint-based eviction.
#include "workload_fixture.h"

#include "emulator/controllers/deployment_util.h"

#include <QtTest>

#include <functional>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;
namespace du = emu::ctrl::deploymentutil;

namespace {

std::string setImage(const std::string &at, const std::string &image, const std::string &name = "web")
{
    return "  - at: " + at + "\n    type: SetImage\n    target: {kind: Deployment, name: " + name
           + "}\n    container: app\n    image: " + image + "\n";
}

std::vector<std::shared_ptr<const emu::store::ReplicaSet>> replicaSetsOf(const EmulatorFixture &f,
                                                                         const std::string &deployment)
{
    auto d = f.emulator->store().deployments().get("default/" + deployment);
    std::vector<std::shared_ptr<const emu::store::ReplicaSet>> out;
    for (const auto &rs : f.emulator->store().replicaSets().list())
        if (const auto *ref = rs->meta.controllerRef(); d && ref && ref->uid == d->meta.uid)
            out.push_back(rs);
    return out;
}

std::vector<PodPtr> deploymentPods(const EmulatorFixture &f, const std::string &deployment)
{
    std::vector<PodPtr> pods;
    for (const auto &rs : replicaSetsOf(f, deployment)) {
        const auto owned = podsOwnedBy(f, rs->meta.uid);
        pods.insert(pods.end(), owned.begin(), owned.end());
    }
    return pods;
}

std::string imageOf(const emu::store::Pod &pod)
{
    return pod.spec.containers.at(0).image;
}

// Runs to `until` in steps of `step` seconds, calling check after each.
void runChecking(EmulatorFixture &f, double from, double until, double step, const std::function<void(double)> &check)
{
    for (double t = from; t <= until + 1e-9; t += step) {
        f.runTo(t);
        check(t);
    }
}

const emu::store::WorkloadCondition *condition(const EmulatorFixture &f, const std::string &name, const char *type)
{
    auto d = f.emulator->store().deployments().get("default/" + name);
    return d ? emu::store::findCondition(d->status.conditions, type) : nullptr;
}

} // namespace

class TestDeployment : public QObject
{
    Q_OBJECT

private slots:
    void createsAReplicaSetPerTemplate();
    void fenceposts_data();
    void fenceposts();
    void rollingUpdateKeepsWithinSurgeAndUnavailable();
    void recreateHasNoOverlap();
    void progressDeadlineExceeded();
    void rollbackToThePreviousRevision();
    void revisionHistoryLimitDeletesOldReplicaSets();
    void pausedDeploymentDoesNotRollOut();
    void scalingMidRolloutIsProportional();
};

void TestDeployment::createsAReplicaSetPerTemplate()
{
    EmulatorFixture f(clusterYaml({"a"}, 2, {}, {}, "2m") + deployment("web", 3));
    QVERIFY(f.ok());
    f.runTo(60);
    const auto sets = replicaSetsOf(f, "web");
    QCOMPARE(sets.size(), std::size_t(1));
    const auto &rs = *sets[0];
    const std::string hash = rs.meta.labels.at("pod-template-hash");
    QCOMPARE(rs.meta.name, "web-" + hash);
    QVERIFY(hash.find_first_not_of("bcdfghjklmnpqrstvwxz2456789") == std::string::npos);
    QCOMPARE(rs.spec.selector.value.find("matchLabels")->find("pod-template-hash")->text(), hash);
    QCOMPARE(rs.meta.annotations.at(du::revisionAnnotation), std::string("1"));
    QCOMPARE(rs.meta.annotations.at(du::desiredReplicasAnnotation), std::string("3"));
    QCOMPARE(rs.meta.annotations.at(du::maxReplicasAnnotation), std::string("4")); // 3 + ceil(25 % of 3)
    const auto pods = podsOwnedBy(f, rs.meta.uid);
    QCOMPARE(pods.size(), std::size_t(3));
    QCOMPARE(pods[0]->meta.labels.at("pod-template-hash"), hash);
    QCOMPARE(pods[0]->meta.generateName, rs.meta.name + "-");
    auto d = f.emulator->store().deployments().get("default/web");
    QCOMPARE(d->meta.annotations.at(du::revisionAnnotation), std::string("1"));
    QCOMPARE(d->status.replicas, 3);
    QCOMPARE(d->status.updatedReplicas, 3);
    QCOMPARE(d->status.readyReplicas, 3);
    QCOMPARE(d->status.availableReplicas, 3);
    QCOMPARE(d->status.unavailableReplicas, 0);
    QCOMPARE(d->status.observedGeneration, std::int64_t(1));
    QCOMPARE(condition(f, "web", "Available")->reason, std::string("MinimumReplicasAvailable"));
    const auto *progressing = condition(f, "web", "Progressing");
    QCOMPARE(progressing->reason, std::string("NewReplicaSetAvailable"));
    QCOMPARE(progressing->message, "ReplicaSet \"" + rs.meta.name + "\" has successfully progressed.");
    const auto scaling = f.events("ScalingReplicaSet", "web");
    QCOMPARE(scaling.size(), std::size_t(1));
    QCOMPARE(scaling[0].message, "Scaled up replica set " + rs.meta.name + " from 0 to 3");
}

void TestDeployment::fenceposts_data()
{
    QTest::addColumn<int>("replicas");
    QTest::addColumn<QString>("surge");
    QTest::addColumn<QString>("unavailable");
    QTest::addColumn<int>("expectedSurge");
    QTest::addColumn<int>("expectedUnavailable");
    QTest::newRow("10 at 25%") << 10 << "25%" << "25%" << 3 << 2;
    QTest::newRow("4 at 25%") << 4 << "25%" << "25%" << 1 << 1;
    QTest::newRow("1 at 25%") << 1 << "25%" << "25%" << 1 << 0;
    QTest::newRow("3 at 25%") << 3 << "25%" << "25%" << 1 << 0;
    QTest::newRow("0% and 0% become 0/1") << 5 << "0%" << "0%" << 0 << 1;
    QTest::newRow("absolute") << 5 << "2" << "1" << 2 << 1;
}

void TestDeployment::fenceposts()
{
    QFETCH(int, replicas);
    QFETCH(QString, surge);
    QFETCH(QString, unavailable);
    QFETCH(int, expectedSurge);
    QFETCH(int, expectedUnavailable);
    auto parse = [](const QString &s) {
        return s.endsWith('%') ? emu::api::IntOrPercent::fromString(s.toStdString())
                               : emu::api::IntOrPercent::fromInt(s.toInt());
    };
    emu::store::Deployment d;
    d.spec.replicas = replicas;
    d.spec.maxSurge = parse(surge);
    d.spec.maxUnavailable = parse(unavailable);
    QCOMPARE(du::maxSurge(d), expectedSurge);
    QCOMPARE(du::maxUnavailable(d), expectedUnavailable);
}

void TestDeployment::rollingUpdateKeepsWithinSurgeAndUnavailable()
{
    EmulatorFixture f(clusterYaml({"a"}, 3, setImage("60s", "nginx:1.28"), {}, "5m")
                      + deployment("web", 4, {}, R"({"app": {"readySeconds": 5}})"));
    QVERIFY(f.ok());
    f.runTo(59);
    QCOMPARE(countReady(deploymentPods(f, "web")), 4);
    int maxPods = 0;
    int minAvailable = 4;
    runChecking(f, 59.5, 200, 0.25, [&](double) {
        const auto pods = deploymentPods(f, "web");
        maxPods = std::max(maxPods, countActive(pods));
        minAvailable = std::min(minAvailable, countReady(pods));
        int specTotal = 0;
        for (const auto &rs : replicaSetsOf(f, "web"))
            specTotal += rs->spec.replicas;
        QVERIFY(specTotal <= 5);
    });
    QCOMPARE(maxPods, 5);       // replicas + maxSurge (1)
    QCOMPARE(minAvailable, 3);  // replicas - maxUnavailable (1)
    const auto pods = deploymentPods(f, "web");
    QCOMPARE(countActive(pods), 4);
    for (const auto &p : pods)
        QCOMPARE(imageOf(*p), std::string("nginx:1.28"));
    const auto sets = replicaSetsOf(f, "web");
    QCOMPARE(sets.size(), std::size_t(2));
    auto d = f.emulator->store().deployments().get("default/web");
    QCOMPARE(d->meta.annotations.at(du::revisionAnnotation), std::string("2"));
    QCOMPARE(d->status.updatedReplicas, 4);
    QCOMPARE(d->status.availableReplicas, 4);
    QCOMPARE(condition(f, "web", "Progressing")->reason, std::string("NewReplicaSetAvailable"));
    // The new ReplicaSet was created at the SetImage with one pod (the surge).
    bool createdWithSurge = false;
    for (const auto &e : f.events("ScalingReplicaSet", "web"))
        createdWithSurge |= e.timeNs == 60'000'000'000 && e.message.find("from 0 to 1") != std::string::npos;
    QVERIFY(createdWithSurge);
}

void TestDeployment::recreateHasNoOverlap()
{
    EmulatorFixture f(clusterYaml({"a"}, 3, setImage("60s", "nginx:1.28"), {}, "4m")
                      + deployment("web", 3, "  strategy:\n    type: Recreate\n", R"({"app": {"stopSeconds": 10}})"));
    QVERIFY(f.ok());
    f.runTo(59);
    bool overlap = false;
    double firstNew = -1;
    double lastOld = -1;
    runChecking(f, 59.5, 150, 0.25, [&](double t) {
        int oldPods = 0;
        int newPods = 0;
        for (const auto &p : deploymentPods(f, "web"))
            (imageOf(*p) == "nginx:1.27" ? oldPods : newPods) += 1;
        overlap |= oldPods > 0 && newPods > 0;
        if (newPods > 0 && firstNew < 0)
            firstNew = t;
        if (oldPods > 0)
            lastOld = t;
    });
    QVERIFY(!overlap);
    QVERIFY(lastOld >= 69.75); // the old pods took their 10 s to stop
    QVERIFY(firstNew > lastOld);
    QCOMPARE(countReady(deploymentPods(f, "web")), 3);
}

void TestDeployment::progressDeadlineExceeded()
{
    const std::string actions = "  - at: 30s\n    type: ImagePullFailure\n    image: nginx:broken\n"
                                + setImage("60s", "nginx:broken");
    EmulatorFixture f(clusterYaml({"a"}, 2, actions, {}, "5m")
                      + deployment("web", 4, "  progressDeadlineSeconds: 30\n"));
    QVERIFY(f.ok());
    f.runTo(80);
    QCOMPARE(condition(f, "web", "Progressing")->status, std::string("True"));
    const double lastProgress = condition(f, "web", "Progressing")->lastUpdateTime->toSeconds();
    QVERIFY(lastProgress >= 60 && lastProgress < 62);
    double timedOutAt = -1;
    runChecking(f, 80.5, 120, 0.5, [&](double t) {
        const auto *c = condition(f, "web", "Progressing");
        if (timedOutAt < 0 && c->reason == "ProgressDeadlineExceeded")
            timedOutAt = t;
    });
    QVERIFY(timedOutAt > lastProgress + 30);
    QVERIFY(timedOutAt <= lastProgress + 32); // requeued for the deadline + 1 s
    const auto *c = condition(f, "web", "Progressing");
    QCOMPARE(c->status, std::string("False"));
    QVERIFY(c->message.find("has timed out progressing.") != std::string::npos);
    // Not rolled back: the old pods keep serving (3 of 4: maxUnavailable 1).
    QCOMPARE(condition(f, "web", "Available")->status, std::string("True"));
    QCOMPARE(countReady(deploymentPods(f, "web")), 3);
}

void TestDeployment::rollbackToThePreviousRevision()
{
    const std::string actions = setImage("60s", "nginx:1.28")
                                + "  - at: 120s\n    type: Rollback\n    target: {kind: Deployment, name: web}\n"
                                  "    revision: 0\n";
    EmulatorFixture f(clusterYaml({"a"}, 3, actions, {}, "4m") + deployment("web", 3));
    QVERIFY(f.ok());
    f.runTo(119);
    for (const auto &p : deploymentPods(f, "web"))
        QCOMPARE(imageOf(*p), std::string("nginx:1.28"));
    f.runTo(200);
    const auto pods = deploymentPods(f, "web");
    QCOMPARE(countActive(pods), 3);
    for (const auto &p : pods)
        QCOMPARE(imageOf(*p), std::string("nginx:1.27"));
    // The first ReplicaSet is the newest revision again, and remembers it was revision 1.
    const auto sets = replicaSetsOf(f, "web");
    QCOMPARE(sets.size(), std::size_t(2));
    for (const auto &rs : sets) {
        if (rs->spec.replicas == 3) {
            QCOMPARE(rs->meta.annotations.at(du::revisionAnnotation), std::string("3"));
            QCOMPARE(rs->meta.annotations.at(du::revisionHistoryAnnotation), std::string("1"));
        } else {
            QCOMPARE(rs->meta.annotations.at(du::revisionAnnotation), std::string("2"));
        }
    }
    QCOMPARE(f.emulator->store().deployments().get("default/web")->meta.annotations.at(du::revisionAnnotation),
             std::string("3"));
    QCOMPARE(f.events("ScenarioAction").back().message,
             std::string("Rollback on deployment.apps/web (rolled back)"));
}

void TestDeployment::revisionHistoryLimitDeletesOldReplicaSets()
{
    const std::string actions = setImage("60s", "nginx:1.28") + setImage("120s", "nginx:1.29") + setImage("180s", "nginx:1.30");
    EmulatorFixture f(clusterYaml({"a"}, 3, actions, {}, "5m") + deployment("web", 2, "  revisionHistoryLimit: 1\n"));
    QVERIFY(f.ok());
    f.runTo(240);
    const auto sets = replicaSetsOf(f, "web");
    QCOMPARE(sets.size(), std::size_t(2)); // the new one and one old one
    std::vector<std::string> revisions;
    for (const auto &rs : sets)
        revisions.push_back(rs->meta.annotations.at(du::revisionAnnotation));
    std::sort(revisions.begin(), revisions.end());
    QCOMPARE(revisions, (std::vector<std::string>{"3", "4"}));
}

void TestDeployment::pausedDeploymentDoesNotRollOut()
{
    const std::string resume = "  - at: 60s\n    type: Apply\n    manifest:\n      apiVersion: apps/v1\n"
                               "      kind: Deployment\n      metadata: {name: web}\n      spec:\n        replicas: 2\n"
                               "        selector: {matchLabels: {app: web}}\n"
                               "        template:\n          metadata: {labels: {app: web}}\n"
                               "          spec: {containers: [{name: app, image: nginx:1.27}]}\n";
    EmulatorFixture f(clusterYaml({"a"}, 2, resume, {}, "2m") + deployment("web", 2, "  paused: true\n"));
    QVERIFY(f.ok());
    f.runTo(50);
    QVERIFY(replicaSetsOf(f, "web").empty());
    const auto *paused = condition(f, "web", "Progressing");
    QVERIFY(paused);
    QCOMPARE(paused->status, std::string("Unknown"));
    QCOMPARE(paused->reason, std::string("DeploymentPaused"));
    QCOMPARE(paused->message, std::string("Deployment is paused"));
    f.runTo(100);
    QCOMPARE(replicaSetsOf(f, "web").size(), std::size_t(1));
    QCOMPARE(countReady(deploymentPods(f, "web")), 2);
    QCOMPARE(condition(f, "web", "Progressing")->reason, std::string("NewReplicaSetAvailable"));
}

void TestDeployment::scalingMidRolloutIsProportional()
{
    // 10 replicas (surge 3): mid-rollout the new image never becomes ready, so both
    // ReplicaSets keep pods; scaling to 20 then adds to both in proportion.
    const std::string actions = "  - at: 30s\n    type: ImagePullFailure\n    image: nginx:broken\n"
                                + setImage("60s", "nginx:broken")
                                + "  - at: 90s\n    type: Scale\n    target: {kind: Deployment, name: web}\n"
                                  "    replicas: 20\n";
    EmulatorFixture f(clusterYaml({"a"}, 4, actions, {}, "3m") + deployment("web", 10));
    QVERIFY(f.ok());
    f.runTo(89);
    int oldSize = 0;
    int newSize = 0;
    for (const auto &rs : replicaSetsOf(f, "web"))
        (rs->spec.podTemplate.value.find("spec")->find("containers")->at(0).find("image")->text() == "nginx:1.27"
             ? oldSize : newSize) = rs->spec.replicas;
    QCOMPARE(oldSize, 8); // 10 - maxUnavailable 2
    QCOMPARE(newSize, 5); // 13 - 8
    f.runTo(91);
    int oldAfter = 0;
    int newAfter = 0;
    for (const auto &rs : replicaSetsOf(f, "web")) {
        (rs->spec.podTemplate.value.find("spec")->find("containers")->at(0).find("image")->text() == "nginx:1.27"
             ? oldAfter : newAfter) = rs->spec.replicas;
        QCOMPARE(rs->meta.annotations.at(du::desiredReplicasAnnotation), std::string("20"));
        QCOMPARE(rs->meta.annotations.at(du::maxReplicasAnnotation), std::string("25"));
    }
    // 13 -> 25 allowed: +12 split 8/13 and 5/13 of 25: round(8*25/13)=15, round(5*25/13)=10.
    QCOMPARE(oldAfter + newAfter, 25);
    QCOMPARE(oldAfter, 15);
    QCOMPARE(newAfter, 10);
}

QTEST_APPLESS_MAIN(TestDeployment)
#include "tst_deployment.moc"
