// SPDX-License-Identifier: Apache-2.0
// The bundled scenarios: each runs headless through `kubecanvas-cli run` without error and
// shows what its comment promises; the Run > Scenario Library menu opens them.
#include "app/main_window.h"
#include "document/document.h"
#include "run/run_actions.h"
#include "run/run_controller.h"
#include "run/run_model.h"
#include "run/scenario_library.h"

#include <QMenu>
#include <QProcess>
#include <QtTest>

using namespace app::run;

class TestScenarioLibrary : public QObject
{
    Q_OBJECT

private slots:
    void everyScenarioIsBundled();
    void runsThroughTheCli_data();
    void runsThroughTheCli();
    void theMenuOpensAScenario();
};

namespace {

QString scenarioPath(const QString &name)
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/scenarios/" + name + ".yaml";
}

const QStringList kScenarios = {"crash-loop", "graceful-shutdown-by-priority", "memory-pressure-by-qos",
                                "partial-disruption-large-zone", "partial-disruption-small-zone",
                                "partition-vs-crash", "single-node-crash", "total-outage", "zone-outage"};

} // namespace

void TestScenarioLibrary::everyScenarioIsBundled()
{
    QStringList names;
    for (const QString &resource : ScenarioLibrary::resources())
        names << QFileInfo(resource).completeBaseName();
    QCOMPARE(names, kScenarios);
    for (const QString &resource : ScenarioLibrary::resources()) {
        QVERIFY2(!ScenarioLibrary::title(resource).isEmpty(), qPrintable(resource));
        // Each explains itself in a few sentences, not just a title.
        QVERIFY2(ScenarioLibrary::explanation(resource).size() > 150, qPrintable(resource));
    }
    QCOMPARE(ScenarioLibrary::title(":/scenarios/single-node-crash.yaml"), QString("Single node crash"));
}

void TestScenarioLibrary::runsThroughTheCli_data()
{
    // A timeline line the run must print, and (optionally) a text it must not.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("forbidden");
    // 1m crash + 50 s grace (+ the 5 s monitor period) + 300 s toleration.
    QTest::newRow("single node crash") << "single-node-crash"
                                       << "6:55.000  Normal  TaintManagerEviction  Pod/default/web-" << "";
    QTest::newRow("zone outage") << "zone-outage"
                                 << "Zone \"zone-a\" is now in state FullDisruption" << "";
    // A small zone in PartialDisruption: rate 0, no NoExecute taint.
    QTest::newRow("partial disruption, small zone")
        << "partial-disruption-small-zone" << "Zone \"zone-a\" is now in state PartialDisruption"
        << "unreachable:NoExecute added";
    // A large zone: one NoExecute taint every 100 s (0.01/s) after the zone turned partial.
    QTest::newRow("partial disruption, large zone")
        << "partial-disruption-large-zone" << "3:35.000  Normal  NodeTaintAdded" << "";
    QTest::newRow("total outage") << "total-outage" << "Zone \"zone-b\" is now in state FullDisruption"
                                  << "unreachable:NoExecute added";
    QTest::newRow("partition vs crash") << "partition-vs-crash" << "Node worker-0 status is now: NodeReady" << "";
    QTest::newRow("graceful shutdown") << "graceful-shutdown-by-priority"
                                       << "NodeShutdown  Node/worker-0  Shutdown manager detected shutdown event" << "";
    QTest::newRow("crash loop") << "crash-loop" << "Warning  BackOff  Pod/default/api-" << "";
    // Only while the threshold is met: the Guaranteed pod stays once leaky is gone, although
    // MemoryPressure stays True for the 5 min transition period.
    QTest::newRow("memory pressure") << "memory-pressure-by-qos" << "Warning  Evicted  Pod/default/leaky"
                                     << "Evicted  Pod/default/db";
}

void TestScenarioLibrary::runsThroughTheCli()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QFETCH(QString, forbidden);
    QProcess cli;
    cli.start(QString::fromUtf8(KUBECANVAS_CLI), {"run", scenarioPath(name)});
    QVERIFY(cli.waitForFinished(60000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == 0, qPrintable(err));
    QVERIFY2(!err.contains("warning:") && !err.contains("error:"), qPrintable(err));
    QVERIFY2(out.contains(expected), qPrintable(out.right(3000)));
    if (!forbidden.isEmpty())
        QVERIFY2(!out.contains(forbidden), qPrintable(forbidden));
}

void TestScenarioLibrary::theMenuOpensAScenario()
{
    app::MainWindow window;
    QMenu *menu = window.runActions()->scenarioMenu();
    QCOMPARE(menu->actions().size(), kScenarios.size());
    QAction *crash = nullptr;
    for (QAction *action : menu->actions())
        if (action->data().toString() == ":/scenarios/single-node-crash.yaml")
            crash = action;
    QVERIFY(crash);
    QVERIFY(crash->toolTip().contains("300 s"));
    crash->trigger();
    QVERIFY(window.document()->find("Scenario", "", "single-node-crash") != app::document::kNoObject);
    // It runs in the GUI as in the CLI.
    QVERIFY(window.runController()->runToSync(emu::SimTime::fromSeconds(7 * 60)));
    int evictions = 0;
    for (const auto &e : window.runController()->model()->events())
        evictions += e.reason == "TaintManagerEviction" ? 1 : 0;
    QVERIFY(evictions >= 2);
}

QTEST_MAIN(TestScenarioLibrary)
#include "tst_scenario_library.moc"
