// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/civil_time.h"
#include "emulator/api/kubecanvas_validation.h"
#include "emulator/api/scenario_spec.h"
#include "emulator/api/yaml_reader.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace emu::api;

namespace {

Value scenarioObject(const QString &specFlow)
{
    std::string text = "apiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n";
    if (!specFlow.isEmpty())
        text += "spec: " + specFlow.toStdString() + "\n";
    const auto result = YamlReader::parse(text, "scenario.yaml");
    return result.documents.empty() ? Value() : result.documents.front().root;
}

// A scenario with one action, written in flow style.
Value oneAction(const QString &actionFlow)
{
    return scenarioObject("{actions: [" + actionFlow + "]}");
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

class TestScenarioSpec : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void explicitValues();
    void startTime_data();
    void startTime();
    void civilDays_data();
    void civilDays();
    void validActions_data();
    void validActions();
    void targetsAreDecoded();
    void invalidActions_data();
    void invalidActions();
    void unknownTypeListsKnownTypes();
    void actionsAreSortedStably();
    void actionAfterEndWarns();
    void invalidSpecFields_data();
    void invalidSpecFields();
    void exampleFileIsValid();
};

void TestScenarioSpec::defaults()
{
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(scenarioObject(QString()), "scenario.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(s.durationMs, 600'000);
    QCOMPARE(s.seed, std::uint64_t(1));
    QCOMPARE(s.startTime, std::string("2026-01-01T00:00:00Z"));
    QCOMPARE(s.startTimeMs, 1'767'225'600'000);
    QCOMPARE(CivilTime::parseRfc3339Ms(s.startTime).value_or(0), s.startTimeMs);
    QVERIFY(s.actions.empty());
    QCOMPARE(ScenarioSpec::knownActionTypes().size(), std::size_t(23));
    for (std::string_view name : ScenarioSpec::knownActionTypes())
        QCOMPARE(ScenarioSpec::actionTypeName(*ScenarioSpec::actionTypeFromName(name)), name);
}

void TestScenarioSpec::explicitValues()
{
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(
        scenarioObject("{duration: 1h30m, seed: 18446744073709551615, startTime: \"2030-06-15T12:00:00Z\"}"),
        "scenario.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(s.durationMs, 5'400'000);
    QCOMPARE(s.seed, std::uint64_t(18446744073709551615ULL));
    QCOMPARE(s.startTimeMs, 1'907'755'200'000);
}

void TestScenarioSpec::startTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("unixMs");
    QTest::addColumn<bool>("valid");
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0) << true;
    QTest::newRow("default") << "2026-01-01T00:00:00Z" << qint64(1'767'225'600'000) << true;
    QTest::newRow("plus two hours") << "2026-01-01T02:00:00+02:00" << qint64(1'767'225'600'000) << true;
    QTest::newRow("minus offset") << "2025-12-31T19:30:00-04:30" << qint64(1'767'225'600'000) << true;
    QTest::newRow("fraction") << "2026-01-01T00:00:00.5Z" << qint64(1'767'225'600'500) << true;
    QTest::newRow("nanoseconds truncated") << "2026-01-01T00:00:00.123456789Z" << qint64(1'767'225'600'123) << true;
    QTest::newRow("fraction and offset") << "2026-01-01T01:00:00.25+01:00" << qint64(1'767'225'600'250) << true;
    QTest::newRow("lowercase") << "2026-01-01t00:00:00z" << qint64(1'767'225'600'000) << true;
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1'709'164'800'000) << true;
    QTest::newRow("before epoch") << "1969-12-31T23:59:59Z" << qint64(-1000) << true;
    QTest::newRow("Y2K38") << "2038-01-19T03:14:08Z" << qint64(2'147'483'648'000) << true;
    QTest::newRow("no zone") << "2026-01-01T00:00:00" << qint64(0) << false;
    QTest::newRow("date only") << "2026-01-01" << qint64(0) << false;
    QTest::newRow("space separator") << "2026-01-01 00:00:00Z" << qint64(0) << false;
    QTest::newRow("Feb 29 non-leap") << "2025-02-29T00:00:00Z" << qint64(0) << false;
    QTest::newRow("1900 not leap") << "1900-02-29T00:00:00Z" << qint64(0) << false;
    QTest::newRow("month 13") << "2026-13-01T00:00:00Z" << qint64(0) << false;
    QTest::newRow("hour 24") << "2026-01-01T24:00:00Z" << qint64(0) << false;
    QTest::newRow("leap second") << "2026-01-01T23:59:60Z" << qint64(0) << false;
    QTest::newRow("empty fraction") << "2026-01-01T00:00:00.Z" << qint64(0) << false;
    QTest::newRow("ten fraction digits") << "2026-01-01T00:00:00.1234567890Z" << qint64(0) << false;
    QTest::newRow("offset without colon") << "2026-01-01T00:00:00+0200" << qint64(0) << false;
    QTest::newRow("offset hour 24") << "2026-01-01T00:00:00+24:00" << qint64(0) << false;
    QTest::newRow("trailing junk") << "2026-01-01T00:00:00Zx" << qint64(0) << false;
    QTest::newRow("short year") << "26-01-01T00:00:00Z" << qint64(0) << false;
}

