// SPDX-License-Identifier: Apache-2.0
// InterPodAffinity Filter and Score, with the cases of upstream's filtering_test.go
// (TestRequiredAffinitySingleNode / TestRequiredAffinityMultipleNodes) and scoring_test.go
// (TestPreferredAffinity): zones and hostnames as topology domains, the first pod of a
// self-affine group, the symmetry of existing pods' anti-affinity, namespaces, and
// min-max normalisation of the weighted sums.
#include "scheduler_test_objects.h"

#include "emulator/scheduler/inter_pod_affinity.h"
#include "emulator/scheduler/scores.h"

#include <QtTest>

using namespace emu::sched;
using namespace schedtest;
using emu::api::Value;

namespace {

using NodePtr = std::shared_ptr<const emu::store::Node>;
using PodPtr = std::shared_ptr<const emu::store::Pod>;

/// {labelSelector: {matchLabels: {key: value}}, topologyKey: topology, ...extra}
Value term(const std::string &key, const std::string &value, const std::string &topology,
           std::initializer_list<std::pair<const char *, Value>> extra = {})
{
    Value t = map({{"labelSelector", map({{"matchLabels", map({{key.c_str(), str(value)}})}})},
                   {"topologyKey", str(topology)}});
    for (const auto &[k, v] : extra)
        t.set(k, v);
    return t;
}

Value required(std::initializer_list<Value> terms)
{
    return map({{"requiredDuringSchedulingIgnoredDuringExecution", seq(terms)}});
}

Value weighted(int weight, Value t)
{
    return map({{"weight", Value::integer(weight)}, {"podAffinityTerm", std::move(t)}});
}

Value preferred(std::initializer_list<Value> terms)
{
    return map({{"preferredDuringSchedulingIgnoredDuringExecution", seq(terms)}});
}

NodePtr node(const std::string &name, const std::string &zone = {})
{
    NodeBuilder b(name);
    b.label("kubernetes.io/hostname", name);
    if (!zone.empty())
        b.label("zone", zone);
    return b.build();
}

/// A snapshot: nodes with the pods bound to them.
struct Cluster
{
    std::vector<NodeInfo> infos;

    explicit Cluster(std::initializer_list<NodePtr> nodes)
    {
        for (const NodePtr &n : nodes)
            infos.emplace_back(n);
    }
    Cluster &bind(const std::string &nodeName, const PodPtr &pod)
    {
        for (NodeInfo &info : infos)
            if (info.name() == nodeName)
                info.addPod(pod);
        return *this;
    }
    std::vector<const NodeInfo *> all() const
    {
        std::vector<const NodeInfo *> out;
        for (const NodeInfo &info : infos)
            out.push_back(&info);
        return out;
    }
    /// Each node's filter outcome: "" (passes) or the reason.
    std::vector<std::string> filter(const PodPtr &pod) const
    {
        const PodInfo info(pod);
        const NamespaceLabels namespaces;
        const InterPodAffinity plugin(info, all(), namespaces);
        std::vector<std::string> out;
        for (const NodeInfo &n : infos) {
            const FilterResult r = plugin.filter(n);
            out.push_back(r ? std::string() : r.reasons.at(0));
        }
        return out;
    }
    std::vector<std::int64_t> scores(const PodPtr &pod) const
    {
        const PodInfo info(pod);
        const NamespaceLabels namespaces;
        const InterPodAffinity plugin(info, all(), namespaces);
        std::vector<std::int64_t> out;
        for (const NodeInfo &n : infos)
            out.push_back(plugin.rawScore(n));
        normalizeInterPodAffinityScores(out);
        return out;
    }
};

const std::string kOk;
const std::string kAffinity(reason::PodAffinityRulesNotMatch);
const std::string kAnti(reason::PodAntiAffinityRulesNotMatch);
const std::string kExisting(reason::ExistingAntiAffinityRulesNotMatch);
using Outcomes = std::vector<std::string>;

} // namespace

