// SPDX-License-Identifier: Apache-2.0
#include "document/document.h"
#include "document/document_controller.h"
#include "document/project_reader.h"
#include "document/selection_model.h"

#include "emulator/api/label_selector.h"
#include "emulator/api/value.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace app::document;
using emu::api::Value;

class TestDocumentController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyCommandUndoesAndRedoesByteForByte_data();
    void everyCommandUndoesAndRedoesByteForByte();
    void consecutiveEditsOfOneFieldAreOneUndoStep();
    void aDragOfManyMovesIsOneUndoStep();
    void untouchedObjectsKeepTheirText();
    void invalidYamlIsRefusedAndChangesNothing();
    void duplicatesAndPastesGetFreeNames();
    void signalsAreFineGrained();
    void readApiFindsObjects();
    void selectionFollowsRemovals();

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<DocumentController> m_controller;
};

namespace {

const char *project = R"(# Shop project: comments everywhere must survive.
apiVersion: v1
kind: Namespace
metadata:
  name: shop   # where everything lives
---
# The web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3   # one per zone
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}     # the web pods
  ports: [{port: 80}]
---
apiVersion: kubecanvas.io/v1alpha1
kind: Layout
metadata:
  name: canvas
spec:
  items:
  - {kind: Deployment, namespace: shop, name: web, x: 100, y: 50}
)";

ObjectUid uidOf(const Document &d, const char *kind, const char *name)
{
    return d.find(kind, "shop", name) ? d.find(kind, "shop", name) : d.find(kind, "", name);
}

} // namespace

void TestDocumentController::init()
{
    m_document = std::make_unique<Document>();
    m_controller = std::make_unique<DocumentController>(m_document.get());
    m_document->reset(ProjectReader::readText(project, "shop.yaml"), "shop.yaml");
}

using Edit = std::function<void(Document &, DocumentController &)>;
Q_DECLARE_METATYPE(Edit)

void TestDocumentController::everyCommandUndoesAndRedoesByteForByte_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<int>("steps");
    QTest::newRow("AddObjects") << Edit([](Document &, DocumentController &c) {
        c.addObjectsFromText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n", "Paste");
    }) << 1;
    QTest::newRow("RemoveObjects") << Edit([](Document &d, DocumentController &c) {
        c.removeObjects({uidOf(d, "Deployment", "web"), uidOf(d, "Namespace", "shop")});
    }) << 1;
    QTest::newRow("EditObject") << Edit([](Document &d, DocumentController &c) {
        QVERIFY(c.editObject(uidOf(d, "Service", "web"),
                             "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"));
    }) << 1;
    QTest::newRow("SetField") << Edit([](Document &d, DocumentController &c) {
        QVERIFY(c.setField(uidOf(d, "Deployment", "web"), "spec.replicas", Value::plainScalar("5")));
    }) << 1;
    QTest::newRow("RemoveField") << Edit([](Document &d, DocumentController &c) {
        QVERIFY(c.removeField(uidOf(d, "Deployment", "web"), "spec.replicas"));
    }) << 1;
    QTest::newRow("Rename") << Edit([](Document &d, DocumentController &c) {
        QVERIFY(c.renameObject(uidOf(d, "Deployment", "web"), "frontend"));
    }) << 1;
    QTest::newRow("Duplicate") << Edit([](Document &d, DocumentController &c) {
        QCOMPARE(c.duplicateObjects({uidOf(d, "Deployment", "web")}).size(), 1);
    }) << 1;
    QTest::newRow("MoveItems") << Edit([](Document &d, DocumentController &c) {
        c.moveItems({{uidOf(d, "Deployment", "web"), QPointF(300, 40)},
                     {uidOf(d, "Service", "web"), QPointF(500, 40)}});
    }) << 1;
    QTest::newRow("SetLayout") << Edit([](Document &d, DocumentController &c) {
        c.setLayout({{uidOf(d, "Deployment", "web"), LayoutRecord{{10, 10}, {200, 120}, true}}},
                    "Collapse");
    }) << 1;
    QTest::newRow("several commands") << Edit([](Document &d, DocumentController &c) {
        const ObjectUid web = uidOf(d, "Deployment", "web");
        c.setField(web, "metadata.labels[tier]", Value::string("frontend"));
        c.moveItems({{web, QPointF(1, 2)}});
        c.renameObject(uidOf(d, "Service", "web"), "web-svc");
        c.removeObjects({uidOf(d, "Namespace", "shop")});
    }) << 4;
}

