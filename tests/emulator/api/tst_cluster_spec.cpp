// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/cluster_spec.h"
#include "emulator/api/kubecanvas_validation.h"
#include "emulator/api/yaml_reader.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace emu::api;

namespace {

// One Cluster object whose spec is `specFlow` (YAML flow style, or empty for no spec).
Value clusterObject(const QString &specFlow)
{
    std::string text = "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata: {name: c}\n";
    if (!specFlow.isEmpty())
        text += "spec: " + specFlow.toStdString() + "\n";
    const auto result = YamlReader::parse(text, "cluster.yaml");
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

} // namespace

class TestClusterSpec : public QObject
{
    Q_OBJECT

private slots:
    void versionDependentDefaults_data();
    void versionDependentDefaults();
    void defaultsOfEveryField();
    void explicitValuesOverride();
    void reportFrequencyFollowsExplicitUpdateFrequency();
    void parseVersion_data();
    void parseVersion();
    void invalidFields_data();
    void invalidFields();
    void warnings_data();
    void warnings();
    void errorPointsAtTheValue();
    void dispatchByKind_data();
    void dispatchByKind();
    void exampleFileIsValid();
};

void TestClusterSpec::versionDependentDefaults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<qint64>("graceMs");
    QTest::newRow("no spec: 1.32") << QString() << 1 << 32 << qint64(50'000);
    QTest::newRow("1.20") << "{kubernetesVersion: \"1.20\"}" << 1 << 20 << qint64(40'000);
    QTest::newRow("1.31") << "{kubernetesVersion: \"1.31\"}" << 1 << 31 << qint64(40'000);
    QTest::newRow("1.32") << "{kubernetesVersion: \"1.32\"}" << 1 << 32 << qint64(50'000);
    QTest::newRow("v1.32.1") << "{kubernetesVersion: v1.32.1}" << 1 << 32 << qint64(50'000);
    QTest::newRow("v1.31.7") << "{kubernetesVersion: v1.31.7}" << 1 << 31 << qint64(40'000);
    QTest::newRow("1.34 unquoted") << "{kubernetesVersion: 1.34}" << 1 << 34 << qint64(50'000);
}

void TestClusterSpec::versionDependentDefaults()
{
    QFETCH(QString, spec);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(qint64, graceMs);
    Diagnostics diags;
    const ClusterSpec c = ClusterSpec::fromObject(clusterObject(spec), "cluster.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(c.versionMajor, major);
    QCOMPARE(c.versionMinor, minor);
    QCOMPARE(c.controllerManager.nodeMonitorGracePeriodMs, graceMs);
    QCOMPARE(ClusterSpec::defaultsFor(major, minor).controllerManager.nodeMonitorGracePeriodMs, graceMs);
}

void TestClusterSpec::defaultsOfEveryField()
{
    const ClusterSpec c = ClusterSpec::defaultsFor(1, 32);
    QCOMPARE(c.kubernetesVersion, std::string("1.32"));
    QCOMPARE(c.controllerManager.nodeMonitorPeriodMs, 5'000);
    QCOMPARE(c.controllerManager.nodeStartupGracePeriodMs, 60'000);
    QCOMPARE(c.controllerManager.nodeEvictionRate, 0.1);
    QCOMPARE(c.controllerManager.secondaryNodeEvictionRate, 0.01);
    QCOMPARE(c.controllerManager.unhealthyZoneThreshold, 0.55);
    QCOMPARE(c.controllerManager.largeClusterSizeThreshold, 50);
    QCOMPARE(c.controllerManager.clusterCIDR, std::string("10.244.0.0/16"));
    QCOMPARE(c.controllerManager.nodeCIDRMaskSize, 24);
    QCOMPARE(c.controllerManager.podEvictionTimeoutMs, 300'000);
    QCOMPARE(c.kubelet.nodeStatusUpdateFrequencyMs, 10'000);
    QCOMPARE(c.kubelet.nodeStatusReportFrequencyMs, 300'000);
    QCOMPARE(c.kubelet.nodeLeaseDurationSeconds, 40);
    QCOMPARE(c.kubelet.shutdownGracePeriodMs, 0);
    QCOMPARE(c.kubelet.shutdownGracePeriodCriticalPodsMs, 0);
    QCOMPARE(c.network.serviceCIDR, std::string("10.96.0.0/12"));
    QCOMPARE(c.network.serviceNodePortRange, std::string("30000-32767"));
    QCOMPARE(c.network.nodePortMin, 30000);
    QCOMPARE(c.network.nodePortMax, 32767);
    QVERIFY(!c.hasPodEvictionTimeout());
    QVERIFY(ClusterSpec::defaultsFor(1, 26).hasPodEvictionTimeout());
}

void TestClusterSpec::explicitValuesOverride()
{
    Diagnostics diags;
    const ClusterSpec c = ClusterSpec::fromObject(
        clusterObject("{kubernetesVersion: \"1.26\", controllerManager: {nodeMonitorPeriod: 2s, "
                      "nodeMonitorGracePeriod: 1m30s, nodeStartupGracePeriod: 2m, nodeEvictionRate: 0.5, "
                      "secondaryNodeEvictionRate: 0, unhealthyZoneThreshold: 1, largeClusterSizeThreshold: 10, "
                      "clusterCIDR: 10.0.0.0/8, nodeCIDRMaskSize: 20, podEvictionTimeout: 2m}, "
                      "kubelet: {nodeStatusUpdateFrequency: 4s, nodeStatusReportFrequency: 1m, "
                      "nodeLeaseDurationSeconds: 20, shutdownGracePeriod: 30s, "
                      "shutdownGracePeriodCriticalPods: 10s}, "
                      "network: {serviceCIDR: 172.16.0.0/16, serviceNodePortRange: 31000-31999}}"),
        "cluster.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(c.controllerManager.nodeMonitorPeriodMs, 2'000);
    QCOMPARE(c.controllerManager.nodeMonitorGracePeriodMs, 90'000);
    QCOMPARE(c.controllerManager.nodeStartupGracePeriodMs, 120'000);
    QCOMPARE(c.controllerManager.nodeEvictionRate, 0.5);
    QCOMPARE(c.controllerManager.secondaryNodeEvictionRate, 0.0);
    QCOMPARE(c.controllerManager.unhealthyZoneThreshold, 1.0);
    QCOMPARE(c.controllerManager.largeClusterSizeThreshold, 10);
    QCOMPARE(c.controllerManager.clusterCIDR, std::string("10.0.0.0/8"));
    QCOMPARE(c.controllerManager.nodeCIDRMaskSize, 20);
    QCOMPARE(c.controllerManager.podEvictionTimeoutMs, 120'000);
    QVERIFY(c.hasPodEvictionTimeout());
    QCOMPARE(c.kubelet.nodeStatusUpdateFrequencyMs, 4'000);
    QCOMPARE(c.kubelet.nodeStatusReportFrequencyMs, 60'000);
    QCOMPARE(c.kubelet.nodeLeaseDurationSeconds, 20);
    QCOMPARE(c.kubelet.shutdownGracePeriodMs, 30'000);
    QCOMPARE(c.kubelet.shutdownGracePeriodCriticalPodsMs, 10'000);
    QCOMPARE(c.network.serviceCIDR, std::string("172.16.0.0/16"));
    QCOMPARE(c.network.nodePortMin, 31000);
    QCOMPARE(c.network.nodePortMax, 31999);
}

void TestClusterSpec::reportFrequencyFollowsExplicitUpdateFrequency()
{
    Diagnostics diags;
    const ClusterSpec c = ClusterSpec::fromObject(
        clusterObject("{kubelet: {nodeStatusUpdateFrequency: 20s}}"), "cluster.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(c.kubelet.nodeStatusUpdateFrequencyMs, 20'000);
    QCOMPARE(c.kubelet.nodeStatusReportFrequencyMs, 20'000);
}

void TestClusterSpec::parseVersion_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor"); // -1: invalid
    QTest::newRow("1.32") << "1.32" << 1 << 32;
    QTest::newRow("v1.32") << "v1.32" << 1 << 32;
    QTest::newRow("v1.32.1") << "v1.32.1" << 1 << 32;
    QTest::newRow("1.9") << "1.9" << 1 << 9;
    QTest::newRow("empty") << "" << 0 << -1;
    QTest::newRow("major only") << "1" << 0 << -1;
    QTest::newRow("trailing dot") << "1.32." << 0 << -1;
    QTest::newRow("word") << "latest" << 0 << -1;
    QTest::newRow("pre-release") << "1.32.0-rc.1" << 0 << -1;
}

void TestClusterSpec::parseVersion()
{
    QFETCH(QString, text);
    QFETCH(int, major);
    QFETCH(int, minor);
    const auto v = ClusterSpec::parseVersion(text.toStdString());
    QCOMPARE(v.has_value(), minor >= 0);
    if (v) {
        QCOMPARE(v->first, major);
        QCOMPARE(v->second, minor);
    }
}

void TestClusterSpec::invalidFields_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("path");
    const auto row = [](const char *name, const char *spec, const char *path) {
        QTest::newRow(name) << QString::fromUtf8(spec) << QString::fromUtf8(path);
    };
    row("spec not a mapping", "[1, 2]", "spec");
    row("version word", "{kubernetesVersion: latest}", "spec.kubernetesVersion");
    row("controllerManager list", "{controllerManager: [a]}", "spec.controllerManager");
    row("monitor period zero", "{controllerManager: {nodeMonitorPeriod: 0s}}", "spec.controllerManager.nodeMonitorPeriod");
    row("grace negative", "{controllerManager: {nodeMonitorGracePeriod: -5s}}", "spec.controllerManager.nodeMonitorGracePeriod");
    row("grace no unit", "{controllerManager: {nodeMonitorGracePeriod: \"40\"}}", "spec.controllerManager.nodeMonitorGracePeriod");
    row("grace number", "{controllerManager: {nodeMonitorGracePeriod: 40}}", "spec.controllerManager.nodeMonitorGracePeriod");
    row("startup grace days", "{controllerManager: {nodeStartupGracePeriod: 1d}}", "spec.controllerManager.nodeStartupGracePeriod");
    row("eviction rate negative", "{controllerManager: {nodeEvictionRate: -0.1}}", "spec.controllerManager.nodeEvictionRate");
    row("eviction rate string", "{controllerManager: {nodeEvictionRate: fast}}", "spec.controllerManager.nodeEvictionRate");
    row("secondary rate negative", "{controllerManager: {secondaryNodeEvictionRate: -1}}", "spec.controllerManager.secondaryNodeEvictionRate");
    row("threshold above 1", "{controllerManager: {unhealthyZoneThreshold: 1.5}}", "spec.controllerManager.unhealthyZoneThreshold");
    row("threshold negative", "{controllerManager: {unhealthyZoneThreshold: -0.1}}", "spec.controllerManager.unhealthyZoneThreshold");
    row("large cluster negative", "{controllerManager: {largeClusterSizeThreshold: -1}}", "spec.controllerManager.largeClusterSizeThreshold");
    row("large cluster fraction", "{controllerManager: {largeClusterSizeThreshold: 2.5}}", "spec.controllerManager.largeClusterSizeThreshold");
    row("cidr without prefix", "{controllerManager: {clusterCIDR: 10.244.0.0}}", "spec.controllerManager.clusterCIDR");
    row("cidr bad octet", "{controllerManager: {clusterCIDR: 300.1.0.0/16}}", "spec.controllerManager.clusterCIDR");
    row("cidr ipv6", "{controllerManager: {clusterCIDR: \"fd00::/48\"}}", "spec.controllerManager.clusterCIDR");
    row("mask not longer", "{controllerManager: {nodeCIDRMaskSize: 16}}", "spec.controllerManager.nodeCIDRMaskSize");
    row("mask above 30", "{controllerManager: {nodeCIDRMaskSize: 31}}", "spec.controllerManager.nodeCIDRMaskSize");
    row("mask 17 bits more", "{controllerManager: {clusterCIDR: 10.0.0.0/8, nodeCIDRMaskSize: 25}}", "spec.controllerManager.nodeCIDRMaskSize");
    row("cidr smaller than default mask", "{controllerManager: {clusterCIDR: 10.0.0.0/25}}", "spec.controllerManager.clusterCIDR");
    row("pod eviction timeout zero", "{controllerManager: {podEvictionTimeout: 0s}}", "spec.controllerManager.podEvictionTimeout");
    row("kubelet string", "{kubelet: fast}", "spec.kubelet");
    row("update frequency zero", "{kubelet: {nodeStatusUpdateFrequency: 0s}}", "spec.kubelet.nodeStatusUpdateFrequency");
    row("report frequency bad", "{kubelet: {nodeStatusReportFrequency: 5 minutes}}", "spec.kubelet.nodeStatusReportFrequency");
    row("lease zero", "{kubelet: {nodeLeaseDurationSeconds: 0}}", "spec.kubelet.nodeLeaseDurationSeconds");
    row("lease string", "{kubelet: {nodeLeaseDurationSeconds: 40s}}", "spec.kubelet.nodeLeaseDurationSeconds");
    row("shutdown negative", "{kubelet: {shutdownGracePeriod: -1s}}", "spec.kubelet.shutdownGracePeriod");
    row("critical exceeds total", "{kubelet: {shutdownGracePeriod: 10s, shutdownGracePeriodCriticalPods: 20s}}",
        "spec.kubelet.shutdownGracePeriodCriticalPods");
    row("service cidr bad", "{network: {serviceCIDR: 10.96.0/12}}", "spec.network.serviceCIDR");
    row("service cidr too large", "{network: {serviceCIDR: 10.0.0.0/8}}", "spec.network.serviceCIDR");
    row("port range reversed", "{network: {serviceNodePortRange: 32767-30000}}", "spec.network.serviceNodePortRange");
    row("port range too high", "{network: {serviceNodePortRange: 30000-70000}}", "spec.network.serviceNodePortRange");
    row("port range word", "{network: {serviceNodePortRange: high}}", "spec.network.serviceNodePortRange");
    row("port range number", "{network: {serviceNodePortRange: 30000}}", "spec.network.serviceNodePortRange");
}

void TestClusterSpec::invalidFields()
{
    QFETCH(QString, spec);
    QFETCH(QString, path);
    Diagnostics diags;
    const ClusterSpec c = ClusterSpec::fromObject(clusterObject(spec), "cluster.yaml", diags);
    QVERIFY2(find(diags, path.toStdString(), Severity::Error), qPrintable(dump(diags)));
    // The decoder still returns a usable spec: the invalid value leaves the default in place.
    const ClusterSpec d = ClusterSpec::defaultsFor(1, 32);
    QVERIFY(c.controllerManager.nodeEvictionRate >= 0);
    QVERIFY(c.controllerManager.unhealthyZoneThreshold >= 0 && c.controllerManager.unhealthyZoneThreshold <= 1);
    QVERIFY(c.controllerManager.nodeMonitorGracePeriodMs > 0);
    QVERIFY(c.kubelet.shutdownGracePeriodCriticalPodsMs <= c.kubelet.shutdownGracePeriodMs);
    QVERIFY(c.network.nodePortMin <= c.network.nodePortMax);
    if (path.startsWith("spec.network.serviceCIDR"))
        QCOMPARE(c.network.serviceCIDR, d.network.serviceCIDR);
}

void TestClusterSpec::warnings_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("path");
    QTest::newRow("1.19 too old") << "{kubernetesVersion: \"1.19\"}" << "spec.kubernetesVersion";
    QTest::newRow("1.35 too new") << "{kubernetesVersion: \"1.35\"}" << "spec.kubernetesVersion";
    QTest::newRow("2.0") << "{kubernetesVersion: \"2.0\"}" << "spec.kubernetesVersion";
    QTest::newRow("pod eviction timeout on 1.27")
        << "{kubernetesVersion: \"1.27\", controllerManager: {podEvictionTimeout: 5m}}"
        << "spec.controllerManager.podEvictionTimeout";
    QTest::newRow("unknown field") << "{controllerManager: {nodeMonitorGracePeriods: 40s}}"
                                   << "spec.controllerManager.nodeMonitorGracePeriods";
    QTest::newRow("grace shorter than renew")
        << "{controllerManager: {nodeMonitorGracePeriod: 5s}}" << "spec.controllerManager.nodeMonitorGracePeriod";
    QTest::newRow("cidr host bits") << "{controllerManager: {clusterCIDR: 10.244.1.0/16}}"
                                    << "spec.controllerManager.clusterCIDR";
    QTest::newRow("service overlaps pods") << "{network: {serviceCIDR: 10.244.0.0/20}}" << "spec.network.serviceCIDR";
    QTest::newRow("sub-millisecond") << "{controllerManager: {nodeMonitorPeriod: 5001us}}"
                                     << "spec.controllerManager.nodeMonitorPeriod";
}

void TestClusterSpec::warnings()
{
    QFETCH(QString, spec);
    QFETCH(QString, path);
    Diagnostics diags;
    ClusterSpec::fromObject(clusterObject(spec), "cluster.yaml", diags);
    QVERIFY2(find(diags, path.toStdString(), Severity::Warning), qPrintable(dump(diags)));
    QVERIFY2(!hasErrors(diags), qPrintable(dump(diags)));
}

void TestClusterSpec::errorPointsAtTheValue()
{
    const auto result = YamlReader::parse("kind: Cluster\nspec:\n  controllerManager:\n    nodeEvictionRate: -2\n",
                                          "c.yaml");
    QCOMPARE(result.documents.size(), std::size_t(1));
    Diagnostics diags;
    ClusterSpec::fromObject(result.documents.front().root, "c.yaml", diags);
    const Diagnostic *d = find(diags, "spec.controllerManager.nodeEvictionRate", Severity::Error);
    QVERIFY2(d, qPrintable(dump(diags)));
    QCOMPARE(d->file, std::string("c.yaml"));
    QCOMPARE(d->pos.line, 4u);
    QCOMPARE(d->pos.column, 23u);
}

void TestClusterSpec::dispatchByKind_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("errorPath"); // empty: valid
    QTest::newRow("cluster") << "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata: {name: a}\n" << "";
    QTest::newRow("cluster invalid") << "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata: {name: a}\n"
                                        "spec: {controllerManager: {nodeEvictionRate: -1}}\n"
                                     << "spec.controllerManager.nodeEvictionRate";
    QTest::newRow("nodepool") << "apiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata: {name: p}\n"
                                 "spec: {count: -1}\n"
                              << "spec.count";
    QTest::newRow("scenario") << "apiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n"
                                 "spec: {duration: 0s}\n"
                              << "spec.duration";
    QTest::newRow("layout") << "apiVersion: kubecanvas.io/v1alpha1\nkind: Layout\nmetadata: {name: l}\n"
                               "spec: {items: [{kind: Pod, name: p, x: 1, y: 2.5}]}\n"
                            << "";
    QTest::newRow("layout invalid") << "apiVersion: kubecanvas.io/v1alpha1\nkind: Layout\nmetadata: {name: l}\n"
                                       "spec: {items: [{kind: Pod, name: p, x: left, y: 2}]}\n"
                                    << "spec.items[0].x";
    QTest::newRow("unknown kind") << "apiVersion: kubecanvas.io/v1alpha1\nkind: Topology\nmetadata: {name: t}\n"
                                  << "kind";
    QTest::newRow("unknown version") << "apiVersion: kubecanvas.io/v1\nkind: Cluster\nmetadata: {name: t}\n"
                                     << "apiVersion";
}

void TestClusterSpec::dispatchByKind()
{
    QFETCH(QString, yaml);
    QFETCH(QString, errorPath);
    const auto result = YamlReader::parse(yaml.toStdString(), "k.yaml");
    QCOMPARE(result.documents.size(), std::size_t(1));
    Diagnostics diags;
    validateKubeCanvasObject(result.documents.front().root, "k.yaml", diags);
    if (errorPath.isEmpty())
        QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    else
        QVERIFY2(find(diags, errorPath.toStdString(), Severity::Error), qPrintable(dump(diags)));
}

void TestClusterSpec::exampleFileIsValid()
{
    const std::string file = KUBECANVAS_TEST_DATA_DIR "/manifests/kubecanvas/cluster.yaml";
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
    const ClusterSpec c = ClusterSpec::fromObject(result.documents.front().root, file, diags);
    QCOMPARE(c.versionMinor, 31);
    QCOMPARE(c.controllerManager.nodeMonitorGracePeriodMs, 40'000);
    QCOMPARE(c.kubelet.shutdownGracePeriodMs, 30'000);
}

QTEST_APPLESS_MAIN(TestClusterSpec)

#include "tst_cluster_spec.moc"
