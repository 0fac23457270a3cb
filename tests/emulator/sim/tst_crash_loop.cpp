// SPDX-License-Identifier: Apache-2.0
// Container exits and restarts (spec 5.3): restartPolicy, the restart back-off (immediate, then
// 10 s doubling to 300 s), CrashLoopBackOff, and the ContainerCrash scenario action.
#include "support/emulator_fixture.h"

#include <QtTest>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;

namespace {
std::string pod(const std::string &name, const std::string &behavior, const std::string &restartPolicy = "Always")
{
    return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name
           + "\n  annotations:\n    kubecanvas.io/behavior: '" + behavior + "'\nspec:\n  nodeName: a-0\n"
             "  restartPolicy: " + restartPolicy + "\n  containers:\n  - name: app\n    image: busybox:1.36\n";
}

std::vector<double> times(const EmulatorFixture &f, const std::string &reason, const std::string &name)
{
    std::vector<double> out;
    for (const auto &e : f.events(reason, name))
        out.push_back(static_cast<double>(e.timeNs) / 1e9);
    return out;
}
} // namespace

class TestCrashLoop : public QObject
{
    Q_OBJECT

private slots:
    void crashLoopBacksOffExponentially();
    void restartPolicyNeverAndOnFailure();
    void containerCrashAction();
};

void TestCrashLoop::crashLoopBacksOffExponentially()
{
    // Runs 5 s, exits 1, forever: restarts 0, 10, 20, 40, 80, 160, 300 s after each exit.
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "20m")
                      + pod("crasher", "{app: {pullSeconds: 1, startSeconds: 1, exitAfterSeconds: 5, exitCode: 1}}"));
    QVERIFY(f.ok());
    f.runTo(1200);
    const auto started = times(f, "Started", "crasher");
    QVERIFY(started.size() >= 8);
    // exit = start + 5; next Started = exit + wait + startSeconds (1)
    const double expectedWaits[] = {0, 10, 20, 40, 80, 160, 300};
    for (std::size_t i = 0; i + 1 < started.size() && i < 7; ++i) {
        const double wait = started[i + 1] - (started[i] + 5) - 1;
        QVERIFY2(std::abs(wait - expectedWaits[i]) < 1e-6,
                 qPrintable(QString("restart %1: waited %2").arg(i + 1).arg(wait)));
    }
    auto p = f.emulator->store().pods().get("default/crasher");
    QVERIFY(p->status.containerStatuses[0].restartCount >= 7);
    QCOMPARE(p->status.phase, std::string("Running")); // a crash-looping pod stays Running
    const auto backoffs = f.events("BackOff", "crasher");
    QVERIFY(!backoffs.empty());
    QVERIFY(backoffs[0].message.rfind("Back-off restarting failed container app in pod crasher_default(", 0) == 0);
}

void TestCrashLoop::restartPolicyNeverAndOnFailure()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "2m")
                      + pod("ok", "{app: {exitAfterSeconds: 3, exitCode: 0}}", "OnFailure")
                      + pod("bad", "{app: {exitAfterSeconds: 3, exitCode: 2}}", "Never"));
    QVERIFY(f.ok());
    f.runTo(120);
    auto ok = f.emulator->store().pods().get("default/ok");
    auto bad = f.emulator->store().pods().get("default/bad");
    QCOMPARE(ok->status.phase, std::string("Succeeded"));
    QCOMPARE(ok->status.containerStatuses[0].state.reason, std::string("Completed"));
    QCOMPARE(bad->status.phase, std::string("Failed"));
    QCOMPARE(bad->status.containerStatuses[0].state.reason, std::string("Error"));
    QCOMPARE(bad->status.containerStatuses[0].state.exitCode, 2);
    QCOMPARE(times(f, "Started", "bad").size(), std::size_t(1));
}

void TestCrashLoop::containerCrashAction()
{
    const std::string actions = "  - at: 1m\n    type: ContainerCrash\n    target: {kind: Pod, namespace: default, name: web}\n"
                                "    container: app\n    exitCode: 137\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, actions, {}, "2m") + pod("web", "{app: {startSeconds: 1}}"));
    QVERIFY(f.ok());
    f.runTo(120);
    auto web = f.emulator->store().pods().get("default/web");
    QCOMPARE(web->status.containerStatuses[0].restartCount, 1);
    QCOMPARE(web->status.containerStatuses[0].lastState->exitCode, 137);
    QCOMPARE(times(f, "Started", "web").size(), std::size_t(2));
    QCOMPARE(times(f, "Started", "web").back(), 61.0); // first restart at once, started 1 s later
    QCOMPARE(web->condition("Ready")->status, std::string("True"));
}

QTEST_APPLESS_MAIN(TestCrashLoop)
#include "tst_crash_loop.moc"
