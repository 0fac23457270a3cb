// SPDX-License-Identifier: Apache-2.0
// Which pods a ReplicaSet deletes first when it scales down (spec 7.2, upstream
// ActivePodsWithRanks): unassigned, Pending < Unknown < Running, not Ready, lower
// pod-deletion-cost, doubled up on a node, Ready for less time (logarithmic buckets, then
// the smaller UID), more restarts, newer.
#include "emulator/controllers/pod_deletion_ranking.h"

#include <QtTest>

using emu::SimDuration;
using emu::SimTime;
using emu::store::Pod;
using PodPtr = std::shared_ptr<const Pod>;

namespace {

const SimTime now = SimTime::fromSeconds(10'000);

struct PodSpec
{
    std::string name;
    std::string node = "n1";
    std::string phase = "Running";
    std::optional<double> readySince = {}; ///< seconds; Ready when set
    int restarts = 0;
    double created = 0;
    std::string cost = {};
};

PodPtr makePod(const PodSpec &s)
{
    Pod pod;
    pod.meta.name = s.name;
    pod.meta.namespaceName = "default";
    pod.meta.uid = "uid-" + s.name;
    pod.meta.creationTimestamp = SimTime::fromDuration(SimDuration::fromSeconds(s.created));
    if (!s.cost.empty())
        pod.meta.annotations["controller.kubernetes.io/pod-deletion-cost"] = s.cost;
    pod.spec.nodeName = s.node;
    pod.status.phase = s.phase;
    if (s.readySince)
        pod.status.conditions.push_back(
            {"Ready", "True", "", "", SimTime::fromDuration(SimDuration::fromSeconds(*s.readySince))});
    Pod::ContainerStatus cs;
    cs.name = "app";
    cs.restartCount = s.restarts;
    pod.status.containerStatuses.push_back(cs);
    return std::make_shared<const Pod>(std::move(pod));
}

std::vector<std::string> order(const std::vector<PodSpec> &specs, const std::vector<PodSpec> &related = {})
{
    std::vector<PodPtr> pods;
    for (const PodSpec &s : specs)
        pods.push_back(makePod(s));
    std::vector<PodPtr> relatedPods = pods;
    for (const PodSpec &s : related)
        relatedPods.push_back(makePod(s));
    // Deleting all but one sorts them (all of them would be returned unsorted).
    std::vector<std::string> names;
    for (const PodPtr &p : emu::ctrl::podsToDelete(pods, relatedPods, pods.size() - 1, now))
        names.push_back(p->meta.name);
    return names;
}

} // namespace

class TestPodDeletionRanking : public QObject
{
    Q_OBJECT

private slots:
    void unassignedPendingUnknownRunning();
    void notReadyBeforeReady();
    void deletionCostBeforeDoubledUp();
    void doubledUpBeforeReadyTime();
    void shorterReadyTimeInLogarithmicBuckets();
    void restartsThenNewer();
};

void TestPodDeletionRanking::unassignedPendingUnknownRunning()
{
    const auto names = order({{"running", "n1", "Running", 5000},
                              {"unknown", "n1", "Unknown"},
                              {"pending", "n1", "Pending"},
                              {"unassigned", "", "Pending"},
                              {"keeper", "n1", "Running", 100}});
    QCOMPARE(names, (std::vector<std::string>{"unassigned", "pending", "unknown", "running"}));
}

void TestPodDeletionRanking::notReadyBeforeReady()
{
    const auto names = order({{"ready", "n1", "Running", 100}, {"not-ready", "n1", "Running"},
                              {"keeper", "n1", "Running", 50}});
    QCOMPARE(names.front(), std::string("not-ready"));
}

void TestPodDeletionRanking::deletionCostBeforeDoubledUp()
{
    // "cheap" is alone on its node but its deletion cost is lower: cost wins over rank.
    PodSpec cheap{"cheap", "n2", "Running", 100};
    cheap.cost = "-5";
    const auto names = order({{"doubled", "n1", "Running", 100}, cheap, {"keeper", "n3", "Running", 100}},
                             {{"other", "n1", "Running", 100}});
    QCOMPARE(names.front(), std::string("cheap"));
    // A cost that is not an int32 counts as 0.
    PodSpec bogus{"bogus", "n2", "Running", 100};
    bogus.cost = "lots";
    QCOMPARE(order({{"doubled", "n1", "Running", 100}, bogus, {"keeper", "n3", "Running", 100}},
                   {{"other", "n1", "Running", 100}})
                 .front(),
             std::string("doubled"));
}

void TestPodDeletionRanking::doubledUpBeforeReadyTime()
{
    // Both Ready; "crowded" shares n1 with two related pods, "alone" became Ready later.
    const auto names = order({{"alone", "n2", "Running", 9000}, {"crowded", "n1", "Running", 100},
                              {"keeper", "n3", "Running", 100}},
                             {{"x", "n1", "Running", 100}, {"y", "n1", "Running", 100}});
    QCOMPARE(names.front(), std::string("crowded"));
}

void TestPodDeletionRanking::shorterReadyTimeInLogarithmicBuckets()
{
    // Ready 9,000 s ago vs 10 s ago: different log2 buckets, the younger one goes first.
    QCOMPARE(order({{"old", "n1", "Running", 1000}, {"young", "n2", "Running", 9990},
                    {"keeper", "n3", "Running", 0}})
                 .front(),
             std::string("young"));
    // Ready 5,000 s and 5,500 s ago: log2 of the ages in ns is 42 for both, so the UIDs
    // decide ("uid-a" < "uid-b") whatever the exact times, and restarts are not consulted.
    PodSpec b{"b", "n1", "Running", 5000};
    PodSpec a{"a", "n2", "Running", 4500};
    a.restarts = 0;
    b.restarts = 9;
    QCOMPARE(order({b, a, {"keeper", "n3", "Running", 0}}).front(), std::string("a"));
}

void TestPodDeletionRanking::restartsThenNewer()
{
    PodSpec flaky{"flaky", "n1", "Pending"};
    flaky.restarts = 4;
    PodSpec steady{"steady", "n2", "Pending"};
    steady.created = 9000;
    QCOMPARE(order({steady, flaky, {"keeper", "n3", "Running", 1}}).front(), std::string("flaky"));
    PodSpec newer{"newer", "n1", "Pending"};
    newer.created = 9990;
    PodSpec older{"older", "n2", "Pending"};
    older.created = 10;
    QCOMPARE(order({older, newer, {"keeper", "n3", "Running", 1}}).front(), std::string("newer"));
}

QTEST_APPLESS_MAIN(TestPodDeletionRanking)
#include "tst_pod_deletion_ranking.moc"
