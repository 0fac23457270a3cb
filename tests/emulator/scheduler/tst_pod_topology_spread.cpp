// SPDX-License-Identifier: Apache-2.0
// PodTopologySpread Filter and Score. The score cases and their numbers are upstream's
// podtopologyspread/scoring_test.go (TestPodTopologySpreadScore); the filter cases follow
// filtering_test.go (TestSingleConstraint / TestMultipleConstraints): maxSkew against the
// global minimum, the missing-label rejection, minDomains, the node inclusion policies,
// matchLabelKeys, and the pods that do not count (other namespaces, terminating).
#include "scheduler_test_objects.h"

#include "emulator/scheduler/pod_topology_spread.h"

#include <QtTest>

using namespace emu::sched;
using namespace schedtest;
using emu::api::Value;

namespace {

using NodePtr = std::shared_ptr<const emu::store::Node>;
using PodPtr = std::shared_ptr<const emu::store::Pod>;
using Scores = std::vector<std::int64_t>;
using Outcomes = std::vector<std::string>;

const std::string kHost = "kubernetes.io/hostname";

/// upstream st.MakePod().SpreadConstraint(maxSkew, key, when, fooSelector (foo Exists), ...)
Value constraint(int maxSkew, const std::string &key, const std::string &when, const std::string &selectorKey = "foo",
                 std::initializer_list<std::pair<const char *, Value>> extra = {})
{
    Value c = map({{"maxSkew", Value::integer(maxSkew)},
                   {"topologyKey", str(key)},
                   {"whenUnsatisfiable", str(when)}});
    if (!selectorKey.empty())
        c.set("labelSelector",
              map({{"matchExpressions", seq({map({{"key", str(selectorKey)}, {"operator", str("Exists")}})})}}));
    for (const auto &[k, v] : extra)
        c.set(k, v);
    return c;
}

NodePtr node(const std::string &name, const std::string &zone = {}, bool hostname = true)
{
    NodeBuilder b(name);
    if (hostname)
        b.label(kHost, name);
    if (!zone.empty())
        b.label("zone", zone);
    return b.build();
}

struct Snapshot
{
    std::vector<NodeInfo> infos;
    std::vector<const NodeInfo *> all;

    explicit Snapshot(std::initializer_list<NodePtr> nodes)
    {
        infos.reserve(nodes.size());
        for (const NodePtr &n : nodes)
            infos.emplace_back(n);
        for (const NodeInfo &info : infos)
            all.push_back(&info);
    }
    /// Binds pods named like upstream's: "p-a1" goes to node-a, "p-x2" to node-x.
    Snapshot &pods(std::initializer_list<PodPtr> pods)
    {
        for (const PodPtr &p : pods)
            for (NodeInfo &info : infos)
                if (info.name() == "node-" + p->meta.name.substr(2, 1))
                    info.addPod(p);
        return *this;
    }
    const NodeInfo *find(const std::string &name) const
    {
        for (const NodeInfo &info : infos)
            if (info.name() == name)
                return &info;
        return nullptr;
    }
    Outcomes filter(const PodPtr &pod) const
    {
        const PodInfo info(pod);
        const PodTopologySpread plugin(info, all, {});
        Outcomes out;
        for (const NodeInfo &n : infos) {
            const FilterResult r = plugin.filter(n);
            out.push_back(r ? std::string() : r.reasons.at(0));
        }
        return out;
    }
    /// Scores of the candidate nodes (the others failed filtering), normalised.
    Scores score(const PodPtr &pod, const std::vector<std::string> &candidates,
                 PodTopologySpread::DefaultSelector defaultSelector = {}) const
    {
        const PodInfo info(pod);
        PodTopologySpread plugin(info, all, std::move(defaultSelector));
        std::vector<const NodeInfo *> feasible;
        for (const std::string &name : candidates)
            feasible.push_back(find(name));
        plugin.preScore(feasible);
        Scores out;
        for (const NodeInfo *n : feasible)
            out.push_back(plugin.rawScore(*n));
        plugin.normalize(feasible, out);
        return out;
    }
};

PodPtr foo(const std::string &name)
{
    return PodBuilder(name).label("foo", "").build();
}

PodPtr fooBar(const std::string &name)
{
    return PodBuilder(name).label("foo", "").label("bar", "").build();
}

PodPtr bar(const std::string &name)
{
    return PodBuilder(name).label("bar", "").build();
}

const std::string kOk;
const std::string kSkew(reason::TopologySpreadConstraintsNotMatch);
const std::string kMissing(reason::TopologySpreadMissingLabel);

} // namespace

