// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from upstream k8s.io/apimachinery/pkg/labels/selector_test.go
// (TestSelectorParse, TestSelectorMatches, TestSetSelectorParser, TestToString,
// TestRequirementSelectorMatching, TestRequirementConstructor) and metav1 LabelSelector
// validation (apimachinery/pkg/apis/meta/v1/validation).
#include "emulator/api/label_selector.h"
#include "emulator/api/value.h"

#include <QtTest>

using namespace emu::api;

Q_DECLARE_METATYPE(emu::api::Value)

namespace {

// "k=v,k2=v2" -> Labels ("k=" is the empty value)
Labels labelsOf(const QByteArray &text)
{
    Labels labels;
    for (const QByteArray &pair : text.split(',')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        labels[pair.left(eq).toStdString()] = pair.mid(eq + 1).toStdString();
    }
    return labels;
}

Value str(const char *s) { return Value::string(s); }

Value list(std::initializer_list<const char *> items)
{
    Value v = Value::sequence();
    for (const char *item : items)
        v.append(Value::string(item));
    return v;
}

Value map(std::initializer_list<std::pair<const char *, Value>> entries)
{
    Value v = Value::mapping();
    for (const auto &[k, value] : entries)
        v.set(k, value);
    return v;
}

Value expr(const char *key, const char *op, Value values = Value())
{
    Value v = map({{"key", str(key)}, {"operator", str(op)}});
    if (!values.isNull())
        v.set("values", values);
    return v;
}

Value exprs(std::initializer_list<Value> items)
{
    Value v = Value::sequence();
    for (const auto &item : items)
        v.append(item);
    return v;
}

} // namespace

class TestLabelSelector : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void matches_data();
    void matches();
    void requirementConstructor_data();
    void requirementConstructor();
    void metaSelector_data();
    void metaSelector();
    void mapSelector();
    void nothingAndEverything();
};

void TestLabelSelector::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const char *rows[][2] = {
        // TestSelectorParse good strings: String() is the input without spaces
        {"x=a,y=b,z=c", "x=a,y=b,z=c"}, {"", ""}, {"x!=a,y=b", "x!=a,y=b"}, {"x=", "x="}, {"x= ", "x="},
        {"x=,z= ", "x=,z="}, {"x= ,z= ", "x=,z="}, {"!x", "!x"}, {"x>1", "x>1"}, {"x>1,z<5", "x>1,z<5"},
        // TestSetSelectorParser
        {"\rx", "x"},
        {"this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"},
        {"this-is-another-dns.domain.com/key-with-dash in (so,what)",
         "this-is-another-dns.domain.com/key-with-dash in (so,what)"},
        {"0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"},
        {"foo  in\t (abc)", "foo in (abc)"}, {"x notin\n (abc)", "x notin (abc)"},
        {"x  notin\t\t\t(abc,def)", "x notin (abc,def)"}, {"x in (abc,def)", "x in (abc,def)"},
        {"x in (abc,)", "x in (,abc)"}, {"x in ()", "x in ()"},
        {"x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"},
        {"x,y in (a)", "x,y in (a)"}, {"x=a", "x=a"}, {"x>1", "x>1"}, {"x<7", "x<7"}, {"x=a,y!=b", "x=a,y!=b"},
        {"x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"}, {"x notin ( )", "x notin ()"},
        {"x notin (, a)", "x notin (,a)"}, {"a ", "a"}, {"a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"},
        // TestDeterministicParse, TestToString
        {"x=a,a=x", "a=x,x=a"}, {"a=x,x=a", "a=x,x=a"}, {"y==jkl", "y==jkl"}, {"notin=in", "notin=in"},
        {"x in (def,abc),y notin (jkl),z", "x in (abc,def),y notin (jkl),z"},
        {"x notin (abc,def),y!=jkl,!z", "x notin (abc,def),y!=jkl,!z"},
        // the brief's example
        {"a=b,c in (x,y),!d,e!=f,g", "a=b,c in (x,y),!d,e!=f,g"},
        {"environment in (production, qa)", "environment in (production,qa)"},
    };
    for (const auto &row : rows) {
        const QByteArray tag = QByteArray(row[0]).replace('\n', "\\n").replace('\r', "\\r").replace('\t', "\\t");
        QTest::newRow(tag.constData()) << QByteArray(row[0]) << QByteArray(row[1]);
    }
}

