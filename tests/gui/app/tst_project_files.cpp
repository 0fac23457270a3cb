// SPDX-License-Identifier: Apache-2.0
#include "app/autosave_manager.h"
#include "app/main_window.h"
#include "app/project_files.h"
#include "document/cluster_template.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/manifest_export.h"
#include "document/project_reader.h"

#include "emulator/api/export_options.h"
#include "emulator/api/manifest_loader.h"
#include "emulator/api/yaml_reader.h"
#include "emulator/sim/project_validation.h"

#include <QDirIterator>
#include <set>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace app::document;
using app::ProjectFiles;
using emu::api::Value;

class TestProjectFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void saveAsAndReopenAreEqualAndRecentFilesRemembered();
    void unsavedChangesAreAskedAbout();
    void anUnreadableFileLosesNothing();
    void autosaveAndRecoveryAfterACrash();
    void newClusterWizardProjects_data();
    void newClusterWizardProjects();
    void bundledSamplesOpenWithoutErrors();
    void exportEqualsTheCliExport();
    void importOfTheCorpusGivesTheObjectsTheCliAccepts();

private:
    std::unique_ptr<app::MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_chosen;
};

namespace {

QString demoPath()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestProjectFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings and recovery files out of the user's way
    QCoreApplication::setOrganizationName("KubeCanvasTests");
    QCoreApplication::setApplicationName("tst_project_files");
}

void TestProjectFiles::init()
{
    m_window = std::make_unique<app::MainWindow>();
    m_window->projectFiles()->setFileChooser([this](bool) { return m_chosen; });
    // Tests save: they work on a copy, never on the bundled sample.
    QFile::remove(m_dir.filePath("demo.yaml"));
    QVERIFY(QFile::copy(demoPath(), m_dir.filePath("demo.yaml")));
    QVERIFY(m_window->openProject(m_dir.filePath("demo.yaml")));
}

void TestProjectFiles::cleanup()
{
    m_window->controller()->undoStack()->clear();
    m_window->autosave()->discardRecovery();
    m_window.reset();
}

