// SPDX-License-Identifier: Apache-2.0
#include "app/main_window.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/selection_model.h"
#include "panels/object_tree_panel.h"
#include "panels/problems_panel.h"
#include "panels/yaml_editor.h"
#include "panels/yaml_panel.h"

#include <QLabel>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace app::document;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsDemoProjectObjectsByKind();
    void selectingInTheTreeSelectsEverywhere();
    void problemsAreListed();
    void unreadableFileKeepsCurrentProject();
    void theCanvasPlugsIntoTheCentre();
    void menusOfferTheEditingCommands();
    void screenshotRendersTheWindow();
};

namespace {
QString demoPath()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
}
} // namespace

void TestMainWindow::showsDemoProjectObjectsByKind()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    QTreeWidget *tree = window.objectTreePanel()->tree();
    QStringList kinds;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        kinds << tree->topLevelItem(i)->text(0);
    QVERIFY(kinds.contains("Deployment (1)"));
    QVERIFY(kinds.contains("Service (2)"));
    QVERIFY(kinds.contains("NodePool (1)"));
    QVERIFY(window.windowTitle().startsWith("demo.yaml"));
}

void TestMainWindow::selectingInTheTreeSelectsEverywhere()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    QTreeWidget *tree = window.objectTreePanel()->tree();
    const QList<QTreeWidgetItem *> found = tree->findItems("db", Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 2); // the Service and the StatefulSet
    QTreeWidgetItem *statefulSet = found.first()->parent()->text(0).startsWith("StatefulSet") ? found[0] : found[1];
    tree->setCurrentItem(statefulSet);
    const ObjectUid db = window.document()->find("StatefulSet", "shop", "db");
    QCOMPARE(window.selectionModel()->current(), db);
    QVERIFY(window.yamlPanel()->editor()->toPlainText().contains("kind: StatefulSet"));
    // And the other way round.
    const ObjectUid web = window.document()->find("Service", "shop", "web");
    window.selectionModel()->select(web);
    QCOMPARE(tree->currentItem(), window.objectTreePanel()->itemFor(web));
}

void TestMainWindow::problemsAreListed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.yaml");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n"
               "  replicas: many\n");
    file.close();
    app::MainWindow window;
    QVERIFY(window.openProject(path));
    window.validator()->validateNow();
    const QStringList rows = window.problemsPanel()->rows();
    QVERIFY(!rows.isEmpty());
    QVERIFY2(rows.first().startsWith("Deployment x | bad.yaml:6:13 | spec.replicas:"), qPrintable(rows.first()));
}

void TestMainWindow::unreadableFileKeepsCurrentProject()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    const int before = window.document()->count();
    QString error;
    QVERIFY(!window.openProject("/nonexistent/project.yaml", &error));
    QVERIFY2(error.contains("/nonexistent/project.yaml"), qPrintable(error));
    QCOMPARE(window.document()->count(), before);
    QVERIFY(window.document()->filePath().endsWith("demo.yaml"));
}

void TestMainWindow::theCanvasPlugsIntoTheCentre()
{
    app::MainWindow window;
    window.resize(1200, 800);
    window.show();
    auto *canvas = new QLabel("canvas");
    window.setCanvasWidget(canvas);
    QCOMPARE(window.canvasWidget(), canvas);
    QCoreApplication::processEvents();
    QVERIFY(canvas->isVisible());
    QVERIFY(window.yamlPanel()->isVisible()); // the YAML editor stays beside it
    QVERIFY(canvas->mapTo(&window, QPoint()).x() < window.yamlPanel()->mapTo(&window, QPoint()).x());
}

void TestMainWindow::menusOfferTheEditingCommands()
{
    app::MainWindow window;
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles, (QStringList{"&File", "&Edit", "&Add", "&View", "&Run", "&Help"}));
    QStringList edit;
    for (QAction *a : window.menuBar()->actions().at(1)->menu()->actions())
        if (!a->isSeparator())
            edit << a->text().remove('&');
    QVERIFY2(edit.join(',').startsWith("Undo,Redo,Cut,Copy,Paste,Duplicate,Delete,Select All"), qPrintable(edit.join(',')));
    QVERIFY(window.findChild<QAction *>("actionAddDeployment"));
}

void TestMainWindow::screenshotRendersTheWindow()
{
    QTemporaryDir dir;
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    window.resize(1000, 700);
    window.show();
    QVERIFY(window.saveScreenshot(dir.filePath("shot.png")));
    const QImage image(dir.filePath("shot.png"));
    QCOMPARE(image.size(), QSize(1000, 700) * window.devicePixelRatio());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
