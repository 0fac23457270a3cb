// SPDX-License-Identifier: Apache-2.0
// upstream node_lifecycle_controller.go ComputeZoneState / setLimiterInZone (ReducedQPSFunc,
// HealthyQPSFunc) and component-helpers topology.GetZoneKey; spec 3.6.
#include "emulator/controllers/zone_key.h"
#include "emulator/controllers/zone_state.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using emu::ctrl::ConditionStatus;
using emu::ctrl::ZoneState;

Q_DECLARE_METATYPE(emu::ctrl::ZoneState)

namespace {

constexpr double kThreshold = 0.55;   // --unhealthy-zone-threshold
constexpr double kPrimary = 0.1;      // --node-eviction-rate
constexpr double kSecondary = 0.01;   // --secondary-node-eviction-rate
constexpr int kLargeCluster = 50;     // --large-cluster-size-threshold

// "TFUM" -> True, False, Unknown, Missing
std::vector<ConditionStatus> statuses(const QByteArray &code)
{
    std::vector<ConditionStatus> out;
    for (const char c : code) {
        switch (c) {
        case 'T': out.push_back(ConditionStatus::True); break;
        case 'F': out.push_back(ConditionStatus::False); break;
        case 'U': out.push_back(ConditionStatus::Unknown); break;
        case 'M': out.push_back(ConditionStatus::Missing); break;
        default: qFatal("bad status code %c", c);
        }
    }
    return out;
}

QByteArray repeat(char c, int n)
{
    return QByteArray(n, c);
}

} // namespace

class TestZoneState : public QObject
{
    Q_OBJECT

private slots:
    void compute_data();
    void compute();
    void thresholdIsCompared();
    void names();
    void rates_data();
    void rates();
    void zoneHealth();
    void zoneKey_data();
    void zoneKey();
};

void TestZoneState::compute_data()
{
    QTest::addColumn<QByteArray>("conditions");
    QTest::addColumn<ZoneState>("expected");
    QTest::addColumn<int>("notReady");

    QTest::newRow("3 nodes, 2 down: notReady 2 is not > 2") << QByteArray("TUU") << ZoneState::Normal << 2;
    QTest::newRow("5 nodes, 3 down: 0.6") << QByteArray("TTUUU") << ZoneState::PartialDisruption << 3;
    QTest::newRow("4 nodes, 3 down: 0.75") << QByteArray("TUUU") << ZoneState::PartialDisruption << 3;
    QTest::newRow("3 of 3 down") << QByteArray("UUU") << ZoneState::FullDisruption << 3;
    QTest::newRow("20 nodes, 10 down: 0.5") << repeat('T', 10) + repeat('U', 10) << ZoneState::Normal << 10;
    QTest::newRow("20 nodes, 11 down: 0.55 exactly") << repeat('T', 9) + repeat('U', 11)
                                                      << ZoneState::PartialDisruption << 11;
    QTest::newRow("10 nodes, 5 down (spec 3.10)") << repeat('T', 5) + repeat('U', 5) << ZoneState::Normal << 5;
    QTest::newRow("10 nodes, 6 down (spec 3.10)") << repeat('T', 4) + repeat('U', 6)
                                                   << ZoneState::PartialDisruption << 6;
    QTest::newRow("empty zone") << QByteArray() << ZoneState::Normal << 0;
    QTest::newRow("all ready") << QByteArray("TTTT") << ZoneState::Normal << 0;
    QTest::newRow("single node down") << QByteArray("F") << ZoneState::FullDisruption << 1;
    QTest::newRow("missing conditions count as not ready") << QByteArray("TMMM")
                                                            << ZoneState::PartialDisruption << 3;
    QTest::newRow("only missing conditions") << QByteArray("MM") << ZoneState::FullDisruption << 2;
    QTest::newRow("False, Unknown and Missing alike") << QByteArray("TTFUM") << ZoneState::PartialDisruption << 3;
}

void TestZoneState::compute()
{
    QFETCH(QByteArray, conditions);
    QFETCH(ZoneState, expected);
    QFETCH(int, notReady);

    int count = -1;
    QCOMPARE(emu::ctrl::computeZoneState(statuses(conditions), kThreshold, &count), expected);
    QCOMPARE(count, notReady);
    QCOMPARE(emu::ctrl::computeZoneState(statuses(conditions), kThreshold), expected);
}

void TestZoneState::thresholdIsCompared()
{
    const auto fourOfFiveDown = statuses("TUUUU"); // 0.8
    QCOMPARE(emu::ctrl::computeZoneState(fourOfFiveDown, 0.8), ZoneState::PartialDisruption);
    QCOMPARE(emu::ctrl::computeZoneState(fourOfFiveDown, 0.9), ZoneState::Normal);
    // A zone with no Ready node is Full whatever the threshold.
    QCOMPARE(emu::ctrl::computeZoneState(statuses("UUUUU"), 2.0), ZoneState::FullDisruption);
}

