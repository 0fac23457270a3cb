// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from Go's src/time/time_test.go (parseDurationTests,
// parseDurationErrorTests, durationTests).
#include "emulator/api/go_duration.h"

#include <QtTest>

using emu::api::formatGoDuration;
using emu::api::parseGoDuration;

namespace {
constexpr qint64 ns = 1;
constexpr qint64 us = 1000 * ns;
constexpr qint64 ms = 1000 * us;
constexpr qint64 sec = 1000 * ms;
constexpr qint64 minute = 60 * sec;
constexpr qint64 hour = 60 * minute;
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
} // namespace

class TestGoDuration : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void errorMessages_data();
    void errorMessages();
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
};

void TestGoDuration::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("expected");
    const struct { const char *in; qint64 want; } rows[] = {
        // simple
        {"0", 0}, {"5s", 5 * sec}, {"30s", 30 * sec}, {"1478s", 1478 * sec},
        // sign
        {"-5s", -5 * sec}, {"+5s", 5 * sec}, {"-0", 0}, {"+0", 0},
        // decimal
        {"5.0s", 5 * sec}, {"5.6s", 5 * sec + 600 * ms}, {"5.s", 5 * sec}, {".5s", 500 * ms},
        {"1.0s", sec}, {"1.00s", sec}, {"1.004s", sec + 4 * ms}, {"1.0040s", sec + 4 * ms},
        {"100.00100s", 100 * sec + ms},
        // different units
        {"10ns", 10 * ns}, {"11us", 11 * us}, {"12\xC2\xB5s", 12 * us}, {"12\xCE\xBCs", 12 * us},
        {"13ms", 13 * ms}, {"14s", 14 * sec}, {"15m", 15 * minute}, {"16h", 16 * hour},
        // composite durations
        {"3h30m", 3 * hour + 30 * minute}, {"10.5s4m", 4 * minute + 10 * sec + 500 * ms},
        {"-2m3.4s", -(2 * minute + 3 * sec + 400 * ms)},
        {"1h2m3s4ms5us6ns", hour + 2 * minute + 3 * sec + 4 * ms + 5 * us + 6 * ns},
        {"39h9m14.425s", 39 * hour + 9 * minute + 14 * sec + 425 * ms},
        // the Kubernetes-style examples
        {"1m30s", 90 * sec}, {"300ms", 300 * ms}, {"1.5h", 90 * minute}, {"2h45m", 165 * minute},
        {"-1s", -sec}, {"1us", us}, {"1\xC2\xB5s", us}, {"1ns", 1},
        // large values
        {"52763797000ns", 52763797000}, {"0.3333333333333333333h", 20 * minute},
        {"9007199254740993ns", (qint64(1) << 53) + 1},
        {"9223372036854775807ns", kMax}, {"9223372036854775.807us", kMax},
        {"9223372036s854ms775us807ns", kMax}, {"-9223372036854775808ns", kMin},
        {"-9223372036854775.808us", kMin}, {"-9223372036s854ms775us808ns", kMin},
        {"-2562047h47m16.854775808s", kMin},
        {"0.100000000000000000000h", 6 * minute},
        {"0.830103483285477580700h", 49 * minute + 48 * sec + 372539827 * ns},
    };
    for (const auto &row : rows)
        QTest::newRow(row.in) << QByteArray(row.in) << row.want;
}

void TestGoDuration::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, expected);
    const auto parsed = parseGoDuration(input.toStdString());
    QVERIFY(parsed.has_value());
    QCOMPARE(qint64(*parsed), expected);
}

void TestGoDuration::parseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const char *s : {"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\x85\x85", "\xff" "ff",
                          "hello \xff" "ff world", "1", "abc", "1 s", "1S", "1sec", "1h-1m", "1.2.3s",
                          // overflow
                          "9223372036854775810ns", "9223372036854775808ns", "-9223372036854775809ns",
                          "9223372036854776us", "3000000h", "9223372036854775.808us"})
        QTest::newRow(*s ? s : "empty") << QByteArray(s);
}

void TestGoDuration::parseErrors()
{
    QFETCH(QByteArray, input);
    std::string error;
    QVERIFY(!parseGoDuration(input.toStdString(), &error).has_value());
    QVERIFY(error.rfind("time: ", 0) == 0);
}

void TestGoDuration::errorMessages_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("missing unit") << QByteArray("1") << QByteArray("time: missing unit in duration \"1\"");
    QTest::newRow("unknown unit") << QByteArray("1d") << QByteArray("time: unknown unit \"d\" in duration \"1d\"");
    QTest::newRow("invalid") << QByteArray("abc") << QByteArray("time: invalid duration \"abc\"");
    QTest::newRow("empty") << QByteArray("") << QByteArray("time: invalid duration \"\"");
    QTest::newRow("overflow") << QByteArray("3000000h") << QByteArray("time: invalid duration \"3000000h\"");
}

void TestGoDuration::errorMessages()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    std::string error;
    QVERIFY(!parseGoDuration(input.toStdString(), &error));
    QCOMPARE(QByteArray::fromStdString(error), message);
}

void TestGoDuration::format_data()
{
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<QByteArray>("text");
    const struct { qint64 d; const char *str; } rows[] = {
        {0, "0s"}, {1, "1ns"}, {1100, "1.1\xC2\xB5s"}, {2200 * us, "2.2ms"}, {3300 * ms, "3.3s"},
        {4 * minute + 5 * sec, "4m5s"}, {4 * minute + 5001 * ms, "4m5.001s"},
        {5 * hour + 6 * minute + 7001 * ms, "5h6m7.001s"}, {8 * minute + 1, "8m0.000000001s"},
        {kMax, "2562047h47m16.854775807s"}, {kMin, "-2562047h47m16.854775808s"},
        {90 * sec, "1m30s"}, {300 * ms, "300ms"}, {hour, "1h0m0s"}, {-sec, "-1s"}, {sec, "1s"},
        {999, "999ns"}, {1000, "1\xC2\xB5s"}, {-1500 * us, "-1.5ms"}, {25 * hour, "25h0m0s"},
    };
    for (const auto &row : rows)
        QTest::newRow(row.str) << row.d << QByteArray(row.str);
}

void TestGoDuration::format()
{
    QFETCH(qint64, duration);
    QFETCH(QByteArray, text);
    QCOMPARE(QByteArray::fromStdString(formatGoDuration(duration)), text);
}

void TestGoDuration::roundTrip_data()
{
    QTest::addColumn<qint64>("duration");
    for (const qint64 d : {qint64(0), qint64(1), 1500 * us, 90 * sec, 26 * hour + 1, kMax, kMin, -42 * ms})
        QTest::addRow("%lld", static_cast<long long>(d)) << d;
}

void TestGoDuration::roundTrip()
{
    QFETCH(qint64, duration);
    const auto parsed = parseGoDuration(formatGoDuration(duration));
    QVERIFY(parsed.has_value());
    QCOMPARE(qint64(*parsed), duration);
}

QTEST_APPLESS_MAIN(TestGoDuration)
#include "tst_go_duration.moc"
