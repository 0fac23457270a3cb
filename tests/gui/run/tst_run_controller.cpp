// SPDX-License-Identifier: Apache-2.0
// The GUI's run mode against the emulator run as `kubecanvas-cli run` runs it: the same
// events in the Events list, the same metric series in the model and the charts.
#include "app/main_window.h"
#include "document/document.h"
#include "document/selection_model.h"
#include "run/charts_panel.h"
#include "run/event_filter_proxy.h"
#include "run/event_table_model.h"
#include "run/events_panel.h"
#include "run/inspector_panel.h"
#include "run/metric_chart.h"
#include "run/run_actions.h"
#include "run/run_controller.h"
#include "run/run_docks.h"
#include "run/run_model.h"
#include "run/run_report.h"

#include "emulator/api/manifest_loader.h"
#include "emulator/report/metrics_recorder.h"
#include "emulator/sim/emulator.h"
#include "emulator/sim/metrics_sampler.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace app::run;

namespace {

QString demoPath()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
}

constexpr std::int64_t kRunToNs = 8LL * 60 * 1'000'000'000; // 8m: after the zone-a evictions

/// The CLI's run of the demo to kRunTo: events and metrics (1 s interval, usage sampled).
struct CliRun
{
    std::unique_ptr<emu::sim::Emulator> emulator;
    emu::report::MetricsRecorder metrics;
    std::unique_ptr<emu::sim::MetricsSampler> sampler;

    CliRun()
    {
        auto loaded = emu::api::ManifestLoader::loadPaths({demoPath().toStdString()});
        emulator = emu::sim::Emulator::create(loaded.manifests, {}, loaded.diagnostics);
        sampler = std::make_unique<emu::sim::MetricsSampler>(emulator->context(), emulator->nodeLifecycle(), metrics,
                                                             emu::SimDuration::seconds(1));
        emu::sim::Emulator *e = emulator.get();
        sampler->setUsageSource([e](const std::string &node) {
            const auto usage = e->nodeUsage(node);
            return emu::sim::MetricsSampler::Usage{double(usage.first), double(usage.second)};
        });
        emulator->start();
        sampler->start();
        emulator->runUntil(emu::SimTime::fromNs(kRunToNs));
    }

    /// A series as the HTML report (and the GUI) draws it: decimated.
    std::vector<QPointF> series(const std::string &metric, const std::string &object) const
    {
        std::vector<QPointF> points;
        for (const auto &s : metrics.series())
            if (metrics.metricName(s.metricId) == metric && metrics.objectName(s.objectId) == object)
                for (const auto &p : s.decimated.points())
                    points.emplace_back(double(p.timeNs) / 1e9, p.value);
        return points;
    }
    /// Every sample of a series.
    std::vector<QPointF> samples(const std::string &metric, const std::string &object) const
    {
        std::vector<QPointF> points;
        for (const auto &s : metrics.samples())
            if (metrics.metricName(s.metricId) == metric && metrics.objectName(s.objectId) == object)
                points.emplace_back(double(s.timeNs) / 1e9, s.value);
        return points;
    }
};

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT

private slots:
    void eventsMatchTheEmulator();
    void metricsAndChartsMatchTheEmulator();
    void eventFiltersAndSelection();
    void inspectorDescribesTheSelectedNode();
    void playPauseStepAndReset();
    void savesTheRunReport();
    void aProjectWithErrorsDoesNotRun();
    void runMenuAndToolbar();
};

void TestRunController::eventsMatchTheEmulator()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    RunController *run = window.runController();
    QVERIFY(run->runToSync(emu::SimTime::fromNs(kRunToNs)));
    QCOMPARE(run->time().ns(), kRunToNs);

    const CliRun cli;
    const auto &expected = cli.emulator->events().events();
    const auto &actual = run->model()->events();
    QVERIFY(expected.size() > 50);
    // The worker may have run a little past its last frame's events; compare what both saw.
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual[i].timeNs, expected[i].timeNs);
        QCOMPARE(actual[i].reason, expected[i].reason);
        QCOMPARE(actual[i].name, expected[i].name);
        QCOMPARE(actual[i].message, expected[i].message);
    }
    // The table shows them all, formatted as the CLI's timeline.
    EventTableModel *table = window.runDocks()->eventsPanel()->tableModel();
    QCOMPARE(table->rowCount(), int(expected.size()));
    int noExecuteTaints = 0;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->index(row, EventTableModel::MessageColumn).data().toString().contains("unreachable:NoExecute added"))
            ++noExecuteTaints;
    QCOMPARE(noExecuteTaints, 2); // the zone outage taints both zone-a nodes for eviction
    const auto &last = expected.back();
    QCOMPARE(table->index(table->rowCount() - 1, EventTableModel::ObjectColumn).data().toString(),
             QString::fromStdString(last.kind + '/' + last.name));
}