class TestInterPodAffinity : public QObject
{
    Q_OBJECT

private slots:
    void requiredAffinityNeedsAMatchingPodInTheDomain();
    void affinityCountsPodsMatchingAllTerms();
    void firstPodOfASelfAffineGroup();
    void requiredAntiAffinityExcludesTheDomain();
    void existingPodsAntiAffinityIsSymmetric();
    void namespacesOfATerm();
    void matchLabelKeysJoinTheSelector();
    void affinityRejectionIsUnresolvable();
    void preferredTermsAreWeightedAndNormalised();
    void existingPodsTermsScoreTheIncomingPod();
    void invalidTermMatchesNoNode();
};

void TestInterPodAffinity::requiredAffinityNeedsAMatchingPodInTheDomain()
{
    // upstream: "satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity
    // using In operator that matches the existing pod", spread over zones.
    Cluster c({node("n1", "z1"), node("n2", "z1"), node("n3", "z2"), node("n4")});
    c.bind("n1", PodBuilder("db").label("service", "securityscan").build());
    const PodPtr pod = PodBuilder("web").affinity("podAffinity", required({term("service", "securityscan", "zone")})).build();
    // n2 shares n1's zone; n3 is another zone; n4 has no zone label at all.
    QCOMPARE(c.filter(pod), (Outcomes{kOk, kOk, kAffinity, kAffinity}));
}

void TestInterPodAffinity::affinityCountsPodsMatchingAllTerms()
{
    // upstream updateWithAffinityTerms: a pod counts only if it matches every term.
    Cluster c({node("n1", "z1"), node("n2", "z2")});
    c.bind("n1", PodBuilder("a").label("app", "a").build());
    c.bind("n2", PodBuilder("ab").label("app", "a").label("tier", "b").build());
    const PodPtr pod = PodBuilder("p")
                           .affinity("podAffinity", required({term("app", "a", "zone"), term("tier", "b", "zone")}))
                           .build();
    QCOMPARE(c.filter(pod), (Outcomes{kAffinity, kOk}));
}

void TestInterPodAffinity::firstPodOfASelfAffineGroup()
{
    // upstream: "verify that PodAffinityTerm's topologyKey is respected when there's no
    // matching pod": no pod matches anywhere and the pod matches its own term, so every node
    // with the topology label passes; the node without it does not.
    Cluster c({node("n1", "z1"), node("n2", "z2"), node("n3")});
    c.bind("n1", PodBuilder("other").label("app", "other").build());
    const Value selfTerm = required({term("app", "web", "zone")});
    QCOMPARE(c.filter(PodBuilder("web-0").label("app", "web").affinity("podAffinity", selfTerm).build()),
             (Outcomes{kOk, kOk, kAffinity}));
    // A pod that does not match its own term has nothing to bootstrap from.
    QCOMPARE(c.filter(PodBuilder("x").label("app", "x").affinity("podAffinity", selfTerm).build()),
             (Outcomes{kAffinity, kAffinity, kAffinity}));
    // Once one replica runs, the others must join its zone.
    c.bind("n1", PodBuilder("web-0").label("app", "web").build());
    QCOMPARE(c.filter(PodBuilder("web-1").label("app", "web").affinity("podAffinity", selfTerm).build()),
             (Outcomes{kOk, kAffinity, kAffinity}));
}

void TestInterPodAffinity::requiredAntiAffinityExcludesTheDomain()
{
    Cluster c({node("n1", "z1"), node("n2", "z1"), node("n3", "z2"), node("n4")});
    c.bind("n1", PodBuilder("web-0").label("app", "web").build());
    // Per hostname: only n1 is excluded.
    QCOMPARE(c.filter(PodBuilder("web-1").label("app", "web")
                          .affinity("podAntiAffinity", required({term("app", "web", "kubernetes.io/hostname")}))
                          .build()),
             (Outcomes{kAnti, kOk, kOk, kOk}));
    // Per zone: z1 is excluded; a node without the zone label is in no domain and passes.
    QCOMPARE(c.filter(PodBuilder("web-1").label("app", "web")
                          .affinity("podAntiAffinity", required({term("app", "web", "zone")}))
                          .build()),
             (Outcomes{kAnti, kAnti, kOk, kOk}));
}

