// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/civil_time.h"
#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"
#include "emulator/core/engine.h"
#include "emulator/sim/object_serializer.h"
#include "emulator/sim/state_writer.h"
#include "emulator/store/object_store.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace emu;
using emu::api::Value;
using emu::api::YamlWriter;

namespace {

std::int64_t startMs(const char *rfc3339)
{
    return api::CivilTime::parseRfc3339Ms(rfc3339).value();
}

SimTime at(double seconds)
{
    return SimTime::fromNs(static_cast<std::int64_t>(seconds * 1e9 + 0.5));
}

api::Quantity q(const char *text)
{
    return api::Quantity::parse(text).value();
}

store::Node makeNode(const std::string &name)
{
    store::Node node;
    node.meta.name = name;
    node.meta.labels = {{"kubernetes.io/hostname", name}, {"topology.kubernetes.io/zone", "zone-a"}};
    node.meta.annotations = {{"node.alpha.kubernetes.io/ttl", "0"}};
    node.spec.podCIDR = "10.244.1.0/24";
    node.spec.podCIDRs = {"10.244.1.0/24"};
    node.spec.unschedulable = true;
    node.spec.taints = {{"node.kubernetes.io/unreachable", "", "NoExecute", at(52.5)},
                        {"dedicated", "infra", "NoSchedule", std::nullopt}};
    node.status.capacity = {{"cpu", q("4")}, {"memory", q("16Gi")}, {"pods", q("110")},
                            {"ephemeral-storage", q("100Gi")}};
    node.status.allocatable = {{"cpu", q("3.8")}, {"memory", q("15360Mi")}, {"pods", q("110")},
                               {"ephemeral-storage", q("100Gi")}};
    node.status.conditions = {
        {"MemoryPressure", "False", "KubeletHasSufficientMemory",
         "kubelet has sufficient memory available", at(52.5), at(10)},
        {"Ready", "True", "KubeletReady", "kubelet is posting ready status", at(52.5), at(10)}};
    node.status.addresses = {{"InternalIP", "10.0.0.11"}, {"Hostname", name}};
    store::NodeSystemInfo &info = node.status.nodeInfo;
    info.machineID = "m-1";
    info.systemUUID = "s-1";
    info.bootID = "b-1";
    info.kernelVersion = "6.1.0-18-amd64";
    info.osImage = "Debian GNU/Linux 12 (bookworm)";
    info.containerRuntimeVersion = "containerd://1.7.13";
    info.kubeletVersion = "v1.30.0";
    info.kubeProxyVersion = "v1.30.0";
    info.operatingSystem = "linux";
    info.architecture = "amd64";
    return node;
}

store::Lease makeLease(const std::string &name, const std::string &ownerUid)
{
    store::Lease lease;
    lease.meta.name = name;
    lease.meta.namespaceName = "kube-node-lease";
    lease.meta.ownerReferences = {{"v1", "Node", name, ownerUid, false}};
    lease.holderIdentity = name;
    lease.acquireTime = at(10);
    lease.renewTime = SimTime::fromNs(52'123'456'789);
    return lease;
}

// A manifest as the loader keeps it: metadata as written, the rest as the body.
store::UnstructuredObject makeObject(const std::string &yaml)
{
    const auto parsed = api::YamlReader::parse(yaml, "object.yaml");
    const Value &root = parsed.documents.at(0).root;
    store::UnstructuredObject object;
    object.apiVersion = root.find("apiVersion")->text();
    object.kind = root.find("kind")->text();
    object.metadata = *root.find("metadata");
    object.meta.name = object.metadata.find("name")->text();
    if (const Value *ns = object.metadata.find("namespace"))
        object.meta.namespaceName = ns->text();
    for (std::size_t i = 0; i < root.size(); ++i) {
        const std::string &key = root.keyAt(i).text();
        if (key != "apiVersion" && key != "kind" && key != "metadata")
            object.body.appendEntry(root.keyAt(i), root.valueAt(i));
    }
    return object;
}

std::string readFile(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

class TestObjectSerializer : public QObject
{
    Q_OBJECT

private slots:
    void timestamps_data();
    void timestamps();
    void node();
    void lease();
    void unstructuredMergesServerMetadata();
    void listOrder();
    void writeStateYamlAndJson();
    void writeStateReportsErrors();
};

void TestObjectSerializer::timestamps_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("micro");
    const qint64 s = 1'000'000'000;
    const QString y2026 = "2026-01-01T00:00:00Z";
    QTest::newRow("t=0") << y2026 << qint64(0) << "2026-01-01T00:00:00Z"
                         << "2026-01-01T00:00:00.000000Z";
    QTest::newRow("52.5 s") << y2026 << 52 * s + s / 2 << "2026-01-01T00:00:52Z"
                            << "2026-01-01T00:00:52.500000Z";
    QTest::newRow("1 day + 1 s") << y2026 << 86401 * s << "2026-01-02T00:00:01Z"
                                 << "2026-01-02T00:00:01.000000Z";
    QTest::newRow("micro truncates") << y2026 << qint64(999'999'999) << "2026-01-01T00:00:00Z"
                                     << "2026-01-01T00:00:00.999999Z";
    QTest::newRow("leap day") << "2024-02-28T23:59:59Z" << s << "2024-02-29T00:00:00Z"
                              << "2024-02-29T00:00:00.000000Z";
    QTest::newRow("after leap day") << "2024-02-28T23:59:59Z" << 86401 * s
                                    << "2024-03-01T00:00:00Z" << "2024-03-01T00:00:00.000000Z";
    QTest::newRow("2000 is leap") << "2000-02-28T12:00:00Z" << 86400 * s << "2000-02-29T12:00:00Z"
                                  << "2000-02-29T12:00:00.000000Z";
    QTest::newRow("2100 is not") << "2100-02-28T12:00:00Z" << 86400 * s << "2100-03-01T12:00:00Z"
                                 << "2100-03-01T12:00:00.000000Z";
    QTest::newRow("ms start carries") << "2028-12-31T23:59:59.750Z" << s / 4
                                      << "2029-01-01T00:00:00Z" << "2029-01-01T00:00:00.000000Z";
    QTest::newRow("ms start") << "2026-01-01T00:00:00.250Z" << s / 2 << "2026-01-01T00:00:00Z"
                              << "2026-01-01T00:00:00.750000Z";
    QTest::newRow("offset start") << "2026-01-01T01:00:00+02:00" << qint64(0)
                                  << "2025-12-31T23:00:00Z" << "2025-12-31T23:00:00.000000Z";
}

void TestObjectSerializer::timestamps()
{
    QFETCH(QString, start);
    QFETCH(qint64, ns);
    QFETCH(QString, time);
    QFETCH(QString, micro);
    const sim::ObjectSerializer serializer(startMs(start.toStdString().c_str()));
    QCOMPARE(QString::fromStdString(serializer.timestamp(SimTime::fromNs(ns))), time);
    QCOMPARE(QString::fromStdString(serializer.microTimestamp(SimTime::fromNs(ns))), micro);
}

void TestObjectSerializer::node()
{
    Engine engine;
    store::ObjectStore store(engine);
    engine.runUntil(at(10));
    // The store's admission (TaintNodesAtCreation) appends node.kubernetes.io/not-ready.
    QVERIFY(store.nodes().create(makeNode("node-1")).ok());
    const sim::ObjectSerializer serializer(startMs("2026-01-01T00:00:00Z"));
    const std::string yaml = YamlWriter::toYaml(serializer.toValue(*store.nodes().get("node-1")));
    const std::string expected = R"(apiVersion: v1
kind: Node
metadata:
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
  creationTimestamp: "2026-01-01T00:00:10Z"
  labels:
    kubernetes.io/hostname: node-1
    topology.kubernetes.io/zone: zone-a
  name: node-1
  resourceVersion: "1"
  uid: 00000000-0000-4000-8000-000000000001
spec:
  podCIDR: 10.244.1.0/24
  podCIDRs:
  - 10.244.1.0/24
  taints:
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    timeAdded: "2026-01-01T00:00:52Z"
  - effect: NoSchedule
    key: dedicated
    value: infra
  - effect: NoSchedule
    key: node.kubernetes.io/not-ready
  unschedulable: true
status:
  addresses:
  - address: 10.0.0.11
    type: InternalIP
  - address: node-1
    type: Hostname
  allocatable:
    cpu: 3800m
    ephemeral-storage: 100Gi
    memory: 15Gi
    pods: "110"
  capacity:
    cpu: "4"
    ephemeral-storage: 100Gi
    memory: 16Gi
    pods: "110"
  conditions:
  - lastHeartbeatTime: "2026-01-01T00:00:52Z"
    lastTransitionTime: "2026-01-01T00:00:10Z"
    message: kubelet has sufficient memory available
    reason: KubeletHasSufficientMemory
    status: "False"
    type: MemoryPressure
  - lastHeartbeatTime: "2026-01-01T00:00:52Z"
    lastTransitionTime: "2026-01-01T00:00:10Z"
    message: kubelet is posting ready status
    reason: KubeletReady
    status: "True"
    type: Ready
  daemonEndpoints:
    kubeletEndpoint:
      Port: 10250
  nodeInfo:
    architecture: amd64
    bootID: b-1
    containerRuntimeVersion: containerd://1.7.13
    kernelVersion: 6.1.0-18-amd64
    kubeProxyVersion: v1.30.0
    kubeletVersion: v1.30.0
    machineID: m-1
    operatingSystem: linux
    osImage: Debian GNU/Linux 12 (bookworm)
    systemUUID: s-1
)";
    QCOMPARE(QString::fromStdString(yaml), QString::fromStdString(expected));

    // A bare node: empty spec shown as {}, no generation ever, no omitempty fields.
    store::Node bare;
    bare.meta.name = "bare";
    QVERIFY(store.nodes().create(bare).ok());
    // Without the taint TaintNodesAtCreation gives every new node.
    store.nodes().patch("bare", [](store::Node &n) { n.spec.taints.clear(); });
    const Value value = serializer.toValue(*store.nodes().get("bare"));
    QCOMPARE(QString::fromStdString(YamlWriter::toYaml(*value.find("spec"))), QString("{}\n"));
    QVERIFY(!value.find("metadata")->contains("generation"));
    QVERIFY(!value.find("status")->contains("conditions"));
    QVERIFY(value.find("status")->contains("nodeInfo"));
}

void TestObjectSerializer::lease()
{
    Engine engine;
    store::ObjectStore store(engine);
    engine.runUntil(at(10));
    QVERIFY(store.nodes().create(makeNode("node-1")).ok());
    QVERIFY(store.leases().create(makeLease("node-1", store.nodes().get("node-1")->meta.uid)).ok());
    const sim::ObjectSerializer serializer(startMs("2026-01-01T00:00:00Z"));
    const auto stored = store.leases().get("kube-node-lease/node-1");
    QVERIFY(stored);
    const std::string expected = R"(apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  creationTimestamp: "2026-01-01T00:00:10Z"
  name: node-1
  namespace: kube-node-lease
  ownerReferences:
  - apiVersion: v1
    kind: Node
    name: node-1
    uid: 00000000-0000-4000-8000-000000000001
  resourceVersion: "2"
  uid: 00000000-0000-4000-8000-000000000002
spec:
  acquireTime: "2026-01-01T00:00:10.000000Z"
  holderIdentity: node-1
  leaseDurationSeconds: 40
  renewTime: "2026-01-01T00:00:52.123456Z"
)";
    QCOMPARE(QString::fromStdString(YamlWriter::toYaml(serializer.toValue(*stored))),
             QString::fromStdString(expected));

