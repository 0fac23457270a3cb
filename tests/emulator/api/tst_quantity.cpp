// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from upstream k8s.io/apimachinery/pkg/api/resource/quantity_test.go
// (TestQuantityParse, TestQuantityString, TestQuantityParseEmit, TestQuantityCmp, ...).
#include "emulator/api/quantity.h"
#include "emulator/api/value.h"

#include <QtTest>

using emu::api::Quantity;
using emu::api::Value;
using Format = Quantity::Format;

Q_DECLARE_METATYPE(Quantity::Format)
Q_DECLARE_METATYPE(emu::api::Value)

namespace {

Quantity q(const char *text)
{
    const auto parsed = Quantity::parse(text);
    if (!parsed)
        qFatal("cannot parse %s", text);
    return *parsed;
}

} // namespace

class TestQuantity : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseSigned_data();
    void parseSigned();
    void invalid_data();
    void invalid();
    void canonical_data();
    void canonical();
    void values_data();
    void values();
    void compare_data();
    void compare();
    void arithmetic_data();
    void arithmetic();
    void fromValueNode_data();
    void fromValueNode();
    void constructors();
};

void TestQuantity::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<Quantity::Format>("format");

    struct Row { const char *in; const char *out; Format format; };
    const Row rows[] = {
        {"0", "0", Format::DecimalSI}, {"0n", "0", Format::DecimalSI}, {"0u", "0", Format::DecimalSI},
        {"0m", "0", Format::DecimalSI}, {"0Ki", "0", Format::BinarySI}, {"0k", "0", Format::DecimalSI},
        {"0Mi", "0", Format::BinarySI}, {"0M", "0", Format::DecimalSI}, {"0Gi", "0", Format::BinarySI},
        {"0G", "0", Format::DecimalSI}, {"0Ti", "0", Format::BinarySI}, {"0T", "0", Format::DecimalSI},
        {"1", "1", Format::DecimalSI},
        // binary suffixes
        {"1Ki", "1Ki", Format::BinarySI}, {"8Ki", "8Ki", Format::BinarySI}, {"7Mi", "7Mi", Format::BinarySI},
        {"6Gi", "6Gi", Format::BinarySI}, {"5Ti", "5Ti", Format::BinarySI}, {"4Pi", "4Pi", Format::BinarySI},
        {"3Ei", "3Ei", Format::BinarySI}, {"10Ti", "10Ti", Format::BinarySI}, {"100Ti", "100Ti", Format::BinarySI},
        // decimal suffixes
        {"5n", "5n", Format::DecimalSI}, {"4u", "4u", Format::DecimalSI}, {"3m", "3m", Format::DecimalSI},
        {"9", "9", Format::DecimalSI}, {"8k", "8k", Format::DecimalSI}, {"50k", "50k", Format::DecimalSI},
        {"7M", "7M", Format::DecimalSI}, {"6G", "6G", Format::DecimalSI}, {"5T", "5T", Format::DecimalSI},
        {"40T", "40T", Format::DecimalSI}, {"300T", "300T", Format::DecimalSI}, {"2P", "2P", Format::DecimalSI},
        {"1E", "1E", Format::DecimalSI},
        // decimal exponents
        {"1E-3", "1e-3", Format::DecimalExponent}, {"1e3", "1e3", Format::DecimalExponent},
        {"1E6", "1e6", Format::DecimalExponent}, {"1e9", "1e9", Format::DecimalExponent},
        {"1E12", "1e12", Format::DecimalExponent}, {"1e15", "1e15", Format::DecimalExponent},
        {"1E18", "1e18", Format::DecimalExponent}, {"1e000000000003", "1e3", Format::DecimalExponent},
        // nonstandard but still parsable
        {"1e14", "100e12", Format::DecimalExponent}, {"1e13", "10e12", Format::DecimalExponent},
        {"100.035k", "100035", Format::DecimalSI},
        // things that look like floating point
        {"0.001", "1m", Format::DecimalSI}, {"0.0005k", "500m", Format::DecimalSI},
        {"0.005", "5m", Format::DecimalSI}, {"0.05", "50m", Format::DecimalSI}, {"0.5", "500m", Format::DecimalSI},
        {"0.00050k", "500m", Format::DecimalSI}, {"0.00500", "5m", Format::DecimalSI},
        {"0.05000", "50m", Format::DecimalSI}, {"0.50000", "500m", Format::DecimalSI},
        {"0.5e0", "500e-3", Format::DecimalExponent}, {"0.5e-1", "50e-3", Format::DecimalExponent},
        {"0.5e-2", "5e-3", Format::DecimalExponent}, {"10.035M", "10035k", Format::DecimalSI},
        {"1.2e3", "1200", Format::DecimalExponent}, {"1.3E+6", "1300e3", Format::DecimalExponent},
        {"1.40e9", "1400e6", Format::DecimalExponent}, {"1.53E12", "1530e9", Format::DecimalExponent},
        {"1.6e15", "1600e12", Format::DecimalExponent}, {"1.7E18", "1700e15", Format::DecimalExponent},
        {"9.01", "9010m", Format::DecimalSI}, {"8.1k", "8100", Format::DecimalSI},
        {"7.123456M", "7123456", Format::DecimalSI}, {"6.987654321G", "6987654321", Format::DecimalSI},
        {"5.444T", "5444G", Format::DecimalSI}, {"40.1T", "40100G", Format::DecimalSI},
        {"300.2T", "300200G", Format::DecimalSI}, {"2.5P", "2500T", Format::DecimalSI},
        {"1.01E", "1010P", Format::DecimalSI},
        // things that saturate or round up to 1n
        {"3.001n", "4n", Format::DecimalSI}, {"1.1E-9", "2e-9", Format::DecimalExponent},
        {"0.0000000001", "1n", Format::DecimalSI}, {"0.0000000005", "1n", Format::DecimalSI},
        {"0.00000000050", "1n", Format::DecimalSI}, {"0.5e-9", "1e-9", Format::DecimalExponent},
        {"0.9n", "1n", Format::DecimalSI}, {"0.00000012345", "124n", Format::DecimalSI},
        {"0.00000012354", "124n", Format::DecimalSI}, {"1e-100", "1e-9", Format::DecimalExponent},
        {"9Ei", "9223372036854775807", Format::BinarySI},
        {"9223372036854775807Ki", "9223372036854775807", Format::BinarySI},
        {"12E", "12E", Format::DecimalSI},
        // fractional binary
        {"100.035Ki", "102435840m", Format::BinarySI}, {"0.5Mi", "512Ki", Format::BinarySI},
        {"0.05Gi", "53687091200m", Format::BinarySI}, {"0.025Ti", "27487790694400m", Format::BinarySI},
        // "things written by trolls"
        {"0.000000000001Ki", "2n", Format::DecimalSI}, {".001", "1m", Format::DecimalSI},
        {".0001k", "100m", Format::DecimalSI}, {"1.", "1", Format::DecimalSI}, {"1.G", "1G", Format::DecimalSI},
        {"5.", "5", Format::DecimalSI}, {".5", "500m", Format::DecimalSI},
        // upstream's scanner reads a lone sign, dot or suffix as zero
        {".", "0", Format::DecimalSI}, {"-", "0", Format::DecimalSI}, {"m", "0", Format::DecimalSI},
    };
    for (const auto &row : rows)
        QTest::newRow(row.in) << QByteArray(row.in) << QByteArray(row.out) << row.format;
}

