// SPDX-License-Identifier: Apache-2.0
#include "emulator/report/html_report.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>
#include <sstream>

using namespace emu::report;

namespace {

constexpr std::int64_t kMs = 1000000;
constexpr std::int64_t kSec = 1000 * kMs;

EventRecord makeEvent(std::int64_t timeNs, std::string type, std::string reason, std::string kind,
                      std::string ns, std::string name, std::string message)
{
    EventRecord e;
    e.timeNs = timeNs;
    e.type = std::move(type);
    e.reason = std::move(reason);
    e.kind = std::move(kind);
    e.namespaceName = std::move(ns);
    e.name = std::move(name);
    e.message = std::move(message);
    return e;
}

// A small run: two zones, `nodes` nodes of which node-1 goes NotReady at 40 s, cluster
// resources for cpu and memory.
void recordRun(MetricsRecorder &m, int nodes)
{
    for (int t = 0; t <= 120; ++t) {
        const std::int64_t now = t * kSec;
        for (const char *zone : {"zone-a", "zone-b"}) {
            const bool hit = std::string(zone) == "zone-a" && t >= 80;
            m.record(now, "zone_state", zone, hit ? 2 : 1);
            m.record(now, "zone_eviction_rate", zone, hit ? 0.01 : 0.1);
            m.record(now, "evictions_total", zone, hit ? t - 79 : 0);
        }
        for (int n = 1; n <= nodes; ++n) {
            const std::string node = "node-" + std::to_string(n);
            const bool down = n == 1 && t >= 40;
            m.record(now, "node_ready", node, down ? -1 : 1);
            m.record(now, "lease_age_seconds", node, down ? t - 30 : t % 10);
        }
        m.record(now, "capacity_cpu", "cluster", 4000.0 * nodes);
        m.record(now, "allocatable_cpu", "cluster", 3800.0 * nodes);
        m.record(now, "requested_cpu", "cluster", 1000 + 10 * t);
        m.record(now, "capacity_memory", "cluster", 16e9 * nodes);
        m.record(now, "allocatable_memory", "cluster", 15e9 * nodes);
        m.record(now, "requested_memory", "cluster", 2e9);
    }
}

std::vector<EventRecord> runEvents()
{
    return {
        makeEvent(0, "Normal", "RegisteredNode", "Node", "", "node-1", "Registered Node node-1 in Controller"),
        makeEvent(10 * kSec, "Normal", "LeaseRenewed", "Lease", "kube-node-lease", "node-1", "lease renewed for node-1"),
        makeEvent(52 * kSec + 350 * kMs, "Normal", "NodeNotReady", "Node", "", "node-1",
                  "Node node-1 status is now: NodeNotReady"),
        makeEvent(80 * kSec, "Warning", "TaintManagerEviction", "Pod", "default", "web-0",
                  "Marking for deletion <script>alert(\"x\")</script> & more"),
    };
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The chart (figure) whose caption is `title`.
QString figure(const QString &html, const QString &title)
{
    const qsizetype start = html.indexOf("<figcaption>" + title + "</figcaption>");
    if (start < 0)
        return {};
    return html.mid(start, html.indexOf("</figure>", start) - start);
}

} // namespace

class TestHtmlReport : public QObject
{
    Q_OBJECT

private slots:
    void writesSelfContainedPage();
    void chartsAndTimeline();
    void escapesText();
    void picksInterestingNodes();
    void decimationKeepsSpike();
    void timelineIsCapped();
    void streamingAndStoredGiveSamePage();
};

void TestHtmlReport::writesSelfContainedPage()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    MetricsRecorder metrics;
    recordRun(metrics, 3);
    const auto events = runEvents();
    ReportInput input;
    input.title = "Zone outage";
    input.inputFiles = {"demo/cluster.yaml", "demo/scenario.yaml"};
    input.seed = 42;
    input.simulatedDurationNs = 120 * kSec;
    input.wallTimeSeconds = 0.25;
    input.events = &events;
    input.metrics = &metrics;
    const QString dir = tmp.filePath("out/report"); // missing directories are created
    writeHtmlReport(dir.toStdString(), input);
    const QString html = readFile(dir + "/index.html");
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.trimmed().endsWith("</html>"));
    QVERIFY(!html.contains("http", Qt::CaseInsensitive)); // nothing to fetch
    QVERIFY(!html.contains(" src=", Qt::CaseInsensitive));
    QVERIFY(!html.contains("<link", Qt::CaseInsensitive));
    QVERIFY(!html.contains("@import"));
    QCOMPARE(html.count("<svg"), html.count("</svg>"));
    QCOMPARE(html.count("<table"), html.count("</table>"));
    QVERIFY(html.contains("<title>Zone outage</title>"));
    QVERIFY(html.contains("demo/cluster.yaml<br>demo/scenario.yaml"));
    QVERIFY(html.contains("<th>Seed</th><td>42</td>"));
    QVERIFY(html.contains("120 s (0h 02m 00s)"));
    QVERIFY(html.contains("0.250 s"));
}

