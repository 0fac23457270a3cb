// SPDX-License-Identifier: Apache-2.0
// Pod requests as upstream k8s.io/component-helpers/resource PodRequests computes them (the
// sidecar formula of KEP-753, overhead, the scheduler's non-zero defaults) and the scheduler
// cache's NodeInfo sums (pkg/scheduler/framework/types.go). Cases follow upstream's
// noderesources/fit.go doc example and component-helpers/resource/helpers_test.go.
#include "scheduler_test_objects.h"

#include "emulator/scheduler/node_info.h"
#include "emulator/scheduler/pod_info.h"
#include "emulator/scheduler/pod_requests.h"

#include <QtTest>

using namespace emu::sched;
using namespace schedtest;

Q_DECLARE_METATYPE(std::shared_ptr<const emu::store::Pod>)

namespace {
constexpr qint64 Mi = 1024 * 1024;
constexpr qint64 G = 1000 * 1000 * 1000;
} // namespace

class TestNodeInfo : public QObject
{
    Q_OBJECT

private slots:
    void podRequests_data();
    void podRequests();
    void scalarResourceNames_data();
    void scalarResourceNames();
    void overheadCanBeExcluded();
    void nodeInfoSumsRequests();
    void nodeInfoRemovesAndReplaces();
    void nodeInfoReadsNode();
};

void TestNodeInfo::podRequests_data()
{
    QTest::addColumn<std::shared_ptr<const emu::store::Pod>>("pod");
    QTest::addColumn<qint64>("milliCpu");
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("nonZeroMilliCpu");
    QTest::addColumn<qint64>("nonZeroMemory");

    QTest::newRow("no containers") << PodBuilder().build() << 0LL << 0LL << 0LL << 0LL;
    QTest::newRow("containers without requests: 0 for fit, 100m/200Mi each for scoring")
        << PodBuilder().container().container().build() << 0LL << 0LL << 200LL << 400 * Mi;
    QTest::newRow("explicit zero is kept, a missing request is defaulted")
        << PodBuilder().container(resources({{"memory", "0"}})).build() << 0LL << 0LL << 100LL << 0LL;
    QTest::newRow("app containers are summed")
        << PodBuilder().container(resources({{"cpu", "250m"}, {"memory", "64Mi"}}))
               .container(resources({{"cpu", "1"}}))
               .build()
        << 1250LL << 64 * Mi << 1250LL << 264 * Mi;
    // upstream: noderesources/fit.go computePodResourceRequest doc comment ("Result: CPU: 3, Memory: 3G")
    QTest::newRow("fit.go example: max(sum of app containers, largest init container)")
        << PodBuilder().init(resources({{"cpu", "2"}, {"memory", "1G"}}))
               .init(resources({{"cpu", "2"}, {"memory", "3G"}}))
               .container(resources({{"cpu", "2"}, {"memory", "1G"}}))
               .container(resources({{"cpu", "1"}, {"memory", "1G"}}))
               .build()
        << 3000LL << 3 * G << 3000LL << 3 * G;
    QTest::newRow("init container larger than the app containers")
        << PodBuilder().init(resources({{"cpu", "500m"}})).container(resources({{"cpu", "100m"}})).build()
        << 500LL << 0LL << 500LL << 200 * Mi;
    // sidecar 1 + init 2 = 3 while the init runs; sidecars 1 + 3 + init 1 = 5; running: app 2 + 1 + 3 = 6
    QTest::newRow("sidecars run beside later init containers and the app containers")
        << PodBuilder().sidecar(resources({{"cpu", "1"}}))
               .init(resources({{"cpu", "2"}}))
               .sidecar(resources({{"cpu", "3"}}))
               .init(resources({{"cpu", "1"}}))
               .container(resources({{"cpu", "2"}}))
               .build()
        << 6000LL << 0LL << 6000LL << 600 * Mi;
    // init 5 alone; after it the sidecar (1) and the app (1) run together: max(5, 2) = 5
    QTest::newRow("an init container before the sidecar does not add the sidecar")
        << PodBuilder().init(resources({{"cpu", "5"}}))
               .sidecar(resources({{"cpu", "1"}}))
               .container(resources({{"cpu", "1"}}))
               .build()
        << 5000LL << 0LL << 5000LL << 400 * Mi;
    // init 2 runs beside the sidecar 1: 3 > app 1 + sidecar 1 = 2
    QTest::newRow("an init container after the sidecar adds it")
        << PodBuilder().sidecar(resources({{"cpu", "1"}}))
               .init(resources({{"cpu", "2"}}))
               .container(resources({{"cpu", "1"}}))
               .build()
        << 3000LL << 0LL << 3000LL << 400 * Mi;
    QTest::newRow("overhead is added on top")
        << PodBuilder().container(resources({{"cpu", "1"}, {"memory", "1Gi"}}))
               .overhead({{"cpu", "250m"}, {"memory", "120Mi"}})
               .build()
        << 1250LL << 1024 * Mi + 120 * Mi << 1250LL << 1024 * Mi + 120 * Mi;
    QTest::newRow("overhead after the init maximum")
        << PodBuilder().init(resources({{"cpu", "2"}})).container(resources({{"cpu", "1"}}))
               .overhead({{"cpu", "100m"}})
               .build()
        << 2100LL << 0LL << 2100LL << 200 * Mi;
}