void TestQuantity::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    QFETCH(Quantity::Format, format);
    const auto parsed = Quantity::parse(input.toStdString());
    QVERIFY(parsed.has_value());
    QCOMPARE(QByteArray::fromStdString(parsed->toString()), canonical);
    QCOMPARE(parsed->format(), format);
    // the canonical form parses back to the same value
    const auto again = Quantity::parse(canonical.toStdString());
    QVERIFY(again.has_value());
    QVERIFY(*again == *parsed);
}

void TestQuantity::parseSigned_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    // upstream: "Try the negative version of everything", and "everything with an explicit +"
    const char *rows[][2] = {{"1Ki", "1Ki"}, {"100m", "100m"}, {"1.5", "1500m"}, {"1e3", "1e3"},
                             {"0.5Mi", "512Ki"}, {"3.001n", "4n"}, {"0.000000000001Ki", "2n"},
                             {".001Ki", "1024m"}, {"1000M", "1G"}, {"0", "0"}, {"0Ki", "0"}};
    for (const auto &row : rows) {
        QTest::addRow("-%s", row[0]) << "-" + QByteArray(row[0])
                                     << (QByteArray(row[1]) == "0" ? QByteArray("0") : "-" + QByteArray(row[1]));
        QTest::addRow("+%s", row[0]) << "+" + QByteArray(row[0]) << QByteArray(row[1]);
    }
}

