// SPDX-License-Identifier: Apache-2.0
// Score plugins with the numbers of upstream's unit tests: noderesources
// least_allocated_test.go (TestLeastAllocatedScoringStrategy), balanced_allocation_test.go
// (TestNodeResourcesBalancedAllocation, v1.32 formula), tainttoleration
// taint_toleration_test.go (TestTaintTolerationScore), nodeaffinity node_affinity_test.go
// (TestNodeAffinityPriority) and helper/normalize_score_test.go.
#include "scheduler_test_objects.h"

#include "emulator/scheduler/scores.h"

#include <QtTest>

using namespace emu::sched;
using namespace schedtest;

using PodPtr = std::shared_ptr<const emu::store::Pod>;
using NodePtr = std::shared_ptr<const emu::store::Node>;
using Pods = std::vector<PodPtr>;
using Nodes = std::vector<NodePtr>;
using Scores = std::vector<std::int64_t>;
using Specs = std::vector<ResourceSpec>;

Q_DECLARE_METATYPE(PodPtr)
Q_DECLARE_METATYPE(Pods)
Q_DECLARE_METATYPE(Nodes)
Q_DECLARE_METATYPE(Scores)
Q_DECLARE_METATYPE(Specs)

namespace {

// upstream st.MakeNode().Capacity({"cpu": cpu, "memory": memory}) (whole cores / bytes)
NodePtr capacityNode(const std::string &name, const char *cpu, const char *memory,
                     std::initializer_list<std::pair<const char *, const char *>> extra = {})
{
    ResourceList list = resources({{"cpu", cpu}, {"memory", memory}});
    for (const auto &[k, v] : extra)
        list.emplace(k, qty(v));
    return NodeBuilder(name).allocatable(std::move(list)).build();
}

// upstream balanced_allocation_test.go makeNode(name, milliCPU, memory)
NodePtr milliNode(const std::string &name, std::int64_t milliCpu, std::int64_t memory,
                  std::initializer_list<std::pair<const char *, const char *>> extra = {})
{
    ResourceList list{{"cpu", emu::api::Quantity::fromMilli(milliCpu)},
                      {"memory", emu::api::Quantity::fromValue(memory, emu::api::Quantity::Format::DecimalSI)}};
    for (const auto &[k, v] : extra)
        list.emplace(k, qty(v));
    return NodeBuilder(name).allocatable(std::move(list)).build();
}

std::vector<NodeInfo> nodeInfos(const Nodes &nodes, const Pods &pods)
{
    std::vector<NodeInfo> infos;
    for (const NodePtr &n : nodes)
        infos.emplace_back(n);
    for (const PodPtr &p : pods) {
        for (NodeInfo &info : infos) {
            if (info.name() == p->spec.nodeName)
                info.addPod(p);
        }
    }
    return infos;
}

// st.MakePod().Req(...) adds one container per call
PodBuilder req(PodBuilder b, std::initializer_list<std::pair<const char *, const char *>> r)
{
    return std::move(b.container(resources(r)));
}

// balanced_allocation_test.go pod specs
PodBuilder cpuOnly(const std::string &node, const std::string &name = "cpuOnly")
{
    return PodBuilder(name + "-" + node)
        .nodeName(node)
        .container(resources({{"cpu", "1000m"}, {"memory", "0"}}))
        .container(resources({{"cpu", "2000m"}, {"memory", "0"}}));
}

PodBuilder cpuAndMemory(const std::string &node, const std::string &name = "cpuAndMemory")
{
    return PodBuilder(name + "-" + node)
        .nodeName(node)
        .container(resources({{"cpu", "1000m"}, {"memory", "2000"}}))
        .container(resources({{"cpu", "2000m"}, {"memory", "3000"}}));
}

} // namespace

class TestScores : public QObject
{
    Q_OBJECT

private slots:
    void weights();
    void leastAllocated_data();
    void leastAllocated();
    void balancedAllocation_data();
    void balancedAllocation();
    void taintToleration_data();
    void taintToleration();
    void nodeAffinity();
    void normalize_data();
    void normalize();
    void imageLocalityIsNeutral();
};

void TestScores::weights()
{
    // upstream: pkg/scheduler/apis/config/v1/default_plugins.go
    QCOMPARE(weight::TaintToleration, 3);
    QCOMPARE(weight::NodeAffinity, 2);
    QCOMPARE(weight::NodeResourcesFit, 1);
    QCOMPARE(weight::PodTopologySpread, 2);
    QCOMPARE(weight::InterPodAffinity, 2);
    QCOMPARE(weight::NodeResourcesBalancedAllocation, 1);
    QCOMPARE(weight::ImageLocality, 1);
    QCOMPARE(kMaxNodeScore, 100);
    QCOMPARE(defaultScoringResources().size(), std::size_t(2));
}

