// SPDX-License-Identifier: Apache-2.0
// The emulated kubelet's pod lifecycle, as timelines with the spec's numbers: probes (5.5),
// init containers and sidecars (5.6), termination (5.7), OOM kills (5.8), node-pressure
// eviction (5.9), image pull failures (5.10), graceful and non-graceful node shutdown (4.1,
// 4.2) and kubelet admission (5.1).
#include "support/emulator_fixture.h"

#include "emulator/report/metrics_recorder.h"
#include "emulator/sim/metrics_sampler.h"

#include <sstream>

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {

// A pod bound to a-0 with one container "app" (busybox:1.36) and the given extra lines.
std::string pod(const std::string &name, const std::string &behavior, const std::string &specExtra = {},
                const std::string &containerExtra = {})
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  annotations:\n"
           "    kubecanvas.io/behavior: '" + behavior + "'\nspec:\n  nodeName: a-0\n" + specExtra
           + "  containers:\n  - name: app\n    image: busybox:1.36\n" + containerExtra;
}

std::shared_ptr<const emu::store::Pod> get(const EmulatorFixture &f, const std::string &name)
{
    return f.emulator->store().pods().get("default/" + name);
}

double startOf(const EmulatorFixture &f, const std::string &name)
{
    auto p = get(f, name);
    return p && p->status.startTime ? p->status.startTime->toSeconds() : -1;
}

std::vector<double> times(const EmulatorFixture &f, const std::string &reason, const std::string &name,
                          double origin = 0)
{
    std::vector<double> out;
    for (const auto &e : f.events(reason, name))
        out.push_back(static_cast<double>(e.timeNs) / 1e9 - origin);
    return out;
}

const emu::store::Pod::Condition *condition(const emu::store::Pod &p, const char *type)
{
    return p.condition(type);
}

} // namespace

class TestPodLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void livenessFailureRestartsTheContainer();
    void readinessDrivesTheReadyCondition();
    void initContainersThenSidecarThenApp();
    void failedInitContainerWithRestartNeverFailsThePod();
    void deletionWaitsForTheProcessWithinTheGracePeriod();
    void memoryLimitOomKills();
    void pressureEvictionOrder();
    void gracefulNodeShutdownByGroup();
    void outOfServiceTaintForceDeletesTerminatingPods();
    void imagePullFailureBacksOff();
    void admissionRejectsWhatDoesNotFit();
    void podMetrics();
};

void TestPodLifecycle::livenessFailureRestartsTheContainer()
{
    // Running at T0+3 (pull 2 s, start 1 s); the app fails liveness 60 s later; probes every
    // 10 s from admission: failures at 70, 80, 90 -> killed at 90, restarted at once (first
    // restart); the next instance fails from 151: 160, 170, 180 -> killed, back-off 10 s.
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "5m")
                      + pod("live", "{app: {pullSeconds: 2, startSeconds: 1, livenessFailAfterSeconds: 60}}", {},
                            "    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10, failureThreshold: 3}\n"));
    QVERIFY(f.ok());
    f.runTo(200);
    const double t0 = startOf(f, "live");
    QCOMPARE(times(f, "Killing", "live", t0), (std::vector<double>{90, 180}));
    QCOMPARE(times(f, "Started", "live", t0), (std::vector<double>{3, 91, 191}));
    QCOMPARE(times(f, "Unhealthy", "live", t0), (std::vector<double>{70, 80, 90, 160, 170, 180}));
    const auto unhealthy = f.events("Unhealthy", "live");
    QCOMPARE(unhealthy[0].message, std::string("Liveness probe failed: HTTP probe failed with statuscode: 503"));
    QCOMPARE(f.events("Killing", "live")[0].message, std::string("Container app failed liveness probe, will be restarted"));
    auto p = get(f, "live");
    QCOMPARE(p->status.containerStatuses[0].restartCount, 2);
    QVERIFY(p->status.containerStatuses[0].lastState.has_value());
    QCOMPARE(p->status.phase, std::string("Running"));
}