class TestPodTopologySpread : public QObject
{
    Q_OBJECT

private slots:
    void filterKeepsSkewWithinMaxSkew();
    void filterRejectsNodesWithoutTheKey();
    void minDomainsTreatsTheMinimumAsZero();
    void nodeInclusionPolicies();
    void podsThatDoNotCount();
    void matchLabelKeysNarrowTheSelector();
    void scoreOnHostname();
    void scoreOnZoneAndHostname();
    void scoreIgnoresNodesWithoutTheKeys();
    void systemDefaultSpreading();
};

void TestPodTopologySpread::filterKeepsSkewWithinMaxSkew()
{
    // zone1 holds 3 matching pods, zone2 1; the global minimum is 1. With maxSkew 1 only
    // zone2 takes the pod (1 + 1 − 1 = 1); zone1 would be 3 + 1 − 1 = 3.
    Snapshot s({node("node-a", "zone1"), node("node-b", "zone1"), node("node-x", "zone2"), node("node-y", "zone2")});
    s.pods({foo("p-a1"), foo("p-a2"), foo("p-b1"), foo("p-y1")});
    const auto pod = [](int maxSkew) {
        return PodBuilder("p").label("foo", "").spreadConstraint(constraint(maxSkew, "zone", "DoNotSchedule")).build();
    };
    QCOMPARE(s.filter(pod(1)), (Outcomes{kSkew, kSkew, kOk, kOk}));
    QCOMPARE(s.filter(pod(3)), (Outcomes{kOk, kOk, kOk, kOk}));
    // A pod its own selector does not match adds nothing: 3 − 1 = 2 > 1 still fails zone1.
    const PodPtr other = PodBuilder("q").spreadConstraint(constraint(1, "zone", "DoNotSchedule")).build();
    QCOMPARE(s.filter(other), (Outcomes{kSkew, kSkew, kOk, kOk}));
    // ScheduleAnyway constraints never filter.
    const PodPtr soft = PodBuilder("p").label("foo", "").spreadConstraint(constraint(1, "zone", "ScheduleAnyway")).build();
    QCOMPARE(s.filter(soft), (Outcomes{kOk, kOk, kOk, kOk}));
}

void TestPodTopologySpread::filterRejectsNodesWithoutTheKey()
{
    Snapshot s({node("node-a", "zone1"), node("node-b")});
    const PodPtr pod = PodBuilder("p").label("foo", "").spreadConstraint(constraint(1, "zone", "DoNotSchedule")).build();
    QCOMPARE(s.filter(pod), (Outcomes{kOk, kMissing}));
    const PodInfo info(pod);
    const PodTopologySpread plugin(info, s.all, {});
    QCOMPARE(plugin.filter(s.infos[1]).code, FilterResult::Code::UnschedulableAndUnresolvable);
}

void TestPodTopologySpread::minDomainsTreatsTheMinimumAsZero()
{
    // Two zones with 1 and 1 matching pods: with minDomains 3 the global minimum is 0, so
    // no zone can take another (1 + 1 − 0 = 2 > 1); with the default minDomains both can.
    Snapshot s({node("node-a", "zone1"), node("node-x", "zone2")});
    s.pods({foo("p-a1"), foo("p-x1")});
    const PodPtr three = PodBuilder("p").label("foo", "")
                             .spreadConstraint(constraint(1, "zone", "DoNotSchedule", "foo",
                                                          {{"minDomains", Value::integer(3)}}))
                             .build();
    QCOMPARE(s.filter(three), (Outcomes{kSkew, kSkew}));
    const PodPtr two = PodBuilder("p").label("foo", "")
                           .spreadConstraint(constraint(1, "zone", "DoNotSchedule", "foo",
                                                        {{"minDomains", Value::integer(2)}}))
                           .build();
    QCOMPARE(s.filter(two), (Outcomes{kOk, kOk}));
}

