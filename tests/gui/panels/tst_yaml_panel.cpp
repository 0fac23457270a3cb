// SPDX-License-Identifier: Apache-2.0
#include "app/main_window.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/selection_model.h"
#include "panels/yaml_editor.h"
#include "panels/yaml_panel.h"

#include <QUndoStack>
#include <QtTest>

using namespace app::document;

class TestYamlPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheSelectedObjectsExactText();
    void anEditIsAppliedAsOneUndoStep();
    void invalidYamlIsMarkedAtItsLineAndNotApplied();
    void validationErrorsAreShownAtTheirLines();
    void editsElsewhereKeepTheCursor();
    void appliesAfterAPauseInTyping();
    void returnKeepsTheBlocksIndentation();
    void unappliedInvalidEditsWaitForTheUsersReturn();

private:
    app::panels::YamlEditor *editor() const { return m_window->yamlPanel()->editor(); }
    ObjectUid select(const char *kind, const char *ns, const char *name);
    std::unique_ptr<app::MainWindow> m_window;
};

void TestYamlPanel::init()
{
    m_window = std::make_unique<app::MainWindow>();
    QVERIFY(m_window->openProject(QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml"));
    m_window->show();
}

void TestYamlPanel::cleanup()
{
    m_window->controller()->undoStack()->clear();
    m_window.reset();
}

ObjectUid TestYamlPanel::select(const char *kind, const char *ns, const char *name)
{
    const ObjectUid uid = m_window->document()->find(kind, ns, name);
    m_window->selectionModel()->select(uid);
    return uid;
}

void TestYamlPanel::showsTheSelectedObjectsExactText()
{
    const ObjectUid uid = select("Cluster", "", "demo");
    QCOMPARE(editor()->toPlainText().toStdString(), m_window->document()->entry(uid)->text());
    QVERIFY(editor()->toPlainText().startsWith("# KubeCanvas demo project"));
}

void TestYamlPanel::anEditIsAppliedAsOneUndoStep()
{
    const ObjectUid uid = select("Service", "shop", "web");
    const std::string before = m_window->document()->toProjectText();
    QString text = editor()->toPlainText();
    text.replace("  - port: 80\n", "  - port: 8080\n    name: http # the web port\n");
    editor()->setPlainText(text);
    QVERIFY(m_window->yamlPanel()->hasPendingEdits());
    QVERIFY(m_window->yamlPanel()->apply());
    QCOMPARE(QString::fromStdString(m_window->document()->entry(uid)->text()), text);
    QCOMPARE(m_window->controller()->undoStack()->count(), 1);
    m_window->controller()->undoStack()->undo();
    QCOMPARE(m_window->document()->toProjectText(), before);
    QCOMPARE(editor()->toPlainText().toStdString(), m_window->document()->entry(uid)->text());
}

void TestYamlPanel::invalidYamlIsMarkedAtItsLineAndNotApplied()
{
    const ObjectUid uid = select("Service", "shop", "web");
    const std::string before = m_window->document()->entry(uid)->text();
    editor()->setPlainText(QString::fromStdString(before) + "spec: [unclosed\n");
    QVERIFY(!m_window->yamlPanel()->apply());
    QCOMPARE(m_window->document()->entry(uid)->text(), before);
    QVERIFY(!editor()->problems().empty());
    QVERIFY(editor()->problems().front().error);
    QVERIFY(m_window->yamlPanel()->hasPendingEdits()); // the user's text is not thrown away
    m_window->yamlPanel()->revert();
    QCOMPARE(editor()->toPlainText().toStdString(), before);
}

void TestYamlPanel::validationErrorsAreShownAtTheirLines()
{
    const ObjectUid uid = select("Deployment", "shop", "web");
    QString text = editor()->toPlainText();
    text.replace("replicas: 4", "replicas: four");
    editor()->setPlainText(text);
    QVERIFY(m_window->yamlPanel()->apply()); // well-formed YAML: applied, and flagged
    QTRY_VERIFY(!editor()->problems().empty());
    QCOMPARE(editor()->problems().front().line, 9);
    QVERIFY(editor()->problems().front().message.contains("spec.replicas"));
    QVERIFY(m_window->document()->entry(uid)->text().find("replicas: four") != std::string::npos);
}

void TestYamlPanel::editsElsewhereKeepTheCursor()
{
    const ObjectUid uid = select("Deployment", "shop", "web");
    QTextCursor cursor = editor()->textCursor();
    cursor.setPosition(int(editor()->toPlainText().indexOf("image: nginx")));
    editor()->setTextCursor(cursor);
    const int position = editor()->textCursor().position();
    m_window->controller()->setField(uid, "metadata.labels[tier]", emu::api::Value::string("frontend"));
    QCOMPARE(editor()->toPlainText().toStdString(), m_window->document()->entry(uid)->text());
    // A line was added above the cursor: it moved with its text.
    QCOMPARE(editor()->textCursor().position(), position + int(QStringLiteral("    tier: frontend\n").size()));
    QVERIFY(!m_window->yamlPanel()->hasPendingEdits());
}

void TestYamlPanel::appliesAfterAPauseInTyping()
{
    const ObjectUid uid = select("Namespace", "", "shop");
    m_window->yamlPanel()->setApplyDelay(10);
    editor()->setFocus();
    editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor(), "  labels: {team: shop}");
    QTest::keyClick(editor(), Qt::Key_Return);
    QTRY_VERIFY(!m_window->yamlPanel()->hasPendingEdits());
    QVERIFY(m_window->document()->entry(uid)->text().find("labels: {team: shop}") != std::string::npos);
    QCOMPARE(m_window->controller()->undoStack()->count(), 1);
}

void TestYamlPanel::returnKeepsTheBlocksIndentation()
{
    select("Namespace", "", "shop");
    m_window->yamlPanel()->setApplyDelay(60000);
    editor()->setFocus();
    editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor(), "  annotations:");
    QTest::keyClick(editor(), Qt::Key_Return);
    QTest::keyClicks(editor(), "owner: shop-team");
    QTest::keyClick(editor(), Qt::Key_Tab); // two spaces, never a tab
    QVERIFY(editor()->toPlainText().endsWith("  annotations:\n    owner: shop-team  "));
    QVERIFY(m_window->yamlPanel()->apply());
}

void TestYamlPanel::unappliedInvalidEditsWaitForTheUsersReturn()
{
    const ObjectUid service = select("Service", "shop", "web");
    const QString broken = editor()->toPlainText() + "  oops: [\n";
    editor()->setPlainText(broken);
    select("Namespace", "", "shop"); // invalid: not applied, kept as a draft
    QCOMPARE(m_window->document()->entry(service)->text().find("oops"), std::string::npos);
    QVERIFY(!m_window->yamlPanel()->hasPendingEdits());
    select("Service", "shop", "web");
    QCOMPARE(editor()->toPlainText(), broken);
    QVERIFY(m_window->yamlPanel()->hasPendingEdits());
    QVERIFY(!editor()->problems().empty());
    // Deleting the object throws its draft away, without a crash.
    m_window->controller()->removeObjects({service});
    QCOMPARE(m_window->yamlPanel()->object(), kNoObject);
}

QTEST_MAIN(TestYamlPanel)
#include "tst_yaml_panel.moc"