void TestQuantity::parseSigned()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    const auto parsed = Quantity::parse(input.toStdString());
    QVERIFY(parsed.has_value());
    QCOMPARE(QByteArray::fromStdString(parsed->toString()), canonical);
}

void TestQuantity::invalid_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const char *s : {"", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-",
                          "1e4294967297", "1E2147483648", " 1", "1 ", "abc", "1.5.5", "1 Gi", "1iB", "1K", "1e",
                          "1Gb", "1ki", "--1", "1e3.5", "Non-Numeric"})
        QTest::newRow(*s ? s : "empty") << QByteArray(s);
}

void TestQuantity::invalid()
{
    QFETCH(QByteArray, input);
    QVERIFY(!Quantity::parse(input.toStdString()).has_value());
}

void TestQuantity::canonical_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    const char *rows[][2] = {
        // TestQuantityString alternates
        {"1024Mi", "1Gi"}, {"307200Ki", "300Mi"}, {"1025024Mi", "1001Gi"}, {"1024Gi", "1Ti"},
        {"5000m", "5"}, {"0.5", "500m"}, {"1000M", "1G"}, {"0.001T", "1G"}, {"1000u", "1m"},
        {"1.08", "1080m"}, {"1080000000n", "1080m"}, {"1000E", "1e21"}, {"5000E", "5e21"},
        {"1000000E", "1e24"}, {".001e12", "1e9"}, {"0.001e0", "1e-3"}, {"1000e-12", "1e-9"}, {"00", "0"},
        {"1234567M", "1234567M"}, {"3k", "3k"}, {"1025", "1025"}, {"80e-3", "80e-3"}, {"300e6", "300e6"},
        {"1080n", "1080n"}, {"80u", "80u"},
        // TestQuantityParseEmit
        {"1Ki", "1Ki"}, {"1Mi", "1Mi"}, {"1Gi", "1Gi"}, {".001Ki", "1024m"}, {".000001Ki", "1024u"},
        {".000000001Ki", "1024n"}, {".000000000001Ki", "2n"},
        // the examples of the Quantity documentation
        {"1.5", "1500m"}, {"1.5Gi", "1536Mi"}, {"1000m", "1"}, {"1e3", "1e3"}, {"0.1", "100m"},
        {"1536Mi", "1536Mi"}, {"1000", "1k"}, {"100m", "100m"}, {"2000", "2k"},
        // BinarySI below 1024 or fractional is shown as DecimalSI
        {"0.5Ki", "512"}, {"1.5Ki", "1536"}, {"1.0001Ki", "1024102400u"},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << QByteArray(row[0]) << QByteArray(row[1]);
}

void TestQuantity::canonical()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    const auto parsed = Quantity::parse(input.toStdString());
    QVERIFY(parsed.has_value());
    QCOMPARE(QByteArray::fromStdString(parsed->toString()), canonical);
}