void TestNodeInfo::podRequests()
{
    QFETCH(std::shared_ptr<const emu::store::Pod>, pod);
    QFETCH(qint64, milliCpu);
    QFETCH(qint64, memory);
    QFETCH(qint64, nonZeroMilliCpu);
    QFETCH(qint64, nonZeroMemory);

    const PodInfo info(pod);
    QCOMPARE(info.requests().milliCpu, milliCpu);
    QCOMPARE(info.requests().memory, memory);
    QCOMPARE(info.nonZeroMilliCpu(), nonZeroMilliCpu);
    QCOMPARE(info.nonZeroMemory(), nonZeroMemory);
    QCOMPARE(info.scoringRequest("cpu", false), nonZeroMilliCpu);
    QCOMPARE(info.scoringRequest("cpu", true), milliCpu);
}

void TestNodeInfo::scalarResourceNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("scalar");
    QTest::newRow("extended") << "nvidia.com/gpu" << true;
    QTest::newRow("hugepages") << "hugepages-2Mi" << true;
    QTest::newRow("attachable volumes") << "attachable-volumes-csi-x" << true;
    QTest::newRow("prefixed native") << "kubernetes.io/something" << true;
    QTest::newRow("cpu") << "cpu" << false;
    QTest::newRow("unprefixed unknown") << "foo" << false;
    QTest::newRow("quota prefix") << "requests.example.com/x" << false;
}

void TestNodeInfo::scalarResourceNames()
{
    QFETCH(QString, name);
    QFETCH(bool, scalar);
    QCOMPARE(isScalarResourceName(name.toStdString()), scalar);
}

void TestNodeInfo::overheadCanBeExcluded()
{
    const auto pod = PodBuilder().container(resources({{"cpu", "1"}})).overhead({{"cpu", "500m"}}).build();
    PodRequestsOptions options;
    options.excludeOverhead = true;
    QCOMPARE(emu::sched::podRequests(*pod, options).at("cpu").milliValue(), 1000);
    QCOMPARE(emu::sched::podRequests(*pod).at("cpu").milliValue(), 1500);
    QCOMPARE(podOverhead(*pod).size(), std::size_t(1));
}

