// SPDX-License-Identifier: Apache-2.0
// `kubecanvas-cli explain`: the scheduler's decision for one pod, per node.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliExplain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void explainsScheduledPod();
    void explainsPendingPodAtTime();
    void explainsPreemption();
    void unknownPodExits1();
    void badInputExits1AndUsageExits2();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args);
    QString writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    QString m_project;
};

TestCliExplain::Run TestCliExplain::run(const QStringList &args)
{
    QProcess process;
    process.start(QString::fromUtf8(KUBECANVAS_CLI), args);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliExplain::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

void TestCliExplain::initTestCase()
{
    // Two nodes: a-0, and gpu, which is tainted, so only a-0 can take "web". "huge" asks for
    // more than any node has. At 30 s "urgent" (priority 1000) preempts "web" (10) on a-0;
    // web takes 10 s to stop.
    m_project = writeFile(
        "p/project.yaml",
        "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata: {name: c}\nspec: {kubernetesVersion: \"1.32\"}\n"
        "---\napiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata: {name: a}\nspec:\n  count: 1\n"
        "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: gpu\nspec:\n  taints: [{key: gpu, value: \"true\", "
        "effect: NoSchedule}]\n"
        "---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: low}\nvalue: 10\n"
        "---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n"
        "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
        "  annotations: {kubecanvas.io/behavior: '{app: {stopSeconds: 10}}'}\nspec:\n  priorityClassName: low\n"
        "  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: \"3\"}}}]\n"
        "---\napiVersion: v1\nkind: Pod\nmetadata: {name: huge}\n"
        "spec:\n  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: \"64\"}}}]\n"
        "---\napiVersion: kubecanvas.io/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  duration: 2m\n"
        "  seed: 3\n  actions:\n  - at: 30s\n    type: Apply\n    manifest:\n      apiVersion: v1\n      kind: Pod\n"
        "      metadata: {name: urgent}\n      spec:\n        priorityClassName: high\n"
        "        containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: \"3\"}}}]\n");
}

void TestCliExplain::explainsScheduledPod()
{
    const Run r = run({"explain", m_project, "--pod", "default/web"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Pod default/web: scheduling attempt "), qPrintable(r.out));
    // The tainted node is rejected in upstream's words; a-0 is scored plugin by plugin.
    QVERIFY2(r.out.contains("  node gpu: rejected by TaintToleration: node(s) had untolerated taint {gpu: true}"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression("  node a-0: feasible, score \\d+ = TaintToleration \\d+x3 \\+ "
                                               "NodeAffinity \\d+x2 \\+ NodeResourcesFit \\d+x1 \\+ "
                                               "PodTopologySpread \\d+x2 \\+ InterPodAffinity \\d+x2 \\+ "
                                               "NodeResourcesBalancedAllocation \\d+x1\n")),
             qPrintable(r.out));
    QVERIFY2(r.out.endsWith("Chosen node: a-0\n"), qPrintable(r.out));
}

void TestCliExplain::explainsPendingPodAtTime()
{
    const Run r = run({"explain", m_project, "--pod", "huge", "--at", "20s"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("  node a-0: rejected by NodeResourcesFit: Insufficient cpu\n"), qPrintable(r.out));
    QVERIFY2(r.out.contains("Unschedulable: 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had "
                            "untolerated taint {gpu: true}. preemption: 0/2 nodes are available: 1 No preemption "
                            "victims found for incoming pod, 1 Preemption is not helpful for scheduling.\n"),
             qPrintable(r.out));
}

void TestCliExplain::explainsPreemption()
{
    const Run r = run({"explain", m_project, "--pod", "default/urgent", "--at", "35s"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Pod default/urgent: scheduling attempt 1 at 0:30.000\n"), qPrintable(r.out));
    QVERIFY2(r.out.contains("  node a-0: rejected by NodeResourcesFit: Insufficient cpu\n"), qPrintable(r.out));
    QVERIFY2(r.out.contains("Unschedulable: 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had "
                            "untolerated taint {gpu: true}.\n"),
             qPrintable(r.out));
    QVERIFY2(r.out.endsWith("Preemption: nominated node a-0, victims: default/web\n"), qPrintable(r.out));
    // Without --at: until it is bound, on the node preemption made room on, once web is gone.
    const Run bound = run({"explain", m_project, "--pod", "default/urgent"});
    QCOMPARE(bound.exitCode, 0);
    QVERIFY2(bound.out.startsWith("Pod default/urgent: scheduling attempt 2 at 0:40."), qPrintable(bound.out));
    QVERIFY2(bound.out.endsWith("Chosen node: a-0\n"), qPrintable(bound.out));
}

void TestCliExplain::unknownPodExits1()
{
    const Run r = run({"explain", m_project, "--pod", "default/nope"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("pod \"default/nope\" not found"), qPrintable(r.err));
}

void TestCliExplain::badInputExits1AndUsageExits2()
{
    const QString bad = writeFile("bad/p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n"
                                                "  containers: [{name: app, resources: {requests: {cpu: abc}}}]\n");
    const Run r = run({"explain", bad, "--pod", "default/x"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(bad + ":5:"), qPrintable(r.err));
    QCOMPARE(run({"explain", m_project}).exitCode, 2);
    QCOMPARE(run({"explain", m_project, "--pod", "web", "--at", "soon"}).exitCode, 2);
    QCOMPARE(run({"explain", "--help"}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
