// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from upstream k8s.io/component-helpers/scheduling/corev1/nodeaffinity
// nodeaffinity_test.go (TestNodeSelectorMatch, TestPreferredSchedulingTermsScore), the
// scheduler's NodeAffinity plugin tests (pkg/scheduler/framework/plugins/nodeaffinity) and
// pkg/apis/core/validation (ValidateNodeSelector, ValidatePreferredSchedulingTerms).
#include "emulator/api/node_affinity.h"
#include "emulator/api/value.h"

#include <QtTest>

using namespace emu::api;

Q_DECLARE_METATYPE(emu::api::Value)

namespace {

Value str(const char *s) { return Value::string(s); }

Value list(std::initializer_list<const char *> items)
{
    Value v = Value::sequence();
    for (const char *item : items)
        v.append(Value::string(item));
    return v;
}

Value seq(std::initializer_list<Value> items)
{
    Value v = Value::sequence();
    for (const auto &item : items)
        v.append(item);
    return v;
}

Value map(std::initializer_list<std::pair<const char *, Value>> entries)
{
    Value v = Value::mapping();
    for (const auto &[k, value] : entries)
        v.set(k, value);
    return v;
}

Value req(const char *key, const char *op, Value values = Value())
{
    Value v = map({{"key", str(key)}, {"operator", str(op)}});
    if (!values.isNull())
        v.set("values", values);
    return v;
}

Value exprTerm(std::initializer_list<Value> requirements) { return map({{"matchExpressions", seq(requirements)}}); }
Value fieldTerm(std::initializer_list<Value> requirements) { return map({{"matchFields", seq(requirements)}}); }
Value selector(std::initializer_list<Value> terms) { return map({{"nodeSelectorTerms", seq(terms)}}); }

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

} // namespace

class TestNodeAffinity : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void errors_data();
    void errors();
    void preferredScore_data();
    void preferredScore();
    void nodeSelectorMap_data();
    void nodeSelectorMap();
    void requiredAffinity();
};

void TestNodeAffinity::matches_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<QByteArray>("nodeName");
    QTest::addColumn<bool>("expected");
    const auto row = [](const char *name, const Value &v, const char *labels, const char *node, bool expected) {
        QTest::newRow(name) << v << QByteArray(labels) << QByteArray(node) << expected;
    };
    row("In matches", selector({exprTerm({req("foo", "In", list({"bar", "value2"}))})}), "foo=bar", "n1", true);
    row("In does not match", selector({exprTerm({req("foo", "In", list({"value1", "value2"}))})}), "foo=bar", "n1",
        false);
    row("In on absent label", selector({exprTerm({req("foo", "In", list({"bar"}))})}), "", "n1", false);
    row("Gt matches", selector({exprTerm({req("kernel-version", "Gt", list({"0204"}))})}), "kernel-version=0206",
        "n1", true);
    row("Gt equal is false", selector({exprTerm({req("kernel-version", "Gt", list({"206"}))})}),
        "kernel-version=206", "n1", false);
    row("Gt on non-integer label", selector({exprTerm({req("kernel-version", "Gt", list({"1"}))})}),
        "kernel-version=v2", "n1", false);
    row("Lt matches", selector({exprTerm({req("foo", "Lt", list({"5"}))})}), "foo=3", "n1", true);
    row("Lt negative", selector({exprTerm({req("foo", "Lt", list({"0"}))})}), "foo=-3", "n1", true);
    row("NotIn matches", selector({exprTerm({req("mem-type", "NotIn", list({"DDR", "DDR2"}))})}), "mem-type=DDR3",
        "n1", true);
    row("NotIn absent label", selector({exprTerm({req("mem-type", "NotIn", list({"DDR"}))})}), "", "n1", true);
    row("NotIn does not match", selector({exprTerm({req("mem-type", "NotIn", list({"DDR"}))})}), "mem-type=DDR",
        "n1", false);
    row("Exists", selector({exprTerm({req("GPU", "Exists")})}), "GPU=NVIDIA-GRID-K1", "n1", true);
    row("Exists absent", selector({exprTerm({req("GPU", "Exists")})}), "foo=bar", "n1", false);
    row("DoesNotExist absent", selector({exprTerm({req("foo", "DoesNotExist")})}), "", "n1", true);
    row("DoesNotExist present", selector({exprTerm({req("foo", "DoesNotExist")})}), "foo=x", "n1", false);
    row("terms are ORed", selector({exprTerm({req("foo", "In", list({"bar"}))}),
                                    exprTerm({req("diffkey", "In", list({"wrong"}))})}),
        "foo=bar", "n1", true);
    row("requirements are ANDed", selector({exprTerm({req("foo", "In", list({"bar"})),
                                                      req("diffkey", "In", list({"wrong"}))})}),
        "foo=bar", "n1", false);
    row("empty term matches nothing", selector({Value::mapping()}), "foo=bar", "n1", false);
    row("empty matchExpressions matches nothing", selector({exprTerm({})}), "foo=bar", "n1", false);
    row("empty term ORed with a matching one", selector({Value::mapping(), exprTerm({req("foo", "Exists")})}),
        "foo=bar", "n1", true);
    row("matchFields name", selector({fieldTerm({req("metadata.name", "In", list({"node-1"}))})}), "", "node-1",
        true);
    row("matchFields other name", selector({fieldTerm({req("metadata.name", "In", list({"node-1"}))})}), "",
        "node-2", false);
    row("matchFields NotIn", selector({fieldTerm({req("metadata.name", "NotIn", list({"node-1"}))})}), "", "node-2",
        true);
    row("matchFields and matchExpressions ANDed",
        selector({map({{"matchFields", seq({req("metadata.name", "In", list({"node-1"}))})},
                       {"matchExpressions", seq({req("foo", "In", list({"bar"}))})}})}),
        "foo=baz", "node-1", false);
    row("matchFields and matchExpressions both match",
        selector({map({{"matchFields", seq({req("metadata.name", "In", list({"node-1"}))})},
                       {"matchExpressions", seq({req("foo", "In", list({"bar"}))})}})}),
        "foo=bar", "node-1", true);
    row("matchFields ORed with matchExpressions",
        selector({fieldTerm({req("metadata.name", "In", list({"node-1"}))}),
                  exprTerm({req("foo", "In", list({"bar"}))})}),
        "foo=bar", "node-2", true);
    row("zone label", selector({exprTerm({req("topology.kubernetes.io/zone", "In", list({"eu-west-1a"}))})}),
        "topology.kubernetes.io/zone=eu-west-1a,kubernetes.io/os=linux", "n1", true);
}