void TestRunController::metricsAndChartsMatchTheEmulator()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    RunController *run = window.runController();
    QVERIFY(run->runToSync(emu::SimTime::fromNs(kRunToNs)));
    const CliRun cli;
    for (const auto &[metric, object] : std::vector<std::pair<std::string, std::string>>{
             {"evictions_total", "zone/zone-a"}, {"zone_eviction_rate", "zone/zone-a"},
             {"lease_age_seconds", "Node/worker-0"}, {"pods_running", "cluster"}, {"requested_cpu", "cluster"}}) {
        const auto expected = cli.series(metric, object);
        const auto actual = run->model()->series(QString::fromStdString(metric), QString::fromStdString(object));
        QVERIFY2(!expected.empty(), metric.c_str());
        QCOMPARE(actual, expected);
        // Decimation keeps the last sample: the value now is the CLI's.
        QCOMPARE(actual.back(), cli.samples(metric, object).back());
    }
    QCOMPARE(run->model()->metrics().sampleCount(), cli.metrics.sampleCount());
    // The evictions chart draws zone-a's evictions_total as the model holds it.
    ChartsPanel *charts = window.runDocks()->chartsPanel();
    charts->refresh();
    const MetricChart::Line *zoneA = nullptr;
    for (const auto &line : charts->evictionsChart()->lines())
        if (line.metric == "evictions_total" && line.object == "zone/zone-a")
            zoneA = &line;
    QVERIFY(zoneA);
    QCOMPARE(zoneA->points, cli.series("evictions_total", "zone/zone-a"));
    QCOMPARE(zoneA->points.back().y(), 2.0); // both zone-a nodes tainted for eviction
    QVERIFY(zoneA->points.back().y() > 0);
    // The lease chart has a line per node (6 < the limit).
    QCOMPARE(int(charts->leaseChart()->lines().size()), 6);
    // The CSV export is the CLI's format.
    const QString csv = charts->evictionsChart()->toCsv();
    QVERIFY2(csv.startsWith(QStringLiteral("time,metric,object,value\n%1,evictions_total,zone/zone-a,0\n").arg(zoneA->points.front().x())),
             qPrintable(csv.left(200)));
    QTemporaryDir dir;
    QVERIFY(charts->podsChart()->exportPng(dir.filePath("pods.png")));
    QVERIFY(QImage(dir.filePath("pods.png")).width() > 0);
    // Hovering names the line, its value and the time.
    charts->evictionsChart()->showHover("zone-a", QPointF(300, 2), true);
    QCOMPARE(charts->evictionsChart()->hoverText(), QString("zone-a: 2 at t 5:00.000"));
}

void TestRunController::eventFiltersAndSelection()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    RunController *run = window.runController();
    QVERIFY(run->runToSync(emu::SimTime::fromNs(kRunToNs)));
    EventsPanel *panel = window.runDocks()->eventsPanel();
    EventFilterProxy *filter = panel->filter();
    int warnings = 0;
    for (const auto &e : run->model()->events())
        warnings += e.type == "Warning" ? 1 : 0;
    panel->typeBox()->setCurrentIndex(panel->typeBox()->findData("Warning"));
    QCOMPARE(filter->rowCount(), warnings);
    panel->typeBox()->setCurrentIndex(0);
    panel->reasonBox()->setCurrentIndex(panel->reasonBox()->findData("ZoneStateChanged"));
    QVERIFY(filter->rowCount() >= 1);
    for (int row = 0; row < filter->rowCount(); ++row)
        QCOMPARE(filter->index(row, EventTableModel::ReasonColumn).data().toString(), QString("ZoneStateChanged"));
    panel->reasonBox()->setCurrentIndex(0);
    panel->namespaceBox()->setCurrentIndex(panel->namespaceBox()->findData("shop"));
    QVERIFY(filter->rowCount() > 0);
    for (int row = 0; row < filter->rowCount(); ++row)
        QCOMPARE(filter->index(row, EventTableModel::NamespaceColumn).data().toString(), QString("shop"));
    panel->namespaceBox()->setCurrentIndex(0);
    panel->objectEdit()->setText("node/worker-3");
    QVERIFY(filter->rowCount() > 0);
    for (int row = 0; row < filter->rowCount(); ++row)
        QCOMPARE(filter->index(row, EventTableModel::ObjectColumn).data().toString(), QString("Node/worker-3"));

    // Selecting an event selects its object in the run...
    panel->table()->selectRow(0);
    QCOMPARE(run->model()->selectedObject(), (RunObject{"Node", {}, "worker-3"}));
    // ...and in the document when the project defines it (the Scenario's action event).
    panel->objectEdit()->setText("Deployment/web");
    if (filter->rowCount() > 0) {
        panel->table()->selectRow(0);
        QCOMPARE(window.selectionModel()->current(), window.document()->find("Deployment", "shop", "web"));
    }
    panel->objectEdit()->clear();
    QCOMPARE(filter->rowCount(), int(run->model()->events().size()));
}