void TestScores::leastAllocated_data()
{
    QTest::addColumn<PodPtr>("pod");
    QTest::addColumn<Nodes>("nodes");
    QTest::addColumn<Pods>("existing");
    QTest::addColumn<Specs>("specs");
    QTest::addColumn<Scores>("expected");

    const Specs defaults = defaultScoringResources();
    const PodPtr none = PodBuilder().build();
    const PodPtr requesting = req(req(PodBuilder(), {{"cpu", "1000"}, {"memory", "2000"}}), {{"cpu", "2000"}, {"memory", "3000"}}).build();

    QTest::newRow("nothing scheduled, nothing requested")
        << none << Nodes{capacityNode("node1", "4000", "10000"), capacityNode("node2", "4000", "10000")} << Pods{}
        << defaults << Scores{100, 100};
    QTest::newRow("nothing scheduled, resources requested, differently sized nodes")
        << requesting << Nodes{capacityNode("node1", "4000", "10000"), capacityNode("node2", "6000", "10000")}
        << Pods{} << defaults << Scores{37, 50};
    QTest::newRow("no resources requested, pods scheduled")
        << none << Nodes{capacityNode("node1", "4000", "10000"), capacityNode("node2", "4000", "10000")}
        << Pods{PodBuilder("a").nodeName("node1").build(), PodBuilder("b").nodeName("node1").build(),
                PodBuilder("c").nodeName("node2").build(), PodBuilder("d").nodeName("node2").build()}
        << defaults << Scores{100, 100};
    QTest::newRow("no resources requested, pods scheduled with resources")
        << none << Nodes{capacityNode("node1", "10000", "20000"), capacityNode("node2", "10000", "20000")}
        << Pods{req(PodBuilder("a").nodeName("node1"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("b").nodeName("node1"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("c").nodeName("node2"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("d").nodeName("node2"), {{"cpu", "3000"}, {"memory", "5000"}}).build()}
        << defaults << Scores{70, 57};
    QTest::newRow("resources requested, pods scheduled with resources")
        << requesting << Nodes{capacityNode("node1", "10000", "20000"), capacityNode("node2", "10000", "20000")}
        << Pods{req(PodBuilder("a").nodeName("node1"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("b").nodeName("node2"), {{"cpu", "3000"}, {"memory", "5000"}}).build()}
        << defaults << Scores{57, 45};
    QTest::newRow("resources requested, pods scheduled with resources, differently sized nodes")
        << requesting << Nodes{capacityNode("node1", "10000", "20000"), capacityNode("node2", "10000", "50000")}
        << Pods{req(PodBuilder("a").nodeName("node1"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("b").nodeName("node2"), {{"cpu", "3000"}, {"memory", "5000"}}).build()}
        << defaults << Scores{57, 60};
    QTest::newRow("requested resources exceed node capacity")
        << req(PodBuilder(), {{"cpu", "3000"}, {"memory", "0"}}).build()
        << Nodes{capacityNode("node1", "4000", "10000"), capacityNode("node2", "4000", "10000")}
        << Pods{req(PodBuilder("a").nodeName("node1"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("b").nodeName("node2"), {{"cpu", "3000"}, {"memory", "5000"}}).build()}
        << defaults << Scores{50, 25};
    QTest::newRow("zero node resources, pods scheduled with resources")
        << none << Nodes{NodeBuilder("node1").build(), NodeBuilder("node2").build()}
        << Pods{req(PodBuilder("a").nodeName("node1"), {{"cpu", "3000"}, {"memory", "0"}}).build(),
                req(PodBuilder("b").nodeName("node2"), {{"cpu", "3000"}, {"memory", "5000"}}).build()}
        << defaults << Scores{0, 0};
    QTest::newRow("different weight on CPU and memory")
        << requesting << Nodes{capacityNode("node1", "4000", "10000"), capacityNode("node2", "6000", "10000")}
        << Pods{} << Specs{{"memory", 2}, {"cpu", 1}} << Scores{41, 50};
    const Specs extended{{"cpu", 1}, {"memory", 1}, {"intel.com/foo", 1}};
    QTest::newRow("bypass extended resource if the pod does not request")
        << requesting
        << Nodes{capacityNode("node1", "6000", "10000"), capacityNode("node2", "6000", "10000", {{"intel.com/foo", "4"}})}
        << Pods{} << extended << Scores{50, 50};
    QTest::newRow("honor extended resource if the pod requests")
        << req(PodBuilder(), {{"cpu", "3000"}, {"memory", "5000"}, {"intel.com/foo", "2"}}).build()
        << Nodes{capacityNode("node1", "6000", "10000", {{"intel.com/foo", "4"}}),
                 capacityNode("node2", "6000", "10000", {{"intel.com/foo", "10"}})}
        << Pods{} << extended << Scores{50, 60};
    QTest::newRow("if the node doesn't have a resource")
        << req(PodBuilder(), {{"cpu", "3000"}, {"memory", "4000"}}).build()
        << Nodes{capacityNode("node1", "6000", "10000"), capacityNode("node2", "6000", "10000", {{"intel.com/foo", "4"}})}
        << Pods{} << Specs{{"intel.com/foo", 2}, {"cpu", 1}, {"memory", 1}} << Scores{55, 55};
    // A container without requests counts 100m / 200Mi: 100m of 1 core and 200Mi of 400Mi.
    QTest::newRow("non-zero defaults for a pod without requests")
        << PodBuilder().container().build()
        << Nodes{NodeBuilder("node1").allocatable(resources({{"cpu", "1"}, {"memory", "400Mi"}})).build()} << Pods{}
        << defaults << Scores{70};
}

void TestScores::leastAllocated()
{
    QFETCH(PodPtr, pod);
    QFETCH(Nodes, nodes);
    QFETCH(Pods, existing);
    QFETCH(Specs, specs);
    QFETCH(Scores, expected);

    const PodInfo info(pod);
    Scores got;
    for (const NodeInfo &node : nodeInfos(nodes, existing))
        got.push_back(leastAllocatedScore(info, node, specs));
    QCOMPARE(got, expected);
}

void TestScores::balancedAllocation_data()
{
    QTest::addColumn<PodPtr>("pod");
    QTest::addColumn<Nodes>("nodes");
    QTest::addColumn<Pods>("existing");
    QTest::addColumn<Specs>("specs");
    QTest::addColumn<Scores>("expected");
    QTest::addColumn<bool>("skippedSince133");

    const Specs defaults = defaultScoringResources();
    const PodPtr none = PodBuilder().build();
    QTest::newRow("nothing scheduled, nothing requested")
        << none << Nodes{milliNode("node1", 4000, 10000), milliNode("node2", 4000, 10000)} << Pods{} << defaults
        << Scores{100, 100} << true;
    QTest::newRow("nothing scheduled, resources requested, differently sized nodes")
        << cpuAndMemory("").build() << Nodes{milliNode("node1", 4000, 10000), milliNode("node2", 6000, 10000)}
        << Pods{} << defaults << Scores{87, 100} << false;
    QTest::newRow("no resources requested, pods with container scheduled")
        << none << Nodes{milliNode("node1", 250, 1000 * 1024 * 1024), milliNode("node2", 250, 1000 * 1024 * 1024)}
        << Pods{PodBuilder("a").nodeName("node1").container().build(), PodBuilder("b").nodeName("node1").container().build()}
        << defaults << Scores{100, 100} << true;
    QTest::newRow("no resources requested, pods scheduled with resources")
        << none << Nodes{milliNode("node1", 10000, 20000), milliNode("node2", 10000, 20000)}
        << Pods{cpuOnly("node1").build(), cpuOnly("node1", "cpuOnly2").build(), cpuOnly("node2").build(),
                cpuAndMemory("node2").build()}
        << defaults << Scores{70, 82} << true;
    QTest::newRow("resources requested, pods scheduled with resources")
        << cpuAndMemory("").build() << Nodes{milliNode("node1", 10000, 20000), milliNode("node2", 10000, 20000)}
        << Pods{cpuOnly("node1").build(), cpuAndMemory("node2").build()} << defaults << Scores{82, 95} << false;
    QTest::newRow("resources requested, pods scheduled with resources, differently sized nodes")
        << cpuAndMemory("").build() << Nodes{milliNode("node1", 10000, 20000), milliNode("node2", 10000, 50000)}
        << Pods{cpuOnly("node1").build(), cpuAndMemory("node2").build()} << defaults << Scores{82, 80} << false;
    QTest::newRow("requested resources at node capacity")
        << cpuOnly("").build() << Nodes{milliNode("node1", 6000, 10000), milliNode("node2", 6000, 10000)}
        << Pods{cpuOnly("node1").build(), cpuAndMemory("node2").build()} << defaults << Scores{50, 75} << false;
    QTest::newRow("zero node resources, pods scheduled with resources")
        << none << Nodes{milliNode("node1", 0, 0), milliNode("node2", 0, 0)}
        << Pods{cpuOnly("node1").build(), cpuAndMemory("node2").build()} << defaults << Scores{100, 100} << true;
    const Specs gpu{{"cpu", 1}, {"memory", 1}, {"nvidia.com/gpu", 1}};
    QTest::newRow("include scalar resource on a node for balanced resource allocation")
        << req(PodBuilder(), {{"memory", "0"}, {"nvidia.com/gpu", "1"}}).build()
        << Nodes{milliNode("node1", 3500, 40000, {{"nvidia.com/gpu", "8"}}),
                 milliNode("node2", 3500, 40000, {{"nvidia.com/gpu", "8"}})}
        << Pods{cpuAndMemory("node2").build(),
                PodBuilder("gpu").nodeName("node1")
                    .container(resources({{"cpu", "1000m"}, {"memory", "2000"}, {"nvidia.com/gpu", "3"}}))
                    .container(resources({{"cpu", "2000m"}, {"memory", "3000"}}))
                    .build()}
        << gpu << Scores{70, 65} << false;
    QTest::newRow("node without the scalar resource results to a higher score")
        << none << Nodes{milliNode("node1", 3500, 40000, {{"nvidia.com/gpu", "8"}}), milliNode("node2", 3500, 40000)}
        << Pods{cpuOnly("node1").build(), cpuOnly("node2").build()} << Specs{{"cpu", 1}, {"nvidia.com/gpu", 1}}
        << Scores{100, 100} << true;
}

void TestScores::balancedAllocation()
{
    QFETCH(PodPtr, pod);
    QFETCH(Nodes, nodes);
    QFETCH(Pods, existing);
    QFETCH(Specs, specs);
    QFETCH(Scores, expected);
    QFETCH(bool, skippedSince133);

    const PodInfo info(pod);
    Scores got;
    for (const NodeInfo &node : nodeInfos(nodes, existing))
        got.push_back(balancedAllocationScore(info, node, specs));
    QCOMPARE(got, expected);
    QCOMPARE(balancedAllocationSkipsPod(info, specs), skippedSince133);
}

void TestScores::taintToleration_data()
{
    QTest::addColumn<PodPtr>("pod");
    QTest::addColumn<Nodes>("nodes");
    QTest::addColumn<Scores>("expected");

    const auto tainted = [](const std::string &name, std::initializer_list<std::pair<const char *, const char *>> taints,
                            const char *effect = "PreferNoSchedule") {
        NodeBuilder b(name);
        for (const auto &[k, v] : taints)
            b.taint(k, v, effect);
        return b.build();
    };
    QTest::newRow("tolerations that match the taints score higher")
        << PodBuilder().toleration("foo", "Equal", "bar", "PreferNoSchedule").build()
        << Nodes{tainted("nodeA", {{"foo", "bar"}}), tainted("nodeB", {{"foo", "blah"}})} << Scores{100, 0};
    QTest::newRow("all taints tolerated, whatever their number")
        << PodBuilder().toleration("cpu-type", "Equal", "arm64", "PreferNoSchedule")
               .toleration("disk-type", "Equal", "ssd", "PreferNoSchedule")
               .build()
        << Nodes{tainted("nodeA", {}), tainted("nodeB", {{"cpu-type", "arm64"}}),
                 tainted("nodeC", {{"cpu-type", "arm64"}, {"disk-type", "ssd"}})}
        << Scores{100, 100, 100};
    QTest::newRow("the more intolerable taints a node has, the lower its score")
        << PodBuilder().toleration("foo", "Equal", "bar", "PreferNoSchedule").build()
        << Nodes{tainted("nodeA", {}), tainted("nodeB", {{"cpu-type", "arm64"}}),
                 tainted("nodeC", {{"cpu-type", "arm64"}, {"disk-type", "ssd"}})}
        << Scores{100, 50, 0};
    QTest::newRow("only PreferNoSchedule taints count")
        << PodBuilder().toleration("cpu-type", "Equal", "arm64", "NoSchedule").build()
        << Nodes{tainted("nodeA", {}), tainted("nodeB", {{"cpu-type", "arm64"}}, "NoSchedule"),
                 tainted("nodeC", {{"cpu-type", "arm64"}})}
        << Scores{100, 100, 0};
    QTest::newRow("a toleration with an empty effect counts")
        << PodBuilder().toleration("cpu-type", "Exists", "", "").build()
        << Nodes{tainted("nodeA", {{"cpu-type", "arm64"}}), tainted("nodeB", {{"other", "x"}})} << Scores{100, 0};
}

void TestScores::taintToleration()
{
    QFETCH(PodPtr, pod);
    QFETCH(Nodes, nodes);
    QFETCH(Scores, expected);

    const PodInfo info(pod);
    Scores got;
    for (const NodeInfo &node : nodeInfos(nodes, {}))
        got.push_back(taintTolerationRawScore(info, node));
    normalizeScores(got, true);
    QCOMPARE(got, expected);
}

void TestScores::nodeAffinity()
{
    // upstream TestNodeAffinityPriority "all nodes matches the preferred scheduling
    // requirements of pod but with different priorities": weights 2 (foo=bar),
    // 4 (key=value), 5 (foo=bar, key=value, az=az1).
    const auto term = [](int weight, std::initializer_list<emu::api::Value> requirements) {
        emu::api::Value expressions = emu::api::Value::sequence();
        for (const auto &r : requirements)
            expressions.append(r);
        return map({{"weight", emu::api::Value::integer(weight)},
                    {"preference", map({{"matchExpressions", expressions}})}});
    };
    const auto pod = PodBuilder()
                         .nodeAffinity(map({{"preferredDuringSchedulingIgnoredDuringExecution",
                                             seq({term(2, {requirement("foo", "In", {"bar"})}),
                                                  term(4, {requirement("key", "In", {"value"})}),
                                                  term(5, {requirement("foo", "In", {"bar"}),
                                                           requirement("key", "In", {"value"}),
                                                           requirement("az", "In", {"az1"})})})}}))
                         .build();
    const Nodes nodes{NodeBuilder("node1").label("foo", "bar").build(),
                      NodeBuilder("node5").label("foo", "bar").label("key", "value").label("az", "az1").build(),
                      NodeBuilder("node2").label("key", "value").build(),
                      NodeBuilder("node3").label("az", "az1").build()};
    const PodInfo info(pod);
    Scores got;
    for (const NodeInfo &node : nodeInfos(nodes, {}))
        got.push_back(nodeAffinityRawScore(info, node));
    QCOMPARE(got, (Scores{2, 11, 4, 0}));
    normalizeScores(got, false);
    QCOMPARE(got, (Scores{18, 100, 36, 0}));

    // "all nodes are same priority as NodeAffinity is nil"
    const PodInfo plain(PodBuilder().build());
    Scores zero;
    for (const NodeInfo &node : nodeInfos(nodes, {}))
        zero.push_back(nodeAffinityRawScore(plain, node));
    normalizeScores(zero, false);
    QCOMPARE(zero, (Scores{0, 0, 0, 0}));
}

void TestScores::normalize_data()
{
    QTest::addColumn<Scores>("scores");
    QTest::addColumn<bool>("reverse");
    QTest::addColumn<Scores>("expected");
    // upstream: plugins/helper/normalize_score_test.go
    QTest::newRow("scaled") << Scores{1, 2, 3, 4} << false << Scores{25, 50, 75, 100};
    QTest::newRow("reversed") << Scores{1, 2, 3, 4} << true << Scores{75, 50, 25, 0};
    QTest::newRow("integer division") << Scores{1000, 10, 20, 30} << false << Scores{100, 1, 2, 3};
    QTest::newRow("integer division, reversed") << Scores{1000, 10, 20, 30} << true << Scores{0, 99, 98, 97};
    QTest::newRow("all zero") << Scores{0, 0, 0} << false << Scores{0, 0, 0};
    QTest::newRow("all zero, reversed") << Scores{0, 0, 0} << true << Scores{100, 100, 100};
    QTest::newRow("empty") << Scores{} << true << Scores{};
}

void TestScores::normalize()
{
    QFETCH(Scores, scores);
    QFETCH(bool, reverse);
    QFETCH(Scores, expected);
    normalizeScores(scores, reverse);
    QCOMPARE(scores, expected);
}

void TestScores::imageLocalityIsNeutral()
{
    const PodInfo pod(PodBuilder().container().build());
    const NodeInfo node(NodeBuilder("n").build());
    QCOMPARE(imageLocalityScore(pod, node), 0);
}

QTEST_APPLESS_MAIN(TestScores)
#include "tst_scores.moc"