void TestHtmlReport::chartsAndTimeline()
{
    MetricsRecorder metrics;
    recordRun(metrics, 3);
    const auto events = runEvents();
    ReportInput input;
    input.events = &events;
    input.metrics = &metrics;
    input.gracePeriodSeconds = 40;
    input.valueLabels["node_ready"] = {{-1, "Unknown"}, {0, "False"}, {1, "True"}};
    const QString html = QString::fromStdString(renderHtmlReport(input));
    // 3 zone charts, node_ready and lease age, cpu and memory.
    QCOMPARE(html.count("<svg"), 7);
    for (const char *title : {"zone_state", "zone_eviction_rate", "evictions_total", "node_ready",
                              "lease_age_seconds", "cpu", "memory"})
        QVERIFY2(!figure(html, title).isEmpty(), title);
    QVERIFY(!html.contains("Other metrics"));
    QCOMPARE(figure(html, "zone_state").count("<path class=\"s "), 2);
    QCOMPARE(figure(html, "node_ready").count("<path class=\"s "), 3);
    QVERIFY(figure(html, "node_ready").contains(">Unknown</text>"));
    QVERIFY(figure(html, "lease_age_seconds").contains("class=\"ref\""));
    QVERIFY(figure(html, "lease_age_seconds").contains("grace period 40 s"));
    const QString cpu = figure(html, "cpu");
    for (const char *label : {">capacity</span>", ">allocatable</span>", ">requested</span>"})
        QVERIFY2(cpu.contains(label), label);
    QVERIFY(figure(html, "memory").contains(">50G</text>")); // 3 x 16e9 bytes of capacity
    QVERIFY(html.indexOf("<h3>Events by reason") < html.indexOf("id=\"zones\""));
    QVERIFY(html.contains("<td>NodeNotReady</td><td class=\"n\">1</td>"));

    // Timeline rows: time as mm:ss.mmm, object as kind/namespace/name; no LeaseRenewed.
    QVERIFY(html.contains("<tr><td class=\"t\">00:52.350</td><td class=\"type\">Normal</td>"
                          "<td>NodeNotReady</td><td>Node/node-1</td>"
                          "<td>Node node-1 status is now: NodeNotReady</td></tr>"));
    QVERIFY(html.contains("<tr class=\"warning\"><td class=\"t\">01:20.000</td>"));
    QVERIFY(html.contains("<td>Pod/default/web-0</td>"));
    QVERIFY(html.contains("<td class=\"t\">00:00.000</td>"));
    QVERIFY(!html.contains("lease renewed for node-1"));
}

void TestHtmlReport::escapesText()
{
    const auto events = runEvents();
    ReportInput input;
    input.title = "Run <b>&</b>";
    input.subtitleLines = {"scenario \"x\" <y>"};
    input.inputFiles = {"a&b.yaml"};
    input.events = &events;
    MetricsRecorder metrics;
    metrics.record(0, "zone_state", "<zone>", 1);
    input.metrics = &metrics;
    const QString html = QString::fromStdString(renderHtmlReport(input));
    QVERIFY(html.contains("<h1>Run &lt;b&gt;&amp;&lt;/b&gt;</h1>"));
    QVERIFY(html.contains("<p class=\"sub\">scenario &quot;x&quot; &lt;y&gt;</p>"));
    QVERIFY(html.contains("a&amp;b.yaml"));
    QVERIFY(html.contains("Marking for deletion &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"));
    QVERIFY(!html.contains("<script>alert"));
    QVERIFY(html.contains("&lt;zone&gt;</span>"));
    QVERIFY(!html.contains("<zone>"));
    QCOMPARE(html.count("<script>"), 1); // the page's own hover script only
}

