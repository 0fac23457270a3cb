// SPDX-License-Identifier: Apache-2.0
#include "document/document.h"
#include "document/document_controller.h"
#include "document/project_reader.h"
#include "document/project_writer.h"

#include "emulator/api/manifest_loader.h"
#include "emulator/api/yaml_reader.h"
#include "emulator/api/value.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace app::document;
using emu::api::Value;

class TestProjectFile : public QObject
{
    Q_OBJECT

private slots:
    void openAndSaveWithoutEditsIsByteForByte();
    void saveThenReopenGivesAnEqualDocument();
    void editedObjectsAreRewrittenAndOthersKeptByteForByte();
    void layoutIsKeyedByIdentityAndLeftOutOfExports();
    void listsAndJsonBecomeObjects();
    void brokenDocumentsAreKeptForTheUserToFix();
    void unreadableFilesLoseNothing();
    void corpusReadsLikeTheCliAndWritesBackUnchanged();

private:
    static QByteArray readAll(const QString &path);
};

namespace {

QString demoPath()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

QByteArray TestProjectFile::readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestProjectFile::openAndSaveWithoutEditsIsByteForByte()
{
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(demoPath()));
    QVERIFY(document.count() >= 9);
    QTemporaryDir dir;
    const QString saved = dir.filePath("demo.yaml");
    QVERIFY(controller.saveProject(saved));
    QCOMPARE(readAll(saved), readAll(demoPath()));
}

void TestProjectFile::saveThenReopenGivesAnEqualDocument()
{
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(demoPath()));
    const ObjectUid web = document.find("Deployment", "shop", "web");
    controller.setField(web, "spec.replicas", Value::plainScalar("8"));
    controller.moveItems({{web, QPointF(120.5, 80)}});
    controller.setLayout({{document.find("Service", "shop", "db"), LayoutRecord{{1, 2}, {300, 200}, true}}},
                         "Collapse");
    controller.addObjectsFromText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop}\n",
                                  "Paste", QPointF(7, 8));
    QTemporaryDir dir;
    const QString path = dir.filePath("project.yaml");
    QVERIFY(controller.saveProject(path));
    QVERIFY(!controller.isModified());
    QCOMPARE(document.filePath(), QFileInfo(path).absoluteFilePath());

    Document reopened;
    DocumentController reopenedController(&reopened);
    QVERIFY(reopenedController.openProject(path));
    QCOMPARE(reopened.count(), document.count());
    for (int i = 0; i < document.count(); ++i) {
        const ManifestEntry &a = document.entries()[std::size_t(i)];
        const ManifestEntry &b = reopened.entries()[std::size_t(i)];
        QCOMPARE(a.text(), b.text());
        QVERIFY(a.identity == b.identity);
        QCOMPARE(reopened.layout(b.uid).has_value(), document.layout(a.uid).has_value());
        if (document.layout(a.uid))
            QVERIFY(*reopened.layout(b.uid) == *document.layout(a.uid));
    }
    QCOMPARE(reopened.toProjectText(), document.toProjectText());
    QCOMPARE(readAll(path).toStdString(), reopened.toProjectText());
}

void TestProjectFile::editedObjectsAreRewrittenAndOthersKeptByteForByte()
{
    const QByteArray original = readAll(demoPath());
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(demoPath()));
    const ObjectUid web = document.find("Deployment", "shop", "web");
    QVERIFY(controller.setField(web, "spec.template.spec.containers[0].image", Value::string("nginx:1.28")));
    QVERIFY(controller.removeObjects({document.find("PodDisruptionBudget", "shop", "web")}));
    QTemporaryDir dir;
    QVERIFY(controller.saveProject(dir.filePath("p.yaml")));
    const std::string saved = readAll(dir.filePath("p.yaml")).toStdString();
    // The file minus the removed object and with one line changed.
    std::string expected = original.toStdString();
    const std::size_t pdb = expected.find("---\napiVersion: policy/v1");
    const std::size_t next = expected.find("---\n", pdb + 4);
    expected.erase(pdb, next - pdb);
    expected.replace(expected.find("image: nginx:1.27"), 17, "image: nginx:1.28");
    QCOMPARE(saved, expected);
    QVERIFY(!document.entry(web)->dirty);
    QCOMPARE(document.entry(web)->lineInFile, 35);
}