void TestProjectFiles::saveAsAndReopenAreEqualAndRecentFilesRemembered()
{
    ProjectFiles *files = m_window->projectFiles();
    QVERIFY(files->openSample(":/samples/demo.yaml"));
    QVERIFY(m_window->document()->filePath().isEmpty()); // a sample opens untitled
    m_window->controller()->setField(m_window->document()->find("Deployment", "shop", "web"), "spec.replicas",
                                     Value::plainScalar("5"));
    m_chosen = m_dir.filePath("shop"); // no suffix: .yaml is added
    QVERIFY(files->save());            // untitled: Save is Save As
    const QString path = m_dir.filePath("shop.yaml");
    QCOMPARE(m_window->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!m_window->controller()->isModified());
    QVERIFY(m_window->windowTitle().startsWith("shop.yaml — "));
    QCOMPARE(files->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    const std::string saved = m_window->document()->toProjectText();
    QVERIFY(files->open(path));
    QCOMPARE(m_window->document()->toProjectText(), saved);
    QCOMPARE(readAll(path).toStdString(), saved);
}

void TestProjectFiles::unsavedChangesAreAskedAbout()
{
    ProjectFiles *files = m_window->projectFiles();
    int asked = 0;
    ProjectFiles::UnsavedAnswer answer = ProjectFiles::UnsavedAnswer::Cancel;
    files->setUnsavedQuestion([&] { ++asked; return answer; });
    QVERIFY(files->newProject()); // not modified: no question
    QCOMPARE(asked, 0);
    QVERIFY(m_window->openProject(m_dir.filePath("demo.yaml")));
    m_window->controller()->removeObjects({m_window->document()->find("Namespace", "", "shop")});
    QVERIFY(!files->newProject());
    QCOMPARE(asked, 1);
    QCOMPARE(m_window->document()->count(), 9); // cancelled: kept
    answer = ProjectFiles::UnsavedAnswer::Save;
    QVERIFY(files->newProject()); // saved first
    QVERIFY(!readAll(m_dir.filePath("demo.yaml")).contains("kind: Namespace"));
    QCOMPARE(m_window->document()->count(), 0);
    m_window->controller()->addObjectsFromText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "Add");
    answer = ProjectFiles::UnsavedAnswer::Discard;
    QVERIFY(files->open(demoPath()));
    QCOMPARE(asked, 3);
    QCOMPARE(readAll(demoPath()), readAll(QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml"));
}

void TestProjectFiles::anUnreadableFileLosesNothing()
{
    m_window->controller()->setField(m_window->document()->find("Deployment", "shop", "web"), "spec.replicas",
                                     Value::plainScalar("7"));
    const std::string before = m_window->document()->toProjectText();
    QString shown;
    connect(m_window->projectFiles(), &ProjectFiles::message, this, [&](const QString &m) { shown = m; });
    m_window->projectFiles()->setUnsavedQuestion([] { return ProjectFiles::UnsavedAnswer::Discard; });
    QVERIFY(!m_window->projectFiles()->open(m_dir.filePath("does-not-exist.yaml")));
    QVERIFY2(shown.contains("does-not-exist.yaml"), qPrintable(shown));
    QCOMPARE(m_window->document()->toProjectText(), before);
    QVERIFY(m_window->controller()->isModified());
}

void TestProjectFiles::autosaveAndRecoveryAfterACrash()
{
    const QString folder = m_dir.filePath("recovery");
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(demoPath()));
    app::AutosaveManager autosave(&controller, folder);
    autosave.setIdleSeconds(0);
    controller.setField(document.find("Deployment", "shop", "web"), "spec.replicas", Value::plainScalar("12"));
    QTRY_VERIFY(QDir(folder).entryList({"*.recovery.yaml"}).size() == 1); // after the idle delay
    const std::string edited = document.toProjectText();

    // The next session (after a crash: the first one never discarded its copy).
    Document next;
    DocumentController nextController(&next);
    app::AutosaveManager nextAutosave(&nextController, folder);
    const auto pending = nextAutosave.pendingRecoveries();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().projectPath, QFileInfo(demoPath()).absoluteFilePath());
    QVERIFY(nextAutosave.recover(pending.first()));
    QCOMPARE(next.toProjectText(), edited);
    QCOMPARE(next.filePath(), QFileInfo(demoPath()).absoluteFilePath());
    QVERIFY(nextController.isModified()); // recovered, not saved yet
    QVERIFY(autosave.pendingRecoveries().size() <= 1); // the old copy is gone, the new session has its own
    // Saving removes the recovery copy.
    QVERIFY(nextController.saveProject(m_dir.filePath("recovered.yaml")));
    QVERIFY(nextAutosave.pendingRecoveries().isEmpty() || autosave.pendingRecoveries().isEmpty());
    autosave.discardRecovery();
    QCOMPARE(QDir(folder).entryList({"*.recovery.yaml"}).size(), 0);
}

void TestProjectFiles::newClusterWizardProjects_data()
{
    QTest::addColumn<bool>("asNodePool");
    QTest::newRow("NodePool") << true;
    QTest::newRow("Node manifests") << false;
}

void TestProjectFiles::newClusterWizardProjects()
{
    QFETCH(bool, asNodePool);
    ClusterParameters p;
    p.name = "prod";
    p.kubernetesVersion = "1.31";
    p.zones = ClusterTemplate::zoneNames("eu-west-1", 3);
    p.nodesPerZone = 4;
    p.cpu = "8";
    p.memory = "32Gi";
    p.asNodePool = asNodePool;
    const std::string text = ClusterTemplate::projectText(p);
    auto loaded = emu::api::ManifestLoader::loadText(text, "cluster.yaml");
    emu::sim::validateProject(loaded.manifests, loaded.diagnostics);
    QVERIFY2(loaded.diagnostics.empty(), loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().format().c_str());
    QCOMPARE(loaded.manifests.size(), asNodePool ? std::size_t(2) : std::size_t(13));
    QVERIFY(text.find("kubernetesVersion: \"1.31\"") != std::string::npos);
    if (asNodePool) {
        QVERIFY(text.find("count: 12\n  zones: [eu-west-1a, eu-west-1b, eu-west-1c]") != std::string::npos);
    } else {
        int zoneB = 0;
        for (std::size_t at = text.find("zone: eu-west-1b"); at != std::string::npos; at = text.find("zone: eu-west-1b", at + 1))
            ++zoneB;
        QCOMPARE(zoneB, 4);
    }
}