void TestNodeInfo::nodeInfoSumsRequests()
{
    NodeInfo node(NodeBuilder("n1").allocatable(resources({{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}})).build());
    node.addPod(PodBuilder("a").container(resources({{"cpu", "1"}, {"memory", "1Gi"}, {"nvidia.com/gpu", "2"}}))
                    .build());
    node.addPod(PodBuilder("b").container().build()); // best effort
    node.addPod(PodBuilder("c").container(resources({{"foo", "3"}, {"hugepages-2Mi", "4Mi"}})).build());

    QCOMPARE(node.podCount(), std::size_t(3));
    QCOMPARE(node.requested().milliCpu, 1000);
    QCOMPARE(node.requested().memory, 1024 * Mi);
    QCOMPARE(node.requested().amount("nvidia.com/gpu"), 2);
    QCOMPARE(node.requested().amount("hugepages-2Mi"), 4 * Mi);
    QCOMPARE(node.requested().amount("foo"), 0); // not a scheduling resource
    // the best-effort pod and pod c count 100m / 200Mi each for scoring
    QCOMPARE(node.nonZeroRequested().milliCpu, 1200);
    QCOMPARE(node.nonZeroRequested().memory, 1024 * Mi + 400 * Mi);
}

void TestNodeInfo::nodeInfoRemovesAndReplaces()
{
    NodeInfo node(NodeBuilder("n1").allocatable(resources({{"cpu", "4"}, {"pods", "10"}})).build());
    const auto a = PodBuilder("a").container(resources({{"cpu", "1"}})).build();
    const auto b = PodBuilder("b").container(resources({{"cpu", "2"}, {"memory", "1Gi"}})).build();
    node.addPod(a);
    node.addPod(b);
    QVERIFY(node.hasPod(*a));

    // same uid again (e.g. an update): replaced, not counted twice
    node.addPod(PodBuilder("a").container(resources({{"cpu", "500m"}})).build());
    QCOMPARE(node.podCount(), std::size_t(2));
    QCOMPARE(node.requested().milliCpu, 2500);

    QVERIFY(node.removePod(*b));
    QVERIFY(!node.removePod(*b));
    QVERIFY(!node.removePod(*PodBuilder("other").build()));
    QCOMPARE(node.podCount(), std::size_t(1));
    QCOMPARE(node.requested().milliCpu, 500);
    QCOMPARE(node.requested().memory, 0);
    QCOMPARE(node.nonZeroRequested().milliCpu, 500);
    QCOMPARE(node.nonZeroRequested().memory, 200 * Mi);
    QVERIFY(node.removePod(*a));
    QCOMPARE(node.requested().milliCpu, 0);
    QCOMPARE(node.nonZeroRequested().memory, 0);
    QCOMPARE(node.pods().size(), std::size_t(0));
}

void TestNodeInfo::nodeInfoReadsNode()
{
    NodeInfo node(NodeBuilder("n1")
                      .allocatable(resources({{"cpu", "3500m"}, {"memory", "16Gi"}, {"pods", "110"},
                                              {"ephemeral-storage", "90Gi"}, {"nvidia.com/gpu", "8"}}))
                      .label("zone", "a")
                      .taint("k", "v", "NoSchedule")
                      .taint("bad", "", "Sometimes")
                      .build());
    QCOMPARE(node.name(), std::string("n1"));
    QCOMPARE(node.labels().at("zone"), std::string("a"));
    QCOMPARE(node.allocatable().milliCpu, 3500);
    QCOMPARE(node.allocatable().memory, 16 * 1024 * Mi);
    QCOMPARE(node.allocatable().allowedPodNumber, 110);
    QCOMPARE(node.allocatable().ephemeralStorage, 90 * 1024 * Mi);
    QCOMPARE(node.allocatable().amount("nvidia.com/gpu"), 8);
    QCOMPARE(node.taints().size(), std::size_t(1));
    QCOMPARE(node.taints().front().key, std::string("k"));

    NodeInfo empty;
    QCOMPARE(empty.name(), std::string());
    QVERIFY(empty.node() == nullptr);
}

QTEST_APPLESS_MAIN(TestNodeInfo)
#include "tst_node_info.moc"
