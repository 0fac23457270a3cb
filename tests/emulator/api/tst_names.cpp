// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from upstream k8s.io/apimachinery/pkg/util/validation/validation_test.go
// (TestIsDNS1123Label, TestIsDNS1123Subdomain, TestIsDNS1035Label) and
// k8s.io/apimachinery/pkg/api/validate/content/kube_test.go (TestIsLabelKey, TestIsLabelValue).
#include "emulator/api/names.h"

#include <QtTest>

#include <functional>

using namespace emu::api;

using Check = std::function<std::vector<std::string>(std::string_view)>;
Q_DECLARE_METATYPE(Check)

namespace {

void addRows(const char *kind, const Check &check, std::initializer_list<std::string> good,
             std::initializer_list<std::string> bad)
{
    for (const auto &s : good)
        QTest::addRow("%s good '%s'", kind, s.size() > 20 ? "long" : s.c_str()) << check << QByteArray::fromStdString(s) << true;
    for (const auto &s : bad)
        QTest::addRow("%s bad '%s'", kind, s.size() > 20 ? "long" : s.c_str()) << check << QByteArray::fromStdString(s) << false;
}

std::string rep(char c, std::size_t n) { return std::string(n, c); }

} // namespace

class TestNames : public QObject
{
    Q_OBJECT

private slots:
    void validity_data();
    void validity();
    void messages_data();
    void messages();
    void generateName_data();
    void generateName();
    void generateNameDeterministic();
};

void TestNames::validity_data()
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");

    addRows("label", isDns1123Label,
            {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", rep('a', 63)},
            {"", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_",
             "_1", "1_2", ".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2",
             rep('a', 64)});
    addRows("subdomain", isDns1123Subdomain,
            {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", "a.a",
             "ab.a", "abc.a", "a1.a", "a-1.a", "a--1--2--b.a", "a.1", "ab.1", "abc.1", "a1.1", "a-1.1",
             "a--1--2--b.1", "0.a", "01.a", "012.a", "1a.a", "1-a.a", "0.1", "01.1", "012.1",
             "1a.1", "1-a.1", "1--a--b--2.1", "a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "11.22.33.44.55",
             rep('a', 253)},
            {"", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_",
             "_1", "1_2", ".", "a.", ".a", "a..b", "1.", ".1", "1..2", " ", "a ", " a", "a b", "1 ", " 1", "1 2",
             "A.a", "aB.a", "ab.A", "A1.a", "a1.A", "A.1", "aB.1", "A1.1", "1A.1", "0.A", "01.A", "012.A", "1A.a",
             "1a.A", "A.B.C.D.E", "AA.BB.CC.DD.EE", "a.B.c.d.e", "aa.bB.cc.dd.ee", "a@b", "a,b", "a;b", "a:b",
             "a%b", "a?b", "a$b", rep('a', 254)});
    addRows("dns1035", isDns1035Label, {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", rep('a', 63)},
            {"0", "01", "012", "1a", "1-a", "1--a--b--2", "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-",
             "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "a.b", "1.", ".1",
             "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2", rep('a', 64)});
    addRows("qualified", isQualifiedName,
            {"simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
             "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple",
             "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123",
             "example.com/Uppercase_Is_OK_123", "requests.storage-foo", rep('a', 63),
             rep('a', 253) + "/" + rep('b', 63), "kubernetes.io/hostname", "node-role.kubernetes.io/control-plane"},
            {"nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc",
             "example_com/abc", "example.com/", "/simple", rep('a', 64), rep('a', 254) + "/abc", ""});
    addRows("labelvalue", isValidLabelValue,
            {"simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", rep('a', 63), "",
             "Upper_and.dots"},
            {"nospecialchars%^=@", "Tama-nui-te-r\xC4\x81.is.M\xC4\x81ori.sun", "\\backslashes\\are\\bad",
             "-starts-with-dash", "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", rep('a', 64)});
}

void TestNames::validity()
{
    QFETCH(Check, check);
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    QCOMPARE(check(input.toStdString()).empty(), valid);
}

void TestNames::messages_data()
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    const QString subdomainRegex = QStringLiteral(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
        "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    const QString labelRegex = QStringLiteral(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
        "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    const QString nameRegex = QStringLiteral(
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
        "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
        "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");

    QTest::newRow("subdomain Foo") << Check(isDns1123Subdomain) << QByteArray("Foo") << QStringList{subdomainRegex};
    QTest::newRow("subdomain too long") << Check(isDns1123Subdomain) << QByteArray(254, 'a')
                                        << QStringList{"must be no more than 253 characters"};
    QTest::newRow("label with dots") << Check(isDns1123Label) << QByteArray("a.b")
                                     << QStringList{"must not contain dots"};
    QTest::newRow("label Foo") << Check(isDns1123Label) << QByteArray("Foo") << QStringList{labelRegex};
    QTest::newRow("label too long") << Check(isDns1123Label) << QByteArray(64, 'a')
                                    << QStringList{"must be no more than 63 characters"};
    QTest::newRow("dns1035 1abc") << Check(isDns1035Label) << QByteArray("1abc")
                                  << QStringList{QStringLiteral(
                                         "a DNS-1035 label must consist of lower case alphanumeric characters or "
                                         "'-', start with an alphabetic character, and end with an alphanumeric "
                                         "character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                                         "'[a-z]([-a-z0-9]*[a-z0-9])?')")};
    QTest::newRow("qualified empty prefix") << Check(isQualifiedName) << QByteArray("/a")
                                            << QStringList{"prefix part must be non-empty"};
    QTest::newRow("qualified empty name") << Check(isQualifiedName) << QByteArray("example.com/")
                                          << QStringList{"name part must be non-empty", "name part " + nameRegex};
    QTest::newRow("qualified bad prefix") << Check(isQualifiedName) << QByteArray("Example.com/a")
                                          << QStringList{"prefix part " + subdomainRegex};
    QTest::newRow("qualified long name") << Check(isQualifiedName) << QByteArray(64, 'a')
                                         << QStringList{"name part must be no more than 63 characters"};
    QTest::newRow("qualified two slashes") << Check(isQualifiedName) << QByteArray("a/b/c")
                                           << QStringList{"a valid label key " + nameRegex
                                                          + " with an optional DNS subdomain prefix and '/' (e.g. "
                                                            "'example.com/MyName')"};
    QTest::newRow("label value") << Check(isValidLabelValue) << QByteArray("-a")
                                 << QStringList{QStringLiteral(
                                        "a valid label must be an empty string or consist of alphanumeric "
                                        "characters, '-', '_' or '.', and must start and end with an alphanumeric "
                                        "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
                                        "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")};
}

void TestNames::messages()
{
    QFETCH(Check, check);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const auto &msg : check(input.toStdString()))
        actual << QString::fromStdString(msg);
    QCOMPARE(actual, expected);
}