void TestPodTopologySpread::nodeInclusionPolicies()
{
    // zone1: 2 matching pods; zone2: 0 on a node the pod's nodeSelector excludes (Honor by
    // default: zone2 is no eligible domain, so the minimum is zone1's 2 and zone1 passes).
    Snapshot s({node("node-a", "zone1"), node("node-x", "zone2")});
    s.pods({foo("p-a1"), foo("p-a2")});
    auto withPolicy = [](const char *affinityPolicy) {
        Value c = constraint(1, "zone", "DoNotSchedule");
        if (affinityPolicy)
            c.set("nodeAffinityPolicy", str(affinityPolicy));
        return PodBuilder("p").label("foo", "").nodeSelector("zone", "zone1").spreadConstraint(c).build();
    };
    QCOMPARE(s.filter(withPolicy(nullptr)).at(0), kOk);
    QCOMPARE(s.filter(withPolicy("Ignore")).at(0), kSkew); // zone2 counts: 2 + 1 − 0 > 1

    // nodeTaintsPolicy Honor drops a node with an untolerated NoSchedule taint.
    Snapshot t({node("node-a", "zone1"),
                NodeBuilder("node-x").label(kHost, "node-x").label("zone", "zone2").taint("k", "v", "NoSchedule").build()});
    t.pods({foo("p-a1"), foo("p-a2")});
    const auto tainted = [](const char *taintsPolicy) {
        Value c = constraint(1, "zone", "DoNotSchedule");
        if (taintsPolicy)
            c.set("nodeTaintsPolicy", str(taintsPolicy));
        return PodBuilder("p").label("foo", "").spreadConstraint(c).build();
    };
    QCOMPARE(t.filter(tainted(nullptr)).at(0), kSkew); // Ignore by default
    QCOMPARE(t.filter(tainted("Honor")).at(0), kOk);
}

void TestPodTopologySpread::podsThatDoNotCount()
{
    // Pods in another namespace and terminating pods are not counted.
    Snapshot s({node("node-a", "zone1"), node("node-x", "zone2")});
    s.pods({PodBuilder("p-a1").label("foo", "").inNamespace("ns1").build(),
            PodBuilder("p-a2").label("foo", "").terminating().build(), foo("p-x1")});
    const PodPtr pod = PodBuilder("p").label("foo", "").spreadConstraint(constraint(1, "zone", "DoNotSchedule")).build();
    QCOMPARE(s.filter(pod), (Outcomes{kOk, kSkew}));
}

void TestPodTopologySpread::matchLabelKeysNarrowTheSelector()
{
    // Only pods of the incoming pod's revision count: zone1 holds two of revision 1.
    Snapshot s({node("node-a", "zone1"), node("node-x", "zone2")});
    s.pods({PodBuilder("p-a1").label("foo", "").label("rev", "1").build(),
            PodBuilder("p-a2").label("foo", "").label("rev", "1").build()});
    const auto pod = [](const std::string &rev) {
        return PodBuilder("p").label("foo", "").label("rev", rev)
            .spreadConstraint(constraint(1, "zone", "DoNotSchedule", "foo", {{"matchLabelKeys", seq({str("rev")})}}))
            .build();
    };
    QCOMPARE(s.filter(pod("1")), (Outcomes{kSkew, kOk}));
    QCOMPARE(s.filter(pod("2")), (Outcomes{kOk, kOk}));
}

void TestPodTopologySpread::scoreOnHostname()
{
    Snapshot s({node("node-a"), node("node-b"), node("node-c"), node("node-d")});
    s.pods({foo("p-a1"), foo("p-a2"), foo("p-b1"), foo("p-d1"), foo("p-d2"), foo("p-d3")});
    const auto pod = [](int maxSkew, const std::string &selector = "foo") {
        return PodBuilder("p").label("foo", "").spreadConstraint(constraint(maxSkew, kHost, "ScheduleAnyway", selector)).build();
    };
    const std::vector<std::string> all{"node-a", "node-b", "node-c", "node-d"};
    // "one constraint on node, all 4 nodes are candidates" (2/1/0/3)
    QCOMPARE(s.score(pod(1), all), (Scores{20, 60, 100, 0}));
    // "..., maxSkew=2"
    QCOMPARE(s.score(pod(2), all), (Scores{33, 66, 100, 16}));
    // "one constraint on node, null selector"
    QCOMPARE(s.score(pod(1, ""), all), (Scores{100, 100, 100, 100}));

    // "one constraint on node, all 4 nodes are candidates, maxSkew=3" (4/3/2/1)
    Snapshot t({node("node-a"), node("node-b"), node("node-c"), node("node-d")});
    t.pods({foo("p-a1"), foo("p-a2"), foo("p-a3"), foo("p-a4"), foo("p-b1"), foo("p-b2"), foo("p-b3"), foo("p-c1"),
            foo("p-c2"), foo("p-d1")});
    QCOMPARE(t.score(pod(3), all), (Scores{44, 66, 77, 100}));
}

