// SPDX-License-Identifier: Apache-2.0
#include "emulator/store/object_store.h"

#include <QtTest>

using namespace emu;
using namespace emu::store;

namespace {
Node node(const std::string &name)
{
    Node n;
    n.meta.name = name;
    return n;
}
} // namespace

class TestObjectStore : public QObject
{
    Q_OBJECT

private slots:
    void createAssignsServerFields();
    void resourceVersionIncreasesAcrossKinds();
    void staleUpdateConflicts();
    void updateKeepsIdentityAndBumpsGeneration();
    void patchNeverConflicts();
    void finalizersDelayDeletion();
    void watchDeliversAfterTheWritingEventInOrder();
    void watchReplaysExistingObjects();
    void watchFromRevisionDeliversExactlyTheMissedChanges();
    void watchFromCompactedRevisionIsRefused();
    void objectsAreImmutableSnapshots();
};

void TestObjectStore::createAssignsServerFields()
{
    Engine engine;
    ObjectStore store(engine);
    engine.runUntil(SimTime::fromSeconds(7));
    QVERIFY(store.nodes().create(node("n1")).ok());
    const auto stored = store.nodes().get("n1");
    QVERIFY(!stored->meta.uid.empty());
    QCOMPARE(stored->meta.resourceVersion, std::uint64_t(1));
    QCOMPARE(stored->meta.generation, std::int64_t(1));
    QCOMPARE(stored->meta.creationTimestamp, SimTime::fromSeconds(7));
    const StoreResult again = store.nodes().create(node("n1"));
    QCOMPARE(again.error, StoreError::AlreadyExists);
    QCOMPARE(again.message, std::string("nodes \"n1\" already exists"));
}

void TestObjectStore::resourceVersionIncreasesAcrossKinds()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("n1"));
    Lease lease;
    lease.meta.name = "n1";
    lease.meta.namespaceName = "kube-node-lease";
    store.leases().create(lease);
    store.nodes().patch("n1", [](Node &n) { n.spec.unschedulable = true; });
    QCOMPARE(store.leases().get("kube-node-lease/n1")->meta.resourceVersion, std::uint64_t(2));
    QCOMPARE(store.nodes().get("n1")->meta.resourceVersion, std::uint64_t(3));
    QCOMPARE(store.revision(), std::uint64_t(3));
}

void TestObjectStore::staleUpdateConflicts()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("n1"));
    Node first = *store.nodes().get("n1");
    Node second = first;
    first.spec.unschedulable = true;
    QVERIFY(store.nodes().update(first).ok());
    second.spec.providerID = "x";
    const StoreResult conflict = store.nodes().update(second);
    QCOMPARE(conflict.error, StoreError::Conflict);
    QVERIFY(conflict.message.find("the object has been modified") != std::string::npos);
    QVERIFY(store.nodes().get("n1")->spec.unschedulable);
    QCOMPARE(store.nodes().update(node("missing")).error, StoreError::NotFound);
}

void TestObjectStore::updateKeepsIdentityAndBumpsGeneration()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("n1"));
    const std::string uid = store.nodes().get("n1")->meta.uid;
    Node changed = *store.nodes().get("n1");
    changed.meta.uid = "forged";
    changed.meta.creationTimestamp = SimTime::fromSeconds(99);
    QVERIFY(store.nodes().update(changed, true).ok());
    QCOMPARE(store.nodes().get("n1")->meta.uid, uid);
    QCOMPARE(store.nodes().get("n1")->meta.creationTimestamp, SimTime());
    QCOMPARE(store.nodes().get("n1")->meta.generation, std::int64_t(2));
    store.nodes().patch("n1", [](Node &n) { n.status.kubeletPort = 1; }); // status only
    QCOMPARE(store.nodes().get("n1")->meta.generation, std::int64_t(2));
}