void TestPodLifecycle::readinessDrivesTheReadyCondition()
{
    // Passes readiness from T0+15 (running at 3 + readySeconds 12) until T0+43; probes every
    // 5 s: ready at the tick of 15; failures at 45, 50, 55 -> not ready at 55.
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "2m")
                      + pod("ready", "{app: {readySeconds: 12, readinessFailAfterSeconds: 40}}", {},
                            "    readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5, failureThreshold: 3}\n"));
    QVERIFY(f.ok());
    f.runTo(30);
    const double t0 = startOf(f, "ready");
    auto p = get(f, "ready");
    QCOMPARE(condition(*p, "Ready")->status, std::string("True"));
    QCOMPARE(condition(*p, "Ready")->lastTransitionTime.toSeconds() - t0, 15.0);
    QCOMPARE(p->status.containerStatuses[0].ready, true);
    f.runTo(60);
    p = get(f, "ready");
    QCOMPARE(condition(*p, "Ready")->status, std::string("False"));
    QCOMPARE(condition(*p, "Ready")->lastTransitionTime.toSeconds() - t0, 55.0);
    QCOMPARE(condition(*p, "ContainersReady")->reason, std::string("ContainersNotReady"));
    // Every failed probe is an event: before the app is ready (5, 10) and after it fails.
    QCOMPARE(times(f, "Unhealthy", "ready", t0), (std::vector<double>{5, 10, 45, 50, 55, 60}));
    QCOMPARE(f.events("Unhealthy", "ready")[0].message,
             std::string("Readiness probe failed: dial tcp ") + get(f, "ready")->status.podIP + ":80: connect: connection refused");
    QCOMPARE(p->status.phase, std::string("Running")); // readiness never restarts
}

void TestPodLifecycle::initContainersThenSidecarThenApp()
{
    const std::string yaml = clusterYaml({"a"}, 1, {}, {}, "2m")
        + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: seq\n  annotations:\n"
          "    kubecanvas.io/behavior: '{init: {exitAfterSeconds: 3}}'\nspec:\n  nodeName: a-0\n"
          "  initContainers:\n  - {name: init, image: busybox:1.36}\n"
          "  - {name: proxy, image: envoy:1.30, restartPolicy: Always}\n"
          "  containers:\n  - {name: app, image: nginx:1.27}\n";
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(5);
    const double t0 = startOf(f, "seq");
    auto p = get(f, "seq");
    QCOMPARE(p->status.phase, std::string("Pending"));
    QCOMPARE(condition(*p, "Initialized")->status, std::string("False"));
    QCOMPARE(condition(*p, "Initialized")->message, std::string("containers with incomplete status: [init proxy]"));
    QCOMPARE(p->status.containerStatuses[0].state.reason, std::string("PodInitializing"));
    f.runTo(30);
    // init: pulled 0-2, started 3, exits 6; proxy: pulled 6-8, started 9 (the sidecar is
    // started, so init is over); app: pulled 9-11, started 12.
    const auto started = f.events("Started", "seq");
    QCOMPARE(started.size(), std::size_t(3));
    QCOMPARE(started[0].message, std::string("Started container init"));
    QCOMPARE(started[1].message, std::string("Started container proxy"));
    QCOMPARE(started[2].message, std::string("Started container app"));
    QCOMPARE(times(f, "Started", "seq", t0), (std::vector<double>{3, 9, 12}));
    p = get(f, "seq");
    QCOMPARE(condition(*p, "Initialized")->lastTransitionTime.toSeconds() - t0, 9.0);
    QCOMPARE(p->status.phase, std::string("Running"));
    QCOMPARE(p->status.initContainerStatuses[0].state.reason, std::string("Completed"));
    QCOMPARE(p->status.initContainerStatuses[1].ready, true);
    QCOMPARE(condition(*p, "Ready")->status, std::string("True"));
}

void TestPodLifecycle::failedInitContainerWithRestartNeverFailsThePod()
{
    const std::string yaml = clusterYaml({"a"}, 1, {}, {}, "1m")
        + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n  annotations:\n"
          "    kubecanvas.io/behavior: '{init: {exitAfterSeconds: 2, exitCode: 3}}'\nspec:\n  nodeName: a-0\n"
          "  restartPolicy: Never\n"
          "  initContainers:\n  - {name: init, image: busybox:1.36}\n"
          "  containers:\n  - {name: app, image: nginx:1.27}\n";
    EmulatorFixture f(yaml);
    QVERIFY(f.ok());
    f.runTo(30);
    auto p = get(f, "bad");
    QCOMPARE(p->status.phase, std::string("Failed"));
    QCOMPARE(p->status.initContainerStatuses[0].state.exitCode, 3);
    QCOMPARE(p->status.initContainerStatuses[0].state.reason, std::string("Error"));
    QCOMPARE(f.events("Started", "bad").size(), std::size_t(1)); // the app never started
}

