// SPDX-License-Identifier: Apache-2.0
// The FailedScheduling / PodScheduled=False message as upstream FitError.Error() writes it
// (pkg/scheduler/framework/types.go): "0/N nodes are available: <histogram>. <postFilter>",
// the histogram sorted as strings, no pluralisation ("1 node(s)", "0/1 nodes"), and the
// DefaultPreemption suffix. Expected texts are messages real clusters print.
#include "scheduler_test_objects.h"

#include "emulator/scheduler/failed_scheduling_message.h"
#include "emulator/scheduler/filters.h"

#include <QtTest>

using namespace emu::sched;
using namespace schedtest;

using ReasonLists = std::vector<std::vector<std::string>>;
Q_DECLARE_METATYPE(ReasonLists)

namespace {
const std::string kUnreachable = "node(s) had untolerated taint {node.kubernetes.io/unreachable: }";
const std::string kNotHelpful(message::PreemptionNotHelpful);
const std::string kNoVictims(message::NoPreemptionVictims);
} // namespace

class TestFailedSchedulingMessage : public QObject
{
    Q_OBJECT

private slots:
    void message_data();
    void message();
    void fromFilters();
    void preFilterReplacesHistogram();
    void absentNodes();
    void truncation();
};

void TestFailedSchedulingMessage::message_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<ReasonLists>("filterReasons");
    QTest::addColumn<QStringList>("postFilter");
    QTest::addColumn<QString>("expected");

    QTest::newRow("brief example: taint and cpu, preemption not helpful")
        << 3 << ReasonLists{{kUnreachable}, {"Insufficient cpu"}, {"Insufficient cpu"}}
        << QStringList{QString::fromStdString(preemptionMessage(3, {kNotHelpful, kNotHelpful, kNotHelpful}))}
        << "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, "
           "2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    QTest::newRow("spec example: both preemption reasons")
        << 5
        << ReasonLists{{"Insufficient cpu"}, {"Insufficient cpu"}, {kUnreachable}, {kUnreachable}, {kUnreachable}}
        << QStringList{QString::fromStdString(
               preemptionMessage(5, {kNoVictims, kNoVictims, kNotHelpful, kNotHelpful, kNotHelpful}))}
        << "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint "
           "{node.kubernetes.io/unreachable: }. preemption: 0/5 nodes are available: 2 No preemption victims "
           "found for incoming pod, 3 Preemption is not helpful for scheduling.";
    // one node fails on cpu and memory: each reason counts; "I" sorts before "n"
    QTest::newRow("several reasons on one node, upper case sorts first")
        << 2 << ReasonLists{{"Insufficient cpu", "Insufficient memory"}, {"node(s) had untolerated taint(s)"}}
        << QStringList{QString::fromStdString(preemptionMessage(2, {kNotHelpful, kNotHelpful}))}
        << "0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated "
           "taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
    QTest::newRow("no pluralisation with one node")
        << 1 << ReasonLists{{"node(s) were unschedulable"}} << QStringList{}
        << "0/1 nodes are available: 1 node(s) were unschedulable.";
    QTest::newRow("counts sort as strings: 10 before 9")
        << 19
        << ReasonLists{{"b"}, {"b"}, {"b"}, {"b"}, {"b"}, {"b"}, {"b"}, {"b"}, {"b"}, {"a"}, {"a"}, {"a"},
                       {"a"}, {"a"}, {"a"}, {"a"}, {"a"}, {"a"}, {"a"}}
        << QStringList{} << "0/19 nodes are available: 10 a, 9 b.";
    QTest::newRow("same count sorts by reason")
        << 4 << ReasonLists{{kUnreachable}, {"node(s) didn't match Pod's node affinity/selector"}, {"Too many pods"}, {"Insufficient memory"}}
        << QStringList{}
        << "0/4 nodes are available: 1 Insufficient memory, 1 Too many pods, 1 node(s) didn't match Pod's node "
           "affinity/selector, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.";
    QTest::newRow("v1.34 with DynamicResources: post-filter messages joined by a comma")
        << 1 << ReasonLists{{"Insufficient cpu"}}
        << QStringList{QString(message::NoNewClaimsToDeallocate.data()),
                       "preemption: " + QString(message::PreemptionPolicyNever.data())}
        << "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible "
           "due to preemptionPolicy=Never.";
}