void TestQuantity::values_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("milli");
    QTest::newRow("1") << QByteArray("1") << qint64(1) << qint64(1000);
    QTest::newRow("1.5") << QByteArray("1.5") << qint64(2) << qint64(1500);
    QTest::newRow("100m") << QByteArray("100m") << qint64(1) << qint64(100);
    QTest::newRow("999m") << QByteArray("999m") << qint64(1) << qint64(999);
    QTest::newRow("1n") << QByteArray("1n") << qint64(1) << qint64(1);
    QTest::newRow("1u") << QByteArray("1u") << qint64(1) << qint64(1);
    QTest::newRow("1500u") << QByteArray("1500u") << qint64(1) << qint64(2);
    QTest::newRow("-1.5") << QByteArray("-1.5") << qint64(-2) << qint64(-1500);
    QTest::newRow("-1n") << QByteArray("-1n") << qint64(-1) << qint64(-1);
    QTest::newRow("0") << QByteArray("0") << qint64(0) << qint64(0);
    QTest::newRow("1Gi") << QByteArray("1Gi") << qint64(1073741824) << qint64(1073741824000);
    QTest::newRow("1e3") << QByteArray("1e3") << qint64(1000) << qint64(1000000);
    QTest::newRow("9Ei") << QByteArray("9Ei") << qint64(9223372036854775807) << qint64(9223372036854775807);
}

void TestQuantity::values()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, value);
    QFETCH(qint64, milli);
    const Quantity parsed = q(input.constData());
    QCOMPARE(qint64(parsed.value()), value);
    QCOMPARE(qint64(parsed.milliValue()), milli);
}

void TestQuantity::compare_data()
{
    QTest::addColumn<QByteArray>("x");
    QTest::addColumn<QByteArray>("y");
    QTest::addColumn<int>("expect");
    const struct { const char *x; const char *y; int expect; } rows[] = {
        {"0", "0", 0}, {"100m", "50m", 1}, {"50m", "100m", -1}, {"10000T", "100Gi", 1},
        {"1000m", "1", 0}, {"1Ki", "1024", 0}, {"1e3", "1k", 0}, {"1Gi", "1G", 1}, {"-1", "0", -1},
        {"12E", "9Ei", 1}, {"1n", "0", 1}, {"0.1", "100m", 0},
    };
    for (const auto &row : rows)
        QTest::addRow("%s vs %s", row.x, row.y) << QByteArray(row.x) << QByteArray(row.y) << row.expect;
}

void TestQuantity::compare()
{
    QFETCH(QByteArray, x);
    QFETCH(QByteArray, y);
    QFETCH(int, expect);
    const auto c = q(x.constData()) <=> q(y.constData());
    QCOMPARE(c < 0 ? -1 : (c > 0 ? 1 : 0), expect);
    QCOMPARE(q(x.constData()) == q(y.constData()), expect == 0);
}

void TestQuantity::arithmetic_data()
{
    QTest::addColumn<QByteArray>("x");
    QTest::addColumn<QByteArray>("y");
    QTest::addColumn<QByteArray>("sum");
    QTest::addColumn<QByteArray>("difference");
    // upstream TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix: a zero
    // left-hand side takes the other operand's format
    QTest::newRow("100m+0") << QByteArray("100m") << QByteArray("0") << QByteArray("100m") << QByteArray("100m");
    QTest::newRow("0+100m") << QByteArray("0") << QByteArray("100m") << QByteArray("100m") << QByteArray("-100m");
    QTest::newRow("1Gi+0") << QByteArray("1Gi") << QByteArray("0") << QByteArray("1Gi") << QByteArray("1Gi");
    QTest::newRow("0+1Gi") << QByteArray("0") << QByteArray("1Gi") << QByteArray("1Gi") << QByteArray("-1Gi");
    QTest::newRow("1+500m") << QByteArray("1") << QByteArray("500m") << QByteArray("1500m") << QByteArray("500m");
    QTest::newRow("1Gi+512Mi") << QByteArray("1Gi") << QByteArray("512Mi") << QByteArray("1536Mi")
                               << QByteArray("512Mi");
    QTest::newRow("1Ki+1") << QByteArray("1Ki") << QByteArray("1") << QByteArray("1025") << QByteArray("1023");
    QTest::newRow("1e3+1e3") << QByteArray("1e3") << QByteArray("1e3") << QByteArray("2e3") << QByteArray("0");
    QTest::newRow("9Ei+9Ei") << QByteArray("9Ei") << QByteArray("9Ei") << QByteArray("18446744073709551614")
                             << QByteArray("0");
}