void TestPodLifecycle::deletionWaitsForTheProcessWithinTheGracePeriod()
{
    // DeletePod at 60 s; grace 30 s. "quick" stops 10 s after SIGTERM; "stuck" would need
    // 100 s and is killed when the grace period ends.
    const std::string actions = "  - at: 60s\n    type: DeletePod\n    target: {kind: Pod, namespace: default, name: quick}\n"
                                "  - at: 60s\n    type: DeletePod\n    target: {kind: Pod, namespace: default, name: stuck}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "3m") + pod("quick", "{app: {stopSeconds: 10}}")
                      + pod("stuck", "{app: {stopSeconds: 100}}"));
    QVERIFY(f.ok());
    f.runTo(69.9);
    QVERIFY(get(f, "quick") && get(f, "quick")->meta.deletionTimestamp);
    QCOMPARE(get(f, "quick")->meta.deletionGracePeriodSeconds.value_or(-1), std::int64_t(30));
    f.runTo(70.1);
    QVERIFY(!get(f, "quick"));
    f.runTo(89.9);
    QVERIFY(get(f, "stuck"));
    f.runTo(90.1);
    QVERIFY(!get(f, "stuck"));
    QCOMPARE(times(f, "Killing", "stuck"), (std::vector<double>{60}));
    QCOMPARE(f.events("Killing", "stuck")[0].message, std::string("Stopping container app"));
}

void TestPodLifecycle::memoryLimitOomKills()
{
    // 100Mi at start, +1Mi/s, limit 128Mi: OOM-killed 28 s after it runs (T0+3).
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m")
                      + pod("oom", "{app: {memory: 100Mi, memoryGrowthPerSecond: 1Mi}}", {},
                            "    resources: {limits: {memory: 128Mi}}\n"));
    QVERIFY(f.ok());
    f.runTo(40);
    const double t0 = startOf(f, "oom");
    auto p = get(f, "oom");
    const auto &s = p->status.containerStatuses[0];
    QCOMPARE(s.restartCount, 1);
    QVERIFY(s.lastState.has_value());
    QCOMPARE(s.lastState->reason, std::string("OOMKilled"));
    QCOMPARE(s.lastState->exitCode, 137);
    QCOMPARE(s.lastState->finishedAt->toSeconds() - t0, 31.0);
}

