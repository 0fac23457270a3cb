// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/kubecanvas_validation.h"
#include "emulator/api/node_pool_spec.h"
#include "emulator/api/yaml_reader.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace emu::api;

namespace {

Value poolObject(const QString &specFlow, const char *name = "pool")
{
    std::string text = std::string("apiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata: {name: ") + name
                       + "}\n";
    if (!specFlow.isEmpty())
        text += "spec: " + specFlow.toStdString() + "\n";
    const auto result = YamlReader::parse(text, "pool.yaml");
    return result.documents.empty() ? Value() : result.documents.front().root;
}

const Diagnostic *find(const Diagnostics &diags, const std::string &path, Severity severity)
{
    for (const Diagnostic &d : diags) {
        if (d.path == path && d.severity == severity)
            return &d;
    }
    return nullptr;
}

QString dump(const Diagnostics &diags)
{
    QString s;
    for (const Diagnostic &d : diags)
        s += QString::fromStdString(d.format()) + '\n';
    return s;
}

std::string labelOf(const NodePoolSpec::Labels &labels, std::string_view key)
{
    for (const auto &[k, v] : labels) {
        if (k == key)
            return v;
    }
    return "<none>";
}

} // namespace

class TestNodePoolSpec : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void namesAndZones_data();
    void namesAndZones();
    void indexOfNode_data();
    void indexOfNode();
    void templateIsDecoded();
    void zonesOverrideTemplateZoneLabel();
    void invalidFields_data();
    void invalidFields();
    void reservedAboveCapacityWarns();
    void exampleFileIsValid();
};

void TestNodePoolSpec::defaults()
{
    Diagnostics diags;
    const NodePoolSpec p = NodePoolSpec::fromObject(poolObject(QString()), "pool.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(p.name, std::string("pool"));
    QCOMPARE(p.count, 1);
    QVERIFY(p.zones.empty());
    QVERIFY(p.labels.empty());
    QVERIFY(p.taints.empty());
    QCOMPARE(p.capacity.size(), std::size_t(4));
    QCOMPARE(p.capacity.at("cpu").milliValue(), 4000);
    QCOMPARE(p.capacity.at("memory").value(), 16LL << 30);
    QCOMPARE(p.capacity.at("pods").value(), 110);
    QCOMPARE(p.capacity.at("ephemeral-storage").value(), 100LL << 30);
    QVERIFY(p.kubeReserved.empty());
    QVERIFY(p.systemReserved.empty());
    QCOMPARE(p.zoneOfNode(0), std::string());
    QCOMPARE(p.labelsOfNode(0).size(), std::size_t(0));
}

void TestNodePoolSpec::namesAndZones_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("zones");
    QTest::newRow("no zones") << "{count: 3}" << QStringList{"pool-0", "pool-1", "pool-2"}
                              << QStringList{"", "", ""};
    QTest::newRow("zero nodes") << "{count: 0, zones: [a]}" << QStringList{} << QStringList{};
    QTest::newRow("round robin") << "{count: 5, zones: [a, b]}"
                                 << QStringList{"pool-0", "pool-1", "pool-2", "pool-3", "pool-4"}
                                 << QStringList{"a", "b", "a", "b", "a"};
    QTest::newRow("more zones than nodes") << "{count: 2, zones: [a, b, c]}" << QStringList{"pool-0", "pool-1"}
                                           << QStringList{"a", "b"};
    QTest::newRow("eleven nodes") << "{count: 11, zones: [x]}"
                                  << QStringList{"pool-0", "pool-1", "pool-2", "pool-3", "pool-4", "pool-5",
                                                 "pool-6", "pool-7", "pool-8", "pool-9", "pool-10"}
                                  << QStringList{"x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x"};
}

void TestNodePoolSpec::namesAndZones()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, names);
    QFETCH(QStringList, zones);
    Diagnostics diags;
    const NodePoolSpec p = NodePoolSpec::fromObject(poolObject(spec), "pool.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QStringList gotNames;
    for (const std::string &n : p.nodeNames())
        gotNames << QString::fromStdString(n);
    QCOMPARE(gotNames, names);
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(QString::fromStdString(p.zoneOfNode(std::size_t(i))), zones.at(i));
        const auto labels = p.labelsOfNode(std::size_t(i));
        const std::string expected = zones.at(i).isEmpty() ? "<none>" : zones.at(i).toStdString();
        QCOMPARE(labelOf(labels, NodePoolSpec::kZoneLabel), expected);
    }
}

void TestNodePoolSpec::indexOfNode_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<int>("index"); // -1: not a node of the pool
    QTest::newRow("first") << "pool-0" << 0;
    QTest::newRow("last") << "pool-11" << 11;
    QTest::newRow("beyond count") << "pool-12" << -1;
    QTest::newRow("leading zero") << "pool-01" << -1;
    QTest::newRow("other pool") << "poolx-1" << -1;
    QTest::newRow("prefix only") << "pool-" << -1;
    QTest::newRow("suffix") << "pool-1a" << -1;
}

