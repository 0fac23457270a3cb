// SPDX-License-Identifier: Apache-2.0
#include "app/edit_actions.h"
#include "app/main_window.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/object_templates.h"
#include "document/project_reader.h"
#include "document/selection_model.h"
#include "panels/object_tree_panel.h"
#include "panels/property_panel.h"
#include "panels/yaml_editor.h"
#include "panels/yaml_panel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace app::document;

class TestEditActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void copyAndPasteKeepCommentsAndFindFreeNames();
    void deleteWarnsAboutWhatRefersToTheObject();
    void cutIsCopyAndDelete();
    void duplicateAndSelectAll();
    void everyTemplateIsAValidObject();
    void deleteInATextFieldOrTableDoesNotDeleteTheObject();

private:
    ObjectUid uid(const char *kind, const char *ns, const char *name) const
    {
        return m_window->document()->find(kind, ns, name);
    }
    std::unique_ptr<app::MainWindow> m_window;
};

void TestEditActions::init()
{
    m_window = std::make_unique<app::MainWindow>();
    QVERIFY(m_window->openProject(QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml"));
}

void TestEditActions::cleanup()
{
    m_window->controller()->undoStack()->clear();
    m_window.reset();
}

void TestEditActions::copyAndPasteKeepCommentsAndFindFreeNames()
{
    m_window->selectionModel()->select({uid("Cluster", "", "demo"), uid("Deployment", "shop", "web")});
    m_window->editActions()->copy();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.startsWith("# KubeCanvas demo project"));
    QVERIFY(copied.contains("---\napiVersion: apps/v1\nkind: Deployment"));
    const ObjectUids pasted = m_window->editActions()->paste();
    QCOMPARE(pasted.size(), 2);
    QCOMPARE(m_window->selectionModel()->selection(), pasted);
    QCOMPARE(m_window->document()->entry(pasted[1])->identity.name, std::string("web-copy"));
    QVERIFY(m_window->document()->entry(pasted[0])->text().find("# KubeCanvas demo project") == 0);
    QCOMPARE(m_window->controller()->undoStack()->count(), 1);
    // Two Clusters are one too many: the copy is flagged.
    m_window->validator()->validateNow();
    bool flagged = false;
    for (const Problem &p : m_window->validator()->problemsFor(pasted[0]))
        flagged = flagged || p.message.find("only one Cluster per project") != std::string::npos;
    QVERIFY(flagged);
}

void TestEditActions::deleteWarnsAboutWhatRefersToTheObject()
{
    QString details;
    bool answer = false;
    m_window->editActions()->setConfirmation([&](const QString &, const QString &d) {
        details = d;
        return answer;
    });
    const ObjectUid web = uid("Deployment", "shop", "web");
    m_window->selectionModel()->select(web);
    QVERIFY(!m_window->editActions()->deleteSelection());
    QVERIFY2(details.contains("Service shop/web selects Deployment shop/web (spec.selector)"), qPrintable(details));
    QVERIFY(details.contains("PodDisruptionBudget shop/web selects Deployment shop/web"));
    QVERIFY(m_window->document()->entry(web)); // cancelled
    answer = true;
    QVERIFY(m_window->editActions()->deleteSelection());
    QVERIFY(!m_window->document()->entry(web));
    m_window->controller()->undoStack()->undo();
    QVERIFY(m_window->document()->entry(web));
    // Nothing refers to the Scenario: no question.
    details.clear();
    m_window->selectionModel()->select(uid("Scenario", "", "zone-outage"));
    QVERIFY(m_window->editActions()->deleteSelection());
    QVERIFY(details.isEmpty());
}

void TestEditActions::cutIsCopyAndDelete()
{
    const ObjectUid scenario = uid("Scenario", "", "zone-outage");
    const std::string text = m_window->document()->entry(scenario)->text();
    m_window->selectionModel()->select(scenario);
    m_window->editActions()->cut();
    QVERIFY(!m_window->document()->entry(scenario));
    QCOMPARE(QGuiApplication::clipboard()->text().toStdString(), text);
    const ObjectUids pasted = m_window->editActions()->paste();
    QCOMPARE(pasted.size(), 1);
    QCOMPARE(m_window->document()->entry(pasted[0])->text(), text); // the name is free again
}

void TestEditActions::duplicateAndSelectAll()
{
    m_window->selectionModel()->select(uid("StatefulSet", "shop", "db"));
    const ObjectUids copies = m_window->editActions()->duplicate();
    QCOMPARE(copies.size(), 1);
    QCOMPARE(m_window->document()->entry(copies[0])->identity.name, std::string("db-copy"));
    m_window->editActions()->selectAll();
    QCOMPARE(m_window->selectionModel()->selection().size(), m_window->document()->count());
}

void TestEditActions::everyTemplateIsAValidObject()
{
    m_window->controller()->newProject();
    for (const QString &kind : ObjectTemplates::kinds()) {
        const ObjectUid added = m_window->editActions()->addObject(kind);
        QVERIFY2(added != kNoObject, qPrintable(kind));
        QCOMPARE(QString::fromStdString(m_window->document()->entry(added)->identity.kind), kind);
    }
    // A second Deployment gets a free name.
    const ObjectUid second = m_window->editActions()->addObject("Deployment");
    QCOMPARE(m_window->document()->entry(second)->identity.name, std::string("web-copy"));
    m_window->validator()->validateNow();
    for (const Problem &p : m_window->validator()->problems())
        QVERIFY2(!p.isError() || p.message.find("defined twice") != std::string::npos,
                 qPrintable(m_window->document()->entry(p.uid)->identity.displayName() + ": " + p.text()));
}

void TestEditActions::deleteInATextFieldOrTableDoesNotDeleteTheObject()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get())); // shortcuts need the active window
    const ObjectUid web = uid("Deployment", "shop", "web");
    m_window->selectionModel()->select(web);
    m_window->editActions()->setConfirmation([](const QString &, const QString &) { return true; });
    auto *yaml = m_window->yamlPanel()->editor();
    yaml->setFocus();
    yaml->moveCursor(QTextCursor::Start);
    QTest::keyClick(yaml, Qt::Key_Delete);
    QVERIFY(m_window->document()->entry(web));
    QVERIFY(yaml->toPlainText().startsWith("piVersion")); // the text lost a character instead
    auto *labels = m_window->propertyPanel()->findChild<QTableWidget *>("labelsTable");
    labels->setFocus();
    labels->setCurrentCell(0, 0);
    QTest::keyClick(labels, Qt::Key_Delete);
    QVERIFY(m_window->document()->entry(web));
    QCOMPARE(labels->rowCount(), 1); // the label row went
    // In the object tree, Delete deletes the object.
    m_window->objectTreePanel()->tree()->setFocus();
    QTest::keyClick(m_window->objectTreePanel()->tree(), Qt::Key_Delete);
    QVERIFY(!m_window->document()->entry(web));
}

QTEST_MAIN(TestEditActions)
#include "tst_edit_actions.moc"
