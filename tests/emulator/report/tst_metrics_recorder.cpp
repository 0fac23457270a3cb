// SPDX-License-Identifier: Apache-2.0
// The metrics CSV is a contract for users' scripts: exact text, exact number formatting.
#include "emulator/report/metrics_recorder.h"
#include "emulator/report/report_format.h"
#include "emulator/report/series_decimator.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <sstream>

using namespace emu::report;

namespace {

constexpr std::int64_t kMs = 1000000;
constexpr std::int64_t kSec = 1000 * kMs;

// The same small run, for stored and streaming mode alike.
void recordSmallRun(MetricsRecorder &m)
{
    m.record(0, "node_ready", "node-1", 1);
    m.record(0, "node_ready", "node-2", 1);
    m.record(0, "capacity_cpu", "cluster", 4000);
    m.record(100 * kMs, "lease_age_seconds", "node-1", 0.1);
    m.record(52 * kSec + 350 * kMs, "node_ready", "node-2", -1);
    m.record(52 * kSec + 350 * kMs, "zone_eviction_rate", "zone-a", 0.01);
    m.record(60 * kSec, "node_ready", "node-2", 0);
    m.record(60 * kSec, "zone_state", "zone \"b\", east", 2);
    m.record(61 * kSec, "odd\nmetric", "x", 0.30000000000000004);
}

const char *const kSmallRunCsv = "time,metric,object,value\n"
                                 "0,node_ready,node-1,1\n"
                                 "0,node_ready,node-2,1\n"
                                 "0,capacity_cpu,cluster,4000\n"
                                 "0.1,lease_age_seconds,node-1,0.1\n"
                                 "52.35,node_ready,node-2,-1\n"
                                 "52.35,zone_eviction_rate,zone-a,0.01\n"
                                 "60,node_ready,node-2,0\n"
                                 "60,zone_state,\"zone \"\"b\"\", east\",2\n"
                                 "61,\"odd\nmetric\",x,0.30000000000000004\n";

} // namespace

class TestMetricsRecorder : public QObject
{
    Q_OBJECT

private slots:
    void exactCsv();
    void valueFormatting_data();
    void valueFormatting();
    void quoting_data();
    void quoting();
    void streamingEqualsStored();
    void namesAreInterned();
    void emptyRunHasHeader();
    void decimatorKeepsRunsExact();
    void decimatorIsBoundedAndKeepsSpikes();
    void decimatorCountsChanges();
};

void TestMetricsRecorder::exactCsv()
{
    MetricsRecorder m;
    recordSmallRun(m);
    std::ostringstream out;
    m.writeCsv(out);
    QCOMPARE(out.str(), std::string(kSmallRunCsv));
    QCOMPARE(m.samples().size(), std::size_t(9));
    QCOMPARE(m.sampleCount(), std::uint64_t(9));
    QCOMPARE(m.samples()[4].timeNs, 52 * kSec + 350 * kMs);
    QCOMPARE(m.metricName(m.samples()[4].metricId), std::string("node_ready"));
    QCOMPARE(m.objectName(m.samples()[4].objectId), std::string("node-2"));
    QCOMPARE(m.samples()[4].value, -1.0);
}

void TestMetricsRecorder::valueFormatting_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1.0 << "1";
    QTest::newRow("minus one") << -1.0 << "-1";
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("negative zero") << -0.0 << "0";
    QTest::newRow("4000") << 4000.0 << "4000";
    QTest::newRow("memory bytes") << 17179869184.0 << "17179869184";
    QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992";
    QTest::newRow("1e20") << 1e20 << "100000000000000000000";
    QTest::newRow("1e21") << 1e21 << "1e+21";
    QTest::newRow("tenth") << 0.1 << "0.1";
    QTest::newRow("hundredth") << 0.01 << "0.01";
    QTest::newRow("half") << -2.5 << "-2.5";
    QTest::newRow("third") << 1.0 / 3 << "0.3333333333333333";
    QTest::newRow("sum noise") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("micro") << 0.000001 << "0.000001";
    QTest::newRow("tiny") << 1e-7 << "1e-07";
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "NaN";
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << "Inf";
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << "-Inf";
}

void TestMetricsRecorder::valueFormatting()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(formatNumber(value)), expected);
    if (std::isfinite(value)) // shortest, yet exact
        QCOMPARE(std::stod(formatNumber(value)), value);
    MetricsRecorder m;
    m.record(0, "m", "o", value);
    std::ostringstream out;
    m.writeCsv(out);
    QCOMPARE(QString::fromStdString(out.str()), "time,metric,object,value\n0,m,o," + expected + "\n");
}

void TestMetricsRecorder::quoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "node-1" << "node-1";
    QTest::newRow("space and slash") << "default/web 0" << "default/web 0";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote") << "say \"x\"" << "\"say \"\"x\"\"\"";
    QTest::newRow("newline") << "a\nb" << "\"a\nb\"";
    QTest::newRow("carriage return") << "a\rb" << "\"a\rb\"";
    QTest::newRow("utf8") << QString::fromUtf8("zone-\xC3\xBC") << QString::fromUtf8("zone-\xC3\xBC");
}

void TestMetricsRecorder::quoting()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(csvField(field.toStdString())), expected);
    MetricsRecorder m;
    m.record(1500 * kMs, field.toStdString(), field.toStdString(), 7);
    std::ostringstream out;
    m.writeCsv(out);
    QCOMPARE(QString::fromStdString(out.str()),
             "time,metric,object,value\n1.5," + expected + "," + expected + ",7\n");
}