void TestLabelSelector::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const auto parsed = LabelSelector::parse(input.toStdString());
    QVERIFY2(parsed.ok(), parsed.error().c_str());
    QCOMPARE(QByteArray::fromStdString(parsed->toString()), expected);
    // the string form parses back to the same string
    const auto again = LabelSelector::parse(parsed->toString());
    QVERIFY(again.ok());
    QCOMPARE(QByteArray::fromStdString(again->toString()), expected);
}

void TestLabelSelector::parseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message"); // empty: any error
    const char *rows[][2] = {
        {"x=a||y=b", ""}, {"x==a==b", "found '==', expected: ',' or 'end of string'"},
        {"!x=a", "found '=', expected: ',' or 'end of string'"},
        {"x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, "
                "the value must be an integer"},
        {"x,,y", "found ',', expected: identifier after ','"},
        {",x,y", "found ',', expected: !, identifier, or 'end of string'"},
        {"x nott in (y)", "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"},
        {"a in (xyz),", "found '', expected: identifier after ','"},
        {"a in (xyz)b notin ()", "found 'b', expected: ',' or 'end of string'"},
        {"a in (xyz abc)", "unable to parse requirement: found 'abc', expected: ',' or ')'"},
        {"a notin(", "unable to parse requirement: found '', expected: ',', ')' or identifier"},
        {"a (", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"},
        {"(", "found '(', expected: !, identifier, or 'end of string'"},
        {"x in a", "unable to parse requirement: found 'a' expected: '('"},
        {"-bad", "unable to parse requirement: <nil>: Invalid value: \"-bad\": name part must consist of "
                 "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                 "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                 "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"},
        {"x=-a", "unable to parse requirement: values[0][x]: Invalid value: \"-a\": a valid label must be an empty "
                 "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                 "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation "
                 "is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"},
        {"x in (a", ""}, {"x in (a,b", ""}, {"x=(a,b)", ""}, {"x in in", ""}, {"x in .", ""}, {". in (a)", ""},
        {"!", ""}, {"x!", ""}, {"x>-5", ""},
    };
    for (const auto &row : rows)
        QTest::newRow(row[0]) << QByteArray(row[0]) << QByteArray(row[1]);
}

void TestLabelSelector::parseErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const auto parsed = LabelSelector::parse(input.toStdString());
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.error().empty());
    if (!message.isEmpty())
        QCOMPARE(QByteArray::fromStdString(parsed.error()), message);
}

void TestLabelSelector::matches_data()
{
    QTest::addColumn<QByteArray>("selector");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<bool>("expected");
    const struct { const char *sel; const char *labels; bool match; } rows[] = {
        // TestSelectorMatches
        {"", "x=y", true}, {"x=y", "x=y", true}, {"x=y,z=w", "x=y,z=w", true}, {"x!=y,z!=w", "x=z,z=a", true},
        {"notin=in", "notin=in", true}, {"x", "x=z", true}, {"!x", "y=z", true}, {"x>1", "x=2", true},
        {"x<1", "x=0", true}, {"x=z", "", false}, {"x=y", "x=z", false}, {"x=y,z=w", "x=w,z=w", false},
        {"x!=y,z!=w", "x=z,z=w", false}, {"x", "y=z", false}, {"!x", "x=z", false}, {"x>1", "x=0", false},
        {"x<1", "x=2", false}, {"foo=bar", "foo=bar,baz=blah", true}, {"baz=blah", "foo=bar,baz=blah", true},
        {"foo=bar,baz=blah", "foo=bar,baz=blah", true}, {"foo=blah", "foo=bar,baz=blah", false},
        {"baz=bar", "foo=bar,baz=blah", false}, {"foo=bar,foobar=bar,baz=blah", "foo=bar,baz=blah", false},
        // TestRequirementSelectorMatching
        {"x in (foo),y notin (alpha)", "x=foo,y=baz", true}, {"x in (foo),y in (alpha)", "x=foo,y=baz", false},
        {"x notin (),y", "y=", true}, {"!x,y", "y=", true}, {"x notin (),!y", "y=", false},
        {"x in ()", "y=baz", false}, {"z>1", "z=2", true}, {"z>1", "z=v2", false},
        // TestSetSelectorParser match column
        {"x,y in (a)", "x=,y=", false}, {"x==y", "x=y", true}, {"x!=y", "", true}, {"x notin (a)", "", true},
        {"x>5", "x=6", true}, {"x<5", "x=five", false}, {"x=", "x=", true}, {"x=", "", false},
    };
    for (const auto &row : rows)
        QTest::addRow("%s | %s", row.sel, row.labels) << QByteArray(row.sel) << QByteArray(row.labels) << row.match;
}

