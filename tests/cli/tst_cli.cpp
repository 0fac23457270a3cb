// SPDX-License-Identifier: Apache-2.0
// The kubecanvas-cli contract: subcommands, exit codes, output formats.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void usageErrorsExitWith2_data();
    void usageErrorsExitWith2();
    void validateValidFileExits0();
    void validateInvalidFileExits1WithPositions();
    void validateFolderRecursively();
    void validateChecksTheBehaviorAnnotation();
    void exportToStdoutSkipsProjectKinds();
    void exportSplitWritesOneFilePerObject();
    void exportDefaultsAndStripStatus();
    void exportOfInvalidInputWritesNothing();
    void runWritesEventsMetricsStateAndReport();
    void runOfInvalidInputRunsNothing();
    void runIsDeterministic();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args);
    QString writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
};

TestCli::Run TestCli::run(const QStringList &args)
{
    QProcess process;
    process.start(QString::fromUtf8(KUBECANVAS_CLI), args);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

namespace {
const QByteArray goodDeployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                                  "spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n"
                                  "    metadata:\n      labels: {app: web}\n    spec:\n"
                                  "      containers:\n      - name: web\n        image: nginx:1.27\n";
}

void TestCli::versionAndHelp()
{
    const Run version = run({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("kubecanvas-cli "));
    for (const char *command : {"validate", "export"}) {
        const Run help = run({command, "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QString("Usage: kubecanvas-cli ") + command));
    }
}

void TestCli::usageErrorsExitWith2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{"frobnicate"};
    QTest::newRow("validate without path") << QStringList{"validate"};
    QTest::newRow("unknown option") << QStringList{"validate", "--bogus", "x.yaml"};
    QTest::newRow("export -o and --split") << QStringList{"export", "x", "-o", "a", "--split", "b"};
    QTest::newRow("option without value") << QStringList{"export", "x", "-o"};
}

void TestCli::usageErrorsExitWith2()
{
    QFETCH(QStringList, args);
    QCOMPARE(run(args).exitCode, 2);
}

void TestCli::validateValidFileExits0()
{
    const Run r = run({"validate", writeFile("ok/deploy.yaml", goodDeployment)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("1 file, 1 object: 0 errors, 0 warnings"));
}

void TestCli::validateInvalidFileExits1WithPositions()
{
    QByteArray bad = goodDeployment;
    bad.append("        resources:\n          requests:\n            cpu: abc\n");
    const QString path = writeFile("bad/deploy.yaml", bad);
    const Run r = run({"validate", path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(path + ":17:18: error: "
                            "spec.template.spec.containers[0].resources.requests.cpu: "),
             qPrintable(r.out));
    QVERIFY(r.out.contains("\"abc\""));
}

void TestCli::validateFolderRecursively()
{
    writeFile("tree/a/one.yaml", goodDeployment);
    writeFile("tree/b/c/two.json",
              R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}})");
    writeFile("tree/notes.txt", "not yaml: [");
    const Run r = run({"validate", m_dir.filePath("tree")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("2 files, 2 objects"), qPrintable(r.err));
}

void TestCli::validateChecksTheBehaviorAnnotation()
{
    const QString path = writeFile("behavior/pod.yaml",
                                   "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n"
                                   "    kubecanvas.io/behavior: '{app: {pullSeconds: soon}}'\n"
                                   "spec:\n  containers:\n  - name: app\n    image: nginx\n");
    const Run r = run({"validate", path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(path + ":6:") && r.out.contains("metadata.annotations[kubecanvas.io/behavior].app.pullSeconds"),
             qPrintable(r.out));
}

void TestCli::exportToStdoutSkipsProjectKinds()
{
    const QString path = QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
    const Run r = run({"export", path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("kind: Deployment"));
    QVERIFY(!r.out.contains("kubecanvas.io"));
    QVERIFY(r.out.contains("\n---\n"));
}

void TestCli::exportSplitWritesOneFilePerObject()
{
    const QString in = writeFile("split/in.yaml",
                                 goodDeployment + "---\napiVersion: v1\nkind: Namespace\n"
                                                  "metadata:\n  name: shop\n---\napiVersion: v1\n"
                                                  "kind: Service\nmetadata:\n  name: web\n"
                                                  "  namespace: shop\nspec:\n  ports:\n  - port: 80\n");
    const QString out = m_dir.filePath("split/out");
    const Run r = run({"export", in, "--split", out});
    QCOMPARE(r.exitCode, 0);
    const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{"deployment-default-web.yaml", "namespace-shop.yaml",
                                 "service-shop-web.yaml"}));
    QFile ns(out + "/namespace-shop.yaml");
    QVERIFY(ns.open(QIODevice::ReadOnly));
    QCOMPARE(ns.readAll(), QByteArray("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"));
}

void TestCli::exportDefaultsAndStripStatus()
{
    const QString in = writeFile(
        "live/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  uid: 1234\n  resourceVersion: \"99\"\n"
        "  creationTimestamp: \"2026-01-01T00:00:00Z\"\n  managedFields: []\nspec:\n"
        "  containers:\n  - name: c\n    image: nginx\nstatus:\n  phase: Running\n");
    const QString outFile = m_dir.filePath("live/out.yaml");
    const Run r = run({"export", in, "--defaults", "--strip-status", "-o", outFile});
    QCOMPARE(r.exitCode, 0);
    QFile out(outFile);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(out.readAll());
    QVERIFY(!text.contains("status:\n  phase"));
    QVERIFY(!text.contains("uid:"));
    QVERIFY(!text.contains("resourceVersion"));
    QVERIFY(!text.contains("managedFields"));
    QVERIFY(!text.contains("creationTimestamp"));
    QVERIFY(text.contains("imagePullPolicy: Always"));
    QVERIFY(text.contains("restartPolicy: Always"));
    QVERIFY(text.contains("terminationGracePeriodSeconds: 30"));
    QVERIFY(text.contains("tolerationSeconds: 300"));
}

void TestCli::exportOfInvalidInputWritesNothing()
{
    const QString in = writeFile("invalid/in.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {}\n");
    const QString outFile = m_dir.filePath("invalid/out.yaml");
    const Run r = run({"export", in, "-o", outFile});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("metadata.name"));
    QVERIFY(!QFile::exists(outFile));
}

void TestCli::runWritesEventsMetricsStateAndReport()
{
    const QString demo = QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
    const QString dir = m_dir.filePath("run");
    QDir().mkpath(dir);
    const Run r = run({"run", demo, "--until", "5m", "--events", dir + "/events.jsonl", "--metrics",
                       dir + "/metrics.csv", "--state", dir + "/state.json", "--report", dir + "/report"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("ZoneOutage on zone zone-a")); // the timeline
    QFile events(dir + "/events.jsonl");
    QVERIFY(events.open(QIODevice::ReadOnly));
    int lines = 0;
    bool sawUnknown = false;
    while (!events.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(events.readLine()).object();
        QVERIFY(o.contains("time") && o.value("time").isDouble());
        for (const char *key : {"type", "reason", "kind", "namespace", "name", "message"})
            QVERIFY(o.value(key).isString());
        QVERIFY(o.value("details").isObject());
        sawUnknown |= o.value("reason").toString() == "NodeConditionChanged"
                      && o.value("details").toObject().value("status").toString() == "Unknown";
        ++lines;
    }
    QVERIFY(lines > 50);
    QVERIFY(sawUnknown);
    QFile metrics(dir + "/metrics.csv");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    QCOMPARE(metrics.readLine(), QByteArray("time,metric,object,value\n"));
    const QByteArray body = metrics.readAll();
    for (const char *needle : {",lease_age_seconds,Node/worker-0,", ",node_ready,Node/worker-3,-1\n",
                               ",zone_state,zone/zone-a,3\n", ",zone_eviction_rate,zone/zone-b,0.1\n",
                               ",evictions_total,zone/zone-a,", ",capacity_cpu,cluster,24000\n",
                               ",allocatable_memory,Node/worker-0,"})
        QVERIFY2(body.contains(needle), needle);
    QFile state(dir + "/state.json");
    QVERIFY(state.open(QIODevice::ReadOnly));
    const QJsonObject list = QJsonDocument::fromJson(state.readAll()).object();
    QCOMPARE(list.value("kind").toString(), QString("List"));
    // Nodes, leases, the Deployment's 4 pods, the other objects and its ReplicaSet, the
    // DaemonSet's 6 pods and its ControllerRevision, the StatefulSet's 3 pods, 3 claims and
    // ControllerRevision. The zone outage at 1m has not evicted anything by 5m (300 s
    // toleration after the taint; daemon pods tolerate it forever).
    QCOMPARE(list.value("items").toArray().size(), 6 + 6 + 4 + 7 + 1 + 6 + 1 + 3 + 3 + 1);
    QVERIFY(QFile::exists(dir + "/report/index.html"));
}

void TestCli::runOfInvalidInputRunsNothing()
{
    const QString in = writeFile("badrun/p.yaml",
                                 "apiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\n"
                                 "spec:\n  actions:\n  - at: 1m\n    type: Explode\n    target: {node: x}\n");
    const Run r = run({"run", in, "--events", m_dir.filePath("badrun/e.jsonl")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(in + ":8:"));
    QVERIFY(!QFile::exists(m_dir.filePath("badrun/e.jsonl")));
    QCOMPARE(run({"run", in, "--until", "soon"}).exitCode, 2);
}

void TestCli::runIsDeterministic()
{
    const QString demo = QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
    QStringList outputs;
    for (const char *seed : {"5", "5", "6"}) {
        const QString file = m_dir.filePath(QString("det-%1-%2.jsonl").arg(seed).arg(outputs.size()));
        QCOMPARE(run({"run", demo, "-q", "--lease-events", "--seed", seed, "--until", "4m", "--events", file}).exitCode, 0);
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        outputs << QString::fromUtf8(f.readAll());
    }
    QCOMPARE(outputs[0], outputs[1]);
    QVERIFY(outputs[0] != outputs[2]);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
