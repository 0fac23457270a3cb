// SPDX-License-Identifier: Apache-2.0
// upstream: pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS (the cases without
// pod-level resources, which the emulator ignores), plus the API server's request defaulting.
#include "emulator/kubelet/qos_class.h"

#include <QtTest>

#include <optional>
#include <vector>

using emu::api::Quantity;
using emu::store::Container;
using emu::store::Pod;
using emu::store::ResourceList;

namespace {

// getResourceList(cpu, memory): an empty string leaves the resource out.
ResourceList resources(const char *cpu, const char *memory)
{
    ResourceList list;
    if (*cpu)
        list["cpu"] = *Quantity::parse(cpu);
    if (*memory)
        list["memory"] = *Quantity::parse(memory);
    return list;
}

struct C
{
    ResourceList requests;
    ResourceList limits;
};

Container container(const C &c)
{
    Container out;
    out.requests = c.requests;
    out.limits = c.limits;
    return out;
}

} // namespace

Q_DECLARE_METATYPE(C)
Q_DECLARE_METATYPE(std::vector<C>)

class TestQosClass : public QObject
{
    Q_OBJECT

private slots:
    void upstream_data();
    void upstream();
    void requestsDefaultToLimits_data();
    void requestsDefaultToLimits();
    void podLevelFieldsIgnored();
};

void TestQosClass::upstream_data()
{
    QTest::addColumn<std::vector<C>>("containers");
    QTest::addColumn<std::vector<C>>("initContainers");
    QTest::addColumn<QString>("expected");

    const auto r = resources;
    QTest::newRow("guaranteed")
        << std::vector<C>{{r("100m", "100Mi"), r("100m", "100Mi")}} << std::vector<C>{} << "Guaranteed";
    QTest::newRow("guaranteed-guaranteed")
        << std::vector<C>{{r("100m", "100Mi"), r("100m", "100Mi")}, {r("100m", "100Mi"), r("100m", "100Mi")}}
        << std::vector<C>{} << "Guaranteed";
    QTest::newRow("best-effort-best-effort")
        << std::vector<C>{{r("", ""), r("", "")}, {r("", ""), r("", "")}} << std::vector<C>{} << "BestEffort";
    QTest::newRow("best-effort") << std::vector<C>{{r("", ""), r("", "")}} << std::vector<C>{} << "BestEffort";
    QTest::newRow("best-effort-burstable")
        << std::vector<C>{{r("", ""), r("", "")}, {r("1", ""), r("2", "")}} << std::vector<C>{} << "Burstable";
    QTest::newRow("best-effort-guaranteed")
        << std::vector<C>{{r("", ""), r("", "")}, {r("10m", "100Mi"), r("10m", "100Mi")}}
        << std::vector<C>{} << "Burstable";
    QTest::newRow("burstable-cpu-guaranteed-memory")
        << std::vector<C>{{r("", "100Mi"), r("", "100Mi")}} << std::vector<C>{} << "Burstable";
    QTest::newRow("burstable-no-limits")
        << std::vector<C>{{r("100m", "100Mi"), r("", "")}} << std::vector<C>{} << "Burstable";
    QTest::newRow("burstable-guaranteed")
        << std::vector<C>{{r("1", "100Mi"), r("2", "100Mi")}, {r("100m", "100Mi"), r("100m", "100Mi")}}
        << std::vector<C>{} << "Burstable";
    QTest::newRow("burstable-unbounded-but-requests-match-limits")
        << std::vector<C>{{r("100m", "100Mi"), r("200m", "200Mi")}, {r("100m", "100Mi"), r("", "")}}
        << std::vector<C>{} << "Burstable";
    QTest::newRow("burstable-1")
        << std::vector<C>{{r("10m", "100Mi"), r("100m", "200Mi")}} << std::vector<C>{} << "Burstable";
    QTest::newRow("burstable-2 (zero requests are ignored)")
        << std::vector<C>{{r("0", "0"), r("100m", "200Mi")}} << std::vector<C>{} << "Burstable";
    {
        ResourceList hugepages = r("0", "0");
        hugepages["hugepages-2Mi"] = *Quantity::parse("1Gi");
        QTest::newRow("best-effort-hugepages (only cpu and memory count)")
            << std::vector<C>{{hugepages, hugepages}} << std::vector<C>{} << "BestEffort";
    }
    QTest::newRow("init-container")
        << std::vector<C>{{r("", ""), r("", "")}} << std::vector<C>{{r("10m", "100Mi"), r("100m", "200Mi")}}
        << "Burstable";
    // Beyond qos_test.go, straight from GetPodQOS's code:
    QTest::newRow("guaranteed init container and app container")
        << std::vector<C>{{r("1", "1Gi"), r("1", "1Gi")}} << std::vector<C>{{r("500m", "64Mi"), r("500m", "64Mi")}}
        << "Guaranteed";
    QTest::newRow("best-effort init container breaks Guaranteed")
        << std::vector<C>{{r("1", "1Gi"), r("1", "1Gi")}} << std::vector<C>{{r("", ""), r("", "")}}
        << "Burstable";
    // Requests and limits are compared as pod sums, not per container.
    QTest::newRow("sums equal although containers differ")
        << std::vector<C>{{r("1", "100Mi"), r("2", "100Mi")}, {r("2", "100Mi"), r("1", "100Mi")}}
        << std::vector<C>{} << "Guaranteed";
    QTest::newRow("equal values in different units")
        << std::vector<C>{{r("1", "1Gi"), r("1000m", "1024Mi")}} << std::vector<C>{} << "Guaranteed";
    QTest::newRow("zero limits do not count as limits")
        << std::vector<C>{{r("", ""), r("0", "0")}} << std::vector<C>{} << "BestEffort";
}

