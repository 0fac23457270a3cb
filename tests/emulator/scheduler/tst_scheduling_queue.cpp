// SPDX-License-Identifier: Apache-2.0
// The active queue's order (upstream PrioritySort): priority, then timestamp, then FIFO.
#include "emulator/scheduler/scheduling_queue.h"

#include <QtTest>

using emu::SimTime;
using emu::sched::SchedulingQueue;

class TestSchedulingQueue : public QObject
{
    Q_OBJECT

private slots:
    void ordersByPriorityThenTime();
    void aPodIsQueuedOnce();
};

void TestSchedulingQueue::ordersByPriorityThenTime()
{
    SchedulingQueue q;
    QVERIFY(q.add("ns/late-low", 0, SimTime::fromSeconds(5)));
    QVERIFY(q.add("ns/early-low", 0, SimTime::fromSeconds(1)));
    QVERIFY(q.add("ns/high", 1000, SimTime::fromSeconds(9)));
    QVERIFY(q.add("ns/negative", -5, SimTime::fromSeconds(0)));
    QVERIFY(q.add("ns/early-low-2", 0, SimTime::fromSeconds(1)));
    QCOMPARE(q.size(), std::size_t(5));
    QCOMPARE(*q.pop(), std::string("ns/high"));
    QCOMPARE(*q.pop(), std::string("ns/early-low"));
    QCOMPARE(*q.pop(), std::string("ns/early-low-2")); // same time: the order of adding
    QCOMPARE(*q.pop(), std::string("ns/late-low"));
    QCOMPARE(*q.pop(), std::string("ns/negative"));
    QVERIFY(!q.pop());
    QVERIFY(q.empty());
}

void TestSchedulingQueue::aPodIsQueuedOnce()
{
    SchedulingQueue q;
    QVERIFY(q.add("ns/a", 0, SimTime::fromSeconds(1)));
    QVERIFY(!q.add("ns/a", 100, SimTime::fromSeconds(0)));
    QVERIFY(q.contains("ns/a"));
    QCOMPARE(q.size(), std::size_t(1));
    QCOMPARE(*q.pop(), std::string("ns/a"));
    QVERIFY(!q.contains("ns/a"));
    QVERIFY(q.add("ns/a", 0, SimTime::fromSeconds(2)));
}

QTEST_APPLESS_MAIN(TestSchedulingQueue)
#include "tst_scheduling_queue.moc"