void TestLabelSelector::matches()
{
    QFETCH(QByteArray, selector);
    QFETCH(QByteArray, labels);
    QFETCH(bool, expected);
    const auto parsed = LabelSelector::parse(selector.toStdString());
    QVERIFY2(parsed.ok(), parsed.error().c_str());
    QCOMPARE(parsed->matches(labelsOf(labels)), expected);
}

void TestLabelSelector::requirementConstructor_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("op");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<bool>("ok");
    using Op = SelectorOperator;
    const auto row = [](const char *name, const QByteArray &key, Op op, const QStringList &values, bool ok) {
        QTest::newRow(name) << key << int(op) << values << ok;
    };
    row("in without values", "x", Op::In, {}, false);
    row("notin without values", "x", Op::NotIn, {}, false);
    row("in foo", "x", Op::In, {"foo"}, true);
    row("notin foo", "x", Op::NotIn, {"foo"}, true);
    row("exists", "x", Op::Exists, {}, true);
    row("does not exist", "x", Op::DoesNotExist, {}, true);
    row("1foo key", "1foo", Op::In, {"bar"}, true);
    row("1234 key", "1234", Op::In, {"bar"}, true);
    row("gt 1", "y", Op::GreaterThan, {"1"}, true);
    row("lt 6", "z", Op::LessThan, {"6"}, true);
    row("gt bar", "foo", Op::GreaterThan, {"bar"}, false);
    row("lt blah", "barz", Op::LessThan, {"blah"}, false);
    row("gt two values", "y", Op::GreaterThan, {"1", "2"}, false);
    row("long key", QByteArray(254, 'a'), Op::Exists, {}, false);
    row("exists with value", "x", Op::Exists, {"a"}, false);
    row("equals two values", "x", Op::Equals, {"a", "b"}, false);
    row("equals empty value", "x", Op::Equals, {""}, true);
    row("bad value", "x", Op::In, {"a b"}, false);
}

void TestLabelSelector::requirementConstructor()
{
    QFETCH(QByteArray, key);
    QFETCH(int, op);
    QFETCH(QStringList, values);
    QFETCH(bool, ok);
    std::vector<std::string> vals;
    for (const QString &v : values)
        vals.push_back(v.toStdString());
    const auto made = LabelRequirement::make(key.toStdString(), SelectorOperator(op), vals);
    QCOMPARE(made.ok(), ok);
    QCOMPARE(made.errors.empty(), ok);
}