void TestRunController::inspectorDescribesTheSelectedNode()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    RunController *run = window.runController();
    QVERIFY(run->runToSync(emu::SimTime::fromNs(kRunToNs)));
    const auto node = run->model()->node("worker-0");
    QVERIFY(node);
    const QString zone = QString::fromStdString(node->meta.labels.at("topology.kubernetes.io/zone"));
    QCOMPARE(zone, QString("zone-a")); // worker-0 is in the failed zone
    run->model()->selectObject({"Node", {}, "worker-0"});
    const QString text = window.runDocks()->inspectorPanel()->text();
    QVERIFY2(text.contains("Name:               worker-0"), qPrintable(text));
    QVERIFY(text.contains("node.kubernetes.io/unreachable:NoExecute"));
    QVERIFY(text.contains(QRegularExpression("Ready +Unknown +")));
    QVERIFY(text.contains("RenewTime:"));
    QVERIFY(text.contains("NodeNotReady"));

    // A pod: conditions and container states.
    const auto &pods = run->model()->pods();
    QVERIFY(!pods.empty());
    const auto pod = pods.front();
    run->model()->selectObject({"Pod", QString::fromStdString(pod->meta.namespaceName),
                                QString::fromStdString(pod->meta.name)});
    const QString podText = window.runDocks()->inspectorPanel()->text();
    QVERIFY2(podText.contains("QoS Class:"), qPrintable(podText));
    QVERIFY(podText.contains("Conditions:"));
    QVERIFY(podText.contains("Restart Count:"));
}

void TestRunController::playPauseStepAndReset()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    RunController *run = window.runController();
    QVERIFY(!run->isPrepared());
    run->step();
    QVERIFY(run->isPrepared());
    // A real worker thread: wait for its frames (QTRY_ is for threads only).
    QTRY_COMPARE(run->time().ns(), RunController::kStep.ns());
    run->setSpeed(RunController::Speed::X1000);
    run->play();
    QTRY_VERIFY(run->time().toSeconds() > 30);
    run->pause();
    QTRY_VERIFY(!run->isRunning());
    QTest::qWait(50);
    run->poll();
    const emu::SimTime paused = run->time();
    QVERIFY(paused < run->endTime()); // ×1000 takes about a second for the 15 minutes
    QTest::qWait(100);
    run->poll();
    QCOMPARE(run->time().ns(), paused.ns());
    QVERIFY(!run->model()->events().empty());
    run->reset();
    QVERIFY(!run->isPrepared());
    QCOMPARE(run->time().ns(), 0);
    QVERIFY(run->model()->events().empty());
    QCOMPARE(window.runDocks()->eventsPanel()->tableModel()->rowCount(), 0);
    // Runs until the end of the scenario, where it pauses by itself.
    run->runUntil(emu::SimTime::fromSeconds(30));
    QTRY_COMPARE(run->time().ns(), emu::SimTime::fromSeconds(30).ns());
}

void TestRunController::savesTheRunReport()
{
    app::MainWindow window;
    QVERIFY(window.openProject(demoPath()));
    QTemporaryDir dir;
    QString error;
    QVERIFY(!saveRunReport(*window.runController(), dir.filePath("r"), {demoPath()}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(window.runController()->runToSync(emu::SimTime::fromNs(kRunToNs)));
    QVERIFY2(saveRunReport(*window.runController(), dir.filePath("r"), {demoPath()}, &error), qPrintable(error));
    QFile page(dir.filePath("r/index.html"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(page.readAll());
    QVERIFY(html.contains("ZoneStateChanged"));
    QVERIFY(html.contains("demo.yaml"));
}

void TestRunController::aProjectWithErrorsDoesNotRun()
{
    QTemporaryDir dir;
    QFile file(dir.filePath("bad.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata:\n  name: p\nspec:\n  count: -3\n");
    file.close();
    app::MainWindow window;
    QVERIFY(window.openProject(file.fileName()));
    RunController *run = window.runController();
    QSignalSpy failed(run, &RunController::failed);
    QVERIFY(!run->prepare());
    QCOMPARE(failed.count(), 1);
    QVERIFY2(run->lastError().contains("bad.yaml"), qPrintable(run->lastError()));
    QVERIFY(!run->isPrepared());
}

void TestRunController::runMenuAndToolbar()
{
    app::MainWindow window;
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text();
    QVERIFY(menus.contains("&Run"));
    RunActions *actions = window.runActions();
    QVERIFY(actions->playAction()->isEnabled());
    QVERIFY(!actions->pauseAction()->isEnabled());
    QVERIFY(actions->clockLabel()->text().startsWith("t 0:00.000"));
    QVERIFY(window.openProject(demoPath()));
    QVERIFY(window.runController()->runToSync(emu::SimTime::fromSeconds(90)));
    QVERIFY2(actions->clockLabel()->text().startsWith("t 1:30.000 / 15:00.000"), qPrintable(actions->clockLabel()->text()));
    QVERIFY(actions->saveReportAction()->isEnabled());
}

QTEST_MAIN(TestRunController)
#include "tst_run_controller.moc"