void TestFailedSchedulingMessage::message()
{
    QFETCH(int, nodes);
    QFETCH(ReasonLists, filterReasons);
    QFETCH(QStringList, postFilter);
    QFETCH(QString, expected);

    FailedSchedulingMessage msg(static_cast<std::size_t>(nodes));
    for (const auto &reasons : filterReasons)
        msg.addNodeReasons(reasons);
    for (const QString &m : postFilter)
        msg.addPostFilterMessage(m.toStdString());
    QCOMPARE(QString::fromStdString(msg.toString()), expected);
    QCOMPARE(msg.numAllNodes(), std::size_t(nodes));
}

void TestFailedSchedulingMessage::fromFilters()
{
    // Three nodes: one lost (unreachable taint), two too small; the pod asks for 2 cores.
    const auto pod = PodBuilder().container(resources({{"cpu", "2"}})).build();
    std::vector<NodeInfo> nodes;
    nodes.emplace_back(NodeBuilder("n0")
                           .allocatable(resources({{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}}))
                           .taint("node.kubernetes.io/unreachable", "", "NoSchedule")
                           .taint("node.kubernetes.io/unreachable", "", "NoExecute")
                           .build());
    for (const char *name : {"n1", "n2"})
        nodes.emplace_back(NodeBuilder(name).allocatable(resources({{"cpu", "1"}, {"memory", "8Gi"}, {"pods", "110"}})).build());

    const PodInfo info(pod);
    FailedSchedulingMessage msg(nodes.size());
    FailedSchedulingMessage preemption(nodes.size());
    for (const NodeInfo &node : nodes) {
        const FilterResult r = runFilters(info, node);
        QVERIFY(!r.ok);
        msg.addNodeResult(r);
        // upstream nodesWherePreemptionMightHelp; the small nodes have no pods to evict
        preemption.addNodeReasons({r.code == FilterResult::Code::UnschedulableAndUnresolvable ? kNotHelpful : kNoVictims});
    }
    msg.addNodeResult(FilterResult::success()); // ignored
    msg.setPreemption(preemption);
    QCOMPARE(msg.toString(),
             std::string("0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, "
                         "2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for "
                         "scheduling, 2 No preemption victims found for incoming pod."));
    QCOMPARE(msg.reasonCounts().at("Insufficient cpu"), std::size_t(2));
    QCOMPARE(msg.histogram(), std::string("1 " + kUnreachable + ", 2 Insufficient cpu"));
}

void TestFailedSchedulingMessage::preFilterReplacesHistogram()
{
    FailedSchedulingMessage msg(3);
    msg.addNodeReasons({"ignored"});
    msg.setPreFilterMessage("pod has unbound immediate PersistentVolumeClaims");
    msg.addPostFilterMessage(preemptionMessage(3, {kNotHelpful, kNotHelpful, kNotHelpful}));
    QCOMPARE(msg.toString(), std::string("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. "
                                         "preemption: 0/3 nodes are available: 3 Preemption is not helpful for "
                                         "scheduling."));
    QCOMPARE(FailedSchedulingMessage(2).toString(), std::string("0/2 nodes are available:"));
    QCOMPARE(std::string(message::NoNodesAvailable), std::string("no nodes available to schedule pods"));
}

void TestFailedSchedulingMessage::absentNodes()
{
    // upstream: NodeToStatus.AbsentNodesStatus counts for every node not in the map
    FailedSchedulingMessage msg(5);
    msg.addNodeReasons({"Insufficient cpu"});
    msg.addReasonForNodes(kNotHelpful, 4);
    msg.addReasonForNodes("never", 0);
    QCOMPARE(msg.toString(),
             std::string("0/5 nodes are available: 1 Insufficient cpu, 4 Preemption is not helpful for scheduling."));
}

void TestFailedSchedulingMessage::truncation()
{
    const std::string shortText(1024, 'x');
    QCOMPARE(truncateEventMessage(shortText), shortText);
    const std::string cut = truncateEventMessage(std::string(2000, 'y'));
    QCOMPARE(cut.size(), std::size_t(1024));
    QCOMPARE(cut.substr(1020), std::string(" ..."));
    QCOMPARE(cut.substr(0, 3), std::string("yyy"));
}

QTEST_APPLESS_MAIN(TestFailedSchedulingMessage)
#include "tst_failed_scheduling_message.moc"