void TestQosClass::upstream()
{
    QFETCH(std::vector<C>, containers);
    QFETCH(std::vector<C>, initContainers);
    QFETCH(QString, expected);
    Pod pod;
    for (const C &c : containers)
        pod.spec.containers.push_back(container(c));
    for (const C &c : initContainers)
        pod.spec.initContainers.push_back(container(c));
    QCOMPARE(QString::fromStdString(emu::kubelet::qosClass(pod)), expected);
}

void TestQosClass::requestsDefaultToLimits_data()
{
    QTest::addColumn<C>("c");
    QTest::addColumn<QString>("expected");

    const auto r = resources;
    // SetDefaults_Pod copies limits into unset requests, so on a real server these pods get:
    QTest::newRow("limits only") << C{r("", ""), r("500m", "256Mi")} << "Guaranteed";
    QTest::newRow("memory request, both limits") << C{r("", "256Mi"), r("500m", "256Mi")} << "Guaranteed";
    QTest::newRow("lower memory request, both limits") << C{r("", "128Mi"), r("500m", "256Mi")} << "Burstable";
    QTest::newRow("cpu limit only") << C{r("", ""), r("500m", "")} << "Burstable";
    QTest::newRow("explicit zero request is not replaced") << C{r("0", ""), r("500m", "256Mi")} << "Burstable";
}

void TestQosClass::requestsDefaultToLimits()
{
    QFETCH(C, c);
    QFETCH(QString, expected);
    Pod pod;
    pod.spec.containers.push_back(container(c));
    QCOMPARE(QString::fromStdString(emu::kubelet::qosClass(pod)), expected);
}

void TestQosClass::podLevelFieldsIgnored()
{
    // Pod-level resources (spec.resources, feature PodLevelResources) are not looked at.
    Pod pod;
    pod.spec.containers.push_back(container(C{resources("", ""), resources("", "")}));
    pod.spec.full.set("resources", emu::api::Value::mapping());
    QCOMPARE(QString::fromStdString(emu::kubelet::qosClass(pod)), QStringLiteral("BestEffort"));
    QVERIFY(pod.status.qosClass.empty()); // a pure function: the pod is not changed
}

QTEST_APPLESS_MAIN(TestQosClass)
#include "tst_qos_class.moc"