void TestScenarioSpec::startTime()
{
    QFETCH(QString, text);
    QFETCH(qint64, unixMs);
    QFETCH(bool, valid);
    const auto parsed = CivilTime::parseRfc3339Ms(text.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, unixMs);

    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(scenarioObject("{startTime: \"" + text + "\"}"), "s.yaml", diags);
    QCOMPARE(hasErrors(diags), !valid);
    QCOMPARE(s.startTimeMs, valid ? unixMs : qint64(1'767'225'600'000));
    if (!valid)
        QVERIFY(find(diags, "spec.startTime", Severity::Error));
}

void TestScenarioSpec::civilDays_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("day");
    QTest::addColumn<qint64>("days");
    QTest::newRow("epoch") << 1970 << 1 << 1 << qint64(0);
    QTest::newRow("2000-03-01") << 2000 << 3 << 1 << qint64(11'017);
    QTest::newRow("2026-01-01") << 2026 << 1 << 1 << qint64(20'454);
    QTest::newRow("1969-12-31") << 1969 << 12 << 31 << qint64(-1);
    QTest::newRow("0000-03-01") << 0 << 3 << 1 << qint64(-719'468);
}

void TestScenarioSpec::civilDays()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, day);
    QFETCH(qint64, days);
    QCOMPARE(CivilTime::daysFromCivil(year, unsigned(month), unsigned(day)), days);
}