void TestProjectFiles::bundledSamplesOpenWithoutErrors()
{
    const QStringList samples = ProjectFiles::sampleResources();
    QVERIFY(samples.size() >= 3);
    QVERIFY(samples.contains(":/samples/demo.yaml"));
    for (const QString &sample : samples) {
        QVERIFY(m_window->projectFiles()->openSample(sample));
        m_window->validator()->validateNow();
        QVERIFY2(m_window->validator()->problems().empty(),
                 qPrintable(sample + ": " + (m_window->validator()->problems().empty() ? QString()
                                                                                       : m_window->validator()->problems().front().text())));
        QVERIFY(m_window->document()->count() >= 8);
    }
}

void TestProjectFiles::exportEqualsTheCliExport()
{
    ExportRequest request;
    request.path = m_dir.filePath("export.yaml");
    const ExportResult one = exportManifests(*m_window->document(), request);
    QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
    // What `kubecanvas-cli export --strip-status --strip-annotations` produces, as objects.
    auto cli = emu::api::ManifestLoader::loadPaths({demoPath().toStdString()});
    const std::vector<Value> expected = emu::api::prepareForExport(cli.manifests, {false, true, true});
    const auto written = emu::api::YamlReader::parse(readAll(request.path).toStdString(), "export.yaml");
    QVERIFY(written.diagnostics.empty());
    QCOMPARE(written.documents.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY(written.documents[i].root == expected[i]);
    QVERIFY(!readAll(request.path).contains("kubecanvas.io"));

    request.path = m_dir.filePath("split");
    request.split = true;
    const ExportResult split = exportManifests(*m_window->document(), request);
    QCOMPARE(split.files.size(), int(expected.size()));
    QVERIFY(QFileInfo::exists(m_dir.filePath("split/deployment-shop-web.yaml")));
    QVERIFY(QFileInfo::exists(m_dir.filePath("split/namespace-shop.yaml")));
    QVERIFY(QFileInfo::exists(m_dir.filePath("split/daemonset-kube-system-log-agent.yaml")));
}

void TestProjectFiles::importOfTheCorpusGivesTheObjectsTheCliAccepts()
{
    const QString corpus = QString::fromUtf8(KUBECANVAS_SHARED_DIR) + "/corpus";
    if (!QFileInfo::exists(corpus))
        QSKIP("../shared/corpus is absent");
    m_window->controller()->newProject();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_window->projectFiles()->importPaths({corpus}));
    m_window->validator()->validateNow();
    const qint64 ms = timer.elapsed();
    // The same objects, in the same order, as the CLI reads from the same folder.
    auto cli = emu::api::ManifestLoader::loadPaths({corpus.toStdString()});
    std::vector<const Value *> objects;
    int broken = 0;
    for (const ManifestEntry &e : m_window->document()->entries()) {
        if (e.content.isObject())
            objects.push_back(&e.object());
        else
            ++broken;
    }
    QCOMPARE(objects.size(), cli.manifests.size());
    for (std::size_t i = 0; i < objects.size(); ++i)
        QVERIFY2(*objects[i] == cli.manifests[i].object, cli.manifests[i].file.c_str());
    QVERIFY(broken > 0); // the invalid/ folder's unparsable documents, kept to be fixed
    QVERIFY(m_window->validator()->errorCount() > 0);
    // Each object's own problems are the CLI's, at the same file:line:column.
    emu::sim::validateProject(cli.manifests, cli.diagnostics);
    std::multiset<std::string> cliLines;
    for (const auto &d : cli.diagnostics)
        if (d.pos.isKnown())
            cliLines.insert(QFileInfo(QString::fromStdString(d.file)).fileName().toStdString() + ":"
                            + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": "
                            + (d.severity == emu::api::Severity::Error ? "error: " : "warning: ")
                            + (d.path.empty() ? d.message : d.path + ": " + d.message));
    int compared = 0;
    for (const Problem &p : m_window->validator()->problems()) {
        const QString where = p.fileLocation(*m_window->document());
        if (p.crossObject || where.isEmpty())
            continue;
        const std::string line = where.toStdString() + (p.isError() ? ": error: " : ": warning: ")
                                 + p.text().toStdString();
        QVERIFY2(cliLines.count(line), line.c_str());
        ++compared;
    }
    qInfo("%d problems compared with the CLI", compared);
    QVERIFY(compared > 50);
    QCOMPARE(m_window->controller()->undoStack()->count(), 1); // one undo step
    qInfo("imported %d objects (%d unparsable documents) with validation in %lld ms",
          int(objects.size()), broken, ms);
    m_window->controller()->undoStack()->undo();
    QCOMPARE(m_window->document()->count(), 0);
}

QTEST_MAIN(TestProjectFiles)
#include "tst_project_files.moc"