void TestInterPodAffinity::existingPodsAntiAffinityIsSymmetric()
{
    // upstream: "NodeA and nodeB have same topologyKey and label value. NodeA has an existing
    // pod that match the inter pod affinity rule. The pod can not be scheduled onto nodeA and
    // nodeB." The incoming pod has no affinity of its own.
    Cluster c({node("nodeA", "az1"), node("nodeB", "az1"), node("nodeC", "az2")});
    c.bind("nodeA", PodBuilder("guard").label("foo", "bar")
                        .affinity("podAntiAffinity", required({term("service", "securityscan", "zone")}))
                        .build());
    QCOMPARE(c.filter(PodBuilder("p").label("service", "securityscan").build()),
             (Outcomes{kExisting, kExisting, kOk}));
    // A pod the term does not select is not affected.
    QCOMPARE(c.filter(PodBuilder("q").label("service", "web").build()), (Outcomes{kOk, kOk, kOk}));
}

void TestInterPodAffinity::namespacesOfATerm()
{
    Cluster c({node("n1", "z1"), node("n2", "z2")});
    c.bind("n1", PodBuilder("db").inNamespace("data").label("app", "db").build());
    const auto withTerm = [](Value t) {
        return PodBuilder("web").affinity("podAffinity", required({std::move(t)})).build();
    };
    // Default: the pod's own namespace ("default"), where no db runs (and web is no db).
    QCOMPARE(c.filter(withTerm(term("app", "db", "zone"))), (Outcomes{kAffinity, kAffinity}));
    QCOMPARE(c.filter(withTerm(term("app", "db", "zone", {{"namespaces", seq({str("data")})}}))),
             (Outcomes{kOk, kAffinity}));
    // namespaceSelector {} selects every namespace.
    QCOMPARE(c.filter(withTerm(term("app", "db", "zone", {{"namespaceSelector", map({})}}))),
             (Outcomes{kOk, kAffinity}));
    // By the label every namespace carries.
    const Value byName = map({{"matchLabels", map({{"kubernetes.io/metadata.name", str("data")}})}});
    QCOMPARE(c.filter(withTerm(term("app", "db", "zone", {{"namespaceSelector", byName}}))),
             (Outcomes{kOk, kAffinity}));
}

void TestInterPodAffinity::matchLabelKeysJoinTheSelector()
{
    // matchLabelKeys: the pod's own value of the key joins the selector (`In`), so only
    // pods of the same revision count; mismatchLabelKeys adds `NotIn`.
    Cluster c({node("n1", "z1"), node("n2", "z2")});
    c.bind("n1", PodBuilder("old").label("app", "web").label("rev", "1").build());
    c.bind("n2", PodBuilder("new").label("app", "web").label("rev", "2").build());
    const PodPtr pod = PodBuilder("web").label("rev", "2")
                           .affinity("podAntiAffinity",
                                     required({term("app", "web", "zone", {{"matchLabelKeys", seq({str("rev")})}})}))
                           .build();
    QCOMPARE(c.filter(pod), (Outcomes{kOk, kAnti}));
    const PodPtr other = PodBuilder("web").label("rev", "2")
                             .affinity("podAntiAffinity",
                                       required({term("app", "web", "zone", {{"mismatchLabelKeys", seq({str("rev")})}})}))
                             .build();
    QCOMPARE(c.filter(other), (Outcomes{kAnti, kOk}));
}