void TestNodeAffinity::matches()
{
    QFETCH(emu::api::Value, value);
    QFETCH(QByteArray, labels);
    QFETCH(QByteArray, nodeName);
    QFETCH(bool, expected);
    const auto parsed = NodeSelector::fromValue(value);
    QVERIFY2(parsed.ok(), parsed.error().c_str());
    QCOMPARE(parsed->matches(labelsOf(labels), nodeName.toStdString()), expected);
}

void TestNodeAffinity::errors_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<QByteArray>("error");
    const auto row = [](const char *name, const Value &v, const char *error) {
        QTest::newRow(name) << v << QByteArray(error);
    };
    row("no terms", selector({}), "nodeSelectorTerms: Required value: must have at least one node selector term");
    row("no nodeSelectorTerms", Value::mapping(),
        "nodeSelectorTerms: Required value: must have at least one node selector term");
    row("In without values", selector({exprTerm({req("foo", "In")})}),
        "nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is "
        "'In' or 'NotIn'");
    row("Exists with values", selector({exprTerm({req("foo", "Exists", list({"a"}))})}),
        "nodeSelectorTerms[0].matchExpressions[0].values: Forbidden: may not be specified when `operator` is "
        "'Exists' or 'DoesNotExist'");
    row("Gt with two values", selector({exprTerm({req("foo", "Gt", list({"1", "2"}))})}),
        "nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when "
        "`operator` is 'Lt' or 'Gt'");
    row("Lt without values", selector({exprTerm({req("foo", "Lt")})}),
        "nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when "
        "`operator` is 'Lt' or 'Gt'");
    row("Gt not an integer", selector({exprTerm({req("foo", "Gt", list({"abc"}))})}),
        "nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"abc\": for 'Gt', 'Lt' operators, "
        "the value must be an integer");
    row("bad operator", selector({exprTerm({req("foo", "Equals", list({"a"}))})}),
        "nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector "
        "operator");
    row("bad key", selector({Value::mapping(), exprTerm({req("a/b/c", "Exists")})}),
        "nodeSelectorTerms[1].matchExpressions[0].key: Invalid value: \"a/b/c\": a valid label key must consist of "
        "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
        "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
        "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. "
        "'example.com/MyName')");
    row("field key", selector({fieldTerm({req("metadata.labels", "In", list({"a"}))})}),
        "nodeSelectorTerms[0].matchFields[0].key: Invalid value: \"metadata.labels\": not a valid field selector "
        "key");
    row("field Exists", selector({fieldTerm({req("metadata.name", "Exists")})}),
        "nodeSelectorTerms[0].matchFields[0].operator: Invalid value: \"Exists\": not a valid selector operator");
    row("field two values", selector({fieldTerm({req("metadata.name", "In", list({"a", "b"}))})}),
        "nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is "
        "'In' or 'NotIn' for node field selector");
    row("values not strings", selector({exprTerm({req("foo", "In", seq({Value::integer(1)}))})}),
        "nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: an integer \"1\": expected a string");
    // upstream's scheduler tests use "node_1", which the apiserver refuses as a node name
    row("field value not a node name", selector({fieldTerm({req("metadata.name", "In", list({"node_1"}))})}),
        "nodeSelectorTerms[0].matchFields[0].values[0]: Invalid value: \"node_1\": a lowercase RFC 1123 subdomain "
        "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
        "alphanumeric character (e.g. 'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    row("not a mapping", list({"a"}), "Invalid value: a list: expected a mapping");
}

void TestNodeAffinity::errors()
{
    QFETCH(emu::api::Value, value);
    QFETCH(QByteArray, error);
    const auto parsed = NodeSelector::fromValue(value);
    QVERIFY(!parsed.ok());
    QCOMPARE(QByteArray::fromStdString(parsed.error()), error);
}