    // A controller owner reference says so; a lease never renewed has no renewTime.
    store::Lease other = makeLease("node-2", "u");
    other.meta.ownerReferences[0].controller = true;
    other.renewTime.reset();
    other.acquireTime.reset();
    const Value value = serializer.toValue(other);
    QCOMPARE(*value.find("metadata")->find("ownerReferences")->at(0).find("controller"),
             Value::boolean(true));
    QCOMPARE(value.find("spec")->size(), std::size_t(2)); // holderIdentity, leaseDurationSeconds
}

void TestObjectSerializer::unstructuredMergesServerMetadata()
{
    Engine engine;
    store::ObjectStore store(engine);
    engine.runUntil(at(1));
    store::UnstructuredObject deployment = makeObject(R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  uid: from-another-cluster
  resourceVersion: "999"
  namespace: default
  labels:
    tier: front
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
data: last
)");
    deployment.meta.labels = {{"app", "web"}, {"tier", "front"}}; // same as written
    deployment.meta.finalizers = {"example.com/keep"};            // added by the server side
    QVERIFY(store.others().create(deployment).ok());
    const sim::ObjectSerializer serializer(startMs("2026-01-01T00:00:00Z"));
    const Value value = serializer.toValue(*store.others().list().at(0));
    const std::string expected = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: "2026-01-01T00:00:01Z"
  finalizers:
  - example.com/keep
  generation: 1
  labels:
    tier: front
    app: web
  name: web
  namespace: default
  resourceVersion: "1"
  uid: 00000000-0000-4000-8000-000000000001
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
data: last
)";
    QCOMPARE(QString::fromStdString(YamlWriter::toYaml(value)), QString::fromStdString(expected));

    // Labels the emulator changed win over the written ones; other fields stay as written.
    store::UnstructuredObject relabelled = *store.others().list().at(0);
    relabelled.meta.labels["rollout"] = "2";
    const Value changed = serializer.toValue(relabelled);
    const Value *labels = changed.find("metadata")->find("labels");
    QCOMPARE(labels->size(), std::size_t(3));
    QCOMPARE(labels->keyAt(1).text(), std::string("rollout"));
    QCOMPARE(*changed.find("data"), Value::string("last"));
}

