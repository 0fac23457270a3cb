// SPDX-License-Identifier: Apache-2.0
#include "app/new_cluster_dialog.h"
#include "document/cluster_template.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

class TestNewClusterDialog : public QObject
{
    Q_OBJECT

private slots:
    void answersBecomeParameters();
    void invalidAnswersCannotBeAccepted();
};

namespace {
template<typename T> T *child(QDialog &dialog, const char *name)
{
    T *w = dialog.findChild<T *>(name);
    if (!w)
        qFatal("no %s", name);
    return w;
}
} // namespace

void TestNewClusterDialog::answersBecomeParameters()
{
    app::NewClusterDialog dialog;
    child<QLineEdit>(dialog, "nameEdit")->setText("prod");
    child<QComboBox>(dialog, "versionCombo")->setCurrentText("1.30");
    child<QSpinBox>(dialog, "zonesSpin")->setValue(2);
    child<QLineEdit>(dialog, "zonePrefixEdit")->setText("us-east-1");
    child<QSpinBox>(dialog, "nodesSpin")->setValue(5);
    child<QComboBox>(dialog, "sizeCombo")->setCurrentIndex(2); // large
    child<QComboBox>(dialog, "asCombo")->setCurrentIndex(1);   // Node manifests
    const app::document::ClusterParameters p = dialog.parameters();
    QCOMPARE(p.name, std::string("prod"));
    QCOMPARE(p.kubernetesVersion, std::string("1.30"));
    QCOMPARE(p.zones, (std::vector<std::string>{"us-east-1a", "us-east-1b"}));
    QCOMPARE(p.nodesPerZone, 5);
    QCOMPARE(p.cpu, std::string("8"));
    QCOMPARE(p.memory, std::string("32Gi"));
    QVERIFY(!p.asNodePool);
    QVERIFY(child<QLabel>(dialog, "summaryLabel")->text().contains("10 node(s)"));
    QVERIFY(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestNewClusterDialog::invalidAnswersCannotBeAccepted()
{
    app::NewClusterDialog dialog;
    QPushButton *ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    child<QLineEdit>(dialog, "nameEdit")->setText("Prod_Cluster");
    QVERIFY(!ok->isEnabled());
    QVERIFY(child<QLabel>(dialog, "summaryLabel")->text().startsWith("Cluster name:"));
    child<QLineEdit>(dialog, "nameEdit")->setText("prod");
    child<QLineEdit>(dialog, "zonePrefixEdit")->setText("zone a/");
    QVERIFY(!ok->isEnabled());
    child<QLineEdit>(dialog, "zonePrefixEdit")->setText("z");
    child<QSpinBox>(dialog, "zonesSpin")->setValue(6);
    child<QSpinBox>(dialog, "nodesSpin")->setValue(900); // 5,400 nodes: over the limit
    QVERIFY(!ok->isEnabled());
    child<QSpinBox>(dialog, "nodesSpin")->setValue(800);
    QVERIFY(ok->isEnabled());
}

QTEST_MAIN(TestNewClusterDialog)
#include "tst_new_cluster_dialog.moc"