void TestProjectFile::layoutIsKeyedByIdentityAndLeftOutOfExports()
{
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(demoPath()));
    const ObjectUid web = document.find("Deployment", "shop", "web");
    const ObjectUid pool = document.find("NodePool", "", "worker");
    controller.moveItems({{web, QPointF(320, 60.5)}, {pool, QPointF(40, 40)}});
    const std::string text = document.toProjectText();
    const std::size_t layout = text.find("kind: Layout");
    QVERIFY(layout != std::string::npos);
    QVERIFY(text.find("  - {kind: NodePool, name: worker, x: 40, y: 40}\n", layout) != std::string::npos);
    QVERIFY(text.find("  - {kind: Deployment, namespace: shop, name: web, x: 320, y: 60.5}\n", layout)
            != std::string::npos);

    emu::api::ExportOptions options;
    options.stripEmulatorAnnotations = true;
    const auto exported = ProjectWriter::exportObjects(document.entries(), options);
    const std::string stream = ProjectWriter::exportStream(exported);
    QVERIFY(stream.find("kubecanvas.io") == std::string::npos);
    QVERIFY(stream.find("Layout") == std::string::npos);
    QCOMPARE(exported.size(), std::size_t(7)); // Namespace, Deployment, 2 Services, PDB, StatefulSet, DaemonSet
    QCOMPARE(exported[1].fileName, std::string("deployment-shop-web.yaml"));
    // Objects export leaves unchanged keep their text; changed ones keep their leading comments.
    const char *commented = "# the web tier\napiVersion: v1\nkind: Service\nmetadata:\n  name: web  # public\n"
                            "spec: {ports: [{port: 80}]}\n---\n# with status\napiVersion: v1\nkind: Pod\n"
                            "metadata: {name: p, uid: abc}\nspec: {containers: [{name: c, image: i}]}\n"
                            "status: {phase: Running}\n";
    Document other;
    other.reset(ProjectReader::readText(commented, "c.yaml"), "c.yaml");
    options.stripStatus = true;
    const auto objects = ProjectWriter::exportObjects(other.entries(), options);
    QCOMPARE(objects[0].text, other.entries()[0].text());
    QCOMPARE(QString::fromStdString(objects[1].text),
             QStringLiteral("# with status\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                            "  containers:\n  - name: c\n    image: i\n"));
}

void TestProjectFile::listsAndJsonBecomeObjects()
{
    const char *list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
                       "  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n";
    ProjectContent content = ProjectReader::readText(list, "list.yaml");
    QCOMPARE(content.entries.size(), std::size_t(2));
    QCOMPARE(content.entries[1].identity.name, std::string("b"));
    QCOMPARE(QString::fromStdString(ProjectWriter::projectText(content.entries, {}, {})),
             QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"));
    // JSON with tabs: kept as written when the YAML reader reads it too (else converted),
    // so that it can be saved in a YAML stream.
    const char *json = "{\"apiVersion\": \"v1\", \"kind\": \"Secret\",\n\"x\": [\n\t{\"a\": 1}\n],\n"
                       "\"metadata\": {\"name\": \"s\"}}";
    content = ProjectReader::readText(json, "s.json");
    QCOMPARE(content.entries.size(), std::size_t(1));
    QVERIFY(content.entries[0].content.isObject());
    QCOMPARE(content.entries[0].identity.kind, std::string("Secret"));
    QVERIFY(!emu::api::hasErrors(
        emu::api::YamlReader::parseYaml(content.entries[0].text(), "s.json").diagnostics));
    content = ProjectReader::readText("{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}", "t.json");
    QCOMPARE(content.entries[0].text(), std::string("{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}"));
}

void TestProjectFile::brokenDocumentsAreKeptForTheUserToFix()
{
    const char *text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\nkind: [unclosed\n"
                       "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n";
    Document document;
    document.reset(ProjectReader::readText(text, "p.yaml"), "p.yaml");
    QCOMPARE(document.count(), 3);
    const ManifestEntry &broken = document.entries()[1];
    QVERIFY(!broken.content.isObject());
    QVERIFY(!broken.content.parseDiagnostics.empty());
    QCOMPARE(document.toProjectText(), std::string(text));
    DocumentController controller(&document);
    QVERIFY(controller.editObject(broken.uid, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fixed}\n"));
    QVERIFY(document.entries()[1].content.isObject());
}

void TestProjectFile::unreadableFilesLoseNothing()
{
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(demoPath()));
    controller.setField(document.find("Deployment", "shop", "web"), "spec.replicas", Value::plainScalar("9"));
    const std::string before = document.toProjectText();
    QTemporaryDir dir;
    writeFile(dir.filePath("image.yaml"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11));
    QString error;
    QVERIFY(!controller.openProject(dir.filePath("image.yaml"), &error));
    QVERIFY2(error.contains("not a YAML or JSON file"), qPrintable(error));
    QVERIFY(!controller.openProject(dir.filePath("missing.yaml"), &error));
    QVERIFY2(error.contains("missing.yaml"), qPrintable(error));
    QVERIFY(!controller.saveProject(dir.filePath("no/such/dir/p.yaml"), &error));
    QVERIFY2(error.contains("Cannot write"), qPrintable(error));
    QCOMPARE(document.toProjectText(), before);
    QVERIFY(controller.isModified());
    QCOMPARE(controller.undoStack()->count(), 1);
}

void TestProjectFile::corpusReadsLikeTheCliAndWritesBackUnchanged()
{
    const QString corpus = QString::fromUtf8(KUBECANVAS_SHARED_DIR) + "/corpus";
    if (!QFileInfo::exists(corpus))
        QSKIP("../shared/corpus is absent");
    int files = 0;
    int unchanged = 0;
    QDirIterator it(corpus, {"*.yaml", "*.yml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray bytes = readAll(path);
        const std::string_view text(bytes.constData(), std::size_t(bytes.size()));
        const ProjectContent content = ProjectReader::readText(text, path);
        const auto cli = emu::api::ManifestLoader::loadText(text, path.toStdString());
        ++files;
        // Every object the CLI reads is there, equal; unparsable documents are kept as text.
        std::vector<const Value *> objects;
        bool regenerated = false;
        for (const ManifestEntry &e : content.entries) {
            if (e.content.isObject())
                objects.push_back(&e.object());
            regenerated = regenerated || e.lineInFile == 0;
        }
        if (!emu::api::hasErrors(cli.diagnostics)) {
            QCOMPARE(objects.size(), cli.manifests.size());
            for (std::size_t i = 0; i < objects.size(); ++i)
                QVERIFY2(*objects[i] == cli.manifests[i].object, qPrintable(path));
        }
        if (regenerated)
            continue; // Lists and converted JSON are written anew
        const std::string written = ProjectWriter::projectText(content.entries, content.trailingText,
                                                               content.layoutText);
        QVERIFY2(written == text, qPrintable(path));
        ++unchanged;
    }
    QVERIFY(files > 500);
    QVERIFY(unchanged > 500);
    qInfo("%d corpus files read, %d written back byte for byte", files, unchanged);
}

QTEST_MAIN(TestProjectFile)
#include "tst_project_file.moc"