void TestObjectSerializer::listOrder()
{
    Engine engine;
    store::ObjectStore store(engine);
    const auto add = [&](const char *apiVersion, const char *kind, const char *ns, const char *name) {
        std::string yaml = std::string("apiVersion: ") + apiVersion + "\nkind: " + kind
                           + "\nmetadata:\n  name: " + name + "\n";
        if (*ns)
            yaml += std::string("  namespace: ") + ns + "\n";
        return store.others().create(makeObject(yaml)).ok();
    };
    QVERIFY(add("v1", "ConfigMap", "zeta", "b"));
    QVERIFY(add("apps/v1", "Deployment", "default", "web"));
    QVERIFY(add("v1", "Namespace", "", "kube-system"));
    QVERIFY(add("v1", "Namespace", "", "default"));
    QVERIFY(add("v1", "ConfigMap", "default", "a"));
    QVERIFY(store.nodes().create(makeNode("node-2")).ok());
    QVERIFY(store.nodes().create(makeNode("node-1")).ok());
    QVERIFY(store.leases().create(makeLease("node-1", "u1")).ok());
    store::Lease dashed = makeLease("x", "u2");
    dashed.meta.namespaceName = "kube-node-lease-b";
    QVERIFY(store.leases().create(dashed).ok());

    const sim::ObjectSerializer serializer(startMs("2026-01-01T00:00:00Z"));
    const Value list = serializer.toList(store);
    QCOMPARE(list.size(), std::size_t(4));
    QCOMPARE(list.keyAt(0).text(), std::string("apiVersion"));
    QCOMPARE(list.keyAt(1).text(), std::string("items"));
    QCOMPARE(list.find("kind")->text(), std::string("List"));
    QCOMPARE(*list.find("metadata")->find("resourceVersion"), Value::string(""));

    QStringList order;
    for (const Value &item : list.find("items")->items()) {
        const Value &meta = *item.find("metadata");
        const Value *ns = meta.find("namespace");
        order << QString::fromStdString(item.find("kind")->text() + ' '
                                        + (ns ? ns->text() + '/' : std::string())
                                        + meta.find("name")->text());
    }
    const QStringList expected = {"Namespace default", "Namespace kube-system", "Node node-1",
                                  "Node node-2", "Lease kube-node-lease/node-1",
                                  "Lease kube-node-lease-b/x", "ConfigMap default/a",
                                  "ConfigMap zeta/b", "Deployment default/web"};
    QCOMPARE(order, expected);
}

