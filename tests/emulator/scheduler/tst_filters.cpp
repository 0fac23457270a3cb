// SPDX-License-Identifier: Apache-2.0
// The default Filter plugins with upstream's exact reason strings: nodeunschedulable,
// nodename, tainttoleration, nodeaffinity and noderesources/fit.go (fitsRequest), and the
// framework's first-rejection rule. Rows follow upstream's *_test.go cases.
#include "scheduler_test_objects.h"

#include "emulator/scheduler/filters.h"

#include <QtTest>

using namespace emu::sched;
using namespace schedtest;

using PodPtr = std::shared_ptr<const emu::store::Pod>;
using NodePtr = std::shared_ptr<const emu::store::Node>;
using Pods = std::vector<PodPtr>;

Q_DECLARE_METATYPE(PodPtr)
Q_DECLARE_METATYPE(NodePtr)
Q_DECLARE_METATYPE(Pods)

namespace {

enum Code { Ok = 0, Unschedulable = 1, Unresolvable = 2 };

NodePtr plainNode(const std::string &name = "node1")
{
    return NodeBuilder(name).allocatable(resources({{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}})).build();
}

QStringList toList(const std::vector<std::string> &reasons)
{
    QStringList out;
    for (const auto &r : reasons)
        out << QString::fromStdString(r);
    return out;
}

int codeOf(const FilterResult &r)
{
    switch (r.code) {
    case FilterResult::Code::Success: return Ok;
    case FilterResult::Code::Unschedulable: return Unschedulable;
    case FilterResult::Code::UnschedulableAndUnresolvable: return Unresolvable;
    }
    return -1;
}

FilterResult run(const QString &filter, const PodInfo &pod, const NodeInfo &node)
{
    if (filter == "NodeUnschedulable")
        return filterNodeUnschedulable(pod, node);
    if (filter == "NodeName")
        return filterNodeName(pod, node);
    if (filter == "TaintToleration")
        return filterTaintToleration(pod, node);
    if (filter == "TaintTolerationGeneric")
        return filterTaintToleration(pod, node, TaintMessageStyle::Generic);
    if (filter == "NodeAffinity")
        return filterNodeAffinity(pod, node);
    if (filter == "NodeResourcesFit")
        return filterNodeResourcesFit(pod, node);
    return runFilters(pod, node);
}

} // namespace

class TestFilters : public QObject
{
    Q_OBJECT

private slots:
    void filter_data();
    void filter();
    void taintReasonFormat();
};

