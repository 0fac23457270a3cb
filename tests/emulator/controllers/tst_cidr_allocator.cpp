// SPDX-License-Identifier: Apache-2.0
// upstream pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (and cidr_set_test.go's shapes);
// spec 3.9.
#include "emulator/controllers/cidr_allocator.h"

#include <QtTest>

#include <set>
#include <string>

using emu::ctrl::CidrAllocator;

class TestCidrAllocator : public QObject
{
    Q_OBJECT

private slots:
    void defaultRangeThenExhaustion();
    void occupy();
    void occupyWiderAndNarrowerCidrs();
    void occupyOutOfRange();
    void releaseIsRoundRobin();
    void releaseAfterExhaustion();
    void smallMasks_data();
    void smallMasks();
    void hostBitsAreDropped();
    void invalid_data();
    void invalid();
};

void TestCidrAllocator::defaultRangeThenExhaustion()
{
    CidrAllocator alloc("10.244.0.0/16", 24);
    QVERIFY(alloc.isValid());
    QCOMPARE(alloc.capacity(), std::size_t(256));
    QCOMPARE(alloc.used(), std::size_t(0));

    std::set<std::string> seen;
    for (int i = 0; i < 256; ++i) {
        const auto cidr = alloc.allocateNext();
        QVERIFY(cidr);
        QCOMPARE(*cidr, "10.244." + std::to_string(i) + ".0/24");
        seen.insert(*cidr);
    }
    QCOMPARE(seen.size(), std::size_t(256));
    QCOMPARE(alloc.used(), std::size_t(256));

    QVERIFY(!alloc.allocateNext());
    QCOMPARE(alloc.errorString(), std::string("CIDR allocation failed; there are no remaining CIDRs left to "
                                              "allocate in the accepted range"));
    QCOMPARE(std::string_view(alloc.errorString()), CidrAllocator::kErrNoRemainingCidrs);
    QCOMPARE(alloc.used(), std::size_t(256));
}

void TestCidrAllocator::occupy()
{
    CidrAllocator alloc("10.244.0.0/16", 24);
    QVERIFY(alloc.occupy("10.244.0.0/24"));
    QVERIFY(alloc.occupy("10.244.1.0/24"));
    QVERIFY(alloc.occupy("10.244.1.0/24")); // "Occupy succeeds even if the CIDR range was previously used"
    QCOMPARE(alloc.used(), std::size_t(2));
    QVERIFY(alloc.isOccupied("10.244.1.0/24"));
    QVERIFY(!alloc.isOccupied("10.244.2.0/24"));
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.2.0/24"));
    // Occupied ranges further on are skipped.
    QVERIFY(alloc.occupy("10.244.3.0/24"));
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.4.0/24"));
    QCOMPARE(alloc.used(), std::size_t(5));
}

void TestCidrAllocator::occupyWiderAndNarrowerCidrs()
{
    CidrAllocator alloc("10.244.0.0/16", 24);
    QVERIFY(alloc.occupy("10.244.16.0/20")); // 16 node ranges
    QCOMPARE(alloc.used(), std::size_t(16));
    QVERIFY(alloc.isOccupied("10.244.31.0/24"));
    QVERIFY(!alloc.isOccupied("10.244.32.0/24"));
    QVERIFY(alloc.occupy("10.244.40.64/26")); // inside one node range: that range
    QCOMPARE(alloc.used(), std::size_t(17));
    QVERIFY(alloc.isOccupied("10.244.40.0/24"));

    // A CIDR covering the whole cluster CIDR (e.g. an overlapping service range) takes everything.
    CidrAllocator all("10.244.0.0/16", 24);
    QVERIFY(all.occupy("10.0.0.0/8"));
    QCOMPARE(all.used(), std::size_t(256));
    QVERIFY(!all.allocateNext());
    QVERIFY(all.release("10.244.0.0/16"));
    QCOMPARE(all.used(), std::size_t(0));
}

void TestCidrAllocator::occupyOutOfRange()
{
    CidrAllocator alloc("10.244.0.0/16", 24);
    QVERIFY(!alloc.occupy("10.245.0.0/24"));
    QCOMPARE(alloc.errorString(), std::string("cidr 10.245.0.0/24 is out the range of cluster cidr 10.244.0.0/16"));
    QVERIFY(!alloc.occupy("not-a-cidr"));
    QCOMPARE(alloc.errorString(), std::string("invalid CIDR address: not-a-cidr"));
    QVERIFY(!alloc.release("192.168.0.0/24"));
    QVERIFY(!alloc.isOccupied("192.168.0.0/24"));
    QCOMPARE(alloc.used(), std::size_t(0));
}

void TestCidrAllocator::releaseIsRoundRobin()
{
    CidrAllocator alloc("10.244.0.0/16", 24);
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.0.0/24"));
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.1.0/24"));
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.2.0/24"));
    QVERIFY(alloc.release("10.244.1.0/24"));
    QCOMPARE(alloc.used(), std::size_t(2));
    QVERIFY(!alloc.isOccupied("10.244.1.0/24"));
    // nextCandidate does not move back: the released range is not reused at once.
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.3.0/24"));
    // Releasing twice does not double count.
    QVERIFY(alloc.release("10.244.1.0/24"));
    QCOMPARE(alloc.used(), std::size_t(3));
}

