// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from upstream k8s.io/apimachinery/pkg/util/intstr/intstr_test.go
// (TestGetIntFromIntOrPercent, TestGetScaledValueFromIntOrPercent) and the Deployment
// rolling-update documentation (maxSurge rounds up, maxUnavailable rounds down).
#include "emulator/api/int_or_percent.h"
#include "emulator/api/value.h"

#include <QtTest>

using emu::api::IntOrPercent;
using emu::api::Value;

Q_DECLARE_METATYPE(emu::api::Value)

class TestIntOrPercent : public QObject
{
    Q_OBJECT

private slots:
    void scaled_data();
    void scaled();
    void fromValue_data();
    void fromValue();
    void errorMessage();
};

void TestIntOrPercent::scaled_data()
{
    QTest::addColumn<bool>("isString");
    QTest::addColumn<int>("intValue");
    QTest::addColumn<QByteArray>("stringValue");
    QTest::addColumn<int>("total");
    QTest::addColumn<bool>("roundUp");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("expected");

    const auto addInt = [](const char *name, int v, int total, bool up, int expected) {
        QTest::newRow(name) << false << v << QByteArray() << total << up << true << expected;
    };
    const auto addString = [](const char *name, const char *s, int total, bool up, bool ok, int expected) {
        QTest::newRow(name) << true << 0 << QByteArray(s) << total << up << ok << expected;
    };
    addInt("int 123", 123, 0, false, 123);
    addInt("int ignores total", 5, 100, true, 5);
    addInt("int negative", -3, 10, false, -3);
    addString("90% of 100 up", "90%", 100, true, true, 90);
    addString("90% of 95 up", "90%", 95, true, true, 86);
    addString("90% of 95 down", "90%", 95, false, true, 85);
    addString("25% of 10 maxSurge", "25%", 10, true, true, 3);
    addString("25% of 10 maxUnavailable", "25%", 10, false, true, 2);
    addString("25% of 1 up", "25%", 1, true, true, 1);
    addString("25% of 1 down", "25%", 1, false, true, 0);
    addString("33% of 10 up", "33%", 10, true, true, 4);
    addString("33% of 10 down", "33%", 10, false, true, 3);
    addString("0%", "0%", 10, true, true, 0);
    addString("100% of 3", "100%", 3, false, true, 3);
    addString("200% of 3", "200%", 3, true, true, 6);
    addString("+10% (Atoi accepts a sign)", "+10%", 10, true, true, 1);
    addString("-25% of 10 down", "-25%", 10, false, true, -3);
    addString("-25% of 10 up", "-25%", 10, true, true, -2);
    addString("50% of 0", "50%", 0, true, true, 0);
    addString("%", "%", 10, true, false, 0);
    addString("90#", "90#", 10, true, false, 0);
    addString("#%", "#%", 10, true, false, 0);
    addString("90 (not a percentage)", "90", 10, true, false, 0);
    addString("1.5%", "1.5%", 10, true, false, 0);
    addString("empty", "", 10, true, false, 0);
}

void TestIntOrPercent::scaled()
{
    QFETCH(bool, isString);
    QFETCH(int, intValue);
    QFETCH(QByteArray, stringValue);
    QFETCH(int, total);
    QFETCH(bool, roundUp);
    QFETCH(bool, ok);
    QFETCH(int, expected);
    const IntOrPercent v = isString ? IntOrPercent::fromString(stringValue.toStdString())
                                    : IntOrPercent::fromInt(intValue);
    const auto scaled = v.scaledValue(total, roundUp);
    QCOMPARE(scaled.has_value(), ok);
    if (ok)
        QCOMPARE(*scaled, expected);
}

void TestIntOrPercent::fromValue_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("isString");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("int 1") << Value::integer(1) << true << false << QByteArray("1");
    QTest::newRow("plain 0") << Value::plainScalar("0") << true << false << QByteArray("0");
    QTest::newRow("plain 1.0 (JSON 1)") << Value::plainScalar("1.0") << true << false << QByteArray("1");
    QTest::newRow("string 25%") << Value::string("25%") << true << true << QByteArray("25%");
    QTest::newRow("plain 25%") << Value::plainScalar("25%") << true << true << QByteArray("25%");
    QTest::newRow("string 0%") << Value::string("0%") << true << true << QByteArray("0%");
    QTest::newRow("numeric string 5") << Value::string("5") << false << false << QByteArray();
    QTest::newRow("string -5%") << Value::string("-5%") << false << false << QByteArray();
    QTest::newRow("string abc") << Value::string("abc") << false << false << QByteArray();
    QTest::newRow("float 1.5") << Value::plainScalar("1.5") << false << false << QByteArray();
    QTest::newRow("beyond int32") << Value::integer(3000000000LL) << false << false << QByteArray();
    QTest::newRow("bool") << Value::boolean(true) << false << false << QByteArray();
    QTest::newRow("null") << Value::null() << false << false << QByteArray();
    QTest::newRow("mapping") << Value::mapping() << false << false << QByteArray();
}

void TestIntOrPercent::fromValue()
{
    QFETCH(emu::api::Value, value);
    QFETCH(bool, ok);
    QFETCH(bool, isString);
    QFETCH(QByteArray, text);
    const auto parsed = IntOrPercent::fromValue(value);
    QCOMPARE(parsed.ok(), ok);
    QCOMPARE(parsed.errors.empty(), ok);
    if (ok) {
        QCOMPARE(parsed->isString(), isString);
        QCOMPARE(QByteArray::fromStdString(parsed->toString()), text);
    }
}

void TestIntOrPercent::errorMessage()
{
    const auto parsed = IntOrPercent::fromValue(Value::string("5"));
    QVERIFY(!parsed);
    QCOMPARE(QString::fromStdString(parsed.error()),
             QStringLiteral("Invalid value: \"5\": a valid percent string must be a numeric string followed by an "
                            "ending '%' (e.g. '1%' or '93%', regex used for validation is '[0-9]+%')"));
    QCOMPARE(IntOrPercent::fromInt(3), IntOrPercent::fromValue(Value::integer(3)).value.value());
}

QTEST_APPLESS_MAIN(TestIntOrPercent)
#include "tst_int_or_percent.moc"