void TestPodLifecycle::pressureEvictionOrder()
{
    // MemoryPressure forced at 60 s: the eviction manager runs every 10 s and evicts one pod per
    // cycle: usage above request first, then (same priority) the larger excess.
    const std::string actions = "  - at: 60s\n    type: SetCondition\n    target: {node: a-0}\n"
                                "    condition: MemoryPressure\n    status: \"True\"\n";
    const std::string requests = "    resources: {requests: {memory: 100Mi}}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "3m") + pod("calm", "{app: {memory: 50Mi}}", {}, requests)
                      + pod("hog", "{app: {memory: 300Mi}}", {}, requests) + pod("mid", "{app: {memory: 150Mi}}", {}, requests));
    QVERIFY(f.ok());
    f.runTo(95);
    const auto evicted = f.events("Evicted");
    QCOMPARE(evicted.size(), std::size_t(3));
    QCOMPARE(evicted[0].name, std::string("hog"));
    QCOMPARE(evicted[1].name, std::string("mid"));
    QCOMPARE(evicted[2].name, std::string("calm"));
    QCOMPARE(evicted[0].timeNs, 70'000'000'000LL);
    QCOMPARE(evicted[1].timeNs, 80'000'000'000LL);
    QVERIFY(evicted[0].message.rfind("The node was low on resource: memory. Threshold quantity: 100Mi, available: ", 0) == 0);
    QVERIFY(evicted[0].message.find("Container app was using 300Mi, request is 100Mi, has larger consumption of memory.")
            != std::string::npos);
    auto hog = get(f, "hog");
    QCOMPARE(hog->status.phase, std::string("Failed"));
    QCOMPARE(hog->status.reason, std::string("Evicted"));
    QCOMPARE(condition(*hog, "DisruptionTarget")->reason, std::string("TerminationByKubelet"));
    QVERIFY(f.hasTaint("a-0", "node.kubernetes.io/memory-pressure", "NoSchedule"));
}

void TestPodLifecycle::gracefulNodeShutdownByGroup()
{
    // shutdownGracePeriod 30 s with 10 s for critical pods: regular pods get 20 s, then
    // critical ones 10 s; "app" needs 25 s to stop and is killed at 20 s.
    const std::string kubelet = "  kubelet:\n    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 10s\n";
    const std::string actions = "  - at: 60s\n    type: GracefulShutdown\n    target: {node: a-0}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, kubelet, "4m") + pod("app", "{app: {stopSeconds: 25}}")
                      + pod("crit", "{app: {stopSeconds: 5}}", "  priorityClassName: system-cluster-critical\n"));
    QVERIFY(f.ok());
    f.runTo(61);
    QCOMPARE(times(f, "NodeShutdown", "a-0"), (std::vector<double>{60}));
    QCOMPARE(f.readyStatus("a-0"), std::string("False"));
    auto node = f.emulator->store().nodes().get("a-0");
    QCOMPARE(node->condition("Ready")->message, std::string("node is shutting down"));
    QVERIFY(get(f, "crit")->status.phase == "Running");
    f.runTo(81);
    auto app = get(f, "app");
    QCOMPARE(app->status.phase, std::string("Failed"));
    QCOMPARE(app->status.reason, std::string("Terminated"));
    QCOMPARE(app->status.message, std::string("Pod was terminated in response to imminent node shutdown."));
    QCOMPARE(app->status.containerStatuses[0].state.exitCode, 137);
    QCOMPARE(app->status.containerStatuses[0].state.finishedAt->toSeconds(), 80.0);
    QCOMPARE(times(f, "Killing", "crit"), (std::vector<double>{80}));
    f.runTo(90);
    auto crit = get(f, "crit");
    QCOMPARE(crit->status.phase, std::string("Failed"));
    QCOMPARE(crit->status.containerStatuses[0].state.finishedAt->toSeconds(), 85.0);
    QVERIFY(!f.emulator->kubelet("a-0")->isRunning()); // powered off after the last group
}

void TestPodLifecycle::outOfServiceTaintForceDeletesTerminatingPods()
{
    // The node crashes; the deleted pod stays Terminating; the admin's out-of-service taint
    // lets the pod GC (every 20 s) force-delete it once the node is not Ready.
    const std::string actions =
        "  - at: 60s\n    type: NodeCrash\n    target: {node: a-0}\n"
        "  - at: 70s\n    type: DeletePod\n    target: {kind: Pod, namespace: default, name: web}\n"
        "  - at: 125s\n    type: Apply\n    manifest:\n      apiVersion: v1\n      kind: Node\n"
        "      metadata: {name: a-0}\n"
        "      spec:\n        taints: [{key: node.kubernetes.io/out-of-service, value: nodeshutdown, effect: NoExecute}]\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "4m") + pod("web", "{}"));
    QVERIFY(f.ok());
    f.runTo(139);
    QVERIFY(get(f, "web") && get(f, "web")->meta.deletionTimestamp);
    QVERIFY(f.hasTaint("a-0", "node.kubernetes.io/out-of-service", "NoExecute"));
    f.runTo(140.5);
    QVERIFY(!get(f, "web"));
}

