// SPDX-License-Identifier: Apache-2.0
#include "app/main_window.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/selection_model.h"
#include "panels/key_value_table.h"
#include "panels/property_panel.h"
#include "panels/record_table.h"

#include <QLineEdit>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

using namespace app::document;

class TestPropertyPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void replicasAndImageAreAppliedAndUndoneToTheOriginalBytes();
    void invalidInputIsShownNotApplied();
    void labelsAndTolerationsTablesKeepUnknownFields();
    void renameAppliesWhenEditingIsFinished();
    void nodePoolFieldsEditTheTemplate();
    void followsChangesMadeElsewhere();

private:
    template<typename T> T *field(const char *name)
    {
        T *w = m_window->propertyPanel()->findChild<T *>(name);
        if (!w)
            qFatal("no field %s", name);
        return w;
    }
    void select(const char *kind, const char *ns, const char *name);
    std::string text(const char *kind, const char *ns, const char *name) const;

    std::unique_ptr<app::MainWindow> m_window;
    std::string m_original;
};

namespace {

void setCell(QTableWidget *table, int row, int column, const char *text)
{
    // As the item delegate does when the user types into a cell.
    if (QTableWidgetItem *item = table->item(row, column))
        item->setText(QString::fromUtf8(text));
    else
        table->setItem(row, column, new QTableWidgetItem(QString::fromUtf8(text)));
}

} // namespace