void TestMetricsRecorder::streamingEqualsStored()
{
    MetricsRecorder stored(50);
    std::ostringstream streamed;
    MetricsRecorder streaming(&streamed, 50);
    QVERIFY(streaming.isStreaming());
    QVERIFY(!stored.isStreaming());
    recordSmallRun(stored);
    recordSmallRun(streaming);
    // And a long, busy series, enough to make the decimators compact.
    const auto storedId = stored.seriesId("lease_age_seconds", "node-9");
    const auto streamingId = streaming.seriesId("lease_age_seconds", "node-9");
    for (int i = 0; i < 5000; ++i) {
        const double age = (i % 40) * 0.25;
        stored.record(i * 250 * kMs, storedId, age);
        streaming.record(i * 250 * kMs, streamingId, age);
    }
    std::ostringstream written;
    stored.writeCsv(written);
    QVERIFY(streaming.ok());
    QCOMPARE(streamed.str(), written.str());
    QVERIFY(written.str().starts_with(kSmallRunCsv));
    QVERIFY(streaming.samples().empty());
    QCOMPARE(streaming.sampleCount(), stored.sampleCount());
    QCOMPARE(streaming.series().size(), stored.series().size());
    for (std::size_t i = 0; i < stored.series().size(); ++i) {
        QCOMPARE(streaming.series()[i].decimated.points(), stored.series()[i].decimated.points());
        QVERIFY(stored.series()[i].decimated.points().size() <= 50);
    }
    // In streaming mode the rows already went out: writeCsv adds the header only.
    std::ostringstream headerOnly;
    streaming.writeCsv(headerOnly);
    QCOMPARE(headerOnly.str(), std::string(MetricsRecorder::kCsvHeader));
}

void TestMetricsRecorder::namesAreInterned()
{
    static_assert(sizeof(MetricsRecorder::Sample) == 24);
    MetricsRecorder m;
    const auto a = m.seriesId("node_ready", "node-1");
    const auto b = m.seriesId("node_ready", "node-2");
    const auto c = m.seriesId("lease_age_seconds", "node-1");
    QCOMPARE(m.seriesId("node_ready", "node-1"), a);
    QVERIFY(a != b && b != c && a != c);
    for (int i = 0; i < 100; ++i)
        m.record(i * kSec, "node_ready", "node-1", 1);
    QCOMPARE(m.series().size(), std::size_t(3));
    QCOMPARE(m.samples().size(), std::size_t(100));
    // Two metric names and two object names, shared by every sample and series.
    QCOMPARE(m.samples().front().metricId, m.series()[a].metricId);
    QCOMPARE(m.samples().back().objectId, m.series()[c].objectId);
    QCOMPARE(m.series()[b].metricId, m.series()[a].metricId);
    QVERIFY(m.series()[c].metricId != m.series()[a].metricId);
}

void TestMetricsRecorder::emptyRunHasHeader()
{
    MetricsRecorder stored;
    std::ostringstream out;
    stored.writeCsv(out);
    QCOMPARE(out.str(), std::string("time,metric,object,value\n"));
    std::ostringstream streamed;
    MetricsRecorder streaming(&streamed);
    QCOMPARE(streamed.str(), out.str());
}

void TestMetricsRecorder::decimatorKeepsRunsExact()
{
    // A state metric: long runs of equal values keep their first and last sample only.
    SeriesDecimator d(600);
    for (int i = 0; i <= 3600; ++i)
        d.add(i * kSec, i < 40 || i > 100 ? 1 : -1);
    const std::vector<SeriesPoint> expected = {
        {0, 1}, {39 * kSec, 1}, {40 * kSec, -1}, {100 * kSec, -1}, {101 * kSec, 1}, {3600 * kSec, 1}};
    QCOMPARE(d.points(), expected);
    QCOMPARE(d.sampleCount(), std::uint64_t(3601));
    QCOMPARE(d.changeCount(), std::uint64_t(2));
    QCOMPARE(d.minValue(), -1.0);
    QCOMPARE(d.maxValue(), 1.0);
}

void TestMetricsRecorder::decimatorIsBoundedAndKeepsSpikes()
{
    SeriesDecimator d(600);
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        double v = std::sin(i * 0.01);
        if (i == 123457)
            v = 1000;
        if (i == 54321)
            v = -500;
        d.add(std::int64_t(i) * 100 * kMs, v);
    }
    const auto points = d.points();
    QVERIFY(points.size() <= 600);
    QVERIFY(points.size() >= 150); // still a useful resolution
    QVERIFY(std::find(points.begin(), points.end(), SeriesPoint{123457 * 100 * kMs, 1000}) != points.end());
    QVERIFY(std::find(points.begin(), points.end(), SeriesPoint{54321 * 100 * kMs, -500}) != points.end());
    QCOMPARE(points.front().timeNs, std::int64_t(0));
    QCOMPARE(points.back().timeNs, std::int64_t(n - 1) * 100 * kMs);
    QVERIFY(std::is_sorted(points.begin(), points.end(),
                           [](const SeriesPoint &a, const SeriesPoint &b) { return a.timeNs < b.timeNs; }));
}

void TestMetricsRecorder::decimatorCountsChanges()
{
    SeriesDecimator d(8);
    QCOMPARE(d.points().size(), std::size_t(0));
    d.add(5 * kSec, 2);
    QCOMPARE(d.points(), std::vector<SeriesPoint>({{5 * kSec, 2}}));
    d.add(4 * kSec, 3); // out of order: taken as the latest time
    QCOMPARE(d.points().back(), (SeriesPoint{5 * kSec, 3}));
    for (int i = 0; i < 1000; ++i)
        d.add((6 + i) * kSec, i % 2);
    QVERIFY(d.points().size() <= 8);
    QCOMPARE(d.changeCount(), std::uint64_t(1001));
    QCOMPARE(d.lastTimeNs(), 1005 * kSec);
}

QTEST_APPLESS_MAIN(TestMetricsRecorder)
#include "tst_metrics_recorder.moc"
