// SPDX-License-Identifier: Apache-2.0
// upstream node_lifecycle_controller.go nodeConditionToTaintKeyStatusMap and
// doNoScheduleTaintingPass; spec 3.3 table.
#include "emulator/controllers/node_taints.h"

#include <QtTest>

#include <algorithm>

using emu::ctrl::ConditionStatus;

Q_DECLARE_METATYPE(emu::ctrl::ConditionStatus)

class TestNodeTaints : public QObject
{
    Q_OBJECT

private slots:
    void desired_data();
    void desired();
    void managedKeys();
    void noExecuteKeys();
};

void TestNodeTaints::desired_data()
{
    QTest::addColumn<ConditionStatus>("ready");
    QTest::addColumn<ConditionStatus>("memory");
    QTest::addColumn<ConditionStatus>("disk");
    QTest::addColumn<ConditionStatus>("pid");
    QTest::addColumn<ConditionStatus>("network");
    QTest::addColumn<bool>("unschedulable");
    QTest::addColumn<QStringList>("expected");

    using S = ConditionStatus;
    QTest::newRow("healthy") << S::True << S::False << S::False << S::False << S::False << false << QStringList();
    QTest::newRow("Ready False") << S::False << S::False << S::False << S::False << S::False << false
                                 << QStringList{"node.kubernetes.io/not-ready"};
    QTest::newRow("Ready Unknown (stale: pressure Unknown too, no taint)")
        << S::Unknown << S::Unknown << S::Unknown << S::Unknown << S::Missing << false
        << QStringList{"node.kubernetes.io/unreachable"};
    QTest::newRow("Ready missing") << S::Missing << S::Missing << S::Missing << S::Missing << S::Missing << false
                                   << QStringList();
    QTest::newRow("memory pressure") << S::True << S::True << S::False << S::False << S::False << false
                                     << QStringList{"node.kubernetes.io/memory-pressure"};
    QTest::newRow("disk pressure") << S::True << S::False << S::True << S::False << S::False << false
                                   << QStringList{"node.kubernetes.io/disk-pressure"};
    QTest::newRow("pid pressure") << S::True << S::False << S::False << S::True << S::False << false
                                  << QStringList{"node.kubernetes.io/pid-pressure"};
    QTest::newRow("network unavailable") << S::True << S::False << S::False << S::False << S::True << false
                                         << QStringList{"node.kubernetes.io/network-unavailable"};
    QTest::newRow("cordoned") << S::True << S::False << S::False << S::False << S::False << true
                              << QStringList{"node.kubernetes.io/unschedulable"};
    QTest::newRow("everything")
        << S::False << S::True << S::True << S::True << S::True << true
        << QStringList{"node.kubernetes.io/not-ready", "node.kubernetes.io/memory-pressure",
                       "node.kubernetes.io/disk-pressure", "node.kubernetes.io/pid-pressure",
                       "node.kubernetes.io/network-unavailable", "node.kubernetes.io/unschedulable"};
}

void TestNodeTaints::desired()
{
    QFETCH(ConditionStatus, ready);
    QFETCH(ConditionStatus, memory);
    QFETCH(ConditionStatus, disk);
    QFETCH(ConditionStatus, pid);
    QFETCH(ConditionStatus, network);
    QFETCH(bool, unschedulable);
    QFETCH(QStringList, expected);

    const auto taints = emu::ctrl::desiredNoScheduleTaints(ready, memory, disk, pid, network, unschedulable);
    QStringList keys;
    for (const auto &[key, effect] : taints) {
        QCOMPARE(effect, std::string("NoSchedule"));
        QVERIFY(emu::ctrl::isManagedNoScheduleTaint(key, effect));
        keys << QString::fromStdString(key);
    }
    QCOMPARE(keys, expected);
}

void TestNodeTaints::managedKeys()
{
    QVERIFY(emu::ctrl::isManagedNoScheduleTaint("node.kubernetes.io/unreachable", "NoSchedule"));
    QVERIFY(!emu::ctrl::isManagedNoScheduleTaint("node.kubernetes.io/unreachable", "NoExecute"));
    QVERIFY(!emu::ctrl::isManagedNoScheduleTaint("node.kubernetes.io/out-of-service", "NoSchedule"));
    QVERIFY(!emu::ctrl::isManagedNoScheduleTaint("example.com/gpu", "NoSchedule"));
    QCOMPARE(emu::ctrl::kTaintNodeOutOfService, std::string_view("node.kubernetes.io/out-of-service"));
}

void TestNodeTaints::noExecuteKeys()
{
    QCOMPARE(emu::ctrl::noExecuteTaintKeyFor(ConditionStatus::False), std::string_view("node.kubernetes.io/not-ready"));
    QCOMPARE(emu::ctrl::noExecuteTaintKeyFor(ConditionStatus::Unknown),
             std::string_view("node.kubernetes.io/unreachable"));
    QVERIFY(emu::ctrl::noExecuteTaintKeyFor(ConditionStatus::True).empty());
    QVERIFY(emu::ctrl::noExecuteTaintKeyFor(ConditionStatus::Missing).empty());
}

QTEST_APPLESS_MAIN(TestNodeTaints)
#include "tst_node_taints.moc"