void TestPropertyPanel::init()
{
    m_window = std::make_unique<app::MainWindow>();
    QVERIFY(m_window->openProject(QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml"));
    m_window->show();
    m_original = m_window->document()->toProjectText();
}

void TestPropertyPanel::cleanup()
{
    m_window->controller()->undoStack()->clear(); // no unsaved-changes question on close
    m_window.reset();
}

void TestPropertyPanel::select(const char *kind, const char *ns, const char *name)
{
    const ObjectUid uid = m_window->document()->find(kind, ns, name);
    QVERIFY(uid != kNoObject);
    m_window->selectionModel()->select(uid);
    QCOMPARE(m_window->propertyPanel()->object(), uid);
}

std::string TestPropertyPanel::text(const char *kind, const char *ns, const char *name) const
{
    return m_window->document()->entry(m_window->document()->find(kind, ns, name))->text();
}

void TestPropertyPanel::replicasAndImageAreAppliedAndUndoneToTheOriginalBytes()
{
    select("Deployment", "shop", "web");
    auto *replicas = field<QSpinBox>("replicasSpin");
    QCOMPARE(replicas->value(), 4);
    replicas->setValue(6);
    QVERIFY(text("Deployment", "shop", "web").find("  replicas: 6\n") != std::string::npos);
    auto *image = field<QLineEdit>("imageEdit");
    QCOMPARE(image->text(), QStringLiteral("nginx:1.27"));
    image->setFocus();
    image->selectAll();
    QTest::keyClicks(image, "nginx:1.28");
    QVERIFY(text("Deployment", "shop", "web").find("image: nginx:1.28\n") != std::string::npos);
    auto *cpu = field<QLineEdit>("cpuLimitEdit");
    cpu->setFocus();
    QTest::keyClicks(cpu, "500m");
    QVERIFY(text("Deployment", "shop", "web").find("limits:\n            cpu: 500m\n") != std::string::npos);
    // Typing is merged per field: three fields, three undo steps.
    QCOMPARE(m_window->controller()->undoStack()->count(), 3);
    for (int i = 0; i < 3; ++i)
        m_window->controller()->undoStack()->undo();
    QCOMPARE(m_window->document()->toProjectText(), m_original);
    QCOMPARE(replicas->value(), 4);
}

void TestPropertyPanel::invalidInputIsShownNotApplied()
{
    select("Deployment", "shop", "web");
    auto *memory = field<QLineEdit>("memoryRequestEdit");
    memory->setFocus();
    memory->selectAll();
    QTest::keyClicks(memory, "lots");
    QVERIFY(m_window->propertyPanel()->problem().contains("is not a quantity"));
    QVERIFY(!memory->styleSheet().isEmpty());
    QCOMPARE(m_window->document()->toProjectText(), m_original);
    memory->selectAll();
    QTest::keyClicks(memory, "1Gi");
    QVERIFY(m_window->propertyPanel()->problem().isEmpty());
    QVERIFY(text("Deployment", "shop", "web").find("memory: 1Gi") != std::string::npos);

    auto *labels = field<app::panels::KeyValueTable>("labelsTable");
    setCell(labels, 0, 0, "bad key!");
    QVERIFY(!labels->isValid());
    QVERIFY(m_window->propertyPanel()->problem().contains("name part must consist of"));
    QVERIFY(text("Deployment", "shop", "web").find("bad key") == std::string::npos);
}

void TestPropertyPanel::labelsAndTolerationsTablesKeepUnknownFields()
{
    select("Deployment", "shop", "web");
    auto *labels = field<app::panels::KeyValueTable>("labelsTable");
    setCell(labels, 1, 0, "tier");
    setCell(labels, 1, 1, "frontend");
    QVERIFY(text("Deployment", "shop", "web").find("    app: web\n    tier: frontend\n") != std::string::npos);
    auto *tolerations = field<app::panels::RecordTable>("tolerationsTable");
    setCell(tolerations, 0, 0, "dedicated");
    setCell(tolerations, 0, 1, "Exists");
    setCell(tolerations, 0, 3, "NoSchedule");
    QVERIFY2(text("Deployment", "shop", "web").find("tolerations:\n      - key: dedicated\n        operator: Exists\n"
                                                    "        effect: NoSchedule\n") != std::string::npos,
             text("Deployment", "shop", "web").c_str());
    // An invalid toleration (a value with Exists) is refused.
    setCell(tolerations, 0, 2, "x");
    QVERIFY(!tolerations->isValid());
    QVERIFY(text("Deployment", "shop", "web").find("value: x") == std::string::npos);
    // The readiness probe, which no field shows, is still there.
    QVERIFY(text("Deployment", "shop", "web").find("readinessProbe:\n") != std::string::npos);
}

void TestPropertyPanel::renameAppliesWhenEditingIsFinished()
{
    select("Service", "shop", "db");
    const ObjectUid uid = m_window->propertyPanel()->object();
    auto *name = field<QLineEdit>("nameEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, "Postgres");
    QVERIFY(m_window->propertyPanel()->problem().contains("lower case"));
    name->selectAll();
    QTest::keyClicks(name, "postgres");
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(m_window->document()->entry(uid)->identity.name, std::string("postgres"));
    QCOMPARE(m_window->controller()->undoStack()->count(), 1);
}

void TestPropertyPanel::nodePoolFieldsEditTheTemplate()
{
    select("NodePool", "", "worker");
    QVERIFY(field<QSpinBox>("countSpin")->isVisibleTo(m_window.get()));
    QCOMPARE(field<QLineEdit>("zonesEdit")->text(), QStringLiteral("zone-a, zone-b, zone-c"));
    field<QSpinBox>("countSpin")->setValue(9);
    auto *zones = field<QLineEdit>("zonesEdit");
    zones->setFocus();
    zones->selectAll();
    QTest::keyClicks(zones, "zone-a, zone-b");
    auto *cpu = field<QLineEdit>("cpuCapacityEdit");
    cpu->setFocus();
    cpu->selectAll();
    QTest::keyClicks(cpu, "8");
    const std::string pool = text("NodePool", "", "worker");
    QVERIFY2(pool.find("count: 9\n  zones:\n  - zone-a\n  - zone-b\n") != std::string::npos, pool.c_str());
    QVERIFY(pool.find("cpu: \"8\"") != std::string::npos);
    auto *taints = field<app::panels::RecordTable>("taintsTable");
    setCell(taints, 0, 0, "dedicated");
    setCell(taints, 0, 1, "batch");
    setCell(taints, 0, 2, "NoSchedule");
    QVERIFY(text("NodePool", "", "worker").find("    spec:\n      taints:\n      - key: dedicated\n") != std::string::npos);
}

void TestPropertyPanel::followsChangesMadeElsewhere()
{
    select("Deployment", "shop", "web");
    const ObjectUid uid = m_window->propertyPanel()->object();
    m_window->controller()->setField(uid, "spec.replicas", emu::api::Value::plainScalar("11"));
    QCOMPARE(field<QSpinBox>("replicasSpin")->value(), 11);
    m_window->controller()->setField(uid, "spec.template.spec.containers[0].image",
                                     emu::api::Value::string("httpd:2.4"));
    QCOMPARE(field<QLineEdit>("imageEdit")->text(), QStringLiteral("httpd:2.4"));
    m_window->controller()->undoStack()->undo();
    QCOMPARE(field<QLineEdit>("imageEdit")->text(), QStringLiteral("nginx:1.27"));
}

QTEST_MAIN(TestPropertyPanel)
#include "tst_property_panel.moc"