void TestFilters::filter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<PodPtr>("pod");
    QTest::addColumn<NodePtr>("node");
    QTest::addColumn<Pods>("existing");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("plugin");

    const QString unschedulable = "node(s) were unschedulable";
    const NodePtr cordoned = NodeBuilder("node1").unschedulable().build();

    // --- NodeUnschedulable (nodeunschedulable/node_unschedulable_test.go)
    QTest::newRow("unschedulable node, no toleration")
        << "NodeUnschedulable" << PodBuilder().build() << cordoned << Pods{} << QStringList{unschedulable}
        << int(Unresolvable) << "NodeUnschedulable";
    QTest::newRow("schedulable node") << "NodeUnschedulable" << PodBuilder().build() << plainNode() << Pods{}
                                      << QStringList{} << int(Ok) << "";
    QTest::newRow("unschedulable node, pod tolerates node.kubernetes.io/unschedulable:NoSchedule")
        << "NodeUnschedulable"
        << PodBuilder().toleration("node.kubernetes.io/unschedulable", "Exists", "", "NoSchedule").build()
        << cordoned << Pods{} << QStringList{} << int(Ok) << "";
    QTest::newRow("unschedulable node, pod tolerates everything")
        << "NodeUnschedulable" << PodBuilder().toleration("", "Exists", "", "").build() << cordoned << Pods{}
        << QStringList{} << int(Ok) << "";
    QTest::newRow("unschedulable node, NoExecute toleration is not enough")
        << "NodeUnschedulable"
        << PodBuilder().toleration("node.kubernetes.io/unschedulable", "Exists", "", "NoExecute").build()
        << cordoned << Pods{} << QStringList{unschedulable} << int(Unresolvable) << "NodeUnschedulable";

    // --- NodeName (nodename/node_name_test.go)
    QTest::newRow("no host specified") << "NodeName" << PodBuilder().build() << plainNode() << Pods{}
                                       << QStringList{} << int(Ok) << "";
    QTest::newRow("host matches") << "NodeName" << PodBuilder().nodeName("node1").build() << plainNode() << Pods{}
                                  << QStringList{} << int(Ok) << "";
    QTest::newRow("host doesn't match")
        << "NodeName" << PodBuilder().nodeName("node2").build() << plainNode() << Pods{}
        << QStringList{"node(s) didn't match the requested node name"} << int(Unresolvable) << "NodeName";

    // --- TaintToleration (tainttoleration/taint_toleration_test.go TestTaintTolerationFilter)
    const NodePtr dedicated = NodeBuilder("node1").taint("dedicated", "user1", "NoSchedule").build();
    QTest::newRow("pod without tolerations, node with a NoSchedule taint")
        << "TaintToleration" << PodBuilder().build() << dedicated << Pods{}
        << QStringList{"node(s) had untolerated taint {dedicated: user1}"} << int(Unresolvable)
        << "TaintToleration";
    QTest::newRow("toleration with the same key and value")
        << "TaintToleration" << PodBuilder().toleration("dedicated", "Equal", "user1", "NoSchedule").build()
        << dedicated << Pods{} << QStringList{} << int(Ok) << "";
    QTest::newRow("toleration with another value")
        << "TaintToleration" << PodBuilder().toleration("dedicated", "Equal", "user2", "NoSchedule").build()
        << dedicated << Pods{} << QStringList{"node(s) had untolerated taint {dedicated: user1}"}
        << int(Unresolvable) << "TaintToleration";
    QTest::newRow("Exists toleration with the key")
        << "TaintToleration" << PodBuilder().toleration("dedicated", "Exists", "", "NoSchedule").build()
        << dedicated << Pods{} << QStringList{} << int(Ok) << "";
    QTest::newRow("toleration for another effect")
        << "TaintToleration" << PodBuilder().toleration("dedicated", "Equal", "user1", "NoExecute").build()
        << dedicated << Pods{} << QStringList{"node(s) had untolerated taint {dedicated: user1}"}
        << int(Unresolvable) << "TaintToleration";
    QTest::newRow("NoExecute taint without a value")
        << "TaintToleration" << PodBuilder().build()
        << NodeBuilder("node1").taint("node.kubernetes.io/unreachable", "", "NoExecute").build() << Pods{}
        << QStringList{"node(s) had untolerated taint {node.kubernetes.io/unreachable: }"} << int(Unresolvable)
        << "TaintToleration";
    QTest::newRow("PreferNoSchedule taints do not filter")
        << "TaintToleration" << PodBuilder().build()
        << NodeBuilder("node1").taint("foo", "bar", "PreferNoSchedule").build() << Pods{} << QStringList{}
        << int(Ok) << "";
    QTest::newRow("the first untolerated taint is named")
        << "TaintToleration" << PodBuilder().toleration("a", "Exists", "", "").build()
        << NodeBuilder("node1").taint("a", "1", "NoSchedule").taint("b", "2", "NoExecute").taint("c", "3", "NoSchedule").build()
        << Pods{} << QStringList{"node(s) had untolerated taint {b: 2}"} << int(Unresolvable) << "TaintToleration";
    QTest::newRow("generic message (v1.35, later v1.34 patches)")
        << "TaintTolerationGeneric" << PodBuilder().build() << dedicated << Pods{}
        << QStringList{"node(s) had untolerated taint(s)"} << int(Unresolvable) << "TaintToleration";

    // --- NodeAffinity (nodeaffinity/node_affinity_test.go TestNodeAffinity)
    const QString affinityReason = "node(s) didn't match Pod's node affinity/selector";
    const NodePtr labelled = NodeBuilder("node1").label("foo", "bar").label("zone", "z1").build();
    QTest::newRow("no selector") << "NodeAffinity" << PodBuilder().build() << labelled << Pods{} << QStringList{}
                                 << int(Ok) << "";
    QTest::newRow("nodeSelector matches") << "NodeAffinity" << PodBuilder().nodeSelector("foo", "bar").build()
                                          << labelled << Pods{} << QStringList{} << int(Ok) << "";
    QTest::newRow("nodeSelector does not match")
        << "NodeAffinity" << PodBuilder().nodeSelector("foo", "baz").build() << labelled << Pods{}
        << QStringList{affinityReason} << int(Unresolvable) << "NodeAffinity";
    const auto required = [](emu::api::Value term) {
        return map({{"requiredDuringSchedulingIgnoredDuringExecution", map({{"nodeSelectorTerms", seq({term})}})}});
    };
    QTest::newRow("required affinity In matches")
        << "NodeAffinity"
        << PodBuilder().nodeAffinity(required(map({{"matchExpressions", seq({requirement("zone", "In", {"z1", "z2"})})}})))
               .build()
        << labelled << Pods{} << QStringList{} << int(Ok) << "";
    QTest::newRow("required affinity NotIn rejects")
        << "NodeAffinity"
        << PodBuilder().nodeAffinity(required(map({{"matchExpressions", seq({requirement("zone", "NotIn", {"z1"})})}})))
               .build()
        << labelled << Pods{} << QStringList{affinityReason} << int(Unresolvable) << "NodeAffinity";
    QTest::newRow("matchFields metadata.name")
        << "NodeAffinity"
        << PodBuilder().nodeAffinity(required(map({{"matchFields", seq({requirement("metadata.name", "In", {"node1"})})}})))
               .build()
        << labelled << Pods{} << QStringList{} << int(Ok) << "";
    QTest::newRow("nodeSelector and affinity must both match")
        << "NodeAffinity"
        << PodBuilder().nodeSelector("foo", "other")
               .nodeAffinity(required(map({{"matchExpressions", seq({requirement("zone", "In", {"z1"})})}})))
               .build()
        << labelled << Pods{} << QStringList{affinityReason} << int(Unresolvable) << "NodeAffinity";
    QTest::newRow("preferred terms do not filter")
        << "NodeAffinity"
        << PodBuilder().nodeAffinity(map({{"preferredDuringSchedulingIgnoredDuringExecution",
                                           seq({map({{"weight", emu::api::Value::integer(5)},
                                                     {"preference", map({{"matchExpressions",
                                                                          seq({requirement("zone", "In", {"z9"})})}})}})})}}))
               .build()
        << labelled << Pods{} << QStringList{} << int(Ok) << "";

    // --- NodeResourcesFit (noderesources/fit_test.go TestEnoughRequests)
    const NodePtr small = NodeBuilder("node1")
                              .allocatable(resources({{"cpu", "10m"}, {"memory", "20"}, {"pods", "32"},
                                                      {"ephemeral-storage", "20"}, {"example.com/aaa", "5"}}))
                              .build();
    const PodPtr used = PodBuilder("used").container(resources({{"cpu", "5m"}, {"memory", "5"}})).build();
    QTest::newRow("no resources requested always fits")
        << "NodeResourcesFit" << PodBuilder().container().build() << small
        << Pods{PodBuilder("full").container(resources({{"cpu", "10m"}, {"memory", "20"}})).build()}
        << QStringList{} << int(Ok) << "";
    QTest::newRow("too many resources fails")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"cpu", "1m"}, {"memory", "1"}})).build() << small
        << Pods{PodBuilder("full").container(resources({{"cpu", "10m"}, {"memory", "20"}})).build()}
        << QStringList{"Insufficient cpu", "Insufficient memory"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("equal edge case fits")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"cpu", "5m"}, {"memory", "15"}})).build()
        << small << Pods{used} << QStringList{} << int(Ok) << "";
    QTest::newRow("one resource cpu fits, memory does not")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"cpu", "2m"}, {"memory", "16"}})).build()
        << small << Pods{used} << QStringList{"Insufficient memory"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("init container too big")
        << "NodeResourcesFit"
        << PodBuilder().init(resources({{"cpu", "6m"}})).container(resources({{"cpu", "1m"}})).build() << small
        << Pods{used} << QStringList{"Insufficient cpu"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("extended resource")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"example.com/aaa", "6"}})).build() << small
        << Pods{} << QStringList{"Insufficient example.com/aaa"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("extended resource the node does not have")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"nvidia.com/gpu", "1"}})).build() << small
        << Pods{} << QStringList{"Insufficient nvidia.com/gpu"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("ephemeral storage")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"ephemeral-storage", "25"}})).build() << small
        << Pods{} << QStringList{"Insufficient ephemeral-storage"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("zero cpu request fits an over-committed node")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"cpu", "0"}, {"memory", "1"}})).build() << small
        << Pods{PodBuilder("over").container(resources({{"cpu", "20m"}})).build()} << QStringList{} << int(Ok) << "";
    const NodePtr onePod = NodeBuilder("node1").allocatable(resources({{"cpu", "1m"}, {"memory", "1"}, {"pods", "1"}})).build();
    QTest::newRow("too many pods, even without requests")
        << "NodeResourcesFit" << PodBuilder().container().build() << onePod << Pods{PodBuilder("x").build()}
        << QStringList{"Too many pods"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("too many pods comes first")
        << "NodeResourcesFit" << PodBuilder().container(resources({{"cpu", "2m"}, {"memory", "2"}})).build() << onePod
        << Pods{PodBuilder("x").build()} << QStringList{"Too many pods", "Insufficient cpu", "Insufficient memory"}
        << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("node without allocatable pods")
        << "NodeResourcesFit" << PodBuilder().build() << NodeBuilder("node1").build() << Pods{}
        << QStringList{"Too many pods"} << int(Unschedulable) << "NodeResourcesFit";

    // --- all filters: upstream stops at the first rejecting plugin
    const NodePtr taintedFull = NodeBuilder("node1")
                                    .allocatable(resources({{"cpu", "1"}, {"memory", "1Gi"}, {"pods", "10"}}))
                                    .taint("node.kubernetes.io/unreachable", "", "NoExecute")
                                    .build();
    QTest::newRow("taint is reported, not resources")
        << "All" << PodBuilder().container(resources({{"cpu", "2"}})).build() << taintedFull << Pods{}
        << QStringList{"node(s) had untolerated taint {node.kubernetes.io/unreachable: }"} << int(Unresolvable)
        << "TaintToleration";
    QTest::newRow("tolerated taint, then resources")
        << "All"
        << PodBuilder().toleration("node.kubernetes.io/unreachable", "Exists", "", "NoExecute")
               .container(resources({{"cpu", "2"}}))
               .build()
        << taintedFull << Pods{} << QStringList{"Insufficient cpu"} << int(Unschedulable) << "NodeResourcesFit";
    QTest::newRow("unschedulable before node name")
        << "All" << PodBuilder().nodeName("other").build() << cordoned << Pods{} << QStringList{unschedulable}
        << int(Unresolvable) << "NodeUnschedulable";
    QTest::newRow("everything passes")
        << "All" << PodBuilder().container(resources({{"cpu", "1"}})).build() << plainNode() << Pods{}
        << QStringList{} << int(Ok) << "";
}

void TestFilters::filter()
{
    QFETCH(QString, filter);
    QFETCH(PodPtr, pod);
    QFETCH(NodePtr, node);
    QFETCH(Pods, existing);
    QFETCH(QStringList, reasons);
    QFETCH(int, code);
    QFETCH(QString, plugin);

    NodeInfo info(node);
    for (const PodPtr &p : existing)
        info.addPod(p);
    const FilterResult result = run(filter, PodInfo(pod), info);
    QCOMPARE(result.ok, reasons.isEmpty());
    QCOMPARE(bool(result), result.ok);
    QCOMPARE(toList(result.reasons), reasons);
    QCOMPARE(codeOf(result), code);
    QCOMPARE(QString::fromStdString(result.plugin), plugin);
}

void TestFilters::taintReasonFormat()
{
    const emu::api::Taint taint{"node-role.kubernetes.io/control-plane", "", emu::api::TaintEffect::NoSchedule, {}};
    QCOMPARE(untoleratedTaintReason(taint), std::string("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"));
    QCOMPARE(untoleratedTaintReason(taint, TaintMessageStyle::Generic), std::string("node(s) had untolerated taint(s)"));
}

QTEST_APPLESS_MAIN(TestFilters)
#include "tst_filters.moc"