void TestLabelSelector::metaSelector_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<QByteArray>("expected"); // toString, when ok
    QTest::addColumn<QByteArray>("error");    // first error, when not ok

    QTest::newRow("empty") << Value::mapping() << QByteArray("") << QByteArray();
    QTest::newRow("matchLabels") << map({{"matchLabels", map({{"app", str("web")}, {"tier", str("fe")}})}})
                                 << QByteArray("app=web,tier=fe") << QByteArray();
    QTest::newRow("In") << map({{"matchExpressions", exprs({expr("tier", "In", list({"fe", "be"}))})}})
                        << QByteArray("tier in (be,fe)") << QByteArray();
    QTest::newRow("all operators")
        << map({{"matchLabels", map({{"app", str("web")}})},
                {"matchExpressions", exprs({expr("z", "DoesNotExist"), expr("env", "NotIn", list({"dev"})),
                                            expr("gpu", "Exists")})}})
        << QByteArray("app=web,env notin (dev),gpu,!z") << QByteArray();
    QTest::newRow("null values with Exists") << map({{"matchExpressions", exprs({expr("a", "Exists", Value::null())})}})
                                             << QByteArray("a") << QByteArray();
    QTest::newRow("In without values") << map({{"matchExpressions", exprs({expr("a", "In")})}}) << QByteArray()
                                       << QByteArray("matchExpressions[0].values: Required value: must be specified "
                                                     "when `operator` is 'In' or 'NotIn'");
    QTest::newRow("Exists with values")
        << map({{"matchExpressions", exprs({expr("a", "Exists", list({"x"}))})}}) << QByteArray()
        << QByteArray("matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or "
                      "'DoesNotExist'");
    QTest::newRow("Gt is not a LabelSelector operator")
        << map({{"matchExpressions", exprs({expr("a", "Gt", list({"1"}))})}}) << QByteArray()
        << QByteArray("matchExpressions[0].operator: Invalid value: \"Gt\": not a valid selector operator");
    QTest::newRow("bad key") << map({{"matchExpressions", exprs({expr("-bad", "Exists")})}}) << QByteArray()
                             << QByteArray("matchExpressions[0].key: Invalid value: \"-bad\": name part must consist "
                                           "of alphanumeric characters, '-', '_' or '.', and must start and end with "
                                           "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
                                           "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    QTest::newRow("bad label value") << map({{"matchLabels", map({{"app", str("a b")}})}}) << QByteArray()
                                     << QByteArray("matchLabels: Invalid value: \"a b\": a valid label must be an "
                                                   "empty string or consist of alphanumeric characters, '-', '_' or "
                                                   "'.', and must start and end with an alphanumeric character (e.g. "
                                                   "'MyValue',  or 'my_value',  or '12345', regex used for "
                                                   "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    QTest::newRow("integer label value") << map({{"matchLabels", map({{"version", Value::integer(2)}})}})
                                         << QByteArray() << QByteArray("matchLabels[version]: Invalid value: an "
                                                                       "integer \"2\": expected a string");
    QTest::newRow("not a mapping") << list({"a"}) << QByteArray() << QByteArray();
}

void TestLabelSelector::metaSelector()
{
    QFETCH(emu::api::Value, value);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, error);
    const auto parsed = LabelSelector::fromValue(value);
    const bool expectOk = error.isEmpty() && !(value.isSequence());
    QCOMPARE(parsed.ok(), expectOk);
    if (expectOk) {
        QCOMPARE(QByteArray::fromStdString(parsed->toString()), expected);
        QVERIFY(!parsed->matchesNothing());
    } else if (!error.isEmpty()) {
        QCOMPARE(QByteArray::fromStdString(parsed.error()), error);
    }
}

void TestLabelSelector::mapSelector()
{
    const auto rc = LabelSelector::fromMap(map({{"tier", str("fe")}, {"app", str("web")}}));
    QVERIFY(rc.ok());
    QCOMPARE(rc->toString(), std::string("app=web,tier=fe"));
    QVERIFY(rc->matches(labelsOf("app=web,tier=fe,extra=1")));
    QVERIFY(!rc->matches(labelsOf("app=web")));
    QVERIFY(LabelSelector::fromMap(Value::mapping())->isEmpty());
    QVERIFY(LabelSelector::fromMap(Value::null())->isEmpty());
    QVERIFY(!LabelSelector::fromMap(map({{"bad key", str("x")}})).ok());
    QCOMPARE(LabelSelector::fromLabels(labelsOf("b=2,a=1")).toString(), std::string("a=1,b=2"));
    const auto labels = labelsFromValue(map({{"app", str("web")}, {"empty", Value::null()}}));
    QVERIFY(labels.ok());
    QCOMPARE(labels->at("empty"), std::string());
}

void TestLabelSelector::nothingAndEverything()
{
    // metav1.LabelSelectorAsSelector: nil selects nothing, empty selects everything
    const auto nothing = LabelSelector::fromValue(Value::null());
    QVERIFY(nothing.ok());
    QVERIFY(nothing->matchesNothing());
    QVERIFY(!nothing->isEmpty());
    QVERIFY(!nothing->matches({}));
    QVERIFY(!nothing->matches(labelsOf("a=b")));
    QCOMPARE(nothing->toString(), std::string());
    const LabelSelector everything = LabelSelector::everything();
    QVERIFY(everything.isEmpty());
    QVERIFY(everything.matches({}));
    QVERIFY(everything.matches(labelsOf("a=b")));
    LabelSelector built;
    built.add({"z", SelectorOperator::Exists, {}});
    built.add({"a", SelectorOperator::In, {"2", "1"}});
    QCOMPARE(built.toString(), std::string("a in (1,2),z"));
}

QTEST_APPLESS_MAIN(TestLabelSelector)
#include "tst_label_selector.moc"
