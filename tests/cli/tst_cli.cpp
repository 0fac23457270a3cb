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
    void exportToStdoutSkipsProjectKinds();
    void exportSplitWritesOneFilePerObject();
    void exportDefaultsAndStripStatus();
    void exportOfInvalidInputWritesNothing();

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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
