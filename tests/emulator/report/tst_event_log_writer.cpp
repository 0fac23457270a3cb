// SPDX-License-Identifier: Apache-2.0
// The event log is a contract (one JSON object per line, fixed key order), so these tests
// compare whole lines.
#include "emulator/report/event_log_writer.h"
#include "emulator/report/report_format.h"

#include <QtTest>

#include <sstream>

using emu::api::Value;
using namespace emu::report;

namespace {

constexpr std::int64_t kMs = 1000000;
constexpr std::int64_t kSec = 1000 * kMs;

EventRecord makeEvent(std::int64_t timeNs, std::string type, std::string reason, std::string kind,
                  std::string ns, std::string name, std::string message)
{
    EventRecord e;
    e.timeNs = timeNs;
    e.type = std::move(type);
    e.reason = std::move(reason);
    e.kind = std::move(kind);
    e.namespaceName = std::move(ns);
    e.name = std::move(name);
    e.message = std::move(message);
    return e;
}

} // namespace

class TestEventLogWriter : public QObject
{
    Q_OBJECT

private slots:
    void timeFormatting_data();
    void timeFormatting();
    void clusterScopedEvent();
    void detailsAreCompactJson();
    void escaping();
    void invalidUtf8BecomesReplacementCharacter();
    void detailsAlwaysAnObject();
    void writerAppendsLines();
};

void TestEventLogWriter::timeFormatting_data()
{
    QTest::addColumn<qint64>("timeNs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << "0";
    QTest::newRow("integral") << qint64(52 * kSec) << "52";
    QTest::newRow("centiseconds") << qint64(52 * kSec + 350 * kMs) << "52.35";
    QTest::newRow("tenth") << qint64(100 * kMs) << "0.1";
    QTest::newRow("millisecond") << qint64(kMs) << "0.001";
    QTest::newRow("microsecond") << qint64(1000) << "0.000001";
    QTest::newRow("nanosecond") << qint64(3 * kSec + 1) << "3.000000001";
    QTest::newRow("hour") << qint64(3600 * kSec + 250 * kMs) << "3600.25";
    QTest::newRow("negative") << qint64(-1500 * kMs) << "-1.5";
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-9223372036.854775808";
}

void TestEventLogWriter::timeFormatting()
{
    QFETCH(qint64, timeNs);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(formatSeconds(timeNs)), expected);
    const std::string line = toJsonLine(makeEvent(timeNs, "Normal", "LeaseRenewed", "Lease",
                                              "kube-node-lease", "n", "m"));
    QCOMPARE(QString::fromStdString(line),
             "{\"time\":" + expected + ",\"type\":\"Normal\",\"reason\":\"LeaseRenewed\","
             "\"kind\":\"Lease\",\"namespace\":\"kube-node-lease\",\"name\":\"n\",\"message\":\"m\","
             "\"details\":{}}");
}

void TestEventLogWriter::clusterScopedEvent()
{
    const EventRecord e = makeEvent(0, "Normal", "RegisteredNode", "Node", "", "node-1",
                                "Node node-1 event: Registered Node node-1 in Controller");
    QCOMPARE(toJsonLine(e),
             std::string(R"({"time":0,"type":"Normal","reason":"RegisteredNode","kind":"Node",)"
                         R"("namespace":"","name":"node-1",)"
                         R"("message":"Node node-1 event: Registered Node node-1 in Controller",)"
                         R"("details":{}})"));
}

void TestEventLogWriter::detailsAreCompactJson()
{
    EventRecord e = makeEvent(52 * kSec + 350 * kMs, "Normal", "TaintManagerEviction", "Pod", "default",
                          "web-0", "Marking for deletion Pod default/web-0");
    e.details.set("taint", Value::string("node.kubernetes.io/unreachable"));
    e.details.set("tolerationSeconds", Value::integer(300));
    Value zones = Value::sequence();
    zones.append(Value::string("zone-a"));
    zones.append(Value::boolean(true));
    e.details.set("list", zones);
    QCOMPARE(toJsonLine(e),
             std::string(R"({"time":52.35,"type":"Normal","reason":"TaintManagerEviction",)"
                         R"("kind":"Pod","namespace":"default","name":"web-0",)"
                         R"("message":"Marking for deletion Pod default/web-0",)"
                         R"("details":{"taint":"node.kubernetes.io/unreachable",)"
                         R"("tolerationSeconds":300,"list":["zone-a",true]}})"));
}

void TestEventLogWriter::escaping()
{
    EventRecord e = makeEvent(100 * kMs, "Warning", "NodeNotReady", "Node", "", "n\"1",
                          "say \"hi\"\\ back\nnext\tline\r\x01\x1f end, \xC3\xBC \xE2\x9C\x93 /");
    e.details.set("k\"ey", Value::string("v\nw"));
    QCOMPARE(toJsonLine(e),
             std::string(R"({"time":0.1,"type":"Warning","reason":"NodeNotReady","kind":"Node",)"
                         R"("namespace":"","name":"n\"1",)"
                         R"("message":"say \"hi\"\\ back\nnext\tline\r\u0001\u001f end, )"
                         "\xC3\xBC \xE2\x9C\x93 /\","
                         R"("details":{"k\"ey":"v\nw"}})"));
}

void TestEventLogWriter::invalidUtf8BecomesReplacementCharacter()
{
    // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
    const EventRecord e = makeEvent(0, "Normal", "R", "Node", "", "n", "a\x80" "b\xC3" "c\xC0\xAF" "d\xED\xA0\x80");
    const std::string line = toJsonLine(e);
    const std::string fffd = "\xEF\xBF\xBD";
    QVERIFY(line.find("\"message\":\"a" + fffd + "b" + fffd + "c" + fffd + fffd + "d" + fffd + fffd
                      + fffd + "\"")
            != std::string::npos);
}

void TestEventLogWriter::detailsAlwaysAnObject()
{
    EventRecord e = makeEvent(0, "Normal", "R", "Node", "", "n", "m");
    e.details = Value();
    QVERIFY(toJsonLine(e).ends_with(",\"details\":{}}"));
    e.details = Value::string("x");
    QVERIFY(toJsonLine(e).ends_with(",\"details\":{\"value\":\"x\"}}"));
}

void TestEventLogWriter::writerAppendsLines()
{
    std::ostringstream out;
    out << "existing\n";
    EventLogWriter writer(out);
    const EventRecord a = makeEvent(0, "Normal", "RegisteredNode", "Node", "", "a", "one");
    const EventRecord b = makeEvent(52 * kSec, "Normal", "NodeNotReady", "Node", "", "b", "two");
    writer.write(a);
    writer.write(b);
    QVERIFY(writer.ok());
    QCOMPARE(writer.linesWritten(), std::uint64_t(2));
    QCOMPARE(out.str(), "existing\n" + toJsonLine(a) + "\n" + toJsonLine(b) + "\n");
    QVERIFY(toJsonLine(b).starts_with("{\"time\":52,\"type\":\"Normal\",\"reason\":\"NodeNotReady\""));
}

QTEST_APPLESS_MAIN(TestEventLogWriter)
#include "tst_event_log_writer.moc"