void TestPodLifecycle::imagePullFailureBacksOff()
{
    // Pulls of nginx:1.27 fail until 30 s: ErrImagePull at 2, ImagePullBackOff, retry after
    // 10 s (fails at 14), after 20 s (34: succeeds), running at 37.
    const std::string actions = "  - at: 0s\n    type: ImagePullFailure\n    image: nginx:1.27\n    until: 30s\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "2m")
                      + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: img\nspec:\n  nodeName: a-0\n"
                        "  containers:\n  - {name: app, image: nginx:1.27}\n");
    QVERIFY(f.ok());
    f.runTo(5);
    QCOMPARE(get(f, "img")->status.containerStatuses[0].state.reason, std::string("ImagePullBackOff"));
    f.runTo(60);
    const double t0 = startOf(f, "img");
    std::vector<double> errors;
    for (const auto &e : f.events("Failed", "img"))
        if (e.message == "Error: ErrImagePull")
            errors.push_back(e.timeNs / 1e9 - t0);
    QCOMPARE(errors, (std::vector<double>{2, 14}));
    QCOMPARE(times(f, "Started", "img", t0), (std::vector<double>{37}));
    QCOMPARE(get(f, "img")->status.phase, std::string("Running"));
}

void TestPodLifecycle::admissionRejectsWhatDoesNotFit()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m")
                      + pod("huge", "{}", {}, "    resources: {requests: {cpu: \"500\"}}\n"));
    QVERIFY(f.ok());
    f.runTo(10);
    auto p = get(f, "huge");
    QCOMPARE(p->status.phase, std::string("Failed"));
    QCOMPARE(p->status.reason, std::string("OutOfcpu"));
    QVERIFY(p->status.message.rfind("Pod was rejected: Node didn't have enough resource: cpu, requested: 500000, used: 0, capacity: ", 0) == 0);
}

void TestPodLifecycle::podMetrics()
{
    // Two pods requesting 250m / 64Mi each; "late" becomes ready 10 s after it runs.
    const std::string requests = "    resources: {requests: {cpu: 250m, memory: 64Mi}}\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + pod("one", "{app: {cpu: 100m, memory: 32Mi}}", {}, requests)
                      + pod("late", "{app: {readySeconds: 10}}", {}, requests + "    readinessProbe: {exec: {command: [true]}, periodSeconds: 1}\n"));
    QVERIFY(f.ok());
    std::ostringstream csv;
    emu::report::MetricsRecorder recorder(&csv);
    emu::sim::MetricsSampler sampler(f.emulator->context(), f.emulator->nodeLifecycle(), recorder,
                                     emu::SimDuration::seconds(1));
    emu::sim::Emulator *e = f.emulator.get();
    sampler.setUsageSource([e](const std::string &node) {
        const auto u = e->nodeUsage(node);
        return emu::sim::MetricsSampler::Usage{double(u.first), double(u.second)};
    });
    f.emulator->start();
    sampler.start();
    f.runTo(30);
    auto value = [&](const std::string &time, const std::string &metric, const std::string &object) {
        std::istringstream in(csv.str());
        std::string line;
        const std::string prefix = time + "," + metric + "," + object + ",";
        while (std::getline(in, line))
            if (line.rfind(prefix, 0) == 0)
                return std::stod(line.substr(prefix.size()));
        return -1.0;
    };
    QCOMPARE(value("25", "pods_running", "cluster"), 2.0);
    QCOMPARE(value("25", "pods_running", "Node/a-0"), 2.0);
    QCOMPARE(value("25", "requested_cpu", "Node/a-0"), 500.0);
    QCOMPARE(value("25", "requested_memory", "cluster"), 128.0 * 1024 * 1024);
    QCOMPARE(value("25", "requested_pods", "Node/a-0"), 2.0);
    // usage: "one" says 100m / 32Mi; "late" uses its requests.
    QCOMPARE(value("25", "usage_cpu", "Node/a-0"), 350.0);
    QCOMPARE(value("25", "usage_memory", "Node/a-0"), 96.0 * 1024 * 1024);
    // Unavailable: each pod until it is Ready, one sample interval at a time.
    const double t0 = startOf(f, "one");
    const auto one = get(f, "one")->condition("Ready")->lastTransitionTime.toSeconds() - t0;
    const auto late = get(f, "late")->condition("Ready")->lastTransitionTime.toSeconds() - t0;
    QCOMPARE(value("29", "pod_unavailable_seconds", "Namespace/default"), one + late);
}

QTEST_APPLESS_MAIN(TestPodLifecycle)
#include "tst_pod_lifecycle.moc"