void TestZoneState::names()
{
    QCOMPARE(emu::ctrl::zoneStateName(ZoneState::Initial), std::string_view("Initial"));
    QCOMPARE(emu::ctrl::zoneStateName(ZoneState::Normal), std::string_view("Normal"));
    QCOMPARE(emu::ctrl::zoneStateName(ZoneState::PartialDisruption), std::string_view("PartialDisruption"));
    QCOMPARE(emu::ctrl::zoneStateName(ZoneState::FullDisruption), std::string_view("FullDisruption"));
    QCOMPARE(emu::ctrl::zoneStateCode(ZoneState::Initial), 0);
    QCOMPARE(emu::ctrl::zoneStateCode(ZoneState::Normal), 1);
    QCOMPARE(emu::ctrl::zoneStateCode(ZoneState::PartialDisruption), 2);
    QCOMPARE(emu::ctrl::zoneStateCode(ZoneState::FullDisruption), 3);
}

void TestZoneState::rates_data()
{
    QTest::addColumn<ZoneState>("state");
    QTest::addColumn<int>("zoneSize");
    QTest::addColumn<double>("expected");

    QTest::newRow("Normal") << ZoneState::Normal << 10 << kPrimary;
    QTest::newRow("Normal, large zone") << ZoneState::Normal << 500 << kPrimary;
    QTest::newRow("Partial, 10 nodes: stop") << ZoneState::PartialDisruption << 10 << 0.0;
    QTest::newRow("Partial, 50 nodes: stop (not > 50)") << ZoneState::PartialDisruption << 50 << 0.0;
    QTest::newRow("Partial, 51 nodes: secondary") << ZoneState::PartialDisruption << 51 << kSecondary;
    QTest::newRow("Full: primary") << ZoneState::FullDisruption << 3 << kPrimary;
    QTest::newRow("Full, large zone: primary") << ZoneState::FullDisruption << 51 << kPrimary;
    QTest::newRow("Initial: the creation limiter") << ZoneState::Initial << 1 << kPrimary;
}

void TestZoneState::rates()
{
    QFETCH(ZoneState, state);
    QFETCH(int, zoneSize);
    QFETCH(double, expected);
    QCOMPARE(emu::ctrl::evictionRateFor(state, zoneSize, kPrimary, kSecondary, kLargeCluster), expected);
}

void TestZoneState::zoneHealth()
{
    QCOMPARE(emu::ctrl::zoneHealthPercent(10, 3), 70.0);
    QCOMPARE(emu::ctrl::zoneHealthPercent(3, 3), 0.0);
    QCOMPARE(emu::ctrl::zoneHealthPercent(4, 0), 100.0);
    QVERIFY(std::isnan(emu::ctrl::zoneHealthPercent(0, 0)));
}

void TestZoneState::zoneKey_data()
{
    QTest::addColumn<QStringList>("labels"); // key=value pairs
    QTest::addColumn<QByteArray>("expectedKey");
    QTest::addColumn<QByteArray>("expectedDisplay");

    const QByteArray sep(":\0:", 3);
    QTest::newRow("no labels") << QStringList() << QByteArray() << QByteArray();
    QTest::newRow("unrelated labels") << QStringList{"kubernetes.io/hostname=n1"} << QByteArray() << QByteArray();
    QTest::newRow("GA labels")
        << QStringList{"topology.kubernetes.io/region=eu-west-1", "topology.kubernetes.io/zone=eu-west-1a"}
        << "eu-west-1" + sep + "eu-west-1a" << QByteArray("eu-west-1a");
    QTest::newRow("zone only") << QStringList{"topology.kubernetes.io/zone=zone-a"} << sep + "zone-a"
                               << QByteArray("zone-a");
    QTest::newRow("region only") << QStringList{"topology.kubernetes.io/region=r1"} << "r1" + sep
                                 << QByteArray("r1");
    QTest::newRow("beta labels")
        << QStringList{"failure-domain.beta.kubernetes.io/region=r", "failure-domain.beta.kubernetes.io/zone=z"}
        << "r" + sep + "z" << QByteArray("z");
    QTest::newRow("beta wins over GA")
        << QStringList{"failure-domain.beta.kubernetes.io/zone=old", "topology.kubernetes.io/zone=new"}
        << sep + "old" << QByteArray("old");
    QTest::newRow("present but empty beta label still wins")
        << QStringList{"failure-domain.beta.kubernetes.io/zone=", "topology.kubernetes.io/zone=new"}
        << QByteArray() << QByteArray();
    QTest::newRow("colons in names")
        << QStringList{"topology.kubernetes.io/region=a:b", "topology.kubernetes.io/zone=c"}
        << "a:b" + sep + "c" << QByteArray("c");
}

void TestZoneState::zoneKey()
{
    QFETCH(QStringList, labels);
    QFETCH(QByteArray, expectedKey);
    QFETCH(QByteArray, expectedDisplay);

    emu::api::Labels map;
    for (const QString &pair : labels) {
        const qsizetype eq = pair.indexOf('=');
        map[pair.left(eq).toStdString()] = pair.mid(eq + 1).toStdString();
    }
    const std::string key = emu::ctrl::zoneKey(map);
    QCOMPARE(key, expectedKey.toStdString());
    QCOMPARE(emu::ctrl::zoneDisplayName(key), expectedDisplay.toStdString());
}

QTEST_APPLESS_MAIN(TestZoneState)
#include "tst_zone_state.moc"