void TestObjectSerializer::writeStateYamlAndJson()
{
    Engine engine;
    store::ObjectStore store(engine);
    engine.runUntil(at(3));
    QVERIFY(store.nodes().create(makeNode("node-1")).ok());
    QVERIFY(store.leases().create(makeLease("node-1", "u1")).ok());
    QVERIFY(store.others().create(makeObject("apiVersion: v1\nkind: Namespace\nmetadata:\n"
                                             "  name: default\nspec: {}\n")).ok());
    const sim::ObjectSerializer serializer(startMs("2024-02-29T23:59:59Z"));
    const Value list = serializer.toList(store);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"state.yaml", "state.json"}) {
        const QString path = dir.filePath(name);
        std::string error;
        QVERIFY(sim::writeState(path.toStdString(), store, serializer, &error));
        QVERIFY(error.empty());
        const std::string text = readFile(path);
        const bool json = path.endsWith(".json");
        QCOMPARE(QString::fromStdString(text),
                 QString::fromStdString(json ? YamlWriter::toJson(list) : YamlWriter::toYaml(list)));
        QCOMPARE(text.front(), json ? '{' : 'a');
        const auto parsed = api::YamlReader::parse(text, name);
        QVERIFY(parsed.diagnostics.empty());
        QCOMPARE(parsed.documents.size(), std::size_t(1));
        QVERIFY2(parsed.documents[0].root == list, name);
    }
    QVERIFY(readFile(dir.filePath("state.yaml")).find("2024-03-01T00:00:02Z") != std::string::npos);
}

void TestObjectSerializer::writeStateReportsErrors()
{
    Engine engine;
    store::ObjectStore store(engine);
    const sim::ObjectSerializer serializer(0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("missing/state.yaml").toStdString();
    std::string error;
    QVERIFY(!sim::writeState(path, store, serializer, &error));
    QVERIFY2(error.find(path) != std::string::npos, error.c_str());
    QVERIFY(!sim::writeState(path, store, serializer, nullptr)); // no error sink: still fails
}

QTEST_APPLESS_MAIN(TestObjectSerializer)

#include "tst_object_serializer.moc"
