// SPDX-License-Identifier: Apache-2.0
// The API server's admission plugins that the scheduler depends on: TaintNodesAtCreation
// (every new Node is tainted not-ready:NoSchedule) and Priority (PriorityClasses resolve
// spec.priority and preemptionPolicy; unknown classes are rejected).
#include "support/emulator_fixture.h"

#include "emulator/store/object_store.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {

std::string priorityClass(const std::string &name, int value, const std::string &extra = {})
{
    return "---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: " + name
           + "\nvalue: " + std::to_string(value) + "\n" + extra;
}

std::string pod(const std::string &name, const std::string &specExtra = {})
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n" + specExtra
           + "  containers:\n  - name: app\n    image: nginx:1.27\n";
}

emu::store::UnstructuredObject classObject(const std::string &name, int value, bool globalDefault)
{
    emu::store::UnstructuredObject o;
    o.apiVersion = "scheduling.k8s.io/v1";
    o.kind = "PriorityClass";
    o.meta.name = name;
    o.body.set("value", emu::api::Value::integer(value));
    if (globalDefault)
        o.body.set("globalDefault", emu::api::Value::boolean(true));
    return o;
}

} // namespace

class TestPriorityAdmission : public QObject
{
    Q_OBJECT

private slots:
    void nodesAreCreatedWithTheNotReadyTaint();
    void podsWaitForTheNodeToBeReady();
    void classesResolvePriorityAndPreemptionPolicy();
    void globalDefaultAppliesToPodsWithoutClass();
    void unknownClassRejectsThePod();
    void controllerPodsWithUnknownClassFailToCreate();
    void invalidPriorityClassesAreRejected();
};

void TestPriorityAdmission::nodesAreCreatedWithTheNotReadyTaint()
{
    emu::Engine engine;
    emu::store::ObjectStore store(engine);
    emu::store::Node node;
    node.meta.name = "n1";
    node.spec.taints.push_back({"dedicated", "db", "NoSchedule", std::nullopt});
    QVERIFY(store.nodes().create(node).ok());
    const auto stored = store.nodes().get("n1");
    QCOMPARE(stored->spec.taints.size(), std::size_t(2));
    QCOMPARE(stored->spec.taints[0].key, std::string("dedicated"));
    QVERIFY(stored->hasTaint("node.kubernetes.io/not-ready", "NoSchedule"));
    // A node registered with the taint already keeps just the one.
    emu::store::Node tainted;
    tainted.meta.name = "n2";
    tainted.spec.taints.push_back({"node.kubernetes.io/not-ready", {}, "NoSchedule", std::nullopt});
    QVERIFY(store.nodes().create(tainted).ok());
    QCOMPARE(store.nodes().get("n2")->spec.taints.size(), std::size_t(1));
}

void TestPriorityAdmission::podsWaitForTheNodeToBeReady()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "1m") + pod("web"));
    QVERIFY(f.ok());
    f.runTo(30);
    // The taint is added at registration and removed by the node lifecycle controller once
    // the kubelet posts Ready (after nodeipam gave the node its podCIDR).
    QCOMPARE(f.taintTimes("node.kubernetes.io/not-ready", "NoSchedule"), std::vector<double>{0.0});
    const auto removed = f.events("NodeTaintRemoved", "a-0");
    QCOMPARE(removed.size(), std::size_t(1));
    double readyAt = -1;
    for (const auto &e : f.events("NodeConditionChanged", "a-0"))
        if (e.message.find("condition Ready is now True") != std::string::npos)
            readyAt = e.timeNs / 1e9;
    QVERIFY(readyAt > 0);
    QCOMPARE(removed[0].timeNs / 1e9, readyAt);
    // The pod could not go to the NotReady node at 0 s; it is bound when the taint goes.
    const auto failed = f.events("FailedScheduling", "web");
    QVERIFY(!failed.empty());
    QCOMPARE(failed.front().timeNs, std::int64_t(0));
    QCOMPARE(failed.front().message,
             std::string("0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. "
                         "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."));
    const auto scheduled = f.events("Scheduled", "web");
    QCOMPARE(scheduled.size(), std::size_t(1));
    QCOMPARE(scheduled[0].timeNs / 1e9, readyAt);
}