void TestNodePoolSpec::indexOfNode()
{
    QFETCH(QString, node);
    QFETCH(int, index);
    Diagnostics diags;
    const NodePoolSpec p = NodePoolSpec::fromObject(poolObject("{count: 12}"), "pool.yaml", diags);
    QVERIFY(diags.empty());
    const auto got = p.indexOfNode(node.toStdString());
    QCOMPARE(got.has_value(), index >= 0);
    if (got)
        QCOMPARE(int(*got), index);
}

void TestNodePoolSpec::templateIsDecoded()
{
    Diagnostics diags;
    const NodePoolSpec p = NodePoolSpec::fromObject(
        poolObject("{count: 2, template: {metadata: {labels: {tier: web, example.com/gpu: \"true\"}}, "
                   "spec: {taints: [{key: dedicated, value: web, effect: NoSchedule}, {key: gpu, effect: NoExecute}]}, "
                   "capacity: {cpu: 500m, memory: 1.5Gi, pods: 30, example.com/gpu: 2, hugepages-2Mi: 1Gi}, "
                   "kubeReserved: {cpu: 0.1, memory: 100Mi, pid: 1000}, systemReserved: {ephemeral-storage: 1Gi}}}"),
        "pool.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(p.labels.size(), std::size_t(2));
    QCOMPARE(p.labels[0].first, std::string("tier"));
    QCOMPARE(p.labels[1].second, std::string("true"));
    QCOMPARE(p.taints.size(), std::size_t(2));
    QCOMPARE(p.taints[0].key, std::string("dedicated"));
    QCOMPARE(p.taints[0].value, std::string("web"));
    QCOMPARE(p.taints[0].effect, std::string("NoSchedule"));
    QCOMPARE(p.taints[1].value, std::string());
    QCOMPARE(p.capacity.at("cpu").milliValue(), 500);
    QCOMPARE(p.capacity.at("memory").value(), 3LL << 29);
    QCOMPARE(p.capacity.at("pods").value(), 30);
    QCOMPARE(p.capacity.at("ephemeral-storage").value(), 100LL << 30); // default kept
    QCOMPARE(p.capacity.at("example.com/gpu").value(), 2);
    QCOMPARE(p.capacity.at("hugepages-2Mi").value(), 1LL << 30);
    QCOMPARE(p.kubeReserved.at("cpu").milliValue(), 100);
    QCOMPARE(p.kubeReserved.at("pid").value(), 1000);
    QCOMPARE(p.systemReserved.at("ephemeral-storage").value(), 1LL << 30);
    QCOMPARE(labelOf(p.labelsOfNode(1), "tier"), std::string("web"));
}

void TestNodePoolSpec::zonesOverrideTemplateZoneLabel()
{
    Diagnostics diags;
    const NodePoolSpec p = NodePoolSpec::fromObject(
        poolObject("{count: 2, zones: [a, b], template: {metadata: {labels: {topology.kubernetes.io/zone: z}}}}"),
        "pool.yaml", diags);
    QVERIFY2(find(diags, "spec.template.metadata.labels[topology.kubernetes.io/zone]", Severity::Warning),
             qPrintable(dump(diags)));
    QVERIFY(!hasErrors(diags));
    const auto labels = p.labelsOfNode(1);
    QCOMPARE(labels.size(), std::size_t(1));
    QCOMPARE(labelOf(labels, NodePoolSpec::kZoneLabel), std::string("b"));
}

void TestNodePoolSpec::invalidFields_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("path");
    const auto row = [](const char *name, const char *spec, const char *path) {
        QTest::newRow(name) << QString::fromUtf8(spec) << QString::fromUtf8(path);
    };
    row("spec scalar", "three", "spec");
    row("count negative", "{count: -1}", "spec.count");
    row("count string", "{count: three}", "spec.count");
    row("count fraction", "{count: 1.5}", "spec.count");
    row("count above limit", "{count: 5001}", "spec.count");
    row("zones mapping", "{zones: {a: b}}", "spec.zones");
    row("zone number", "{zones: [a, 3]}", "spec.zones[1]");
    row("zone empty", "{zones: [\"\"]}", "spec.zones[0]");
    row("zone invalid", "{zones: [\"eu west\"]}", "spec.zones[0]");
    row("template list", "{template: []}", "spec.template");
    row("label key", "{template: {metadata: {labels: {\"-bad\": x}}}}", "spec.template.metadata.labels[-bad]");
    row("label value", "{template: {metadata: {labels: {a: \"b c\"}}}}", "spec.template.metadata.labels[a]");
    row("label bool", "{template: {metadata: {labels: {a: true}}}}", "spec.template.metadata.labels[a]");
    row("taints mapping", "{template: {spec: {taints: {key: a}}}}", "spec.template.spec.taints");
    row("taint not mapping", "{template: {spec: {taints: [a]}}}", "spec.template.spec.taints[0]");
    row("taint no key", "{template: {spec: {taints: [{effect: NoSchedule}]}}}", "spec.template.spec.taints[0].key");
    row("taint bad key", "{template: {spec: {taints: [{key: \"a b\", effect: NoSchedule}]}}}",
        "spec.template.spec.taints[0].key");
    row("taint no effect", "{template: {spec: {taints: [{key: a}]}}}", "spec.template.spec.taints[0].effect");
    row("taint bad effect", "{template: {spec: {taints: [{key: a, effect: NoRun}]}}}",
        "spec.template.spec.taints[0].effect");
    row("taint bad value", "{template: {spec: {taints: [{key: a, value: \"x y\", effect: NoSchedule}]}}}",
        "spec.template.spec.taints[0].value");
    row("taint duplicate", "{template: {spec: {taints: [{key: a, effect: NoSchedule}, {key: a, value: b, effect: NoSchedule}]}}}",
        "spec.template.spec.taints[1]");
    row("capacity list", "{template: {capacity: [cpu]}}", "spec.template.capacity");
    row("capacity bad quantity", "{template: {capacity: {cpu: four}}}", "spec.template.capacity[cpu]");
    row("capacity negative", "{template: {capacity: {memory: -1Gi}}}", "spec.template.capacity[memory]");
    row("capacity bool", "{template: {capacity: {cpu: true}}}", "spec.template.capacity[cpu]");
    row("capacity unknown", "{template: {capacity: {gpu: 1}}}", "spec.template.capacity[gpu]");
    row("pods fraction", "{template: {capacity: {pods: 1500m}}}", "spec.template.capacity[pods]");
    row("kubeReserved pods", "{template: {kubeReserved: {pods: 10}}}", "spec.template.kubeReserved[pods]");
    row("systemReserved bad", "{template: {systemReserved: {memory: lots}}}", "spec.template.systemReserved[memory]");
}