void TestDocumentController::everyCommandUndoesAndRedoesByteForByte()
{
    QFETCH(Edit, edit);
    QFETCH(int, steps);
    const std::string before = m_document->toProjectText();
    QCOMPARE(QString::fromStdString(before), QString::fromUtf8(project)); // opened byte for byte
    edit(*m_document, *m_controller);
    const std::string after = m_document->toProjectText();
    QVERIFY(after != before);
    QCOMPARE(m_controller->undoStack()->count(), steps);
    QVERIFY(m_controller->isModified());
    for (int i = 0; i < steps; ++i)
        m_controller->undoStack()->undo();
    QCOMPARE(QString::fromStdString(m_document->toProjectText()), QString::fromStdString(before));
    QVERIFY(!m_controller->isModified());
    for (int i = 0; i < steps; ++i)
        m_controller->undoStack()->redo();
    QCOMPARE(QString::fromStdString(m_document->toProjectText()), QString::fromStdString(after));
    for (int i = 0; i < steps; ++i)
        m_controller->undoStack()->undo();
    QCOMPARE(QString::fromStdString(m_document->toProjectText()), QString::fromStdString(before));
}

void TestDocumentController::consecutiveEditsOfOneFieldAreOneUndoStep()
{
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    const std::string before = m_document->toProjectText();
    for (const char *typed : {"n", "ng", "ngi", "ngin", "nginx:1.28"})
        QVERIFY(m_controller->setField(web, "spec.template.spec.containers[0].image",
                                       Value::string(typed)));
    QCOMPARE(m_controller->undoStack()->count(), 1);
    QVERIFY(m_document->entry(web)->text().find("image: nginx:1.28\n") != std::string::npos);
    QVERIFY(m_document->entry(web)->text().find("replicas: 3   # one per zone") != std::string::npos);
    // Another field is another step.
    QVERIFY(m_controller->setField(web, "spec.replicas", Value::plainScalar("4")));
    QCOMPARE(m_controller->undoStack()->count(), 2);
    m_controller->undoStack()->undo();
    m_controller->undoStack()->undo();
    QCOMPARE(m_document->toProjectText(), before);
}

void TestDocumentController::aDragOfManyMovesIsOneUndoStep()
{
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    const ObjectUid svc = uidOf(*m_document, "Service", "web");
    for (int step = 1; step <= 50; ++step)
        m_controller->moveItems({{web, QPointF(100 + step, 50)}, {svc, QPointF(step, step)}},
                                step == 50);
    QCOMPARE(m_controller->undoStack()->count(), 1);
    QCOMPARE(m_document->layout(web)->pos, QPointF(150, 50));
    QCOMPARE(m_document->layout(svc)->pos, QPointF(50, 50));
    // The next drag is its own step.
    m_controller->moveItems({{web, QPointF(0, 0)}, {svc, QPointF(1, 1)}}, false);
    m_controller->moveItems({{web, QPointF(5, 5)}, {svc, QPointF(6, 6)}}, true);
    QCOMPARE(m_controller->undoStack()->count(), 2);
    m_controller->undoStack()->undo();
    QCOMPARE(m_document->layout(web)->pos, QPointF(150, 50));
    m_controller->undoStack()->undo();
    QCOMPARE(m_document->layout(web)->pos, QPointF(100, 50)); // from the project's Layout
    QVERIFY(!m_document->layout(svc));                          // auto-placed again
}

void TestDocumentController::untouchedObjectsKeepTheirText()
{
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    const ObjectUid ns = uidOf(*m_document, "Namespace", "shop");
    const ObjectUid svc = uidOf(*m_document, "Service", "web");
    const std::string nsText = m_document->entry(ns)->text();
    const std::string svcText = m_document->entry(svc)->text();
    QVERIFY(m_controller->setField(web, "spec.replicas", Value::plainScalar("6")));
    QVERIFY(m_controller->setField(web, "metadata.labels[team]", Value::string("shop")));
    const std::string text = m_document->toProjectText();
    QVERIFY(text.find(nsText) != std::string::npos);
    QVERIFY(text.find(svcText) != std::string::npos);
    QVERIFY(text.find("# The web tier\n") != std::string::npos);
    QVERIFY(text.find("replicas: 6   # one per zone") != std::string::npos);
    QVERIFY(text.find("# Shop project: comments everywhere must survive.") == 0);
}