void TestInterPodAffinity::affinityRejectionIsUnresolvable()
{
    // upstream Filter: affinity is UnschedulableAndUnresolvable (preemption cannot help),
    // anti-affinity and existing anti-affinity Unschedulable.
    Cluster c({node("n1", "z1")});
    c.bind("n1", PodBuilder("web-0").label("app", "web").build());
    const PodInfo affinity(PodBuilder("p").affinity("podAffinity", required({term("app", "db", "zone")})).build());
    const PodInfo anti(PodBuilder("q").affinity("podAntiAffinity", required({term("app", "web", "zone")})).build());
    const NamespaceLabels namespaces;
    const auto all = c.all();
    const FilterResult a = InterPodAffinity(affinity, all, namespaces).filter(c.infos[0]);
    QCOMPARE(a.code, FilterResult::Code::UnschedulableAndUnresolvable);
    QCOMPARE(a.plugin, std::string("InterPodAffinity"));
    QCOMPARE(InterPodAffinity(anti, all, namespaces).filter(c.infos[0]).code, FilterResult::Code::Unschedulable);
}

void TestInterPodAffinity::preferredTermsAreWeightedAndNormalised()
{
    // Raw sums per zone: z1 +5 (affinity to a), z2 −3 (anti-affinity to b), z3 0. Min-max:
    // 100 × (s − (−3)) / 8 → 100, 0, 37 (37.5 truncated).
    Cluster c({node("n1", "z1"), node("n2", "z2"), node("n3", "z3")});
    c.bind("n1", PodBuilder("a").label("app", "a").build());
    c.bind("n2", PodBuilder("b").label("app", "b").build());
    const PodPtr pod = PodBuilder("p")
                           .affinity("podAffinity", preferred({weighted(5, term("app", "a", "zone"))}))
                           .affinity("podAntiAffinity", preferred({weighted(3, term("app", "b", "zone"))}))
                           .build();
    QCOMPARE(c.scores(pod), (std::vector<std::int64_t>{100, 0, 37}));
    // No preferences at all: every node 0.
    QCOMPARE(c.scores(PodBuilder("q").build()), (std::vector<std::int64_t>{0, 0, 0}));
}

void TestInterPodAffinity::existingPodsTermsScoreTheIncomingPod()
{
    // Existing pods' terms that select the incoming pod: required affinity adds
    // hardPodAffinityWeight (1), preferred affinity its weight, preferred anti-affinity
    // subtracts. Raw: z1 +1, z2 +4, z3 −2 → min-max 50, 100, 0.
    Cluster c({node("n1", "z1"), node("n2", "z2"), node("n3", "z3")});
    c.bind("n1", PodBuilder("x").affinity("podAffinity", required({term("app", "web", "zone")})).build());
    c.bind("n2", PodBuilder("y").affinity("podAffinity", preferred({weighted(4, term("app", "web", "zone"))})).build());
    c.bind("n3", PodBuilder("z").affinity("podAntiAffinity", preferred({weighted(2, term("app", "web", "zone"))})).build());
    QCOMPARE(c.scores(PodBuilder("web").label("app", "web").build()), (std::vector<std::int64_t>{50, 100, 0}));
    // hardPodAffinityWeight 0 turns the required term's contribution off.
    const PodInfo info(PodBuilder("web").label("app", "web").build());
    const NamespaceLabels namespaces;
    const InterPodAffinity plugin(info, c.all(), namespaces, 0);
    QCOMPARE(plugin.rawScore(c.infos[0]), std::int64_t(0));
}

void TestInterPodAffinity::invalidTermMatchesNoNode()
{
    Cluster c({node("n1", "z1")});
    const Value bad = required({map({{"labelSelector", map({{"matchLabels", map({{"app", str("a")}})}})}})});
    // No topologyKey: the apiserver would reject the pod; here it matches no node.
    QCOMPARE(c.filter(PodBuilder("p").affinity("podAffinity", bad).build()), (Outcomes{kAffinity}));
}

QTEST_GUILESS_MAIN(TestInterPodAffinity)
#include "tst_inter_pod_affinity.moc"