void TestScenarioSpec::validActions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("type");
    const auto row = [](const char *name, const char *action, ScenarioSpec::ActionType type) {
        QTest::newRow(name) << QString::fromUtf8(action) << int(type);
    };
    using T = ScenarioSpec::ActionType;
    row("NodeCrash", "{at: 10s, type: NodeCrash, target: {node: n1}}", T::NodeCrash);
    row("KubeletStop", "{at: 0s, type: KubeletStop, target: {nodeSelector: {pool: a}}}", T::KubeletStop);
    row("KubeletStart", "{at: 1m, type: KubeletStart, target: {zone: z1}}", T::KubeletStart);
    row("NetworkPartition", "{at: 1m, type: NetworkPartition, target: {node: n1}}", T::NetworkPartition);
    row("NetworkHeal", "{at: 1m, type: NetworkHeal, target: {node: n1}}", T::NetworkHeal);
    row("NodeRecover", "{at: 1m, type: NodeRecover, target: {node: n1}}", T::NodeRecover);
    row("ZoneOutage", "{at: 1m, type: ZoneOutage, target: {zone: z1}}", T::ZoneOutage);
    row("ZoneRecover", "{at: 1m, type: ZoneRecover, target: {zone: z1}}", T::ZoneRecover);
    row("SetCondition", "{at: 1m, type: SetCondition, target: {node: n1}, condition: DiskPressure, "
                        "status: \"True\", reason: Full}", T::SetCondition);
    row("AddNode", "{at: 1m, type: AddNode, pool: workers, count: 2}", T::AddNode);
    row("RemoveNode", "{at: 1m, type: RemoveNode, target: {node: n1}}", T::RemoveNode);
    row("GracefulShutdown", "{at: 1m, type: GracefulShutdown, target: {node: n1}}", T::GracefulShutdown);
    row("ContainerCrash", "{at: 1m, type: ContainerCrash, target: {kind: Pod, namespace: a, name: p}, "
                          "container: app, exitCode: 137}", T::ContainerCrash);
    row("ImagePullFailure", "{at: 1m, type: ImagePullFailure, image: nginx:1.27, node: n1, until: 2m}",
        T::ImagePullFailure);
    row("ImagePullFailure minimal", "{at: 1m, type: ImagePullFailure, image: nginx}", T::ImagePullFailure);
    row("DeletePod", "{at: 1m, type: DeletePod, target: {kind: Pod, namespace: a, name: p}, gracePeriodSeconds: 0}",
        T::DeletePod);
    row("Apply", "{at: 1m, type: Apply, manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}}", T::Apply);
    row("Cordon", "{at: 1m, type: Cordon, target: {node: n1}}", T::Cordon);
    row("Uncordon", "{at: 1m, type: Uncordon, target: {node: n1}}", T::Uncordon);
    row("Drain", "{at: 1m, type: Drain, target: {node: n1}}", T::Drain);
    row("Scale", "{at: 1m, type: Scale, target: {kind: Deployment, namespace: a, name: d}, replicas: 0}", T::Scale);
    row("SetImage", "{at: 1m, type: SetImage, target: {kind: StatefulSet, namespace: a, name: s}, "
                    "container: app, image: app:2}", T::SetImage);
    row("Delete", "{at: 1m, type: Delete, target: {kind: Namespace, name: a}, propagationPolicy: Orphan}", T::Delete);
    row("Rollback", "{at: 1m, type: Rollback, target: {kind: Deployment, namespace: a, name: d}, revision: 3}",
        T::Rollback);
}