void TestCidrAllocator::releaseAfterExhaustion()
{
    CidrAllocator alloc("10.0.0.0/28", 30); // 4 ranges
    for (int i = 0; i < 4; ++i)
        QVERIFY(alloc.allocateNext());
    QVERIFY(!alloc.allocateNext());
    QVERIFY(alloc.release("10.0.0.4/30"));
    // The scan wraps from nextCandidate (0) to the one free range.
    QCOMPARE(*alloc.allocateNext(), std::string("10.0.0.4/30"));
    QVERIFY(!alloc.allocateNext());
}

void TestCidrAllocator::smallMasks_data()
{
    QTest::addColumn<QByteArray>("cluster");
    QTest::addColumn<int>("nodeMask");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QStringList>("first");

    QTest::newRow("/28 with /30") << QByteArray("10.0.0.0/28") << 30 << 4
                                  << QStringList{"10.0.0.0/30", "10.0.0.4/30", "10.0.0.8/30", "10.0.0.12/30"};
    QTest::newRow("/24 with /30") << QByteArray("192.168.1.0/24") << 30 << 64
                                  << QStringList{"192.168.1.0/30", "192.168.1.4/30"};
    QTest::newRow("/30 with /30: one range") << QByteArray("10.0.0.0/30") << 30 << 1 << QStringList{"10.0.0.0/30"};
    QTest::newRow("/24 with /32") << QByteArray("10.1.2.0/24") << 32 << 256
                                  << QStringList{"10.1.2.0/32", "10.1.2.1/32", "10.1.2.2/32"};
    QTest::newRow("/8 with /24: 16 bits, the limit") << QByteArray("10.0.0.0/8") << 24 << 65536
                                                      << QStringList{"10.0.0.0/24", "10.0.1.0/24"};
}

void TestCidrAllocator::smallMasks()
{
    QFETCH(QByteArray, cluster);
    QFETCH(int, nodeMask);
    QFETCH(int, capacity);
    QFETCH(QStringList, first);

    CidrAllocator alloc(cluster.toStdString(), nodeMask);
    QVERIFY2(alloc.isValid(), alloc.errorString().c_str());
    QCOMPARE(alloc.capacity(), std::size_t(capacity));
    QCOMPARE(alloc.nodeMaskSize(), nodeMask);
    for (const QString &expected : first)
        QCOMPARE(QString::fromStdString(*alloc.allocateNext()), expected);
    for (int i = int(first.size()); i < capacity; ++i)
        QVERIFY(alloc.allocateNext());
    QVERIFY(!alloc.allocateNext());
    QCOMPARE(alloc.used(), std::size_t(capacity));
}

void TestCidrAllocator::hostBitsAreDropped()
{
    CidrAllocator alloc("10.244.1.7/16", 24);
    QVERIFY(alloc.isValid());
    QCOMPARE(alloc.clusterCidr(), std::string("10.244.0.0/16"));
    QCOMPARE(*alloc.allocateNext(), std::string("10.244.0.0/24"));
    QVERIFY(alloc.occupy("10.244.5.9/24"));
    QVERIFY(alloc.isOccupied("10.244.5.0/24"));
}

void TestCidrAllocator::invalid_data()
{
    QTest::addColumn<QByteArray>("cluster");
    QTest::addColumn<int>("nodeMask");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("no prefix") << QByteArray("10.244.0.0") << 24 << QByteArray("invalid CIDR address: 10.244.0.0");
    QTest::newRow("prefix 33") << QByteArray("10.244.0.0/33") << 24
                               << QByteArray("invalid CIDR address: 10.244.0.0/33");
    QTest::newRow("bad octet") << QByteArray("256.0.0.0/8") << 24 << QByteArray("invalid CIDR address: 256.0.0.0/8");
    QTest::newRow("IPv6") << QByteArray("fd00::/48") << 64 << QByteArray("invalid CIDR address: fd00::/48");
    QTest::newRow("empty") << QByteArray("") << 24 << QByteArray("invalid CIDR address: ");
    QTest::newRow("node mask shorter than cluster")
        << QByteArray("10.244.0.0/16") << 8
        << QByteArray("Controller: Invalid --cluster-cidr, mask size of cluster CIDR must be less than or equal to "
                      "--node-cidr-mask-size configured for CIDR family");
    QTest::newRow("node mask 33")
        << QByteArray("10.244.0.0/16") << 33
        << QByteArray("invalid node CIDR mask size /33: an IPv4 mask size must be between 0 and 32");
    QTest::newRow("node mask negative")
        << QByteArray("10.244.0.0/16") << -1
        << QByteArray("invalid node CIDR mask size /-1: an IPv4 mask size must be between 0 and 32");
    QTest::newRow("17 bits") << QByteArray("10.0.0.0/8") << 25
                             << QByteArray("New CIDR set failed; the node CIDR size is too big");
}

void TestCidrAllocator::invalid()
{
    QFETCH(QByteArray, cluster);
    QFETCH(int, nodeMask);
    QFETCH(QByteArray, error);

    CidrAllocator alloc(cluster.toStdString(), nodeMask);
    QVERIFY(!alloc.isValid());
    QCOMPARE(QByteArray::fromStdString(alloc.errorString()), error);
    QCOMPARE(alloc.capacity(), std::size_t(0));
    QCOMPARE(alloc.used(), std::size_t(0));
    QVERIFY(!alloc.allocateNext());
    QVERIFY(!alloc.occupy("10.244.0.0/24"));
    QVERIFY(!alloc.release("10.244.0.0/24"));
}

QTEST_APPLESS_MAIN(TestCidrAllocator)
#include "tst_cidr_allocator.moc"