void TestPriorityAdmission::classesResolvePriorityAndPreemptionPolicy()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10s") + priorityClass("high", 1000)
                      + priorityClass("polite", 500, "preemptionPolicy: Never\n")
                      + pod("p-high", "  priorityClassName: high\n") + pod("p-polite", "  priorityClassName: polite\n")
                      + pod("p-node", "  priorityClassName: system-node-critical\n")
                      + pod("p-cluster", "  priorityClassName: system-cluster-critical\n") + pod("p-none"));
    QVERIFY(f.ok());
    f.runTo(5);
    const auto &pods = f.emulator->store().pods();
    QCOMPARE(*pods.get("default/p-high")->spec.priority, 1000);
    QCOMPARE(pods.get("default/p-high")->spec.preemptionPolicy, std::string("PreemptLowerPriority"));
    QCOMPARE(*pods.get("default/p-polite")->spec.priority, 500);
    QCOMPARE(pods.get("default/p-polite")->spec.preemptionPolicy, std::string("Never"));
    QCOMPARE(*pods.get("default/p-node")->spec.priority, 2000001000);
    QCOMPARE(*pods.get("default/p-cluster")->spec.priority, 2000000000);
    QCOMPARE(*pods.get("default/p-none")->spec.priority, 0);
    QCOMPARE(pods.get("default/p-none")->spec.priorityClassName, std::string());
    // The resolved fields are part of the stored spec (what --state shows).
    QCOMPARE(pods.get("default/p-high")->spec.full.find("priority")->asInt().value_or(-1), std::int64_t(1000));
}

void TestPriorityAdmission::globalDefaultAppliesToPodsWithoutClass()
{
    emu::Engine engine;
    emu::store::ObjectStore store(engine);
    QVERIFY(store.others().create(classObject("default-low", 10, true)).ok());
    emu::store::Pod pod;
    pod.meta.name = "p";
    pod.meta.namespaceName = "default";
    QVERIFY(store.pods().create(pod).ok());
    const auto stored = store.pods().get("default/p");
    QCOMPARE(stored->spec.priorityClassName, std::string("default-low"));
    QCOMPARE(*stored->spec.priority, 10);
    // A second globalDefault class is Forbidden.
    const auto second = store.others().create(classObject("default-two", 20, true));
    QCOMPARE(second.error, emu::store::StoreError::Invalid);
    QCOMPARE(second.message, std::string("priorityclasses.scheduling.k8s.io \"default-two\" is forbidden: "
                                         "PriorityClass default-low is already marked as default. Only one "
                                         "default can exist"));
    // spec.priority given in the pod must agree with the class.
    emu::store::Pod wrong;
    wrong.meta.name = "wrong";
    wrong.meta.namespaceName = "default";
    wrong.spec.priority = 7;
    const auto r = store.pods().create(wrong);
    QCOMPARE(r.message, std::string("pods \"wrong\" is forbidden: the integer value of priority (7) must not be "
                                    "provided in pod spec; priority admission controller computed 10 from the "
                                    "given PriorityClass name"));
    QVERIFY(!store.pods().get("default/wrong"));
}

void TestPriorityAdmission::unknownClassRejectsThePod()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10s") + pod("lost", "  priorityClassName: nope\n"));
    QVERIFY(f.ok());
    f.runTo(5);
    QVERIFY(!f.emulator->store().pods().get("default/lost"));
    const auto failed = f.events("FailedCreate", "lost");
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].type, std::string("Warning"));
    QCOMPARE(failed[0].message,
             std::string("Error creating: pods \"lost\" is forbidden: no PriorityClass with name nope was found"));
}

void TestPriorityAdmission::controllerPodsWithUnknownClassFailToCreate()
{
    const std::string rs = "---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n"
                           "  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n"
                           "    metadata: {labels: {app: web}}\n    spec:\n      priorityClassName: missing\n"
                           "      containers: [{name: app, image: nginx:1.27}]\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10s") + rs);
    QVERIFY(f.ok());
    f.runTo(5);
    const auto failed = f.events("FailedCreate", "web");
    QVERIFY(!failed.empty());
    QVERIFY2(failed[0].message.find("is forbidden: no PriorityClass with name missing was found") != std::string::npos,
             failed[0].message.c_str());
    QCOMPARE(f.emulator->store().pods().size(), std::size_t(0));
}

void TestPriorityAdmission::invalidPriorityClassesAreRejected()
{
    emu::Engine engine;
    emu::store::ObjectStore store(engine);
    QCOMPARE(store.others().create(classObject("huge", 1'000'000'001, false)).message,
             std::string("priorityclasses.scheduling.k8s.io \"huge\" is forbidden: maximum allowed value of a "
                         "user defined priority is 1000000000"));
    QCOMPARE(store.others().create(classObject("system-mine", 5, false)).error, emu::store::StoreError::Invalid);
    QVERIFY(store.others().create(classObject("ok", 1'000'000'000, false)).ok());
}

QTEST_APPLESS_MAIN(TestPriorityAdmission)
#include "tst_priority_admission.moc"