void TestHtmlReport::picksInterestingNodes()
{
    MetricsRecorder metrics;
    for (int t = 0; t <= 60; ++t) {
        for (int n = 1; n <= 30; ++n) {
            const std::string node = "node-" + std::to_string(n);
            // node-7 flaps, node-23 goes down once, node-30 has an old lease but stays Ready.
            double ready = 1;
            if (n == 7)
                ready = (t / 10) % 2 ? -1 : 1;
            if (n == 23 && t > 30)
                ready = -1;
            metrics.record(t * kSec, "node_ready", node, ready);
            metrics.record(t * kSec, "lease_age_seconds", node, n == 30 ? t : t % 10);
        }
    }
    ReportInput input;
    input.metrics = &metrics;
    const QString html = QString::fromStdString(renderHtmlReport(input));
    QVERIFY(html.contains("Showing 12 of 30 nodes"));
    const QString ready = figure(html, "node_ready");
    const QString lease = figure(html, "lease_age_seconds");
    QCOMPARE(ready.count("<path class=\"s "), 12);
    QCOMPARE(lease.count("<path class=\"s "), 12);
    for (const char *node : {">node-7</span>", ">node-23</span>", ">node-30</span>"}) {
        QVERIFY2(ready.contains(node), node);
        QVERIFY2(lease.contains(node), node);
    }
}

void TestHtmlReport::decimationKeepsSpike()
{
    MetricsRecorder metrics;
    const int n = 100000;
    for (int i = 0; i < n; ++i)
        metrics.record(std::int64_t(i) * 100 * kMs, "lease_age_seconds", "node-1", i == 61803 ? 777 : (i % 100) * 0.1);
    ReportInput input;
    input.metrics = &metrics;
    input.simulatedDurationNs = std::int64_t(n) * 100 * kMs;
    const QString lease = figure(QString::fromStdString(renderHtmlReport(input)), "lease_age_seconds");
    const QRegularExpressionMatch path = QRegularExpression("<path class=\"s s-0\"[^>]* d=\"([^\"]*)\"").match(lease);
    QVERIFY(path.hasMatch());
    const QStringList coords = path.captured(1).split(QRegularExpression("[MLHV ]"), Qt::SkipEmptyParts);
    QVERIFY(coords.size() / 2 <= 600); // drawn from at most 600 points, not 100,000
    QVERIFY(coords.size() / 2 >= 100);
    const QRegularExpressionMatch frame = QRegularExpression("<rect class=\"frame\" x=\"[^\"]*\" y=\"([^\"]*)\" width=\"[^\"]*\" height=\"([^\"]*)\"").match(lease);
    QVERIFY(frame.hasMatch());
    const double top = frame.captured(1).toDouble(), height = frame.captured(2).toDouble();
    double minY = 1e9;
    for (qsizetype i = 1; i < coords.size(); i += 2)
        minY = std::min(minY, coords[i].toDouble());
    // The spike is over seventy times the sawtooth's height: it must reach the top of the plot.
    QVERIFY2(minY < top + 0.1 * height, qPrintable(QString::number(minY)));
    QVERIFY(lease.contains(">800</text>"));
}

void TestHtmlReport::timelineIsCapped()
{
    std::vector<EventRecord> events;
    for (int i = 0; i < 7000; ++i)
        events.push_back(makeEvent(i * kSec, "Normal", i % 2 ? "NodeReady" : "LeaseRenewed", "Node", "",
                                   "node-" + std::to_string(i), "m"));
    ReportInput input;
    input.events = &events;
    input.maxTimelineRows = 1000;
    const QString html = QString::fromStdString(renderHtmlReport(input));
    QVERIFY(html.contains("Showing the first 1,000 of 3,500 events"));
    QCOMPARE(html.count("<td class=\"t\">"), 1000);
    QVERIFY(html.contains("<td>LeaseRenewed</td><td class=\"n\">3,500</td>"));
    QVERIFY(html.contains("<th>Total</th><td class=\"n\"><b>7,000</b>"));
    QVERIFY(html.contains("No zone metrics were recorded."));
    QCOMPARE(html.count("<svg"), 0);
}

void TestHtmlReport::streamingAndStoredGiveSamePage()
{
    MetricsRecorder stored;
    std::ostringstream csv;
    MetricsRecorder streaming(&csv);
    recordRun(stored, 4);
    recordRun(streaming, 4);
    ReportInput input;
    input.metrics = &stored;
    const std::string fromStored = renderHtmlReport(input);
    input.metrics = &streaming;
    QCOMPARE(renderHtmlReport(input), fromStored);
    QVERIFY(fromStored.find("<svg") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestHtmlReport)
#include "tst_html_report.moc"