void TestNodeAffinity::preferredScore_data()
{
    QTest::addColumn<emu::api::Value>("affinity");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<int>("score"); // -1: invalid
    const auto pref = [](int weight, Value term) {
        return map({{"weight", Value::integer(weight)}, {"preference", std::move(term)}});
    };
    const auto affinity = [](std::initializer_list<Value> preferred) {
        return map({{"preferredDuringSchedulingIgnoredDuringExecution", seq(preferred)}});
    };
    const Value fooBar = exprTerm({req("foo", "In", list({"bar"}))});
    const Value zoneA = exprTerm({req("zone", "In", list({"a"}))});
    QTest::newRow("one match") << affinity({pref(2, fooBar), pref(5, zoneA)}) << QByteArray("foo=bar") << 2;
    QTest::newRow("two matches") << affinity({pref(2, fooBar), pref(5, zoneA)}) << QByteArray("foo=bar,zone=a") << 7;
    QTest::newRow("no match") << affinity({pref(2, fooBar), pref(5, zoneA)}) << QByteArray("zone=b") << 0;
    QTest::newRow("empty preference counts nothing") << affinity({pref(10, Value::mapping()), pref(5, zoneA)})
                                                     << QByteArray("zone=a") << 5;
    QTest::newRow("weights up to 100") << affinity({pref(100, fooBar), pref(100, zoneA)})
                                       << QByteArray("foo=bar,zone=a") << 200;
    QTest::newRow("weight 0 is invalid") << affinity({pref(0, fooBar)}) << QByteArray() << -1;
    QTest::newRow("weight 101 is invalid") << affinity({pref(101, fooBar)}) << QByteArray() << -1;
    QTest::newRow("bad preference is invalid") << affinity({pref(1, exprTerm({req("foo", "In")}))}) << QByteArray()
                                               << -1;
}

void TestNodeAffinity::preferredScore()
{
    QFETCH(emu::api::Value, affinity);
    QFETCH(QByteArray, labels);
    QFETCH(int, score);
    const auto parsed = NodeAffinity::fromValue(affinity);
    QCOMPARE(parsed.ok(), score >= 0);
    if (score >= 0)
        QCOMPARE(emu::api::preferredScore(parsed->preferred, labelsOf(labels), "n1"), score);
    else
        QVERIFY(parsed.error().find("preferredDuringSchedulingIgnoredDuringExecution[0].") == 0);
}

void TestNodeAffinity::nodeSelectorMap_data()
{
    QTest::addColumn<QByteArray>("nodeSelector");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<bool>("expected");
    QTest::newRow("empty selector") << QByteArray() << QByteArray("a=b") << true;
    QTest::newRow("match") << QByteArray("disktype=ssd") << QByteArray("disktype=ssd,x=y") << true;
    QTest::newRow("other value") << QByteArray("disktype=ssd") << QByteArray("disktype=hdd") << false;
    QTest::newRow("missing label") << QByteArray("disktype=ssd") << QByteArray() << false;
    QTest::newRow("all keys") << QByteArray("a=1,b=2") << QByteArray("a=1") << false;
    QTest::newRow("empty value") << QByteArray("a=") << QByteArray("a=") << true;
}

void TestNodeAffinity::nodeSelectorMap()
{
    QFETCH(QByteArray, nodeSelector);
    QFETCH(QByteArray, labels);
    QFETCH(bool, expected);
    QCOMPARE(nodeSelectorMatches(labelsOf(nodeSelector), labelsOf(labels)), expected);
}

void TestNodeAffinity::requiredAffinity()
{
    const auto affinity = NodeAffinity::fromValue(
        map({{"requiredDuringSchedulingIgnoredDuringExecution",
              selector({exprTerm({req("kubernetes.io/os", "In", list({"linux"}))})})}}));
    QVERIFY(affinity.ok());
    QVERIFY(affinity->required.has_value());
    QVERIFY(affinity->preferred.empty());
    const Labels linux = labelsOf("kubernetes.io/os=linux,disktype=ssd");
    QVERIFY(requiredNodeAffinityMatches({}, affinity->required, linux, "n1"));
    QVERIFY(requiredNodeAffinityMatches(labelsOf("disktype=ssd"), affinity->required, linux, "n1"));
    QVERIFY(!requiredNodeAffinityMatches(labelsOf("disktype=hdd"), affinity->required, linux, "n1"));
    QVERIFY(!requiredNodeAffinityMatches({}, affinity->required, labelsOf("kubernetes.io/os=windows"), "n1"));
    QVERIFY(requiredNodeAffinityMatches({}, std::nullopt, {}, "n1"));
    const auto none = NodeAffinity::fromValue(Value::null());
    QVERIFY(none.ok());
    QVERIFY(!none->required.has_value());
    QVERIFY(!NodeAffinity::fromValue(map({{"requiredDuringSchedulingIgnoredDuringExecution", selector({})}})).ok());
}

QTEST_APPLESS_MAIN(TestNodeAffinity)
#include "tst_node_affinity.moc"