void TestPodTopologySpread::scoreOnZoneAndHostname()
{
    // "one constraint on zone, 3 out of 4 nodes are candidates" (4/2/1/~3~)
    Snapshot s({node("node-a", "zone1"), node("node-b", "zone1"), node("node-x", "zone2"), node("node-y", "zone2")});
    s.pods({foo("p-a1"), foo("p-a2"), foo("p-a3"), foo("p-a4"), foo("p-b1"), foo("p-b2"), foo("p-x1"), foo("p-y1"),
            foo("p-y2"), foo("p-y3")});
    const PodPtr zone = PodBuilder("p").label("foo", "").spreadConstraint(constraint(1, "zone", "ScheduleAnyway")).build();
    QCOMPARE(s.score(zone, {"node-a", "node-b", "node-x"}), (Scores{75, 75, 100}));

    // "two Constraints on zone and node, with different labelSelectors"
    Snapshot t({node("node-a", "zone1"), node("node-b", "zone1"), node("node-x", "zone2"), node("node-y", "zone2")});
    t.pods({foo("p-a1"), fooBar("p-b1"), foo("p-y1"), bar("p-y2")});
    const PodPtr two = PodBuilder("p").label("foo", "").label("bar", "")
                           .spreadConstraint(constraint(1, "zone", "ScheduleAnyway", "foo"))
                           .spreadConstraint(constraint(1, kHost, "ScheduleAnyway", "bar"))
                           .build();
    QCOMPARE(t.score(two, {"node-a", "node-b", "node-x", "node-y"}), (Scores{60, 20, 100, 60}));
    // "..., 3 out of 4 nodes are candidates"
    QCOMPARE(t.score(two, {"node-a", "node-b", "node-x"}), (Scores{50, 25, 100}));
}

void TestPodTopologySpread::scoreIgnoresNodesWithoutTheKeys()
{
    // "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match
    // topology key" (4/?2?/1/~3~)
    Snapshot s({node("node-a"), NodeBuilder("node-b").label("n", "node-b").build(), node("node-x"), node("node-y")});
    s.pods({foo("p-a1"), foo("p-a2"), foo("p-a3"), foo("p-a4"), foo("p-b1"), foo("p-b2"), foo("p-x1"), foo("p-y1"),
            foo("p-y2"), foo("p-y3")});
    const PodPtr pod = PodBuilder("p").label("foo", "").spreadConstraint(constraint(1, kHost, "ScheduleAnyway")).build();
    QCOMPARE(s.score(pod, {"node-a", "node-b", "node-x"}), (Scores{16, 0, 100}));
}

void TestPodTopologySpread::systemDefaultSpreading()
{
    // "system defaulting, nodes don't have zone, pods match service": the same scores as
    // one hostname constraint with maxSkew 3 (4/3/2/1).
    Snapshot s({node("node-a"), node("node-b"), node("node-c"), node("node-d")});
    s.pods({foo("p-a1"), foo("p-a2"), foo("p-a3"), foo("p-a4"), foo("p-b1"), foo("p-b2"), foo("p-b3"), foo("p-c1"),
            foo("p-c2"), foo("p-d1")});
    const std::vector<std::string> all{"node-a", "node-b", "node-c", "node-d"};
    const auto service = [] { return emu::api::LabelSelector::fromLabels({{"foo", ""}}); };
    QCOMPARE(s.score(foo("p"), all, service), (Scores{44, 66, 77, 100}));
    // Nothing selects the pod: no default spreading, the plugin adds nothing.
    QCOMPARE(s.score(foo("p"), all, [] { return emu::api::LabelSelector(); }), (Scores{0, 0, 0, 0}));
}

QTEST_GUILESS_MAIN(TestPodTopologySpread)
#include "tst_pod_topology_spread.moc"