void TestDocumentController::invalidYamlIsRefusedAndChangesNothing()
{
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    const std::string before = m_document->toProjectText();
    emu::api::Diagnostics errors;
    QVERIFY(!m_controller->editObject(web, "kind: Deployment\nmetadata:\n\tname: x\n", &errors));
    QVERIFY(!errors.empty());
    QVERIFY(!m_controller->editObject(web, "a: 1\n---\nb: 2\n", &errors));
    QVERIFY(errors.front().message.find("more than one document") != std::string::npos);
    QCOMPARE(m_document->toProjectText(), before);
    QCOMPARE(m_controller->undoStack()->count(), 0);
    // Semantically invalid but well-formed YAML is a legitimate half-finished edit.
    QVERIFY(m_controller->editObject(web, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                          "  name: web\n  namespace: shop\nspec:\n  replicas: many\n"));
    QCOMPARE(m_controller->undoStack()->count(), 1);
}

void TestDocumentController::duplicatesAndPastesGetFreeNames()
{
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    const ObjectUids copies = m_controller->duplicateObjects({web, web});
    QCOMPARE(copies.size(), 2);
    QCOMPARE(m_document->entry(copies[0])->identity.name, std::string("web-copy"));
    QCOMPARE(m_document->entry(copies[1])->identity.name, std::string("web-copy-2"));
    QCOMPARE(m_document->layout(copies[0])->pos, QPointF(130, 80));
    const ObjectUids pasted = m_controller->addObjectsFromText(
        m_document->entry(web)->text(), "Paste", QPointF(10, 20));
    QCOMPARE(pasted.size(), 1);
    QCOMPARE(m_document->entry(pasted[0])->identity.name, std::string("web-copy-3"));
    QCOMPARE(m_document->layout(pasted[0])->pos, QPointF(10, 20));
    QVERIFY(m_document->entry(pasted[0])->text().find("# The web tier") == 0);
    QString error;
    QVERIFY(m_controller->addObjectsFromText("just: [broken", "Paste", {}, true, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestDocumentController::signalsAreFineGrained()
{
    QSignalSpy added(m_document.get(), &Document::objectAdded);
    QSignalSpy aboutToBeRemoved(m_document.get(), &Document::objectAboutToBeRemoved);
    QSignalSpy changed(m_document.get(), &Document::objectChanged);
    QSignalSpy layout(m_document.get(), &Document::layoutChanged);
    QSignalSpy reset(m_document.get(), &Document::modelReset);
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    m_controller->setField(web, "spec.replicas", Value::plainScalar("2"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<ObjectUid>(), web);
    m_controller->moveItems({{web, QPointF(3, 4)}});
    QCOMPARE(layout.count(), 1);
    m_controller->removeObjects({web});
    QCOMPARE(aboutToBeRemoved.count(), 1);
    m_controller->undoStack()->undo();
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().value<ObjectUid>(), web); // the same uid comes back
    QCOMPARE(m_document->layout(web)->pos, QPointF(3, 4));
    QCOMPARE(reset.count(), 0);
}

void TestDocumentController::readApiFindsObjects()
{
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    QVERIFY(web != kNoObject);
    QCOMPARE(m_document->uidsOfKind("Service").size(), 1);
    ObjectIdentity id{"apps/v1beta1", "Deployment", "shop", "web"};
    QCOMPARE(m_document->findByIdentity(id), web); // any version of the group
    const auto selector = emu::api::LabelSelector::fromLabels({{"app", "web"}});
    QCOMPARE(m_document->matchingPodTemplates(selector, "shop"), ObjectUids{web});
    QVERIFY(m_document->matchingPodTemplates(selector, "default").isEmpty());
    m_controller->renameObject(web, "frontend");
    QCOMPARE(m_document->find("Deployment", "shop", "frontend"), web); // uid survives a rename
    QCOMPARE(m_document->find("Deployment", "shop", "web"), kNoObject);
    // The layout follows the object through the rename, keyed by its new identity on save.
    QVERIFY(m_document->toProjectText().find("{kind: Deployment, namespace: shop, name: frontend, x: 100, y: 50}")
            != std::string::npos);
}

void TestDocumentController::selectionFollowsRemovals()
{
    SelectionModel selection(m_document.get());
    QSignalSpy spy(&selection, &SelectionModel::selectionChanged);
    const ObjectUid web = uidOf(*m_document, "Deployment", "web");
    const ObjectUid svc = uidOf(*m_document, "Service", "web");
    selection.select({web, svc, web});
    QCOMPARE(selection.selection(), (ObjectUids{web, svc}));
    QCOMPARE(selection.current(), svc);
    selection.select({web, svc});
    QCOMPARE(spy.count(), 1); // unchanged: no signal
    m_controller->removeObjects({svc});
    QCOMPARE(selection.selection(), ObjectUids{web});
    QCOMPARE(spy.count(), 2);
}

QTEST_MAIN(TestDocumentController)
#include "tst_document_controller.moc"
