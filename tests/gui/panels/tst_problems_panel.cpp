// SPDX-License-Identifier: Apache-2.0
#include "app/main_window.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/project_reader.h"
#include "document/selection_model.h"
#include "panels/problems_panel.h"
#include "panels/yaml_editor.h"
#include "panels/yaml_panel.h"

#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace app::document;
using emu::api::Value;

class TestProblemsPanel : public QObject
{
    Q_OBJECT

private slots:
    void listsObjectAndCrossObjectProblems();
    void activatingAProblemSelectsTheObjectAndLine();
    void problemsFollowEdits();

private:
    static QString project();
};

QString TestProblemsPanel::project()
{
    return QStringLiteral(R"(apiVersion: kubecanvas.io/v1alpha1
kind: NodePool
metadata: {name: small}
spec:
  count: 3
  zones: [a, b, c]
  template:
    spec:
      taints: [{key: dedicated, value: infra, effect: NoSchedule}]
    capacity: {cpu: "2", memory: 8Gi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: big, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec:
      tolerations: [{key: dedicated, operator: Exists}]
      containers:
      - name: big
        image: big:1
        resources: {requests: {cpu: "4"}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: picky, namespace: shop}
spec:
  selector: {matchLabels: {app: picky}}
  template:
    metadata: {labels: {app: picky}}
    spec:
      nodeSelector: {disktype: ssd}
      containers: [{name: picky, image: picky:1}]
---
apiVersion: v1
kind: Service
metadata: {name: orphan, namespace: shop}
spec:
  selector: {app: nothing-has-this}
  ports: [{port: 80}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
spec:
  storageClassName: fast
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {a: b}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {a: c}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: broken, namespace: shop}
spec:
  replicas: many
  selector: {matchLabels: {app: broken}}
  template:
    metadata: {labels: {app: broken}}
    spec: {containers: [{name: c, image: x}]}
)");
}

namespace {

std::unique_ptr<app::MainWindow> openWindow(const QString &text)
{
    auto window = std::make_unique<app::MainWindow>();
    window->controller()->openContent(ProjectReader::readText(text.toStdString(), "problems.yaml"), "problems.yaml");
    window->validator()->validateNow();
    return window;
}

bool hasRow(const QStringList &rows, const QString &object, const QString &part)
{
    for (const QString &row : rows)
        if (row.startsWith(object + " |") && row.contains(part))
            return true;
    return false;
}

} // namespace

void TestProblemsPanel::listsObjectAndCrossObjectProblems()
{
    auto window = openWindow(project());
    const QStringList rows = window->problemsPanel()->rows();
    QVERIFY2(hasRow(rows, "Deployment shop/broken", "problems.yaml:67:13 | spec.replicas:"), qPrintable(rows.join('\n')));
    QVERIFY(hasRow(rows, "Deployment shop/big", "no node can run its pods: 0/3 nodes are available: 3 Insufficient cpu."));
    QVERIFY(hasRow(rows, "Deployment shop/picky",
                   "0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: infra}."));
    QVERIFY(hasRow(rows, "Service shop/orphan", "selects no pods"));
    QVERIFY(hasRow(rows, "PersistentVolumeClaim shop/data", "no StorageClass named \"fast\""));
    QVERIFY(hasRow(rows, "ConfigMap shop/cfg", "is defined twice"));
    QCOMPARE(window->validator()->errorCount(), 2); // replicas, the duplicate
}

void TestProblemsPanel::activatingAProblemSelectsTheObjectAndLine()
{
    auto window = openWindow(project());
    window->show();
    auto *tree = window->problemsPanel()->findChild<QTreeWidget *>("problemTree");
    QTreeWidgetItem *replicas = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(2).startsWith("spec.replicas"))
            replicas = tree->topLevelItem(i);
    QVERIFY(replicas);
    emit tree->itemActivated(replicas, 0);
    const ObjectUid broken = window->document()->find("Deployment", "shop", "broken");
    QCOMPARE(window->selectionModel()->current(), broken);
    QCOMPARE(window->yamlPanel()->object(), broken);
    QCOMPARE(window->yamlPanel()->editor()->textCursor().blockNumber() + 1, 5); // line 5 of the object
}

void TestProblemsPanel::problemsFollowEdits()
{
    auto window = openWindow(project());
    const ObjectUid picky = window->document()->find("Deployment", "shop", "picky");
    window->controller()->setField(picky, "spec.template.spec.tolerations",
                                   emu::api::Value::sequence());
    window->controller()->removeField(picky, "spec.template.spec.nodeSelector");
    Value toleration = Value::mapping();
    toleration.set("operator", Value::string("Exists"));
    Value list = Value::sequence();
    list.append(toleration);
    window->controller()->setField(picky, "spec.template.spec.tolerations", list);
    window->validator()->validateNow();
    QVERIFY(!hasRow(window->problemsPanel()->rows(), "Deployment shop/picky", "no node"));
    window->controller()->undoStack()->setIndex(0);
    window->validator()->validateNow();
    QVERIFY(hasRow(window->problemsPanel()->rows(), "Deployment shop/picky", "no node"));
    window->controller()->undoStack()->clear();
}

QTEST_MAIN(TestProblemsPanel)
#include "tst_problems_panel.moc"