void TestNames::generateName_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("replicaset") << QByteArray("web-7d4b9c8f5d-") << QByteArray("web-7d4b9c8f5d-");
    QTest::newRow("58 kept") << QByteArray(58, 'x') << QByteArray(58, 'x');
    QTest::newRow("70 cut to 58") << QByteArray(70, 'y') << QByteArray(58, 'y');
}

void TestNames::generateName()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, prefix);
    for (const std::uint64_t bits : {std::uint64_t(0), std::uint64_t(12345), ~std::uint64_t(0)}) {
        const std::string name = emu::api::generateName(base.toStdString(), bits);
        QCOMPARE(name.size(), std::size_t(prefix.size()) + 5);
        QCOMPARE(QByteArray::fromStdString(name.substr(0, prefix.size())), prefix);
        for (const char c : name.substr(prefix.size()))
            QVERIFY(std::string_view("bcdfghjklmnpqrstvwxz2456789").find(c) != std::string_view::npos);
    }
}

void TestNames::generateNameDeterministic()
{
    QCOMPARE(emu::api::generateName("pod-", 0), std::string("pod-bbbbb"));
    QCOMPARE(emu::api::generateName("pod-", 1), std::string("pod-cbbbb"));
    QCOMPARE(emu::api::generateName("pod-", 26), std::string("pod-9bbbb"));
    QCOMPARE(emu::api::generateName("pod-", 27), std::string("pod-bcbbb"));
    QCOMPARE(emu::api::generateName("a", 42), emu::api::generateName("a", 42));
    QVERIFY(emu::api::generateName("a", 42) != emu::api::generateName("a", 43));
    QVERIFY(emu::api::isDns1123Subdomain(emu::api::generateName("web-", 987654321)).empty());
}

QTEST_APPLESS_MAIN(TestNames)
#include "tst_names.moc"