void TestNodePoolSpec::invalidFields()
{
    QFETCH(QString, spec);
    QFETCH(QString, path);
    Diagnostics diags;
    const NodePoolSpec p = NodePoolSpec::fromObject(poolObject(spec), "pool.yaml", diags);
    QVERIFY2(find(diags, path.toStdString(), Severity::Error), qPrintable(dump(diags)));
    // Still usable: defaults where the input was bad.
    QVERIFY(p.count >= 0);
    QCOMPARE(p.capacity.count("cpu"), std::size_t(1));
    QVERIFY(p.capacity.at("memory").sign() >= 0);
    for (const auto &t : p.taints)
        QVERIFY(!t.key.empty() && !t.effect.empty());
}

void TestNodePoolSpec::reservedAboveCapacityWarns()
{
    Diagnostics diags;
    NodePoolSpec::fromObject(poolObject("{template: {capacity: {cpu: 1}, kubeReserved: {cpu: 600m}, "
                                        "systemReserved: {cpu: 600m}}}"),
                             "pool.yaml", diags);
    QVERIFY2(find(diags, "spec.template.kubeReserved", Severity::Warning), qPrintable(dump(diags)));
    QVERIFY(!hasErrors(diags));

    diags.clear();
    NodePoolSpec::fromObject(poolObject("{count: 1}", "Bad_Pool"), "pool.yaml", diags);
    QVERIFY2(find(diags, "metadata.name", Severity::Error), qPrintable(dump(diags)));
}

void TestNodePoolSpec::exampleFileIsValid()
{
    const std::string file = KUBECANVAS_TEST_DATA_DIR "/manifests/kubecanvas/nodepool.yaml";
    std::ifstream in(file);
    QVERIFY(in);
    std::stringstream text;
    text << in.rdbuf();
    const auto result = YamlReader::parse(text.str(), file);
    QVERIFY2(result.diagnostics.empty(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.documents.size(), std::size_t(1));
    Diagnostics diags;
    validateKubeCanvasObject(result.documents.front().root, file, diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    const NodePoolSpec p = NodePoolSpec::fromObject(result.documents.front().root, file, diags);
    QCOMPARE(p.nodeNames().size(), std::size_t(6));
    QCOMPARE(p.zoneOfNode(3), std::string("eu-west-1a"));
    QCOMPARE(p.zoneOfNode(5), std::string("eu-west-1c"));
}

QTEST_APPLESS_MAIN(TestNodePoolSpec)

#include "tst_node_pool_spec.moc"