void TestScenarioSpec::validActions()
{
    QFETCH(QString, action);
    QFETCH(int, type);
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(oneAction(action), "s.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(s.actions.size(), std::size_t(1));
    QCOMPARE(int(s.actions.front().type), type);
    QVERIFY(s.actions.front().fields.isMapping());
}

void TestScenarioSpec::targetsAreDecoded()
{
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(
        scenarioObject("{actions: [{at: 1s, type: Drain, target: {nodeSelector: {a: b, c: d}}},"
                       "{at: 2s, type: Scale, target: {kind: Deployment, namespace: ns, name: web}, replicas: 4},"
                       "{at: 3s, type: Cordon, target: {zone: z}},"
                       "{at: 4s, type: AddNode, pool: p, count: 3}]}"),
        "s.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QCOMPARE(s.actions.size(), std::size_t(4));
    using Form = ScenarioSpec::Target::Form;
    const auto &selector = s.actions[0].target;
    QCOMPARE(selector.form, Form::NodeSelector);
    QCOMPARE(selector.nodeSelector.size(), std::size_t(2));
    QCOMPARE(selector.nodeSelector[1].second, std::string("d"));
    const auto &object = s.actions[1].target;
    QCOMPARE(object.form, Form::Object);
    QCOMPARE(object.kind, std::string("Deployment"));
    QCOMPARE(object.namespaceName, std::string("ns"));
    QCOMPARE(object.name, std::string("web"));
    QCOMPARE(s.actions[1].fields.find("replicas")->asInt().value_or(-1), 4);
    QCOMPARE(s.actions[2].target.form, Form::Zone);
    QCOMPARE(s.actions[2].target.zone, std::string("z"));
    QCOMPARE(s.actions[3].target.form, Form::None);
    QCOMPARE(s.actions[3].fields.size(), std::size_t(2));
    QCOMPARE(s.actions[3].fields.find("pool")->text(), std::string("p"));
    QCOMPARE(s.actions[3].atMs, 4'000);
}

void TestScenarioSpec::invalidActions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("path");
    const auto row = [](const char *name, const char *action, const char *path) {
        QTest::newRow(name) << QString::fromUtf8(action) << QString::fromUtf8(path);
    };
    row("not a mapping", "NodeCrash", "spec.actions[0]");
    row("missing at", "{type: NodeCrash, target: {node: n1}}", "spec.actions[0].at");
    row("negative at", "{at: -1s, type: NodeCrash, target: {node: n1}}", "spec.actions[0].at");
    row("at number", "{at: 10, type: NodeCrash, target: {node: n1}}", "spec.actions[0].at");
    row("missing type", "{at: 1s, target: {node: n1}}", "spec.actions[0].type");
    row("unknown type", "{at: 1s, type: Explode, target: {node: n1}}", "spec.actions[0].type");
    row("missing target", "{at: 1s, type: NodeCrash}", "spec.actions[0].target");
    row("target scalar", "{at: 1s, type: NodeCrash, target: n1}", "spec.actions[0].target");
    row("two target forms", "{at: 1s, type: NodeCrash, target: {node: n1, zone: z}}", "spec.actions[0].target");
    row("empty target", "{at: 1s, type: NodeCrash, target: {}}", "spec.actions[0].target");
    row("node empty", "{at: 1s, type: NodeCrash, target: {node: \"\"}}", "spec.actions[0].target.node");
    row("node number", "{at: 1s, type: NodeCrash, target: {node: 5}}", "spec.actions[0].target.node");
    row("selector scalar", "{at: 1s, type: NodeCrash, target: {nodeSelector: a}}", "spec.actions[0].target.nodeSelector");
    row("selector bad value", "{at: 1s, type: NodeCrash, target: {nodeSelector: {a: [b]}}}",
        "spec.actions[0].target.nodeSelector[a]");
    row("node action on object", "{at: 1s, type: Cordon, target: {kind: Pod, name: p}}", "spec.actions[0].target");
    row("zone outage on node", "{at: 1s, type: ZoneOutage, target: {node: n1}}", "spec.actions[0].target.zone");
    row("zone recover no target", "{at: 1s, type: ZoneRecover}", "spec.actions[0].target");
    row("object without name", "{at: 1s, type: Delete, target: {kind: Pod}}", "spec.actions[0].target.name");
    row("object without kind", "{at: 1s, type: Delete, target: {name: p, namespace: a}}", "spec.actions[0].target.kind");
    row("object action on node", "{at: 1s, type: Delete, target: {node: n1}}", "spec.actions[0].target");
    row("AddNode with target", "{at: 1s, type: AddNode, target: {node: n1}, pool: p, count: 1}", "spec.actions[0].target");
    row("SetCondition no condition", "{at: 1s, type: SetCondition, target: {node: n1}, status: \"True\"}",
        "spec.actions[0].condition");
    row("SetCondition bad condition", "{at: 1s, type: SetCondition, target: {node: n1}, condition: Hungry, status: \"True\"}",
        "spec.actions[0].condition");
    row("SetCondition no status", "{at: 1s, type: SetCondition, target: {node: n1}, condition: Ready}",
        "spec.actions[0].status");
    row("SetCondition bad status", "{at: 1s, type: SetCondition, target: {node: n1}, condition: Ready, status: Maybe}",
        "spec.actions[0].status");
    row("SetCondition unquoted bool", "{at: 1s, type: SetCondition, target: {node: n1}, condition: Ready, status: True}",
        "spec.actions[0].status");
    row("AddNode no pool", "{at: 1s, type: AddNode, count: 1}", "spec.actions[0].pool");
    row("AddNode no count", "{at: 1s, type: AddNode, pool: p}", "spec.actions[0].count");
    row("AddNode zero", "{at: 1s, type: AddNode, pool: p, count: 0}", "spec.actions[0].count");
    row("ContainerCrash no container", "{at: 1s, type: ContainerCrash, target: {kind: Pod, name: p}, exitCode: 1}",
        "spec.actions[0].container");
    row("ContainerCrash no exitCode", "{at: 1s, type: ContainerCrash, target: {kind: Pod, name: p}, container: c}",
        "spec.actions[0].exitCode");
    row("ContainerCrash exitCode 256", "{at: 1s, type: ContainerCrash, target: {kind: Pod, name: p}, container: c, exitCode: 256}",
        "spec.actions[0].exitCode");
    row("ImagePullFailure no image", "{at: 1s, type: ImagePullFailure}", "spec.actions[0].image");
    row("ImagePullFailure until before at", "{at: 2m, type: ImagePullFailure, image: i, until: 1m}",
        "spec.actions[0].until");
    row("ImagePullFailure until bad", "{at: 2m, type: ImagePullFailure, image: i, until: later}",
        "spec.actions[0].until");
    row("DeletePod on Deployment", "{at: 1s, type: DeletePod, target: {kind: Deployment, name: d}}",
        "spec.actions[0].target.kind");
    row("Apply no manifest", "{at: 1s, type: Apply}", "spec.actions[0].manifest");
    row("Apply list", "{at: 1s, type: Apply, manifest: [a]}", "spec.actions[0].manifest");
    row("Apply no kind", "{at: 1s, type: Apply, manifest: {apiVersion: v1, metadata: {name: a}}}",
        "spec.actions[0].manifest.kind");
    row("Apply no name", "{at: 1s, type: Apply, manifest: {apiVersion: v1, kind: Pod, metadata: {}}}",
        "spec.actions[0].manifest.metadata.name");
    row("Scale no replicas", "{at: 1s, type: Scale, target: {kind: Deployment, name: d}}", "spec.actions[0].replicas");
    row("Scale negative", "{at: 1s, type: Scale, target: {kind: Deployment, name: d}, replicas: -1}",
        "spec.actions[0].replicas");
    row("Scale DaemonSet", "{at: 1s, type: Scale, target: {kind: DaemonSet, name: d}, replicas: 1}",
        "spec.actions[0].target.kind");
    row("SetImage no image", "{at: 1s, type: SetImage, target: {kind: Deployment, name: d}, container: c}",
        "spec.actions[0].image");
    row("SetImage no container", "{at: 1s, type: SetImage, target: {kind: Deployment, name: d}, image: i}",
        "spec.actions[0].container");
    row("Delete bad policy", "{at: 1s, type: Delete, target: {kind: Pod, name: p}, propagationPolicy: Cascade}",
        "spec.actions[0].propagationPolicy");
    row("Rollback no revision", "{at: 1s, type: Rollback, target: {kind: Deployment, name: d}}",
        "spec.actions[0].revision");
    row("Rollback negative", "{at: 1s, type: Rollback, target: {kind: Deployment, name: d}, revision: -2}",
        "spec.actions[0].revision");
    row("Rollback Job", "{at: 1s, type: Rollback, target: {kind: Job, name: j}, revision: 1}",
        "spec.actions[0].target.kind");
    row("Drain force not a bool", "{at: 1s, type: Drain, target: {node: n}, force: \"yes\"}", "spec.actions[0].force");
    row("Drain negative grace", "{at: 1s, type: Drain, target: {node: n}, gracePeriodSeconds: -1}",
        "spec.actions[0].gracePeriodSeconds");
    row("Drain bad timeout", "{at: 1s, type: Drain, target: {node: n}, timeout: soon}", "spec.actions[0].timeout");
}

void TestScenarioSpec::invalidActions()
{
    QFETCH(QString, action);
    QFETCH(QString, path);
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(oneAction(action), "s.yaml", diags);
    QVERIFY2(find(diags, path.toStdString(), Severity::Error), qPrintable(dump(diags)));
    QVERIFY(s.actions.empty()); // an action that cannot run is dropped
}

void TestScenarioSpec::unknownTypeListsKnownTypes()
{
    Diagnostics diags;
    ScenarioSpec::fromObject(oneAction("{at: 1s, type: nodecrash, target: {node: n1}}"), "s.yaml", diags);
    const Diagnostic *d = find(diags, "spec.actions[0].type", Severity::Error);
    QVERIFY2(d, qPrintable(dump(diags)));
    for (std::string_view name : ScenarioSpec::knownActionTypes())
        QVERIFY2(d->message.find(name) != std::string::npos, std::string(name).c_str());

    diags.clear();
    const ScenarioSpec s = ScenarioSpec::fromObject(
        oneAction("{at: 1s, type: Scale, target: {kind: Deployment, name: d}, replicas: 1, replica: 2}"), "s.yaml",
        diags);
    QVERIFY2(find(diags, "spec.actions[0].replica", Severity::Warning), qPrintable(dump(diags)));
    QVERIFY(!hasErrors(diags));
    QCOMPARE(s.actions.size(), std::size_t(1));
}

void TestScenarioSpec::actionsAreSortedStably()
{
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(
        scenarioObject("{actions: [{at: 2m, type: Cordon, target: {node: a}},"
                       "{at: 30s, type: Cordon, target: {node: b}},"
                       "{at: 2m, type: Cordon, target: {node: c}},"
                       "{at: 0s, type: Cordon, target: {node: d}},"
                       "{at: 30s, type: Cordon, target: {node: e}},"
                       "{at: 1m30s, type: Cordon, target: {node: f}}]}"),
        "s.yaml", diags);
    QVERIFY2(diags.empty(), qPrintable(dump(diags)));
    QStringList order;
    for (const auto &a : s.actions)
        order << QString::fromStdString(a.target.node);
    QCOMPARE(order, (QStringList{"d", "b", "e", "f", "a", "c"}));
    QCOMPARE(s.actions[0].sourceIndex, std::size_t(3));
    QCOMPARE(s.actions[3].atMs, 90'000);
    QVERIFY(std::is_sorted(s.actions.begin(), s.actions.end(),
                           [](const auto &x, const auto &y) { return x.atMs < y.atMs; }));
}

void TestScenarioSpec::actionAfterEndWarns()
{
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(
        scenarioObject("{duration: 5m, actions: [{at: 5m, type: Cordon, target: {node: a}},"
                       "{at: 5m1s, type: Cordon, target: {node: b}}]}"),
        "s.yaml", diags);
    QCOMPARE(diags.size(), std::size_t(1));
    QVERIFY2(find(diags, "spec.actions[1].at", Severity::Warning), qPrintable(dump(diags)));
    QCOMPARE(s.actions.size(), std::size_t(2));
}

void TestScenarioSpec::invalidSpecFields_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("path");
    QTest::newRow("spec list") << "[a]" << "spec";
    QTest::newRow("duration zero") << "{duration: 0s}" << "spec.duration";
    QTest::newRow("duration negative") << "{duration: -1m}" << "spec.duration";
    QTest::newRow("duration number") << "{duration: 600}" << "spec.duration";
    QTest::newRow("duration word") << "{duration: forever}" << "spec.duration";
    QTest::newRow("seed negative") << "{seed: -1}" << "spec.seed";
    QTest::newRow("seed string") << "{seed: abc}" << "spec.seed";
    QTest::newRow("seed too large") << "{seed: 18446744073709551616}" << "spec.seed";
    QTest::newRow("startTime bad") << "{startTime: yesterday}" << "spec.startTime";
    QTest::newRow("actions mapping") << "{actions: {at: 1s}}" << "spec.actions";
}

void TestScenarioSpec::invalidSpecFields()
{
    QFETCH(QString, spec);
    QFETCH(QString, path);
    Diagnostics diags;
    const ScenarioSpec s = ScenarioSpec::fromObject(scenarioObject(spec), "s.yaml", diags);
    QVERIFY2(find(diags, path.toStdString(), Severity::Error), qPrintable(dump(diags)));
    QCOMPARE(s.durationMs, 600'000);
    QCOMPARE(s.seed, std::uint64_t(1));
    QCOMPARE(s.startTimeMs, 1'767'225'600'000);
}

void TestScenarioSpec::exampleFileIsValid()
{
    const std::string file = KUBECANVAS_TEST_DATA_DIR "/manifests/kubecanvas/scenario.yaml";
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
    const ScenarioSpec s = ScenarioSpec::fromObject(result.documents.front().root, file, diags);
    QCOMPARE(s.actions.size(), std::size_t(11));
    QCOMPARE(s.seed, std::uint64_t(42));
    QCOMPARE(s.startTimeMs, CivilTime::parseRfc3339Ms("2026-03-01T08:00:00Z").value_or(0));
}

QTEST_APPLESS_MAIN(TestScenarioSpec)

#include "tst_scenario_spec.moc"