void TestQuantity::arithmetic()
{
    QFETCH(QByteArray, x);
    QFETCH(QByteArray, y);
    QFETCH(QByteArray, sum);
    QFETCH(QByteArray, difference);
    QCOMPARE(QByteArray::fromStdString((q(x.constData()) + q(y.constData())).toString()), sum);
    QCOMPARE(QByteArray::fromStdString((q(x.constData()) - q(y.constData())).toString()), difference);
    Quantity acc = q(x.constData());
    acc += q(y.constData());
    QCOMPARE(QByteArray::fromStdString(acc.toString()), sum);
}

void TestQuantity::fromValueNode_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("canonical");
    // YAML numbers reach the apiserver as JSON numbers (sigs.k8s.io/yaml), strings as strings
    QTest::newRow("int 1") << Value::integer(1) << true << QByteArray("1");
    QTest::newRow("plain 2") << Value::plainScalar("2") << true << QByteArray("2");
    QTest::newRow("plain 1.5") << Value::plainScalar("1.5") << true << QByteArray("1500m");
    QTest::newRow("plain 0.1") << Value::plainScalar("0.1") << true << QByteArray("100m");
    QTest::newRow("plain 1e3 is float 1000") << Value::plainScalar("1e3") << true << QByteArray("1k");
    QTest::newRow("plain 1e-7") << Value::plainScalar("1e-7") << true << QByteArray("100e-9");
    QTest::newRow("plain 512Mi") << Value::plainScalar("512Mi") << true << QByteArray("512Mi");
    QTest::newRow("string 1e3") << Value::string("1e3") << true << QByteArray("1e3");
    QTest::newRow("string padded") << Value::string(" 1Gi ") << true << QByteArray("1Gi");
    QTest::newRow("null") << Value::null() << true << QByteArray("0");
    QTest::newRow("bool") << Value::boolean(true) << false << QByteArray();
    QTest::newRow("string abc") << Value::string("abc") << false << QByteArray();
    QTest::newRow("mapping") << Value::mapping() << false << QByteArray();
    QTest::newRow(".inf") << Value::plainScalar(".inf") << false << QByteArray();
}

void TestQuantity::fromValueNode()
{
    QFETCH(emu::api::Value, value);
    QFETCH(bool, ok);
    QFETCH(QByteArray, canonical);
    const auto parsed = Quantity::fromValue(value);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(QByteArray::fromStdString(parsed->toString()), canonical);
}

void TestQuantity::constructors()
{
    QCOMPARE(Quantity::fromMilli(1500).toString(), std::string("1500m"));
    QCOMPARE(Quantity::fromMilli(2000).toString(), std::string("2"));
    QCOMPARE(Quantity::fromMilli(500, Format::BinarySI).toString(), std::string("500m"));
    QCOMPARE(Quantity::fromValue(1024 * 1024, Format::BinarySI).toString(), std::string("1Mi"));
    QCOMPARE(Quantity::fromValue(5, Format::BinarySI).toString(), std::string("5"));
    QCOMPARE(Quantity::fromValue(3000, Format::DecimalExponent).toString(), std::string("3e3"));
    QCOMPARE((-q("1.5Gi")).toString(), std::string("-1536Mi"));
    QVERIFY(Quantity().isZero());
    QCOMPARE(q("-5m").sign(), -1);
    QCOMPARE(q("5m").nanoValue(), qint64(5000000));
}

QTEST_APPLESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