void TestObjectStore::patchNeverConflicts()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("n1"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.nodes().patch("n1", [i](Node &n) { n.spec.podCIDR = std::to_string(i); }).ok());
    QCOMPARE(store.nodes().get("n1")->spec.podCIDR, std::string("2"));
    QCOMPARE(store.nodes().patch("nope", [](Node &) {}).error, StoreError::NotFound);
}

void TestObjectStore::finalizersDelayDeletion()
{
    Engine engine;
    ObjectStore store(engine);
    Node n = node("n1");
    n.meta.finalizers = {"example.com/hold"};
    store.nodes().create(n);
    engine.runUntil(SimTime::fromSeconds(3));
    QVERIFY(store.nodes().remove("n1").ok());
    const auto terminating = store.nodes().get("n1");
    QVERIFY(terminating);
    QCOMPARE(terminating->meta.deletionTimestamp.value(), SimTime::fromSeconds(3));
    store.nodes().patch("n1", [](Node &x) { x.meta.finalizers.clear(); });
    QVERIFY(!store.nodes().get("n1"));
}

void TestObjectStore::watchDeliversAfterTheWritingEventInOrder()
{
    Engine engine;
    ObjectStore store(engine);
    std::vector<std::string> seen;
    store.nodes().watch([&](const WatchEvent<Node> &e) {
        seen.push_back(std::to_string(static_cast<int>(e.type)) + ":" + e.object->meta.name + ":"
                       + std::to_string(e.revision));
    });
    store.nodes().create(node("a"));
    store.nodes().patch("a", [](Node &n) { n.spec.unschedulable = true; });
    store.nodes().remove("a");
    QVERIFY(seen.empty()); // not inside the writing event
    engine.runUntil(SimTime());
    QCOMPARE(seen, (std::vector<std::string>{"0:a:1", "1:a:2", "2:a:3"}));
}

void TestObjectStore::watchReplaysExistingObjects()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("b"));
    store.nodes().create(node("a"));
    std::vector<std::string> seen;
    store.nodes().watch([&](const WatchEvent<Node> &e) { seen.push_back(e.object->meta.name); });
    engine.runUntil(SimTime());
    QCOMPARE(seen, (std::vector<std::string>{"a", "b"}));
}

void TestObjectStore::watchFromRevisionDeliversExactlyTheMissedChanges()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("a"));                                         // rv 1
    const std::uint64_t seen = store.revision();
    store.nodes().patch("a", [](Node &n) { n.spec.podCIDR = "x"; });         // rv 2
    store.nodes().create(node("b"));                                         // rv 3
    std::vector<std::uint64_t> revisions;
    QVERIFY(store.nodes().watchFrom(seen, [&](const WatchEvent<Node> &e) { revisions.push_back(e.revision); }));
    store.nodes().remove("b");                                               // rv 4
    engine.runUntil(SimTime());
    QCOMPARE(revisions, (std::vector<std::uint64_t>{2, 3, 4}));
}

void TestObjectStore::watchFromCompactedRevisionIsRefused()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().setLogCapacity(2);
    store.nodes().create(node("a"));
    for (int i = 0; i < 5; ++i)
        store.nodes().patch("a", [i](Node &n) { n.spec.podCIDR = std::to_string(i); });
    QVERIFY(!store.nodes().watchFrom(1, [](const WatchEvent<Node> &) {}));
    QVERIFY(store.nodes().watchFrom(store.revision() - 1, [](const WatchEvent<Node> &) {}));
}

void TestObjectStore::objectsAreImmutableSnapshots()
{
    Engine engine;
    ObjectStore store(engine);
    store.nodes().create(node("a"));
    const auto before = store.nodes().get("a");
    store.nodes().patch("a", [](Node &n) { n.spec.podCIDR = "10.0.0.0/24"; });
    QVERIFY(before->spec.podCIDR.empty()); // a reader's copy never changes under it
    QCOMPARE(store.nodes().get("a")->spec.podCIDR, std::string("10.0.0.0/24"));
}

QTEST_APPLESS_MAIN(TestObjectStore)
#include "tst_object_store.moc"
