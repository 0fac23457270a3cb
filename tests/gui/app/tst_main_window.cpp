// SPDX-License-Identifier: Apache-2.0
#include "app/main_window.h"
#include "document/document.h"
#include "document/document_validator.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QTemporaryDir>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsDemoProjectObjectsByKind();
    void selectingAnObjectShowsItsYaml();
    void problemsAreListed();
    void unreadableFileKeepsCurrentProject();
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
    auto *tree = window.findChild<QTreeWidget *>("objectTree");
    QVERIFY(tree);
    QStringList kinds;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        kinds << tree->topLevelItem(i)->text(0);
    QVERIFY(kinds.contains("Deployment (1)"));
    QVERIFY(kinds.contains("Service (2)"));
    QVERIFY(kinds.contains("NodePool (1)"));
    QVERIFY(window.windowTitle().startsWith("demo.yaml"));
}

void TestMainWindow::selectingAnObjectShowsItsYaml()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    auto *tree = window.findChild<QTreeWidget *>("objectTree");
    auto *yaml = window.findChild<QPlainTextEdit *>("yamlView");
    const QList<QTreeWidgetItem *> found = tree->findItems("web", Qt::MatchExactly | Qt::MatchRecursive);
    QVERIFY(!found.isEmpty());
    tree->setCurrentItem(found.first());
    QVERIFY(yaml->toPlainText().contains("name: web"));
    QVERIFY(yaml->toPlainText().contains("kind: "));
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
    auto *problems = window.findChild<QListWidget *>("problemList");
    QVERIFY(problems->count() >= 1);
    QVERIFY(problems->item(0)->text().startsWith("bad.yaml:6:13: error: spec.replicas:"));
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

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
