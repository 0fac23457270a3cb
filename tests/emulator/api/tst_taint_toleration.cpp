// SPDX-License-Identifier: Apache-2.0
// Rows are drawn from upstream k8s.io/api/core/v1/toleration_test.go
// (TestTolerationToleratesTaint), pkg/apis/core/v1/helper/helpers_test.go
// (TestTolerationsTolerateTaintsWithFilter, TestGetMatchingTolerations),
// pkg/controller/tainteviction/taint_eviction_test.go (TestGetMinTolerationTime) and
// pkg/apis/core/validation (ValidateTolerations, validateNodeTaints).
#include "emulator/api/taint.h"
#include "emulator/api/toleration.h"
#include "emulator/api/value.h"

#include <QtTest>

using namespace emu::api;
using Op = Toleration::Operator;
using Effect = TaintEffect;

Q_DECLARE_METATYPE(emu::api::Value)
Q_DECLARE_METATYPE(emu::api::Taint)
Q_DECLARE_METATYPE(emu::api::Toleration)
Q_DECLARE_METATYPE(std::vector<emu::api::Toleration>)
Q_DECLARE_METATYPE(std::vector<emu::api::Taint>)

namespace {

Value map(std::initializer_list<std::pair<const char *, Value>> entries)
{
    Value v = Value::mapping();
    for (const auto &[k, value] : entries)
        v.set(k, value);
    return v;
}

Value str(const char *s) { return Value::string(s); }

Toleration tol(const char *key, Op op, const char *value, std::optional<Effect> effect,
               std::optional<std::int64_t> seconds = std::nullopt)
{
    return Toleration{key, op, value, effect, seconds};
}

Toleration secondsOnly(std::optional<std::int64_t> seconds)
{
    return Toleration{{}, Op::Exists, {}, Effect::NoExecute, seconds};
}

} // namespace

class TestTaintToleration : public QObject
{
    Q_OBJECT

private slots:
    void toleratesTaint_data();
    void toleratesTaint();
    void parseToleration_data();
    void parseToleration();
    void parseTaint_data();
    void parseTaint();
    void taintList();
    void untolerated_data();
    void untolerated();
    void minTolerationTime_data();
    void minTolerationTime();
    void eviction_data();
    void eviction();
};

void TestTaintToleration::toleratesTaint_data()
{
    QTest::addColumn<emu::api::Toleration>("toleration");
    QTest::addColumn<emu::api::Taint>("taint");
    QTest::addColumn<bool>("tolerated");
    const Taint fooNoSchedule{"foo", "", Effect::NoSchedule, {}};
    const Taint fooBarNoSchedule{"foo", "bar", Effect::NoSchedule, {}};
    QTest::newRow("same key and effect, Exists, taint without value")
        << tol("foo", Op::Exists, "", Effect::NoSchedule) << fooNoSchedule << true;
    QTest::newRow("same key and effect, Exists, taint with value")
        << tol("foo", Op::Exists, "", Effect::NoSchedule) << fooBarNoSchedule << true;
    QTest::newRow("empty key with Exists tolerates the effect")
        << tol("", Op::Exists, "", Effect::NoSchedule) << fooBarNoSchedule << true;
    QTest::newRow("same key, effect and value with Equal")
        << tol("foo", Op::Equal, "bar", Effect::NoSchedule) << fooBarNoSchedule << true;
    QTest::newRow("Equal with a different value")
        << tol("foo", Op::Equal, "value1", Effect::NoSchedule) << Taint{"foo", "value2", Effect::NoSchedule, {}}
        << false;
    QTest::newRow("same key, different effect")
        << tol("foo", Op::Equal, "bar", Effect::NoSchedule) << Taint{"foo", "bar", Effect::NoExecute, {}} << false;
    QTest::newRow("different key") << tol("foo", Op::Exists, "", Effect::NoSchedule)
                                   << Taint{"baz", "", Effect::NoSchedule, {}} << false;
    QTest::newRow("empty effect matches NoExecute")
        << tol("foo", Op::Equal, "bar", std::nullopt) << Taint{"foo", "bar", Effect::NoExecute, {}} << true;
    QTest::newRow("empty effect matches PreferNoSchedule")
        << tol("foo", Op::Exists, "", std::nullopt) << Taint{"foo", "x", Effect::PreferNoSchedule, {}} << true;
    QTest::newRow("empty key, Exists, empty effect tolerates everything")
        << tol("", Op::Exists, "", std::nullopt) << Taint{"anything", "v", Effect::NoExecute, {}} << true;
    QTest::newRow("Equal with empty value matches an empty taint value")
        << tol("foo", Op::Equal, "", Effect::NoSchedule) << fooNoSchedule << true;
    QTest::newRow("Equal with empty value does not match a value")
        << tol("foo", Op::Equal, "", Effect::NoSchedule) << fooBarNoSchedule << false;
    QTest::newRow("not-ready NoExecute toleration")
        << tol("node.kubernetes.io/not-ready", Op::Exists, "", Effect::NoExecute, 300)
        << Taint{"node.kubernetes.io/not-ready", "", Effect::NoExecute, {}} << true;
    QTest::newRow("NoExecute toleration vs NoSchedule taint")
        << tol("node.kubernetes.io/unreachable", Op::Exists, "", Effect::NoExecute, 300)
        << Taint{"node.kubernetes.io/unreachable", "", Effect::NoSchedule, {}} << false;
}

void TestTaintToleration::toleratesTaint()
{
    QFETCH(emu::api::Toleration, toleration);
    QFETCH(emu::api::Taint, taint);
    QFETCH(bool, tolerated);
    QCOMPARE(toleration.toleratesTaint(taint), tolerated);
    QCOMPARE(tolerationsTolerateTaint({Toleration{"other", Op::Equal, "x", {}, {}}, toleration}, taint), tolerated);
}

void TestTaintToleration::parseToleration_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<QByteArray>("error"); // empty when valid
    QTest::newRow("key Equal value effect")
        << map({{"key", str("k")}, {"operator", str("Equal")}, {"value", str("v")}, {"effect", str("NoSchedule")}})
        << QByteArray();
    QTest::newRow("default operator") << map({{"key", str("k")}, {"value", str("v")}}) << QByteArray();
    QTest::newRow("match everything") << map({{"operator", str("Exists")}}) << QByteArray();
    QTest::newRow("tolerationSeconds with NoExecute")
        << map({{"key", str("node.kubernetes.io/unreachable")}, {"operator", str("Exists")},
                {"effect", str("NoExecute")}, {"tolerationSeconds", Value::integer(300)}})
        << QByteArray();
    QTest::newRow("empty key with Equal")
        << map({{"value", str("v")}})
        << QByteArray("operator: Invalid value: \"\": operator must be Exists when `key` is empty, which means "
                      "\"match all values and all keys\"");
    QTest::newRow("tolerationSeconds without NoExecute")
        << map({{"key", str("k")}, {"operator", str("Exists")}, {"effect", str("NoSchedule")},
                {"tolerationSeconds", Value::integer(5)}})
        << QByteArray("effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` "
                      "is set");
    QTest::newRow("value with Exists")
        << map({{"key", str("k")}, {"operator", str("Exists")}, {"value", str("v")}})
        << QByteArray("operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'");
    QTest::newRow("unknown operator")
        << map({{"key", str("k")}, {"operator", str("In")}})
        << QByteArray("operator: Unsupported value: \"In\": supported values: \"Equal\", \"Exists\"");
    QTest::newRow("unknown effect")
        << map({{"key", str("k")}, {"operator", str("Exists")}, {"effect", str("NoRun")}})
        << QByteArray("effect: Unsupported value: \"NoRun\": supported values: \"NoSchedule\", "
                      "\"PreferNoSchedule\", \"NoExecute\"");
    QTest::newRow("bad key") << map({{"key", str("a/b/c")}, {"operator", str("Exists")}}) << QByteArray("*");
    QTest::newRow("seconds not a number")
        << map({{"key", str("k")}, {"operator", str("Exists")}, {"effect", str("NoExecute")},
                {"tolerationSeconds", str("300")}})
        << QByteArray("*");
    QTest::newRow("not a mapping") << str("k") << QByteArray("*");
}

void TestTaintToleration::parseToleration()
{
    QFETCH(emu::api::Value, value);
    QFETCH(QByteArray, error);
    const auto parsed = Toleration::fromValue(value);
    QCOMPARE(parsed.ok(), error.isEmpty());
    if (!error.isEmpty() && error != "*")
        QCOMPARE(QByteArray::fromStdString(parsed.error()), error);
}

void TestTaintToleration::parseTaint_data()
{
    QTest::addColumn<emu::api::Value>("value");
    QTest::addColumn<QByteArray>("text");  // Taint::toString when valid
    QTest::addColumn<QByteArray>("error"); // first error when invalid ("*": any)
    QTest::newRow("key value effect")
        << map({{"key", str("dedicated")}, {"value", str("gpu")}, {"effect", str("NoSchedule")}})
        << QByteArray("dedicated=gpu:NoSchedule") << QByteArray();
    QTest::newRow("no value") << map({{"key", str("node.kubernetes.io/not-ready")}, {"effect", str("NoExecute")},
                                      {"timeAdded", str("2024-01-01T00:00:00Z")}})
                              << QByteArray("node.kubernetes.io/not-ready:NoExecute") << QByteArray();
    QTest::newRow("PreferNoSchedule") << map({{"key", str("k")}, {"effect", str("PreferNoSchedule")}})
                                      << QByteArray("k:PreferNoSchedule") << QByteArray();
    QTest::newRow("missing effect") << map({{"key", str("k")}}) << QByteArray()
                                    << QByteArray("effect: Required value");
    QTest::newRow("bad effect") << map({{"key", str("k")}, {"effect", str("Sometimes")}}) << QByteArray()
                                << QByteArray("effect: Unsupported value: \"Sometimes\": supported values: "
                                              "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
    QTest::newRow("missing key") << map({{"effect", str("NoSchedule")}}) << QByteArray()
                                 << QByteArray("key: Invalid value: \"\": name part must be non-empty");
    QTest::newRow("bad value") << map({{"key", str("k")}, {"value", str("a b")}, {"effect", str("NoSchedule")}})
                               << QByteArray() << QByteArray("*");
}

void TestTaintToleration::parseTaint()
{
    QFETCH(emu::api::Value, value);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, error);
    const auto parsed = Taint::fromValue(value);
    QCOMPARE(parsed.ok(), error.isEmpty());
    if (parsed)
        QCOMPARE(QByteArray::fromStdString(parsed->toString()), text);
    else if (error != "*")
        QCOMPARE(QByteArray::fromStdString(parsed.error()), error);
}

void TestTaintToleration::taintList()
{
    Value list = Value::sequence();
    list.append(map({{"key", str("a")}, {"effect", str("NoSchedule")}}));
    list.append(map({{"key", str("a")}, {"effect", str("NoExecute")}}));
    const auto ok = taintsFromValue(list);
    QVERIFY(ok.ok());
    QCOMPARE(ok->size(), std::size_t(2));
    list.append(map({{"key", str("a")}, {"value", str("x")}, {"effect", str("NoSchedule")}}));
    const auto duplicate = taintsFromValue(list);
    QVERIFY(!duplicate.ok());
    QVERIFY(duplicate.error().find("taints must be unique by key and effect pair") != std::string::npos);
    QCOMPARE(duplicate.errors.front().path, std::string("[2]"));
    QVERIFY(taintsFromValue(Value::null())->empty());

    Value tolerations = Value::sequence();
    tolerations.append(map({{"operator", str("Exists")}}));
    tolerations.append(map({{"key", str("k")}, {"operator", str("Bad")}}));
    const auto t = tolerationsFromValue(tolerations);
    QVERIFY(!t.ok());
    QCOMPARE(t.errors.front().path, std::string("[1].operator"));
}

void TestTaintToleration::untolerated_data()
{
    QTest::addColumn<std::vector<emu::api::Taint>>("taints");
    QTest::addColumn<std::vector<emu::api::Toleration>>("tolerations");
    QTest::addColumn<bool>("scheduler"); // filter NoSchedule+NoExecute, else no filter
    QTest::addColumn<QByteArray>("expected"); // the untolerated taint, "" for none
    const Taint a{"a", "", Effect::NoSchedule, {}};
    const Taint b{"b", "", Effect::PreferNoSchedule, {}};
    const Taint c{"c", "v", Effect::NoExecute, {}};
    QTest::newRow("no taints") << std::vector<Taint>{} << std::vector<Toleration>{} << true << QByteArray();
    QTest::newRow("untolerated NoSchedule") << std::vector<Taint>{a} << std::vector<Toleration>{} << true
                                            << QByteArray("a:NoSchedule");
    QTest::newRow("PreferNoSchedule filtered out") << std::vector<Taint>{b} << std::vector<Toleration>{} << true
                                                   << QByteArray();
    QTest::newRow("PreferNoSchedule without filter") << std::vector<Taint>{b} << std::vector<Toleration>{}
                                                     << false << QByteArray("b:PreferNoSchedule");
    QTest::newRow("all tolerated") << std::vector<Taint>{a, b, c}
                                   << std::vector<Toleration>{tol("a", Op::Exists, "", {}),
                                                              tol("c", Op::Equal, "v", Effect::NoExecute)}
                                   << true << QByteArray();
    QTest::newRow("first untolerated in order") << std::vector<Taint>{a, c}
                                                << std::vector<Toleration>{tol("c", Op::Equal, "w", {})} << true
                                                << QByteArray("a:NoSchedule");
    QTest::newRow("tolerate everything") << std::vector<Taint>{a, b, c}
                                         << std::vector<Toleration>{tol("", Op::Exists, "", {})} << false
                                         << QByteArray();
}

void TestTaintToleration::untolerated()
{
    QFETCH(std::vector<emu::api::Taint>, taints);
    QFETCH(std::vector<emu::api::Toleration>, tolerations);
    QFETCH(bool, scheduler);
    QFETCH(QByteArray, expected);
    const auto found = scheduler ? findUntoleratedTaint(taints, tolerations, {Effect::NoSchedule, Effect::NoExecute})
                                 : findUntoleratedTaint(taints, tolerations);
    QCOMPARE(found ? QByteArray::fromStdString(found->toString()) : QByteArray(), expected);
}

void TestTaintToleration::minTolerationTime_data()
{
    QTest::addColumn<std::vector<emu::api::Toleration>>("tolerations");
    QTest::addColumn<qint64>("expected"); // -1: forever
    QTest::newRow("empty") << std::vector<Toleration>{} << qint64(0);
    QTest::newRow("nil seconds") << std::vector<Toleration>{secondsOnly({})} << qint64(-1);
    QTest::newRow("1 and 2") << std::vector<Toleration>{secondsOnly(1), secondsOnly(2)} << qint64(1);
    QTest::newRow("1 and nil") << std::vector<Toleration>{secondsOnly(1), secondsOnly({})} << qint64(1);
    QTest::newRow("nil and 1") << std::vector<Toleration>{secondsOnly({}), secondsOnly(1)} << qint64(1);
    QTest::newRow("negative") << std::vector<Toleration>{secondsOnly(300), secondsOnly(-5)} << qint64(0);
    QTest::newRow("zero") << std::vector<Toleration>{secondsOnly(0), secondsOnly({})} << qint64(0);
    QTest::newRow("300 and 60") << std::vector<Toleration>{secondsOnly(300), secondsOnly(60)} << qint64(60);
}

void TestTaintToleration::minTolerationTime()
{
    QFETCH(std::vector<emu::api::Toleration>, tolerations);
    QFETCH(qint64, expected);
    const auto seconds = minTolerationSeconds(tolerations);
    QCOMPARE(seconds ? qint64(*seconds) : qint64(-1), expected);
}

void TestTaintToleration::eviction_data()
{
    QTest::addColumn<std::vector<emu::api::Taint>>("taints");
    QTest::addColumn<std::vector<emu::api::Toleration>>("tolerations");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("seconds");
    using K = NoExecuteEviction::Kind;
    const Taint notReady{"node.kubernetes.io/not-ready", "", Effect::NoExecute, {}};
    const Taint unreachable{"node.kubernetes.io/unreachable", "", Effect::NoExecute, {}};
    const Taint noSchedule{"node.kubernetes.io/unschedulable", "", Effect::NoSchedule, {}};
    // the DefaultTolerationSeconds admission plugin's tolerations
    const std::vector<Toleration> defaults{tol("node.kubernetes.io/not-ready", Op::Exists, "", Effect::NoExecute, 300),
                                           tol("node.kubernetes.io/unreachable", Op::Exists, "", Effect::NoExecute, 300)};
    QTest::newRow("no NoExecute taints") << std::vector<Taint>{noSchedule} << std::vector<Toleration>{}
                                         << int(K::None) << qint64(0);
    QTest::newRow("not tolerated") << std::vector<Taint>{notReady} << std::vector<Toleration>{} << int(K::Immediate)
                                   << qint64(0);
    QTest::newRow("default tolerations") << std::vector<Taint>{notReady, unreachable} << defaults << int(K::After)
                                         << qint64(300);
    QTest::newRow("tolerate forever") << std::vector<Taint>{notReady}
                                      << std::vector<Toleration>{tol("", Op::Exists, "", {})} << int(K::Never)
                                      << qint64(0);
    QTest::newRow("one taint untolerated") << std::vector<Taint>{notReady, Taint{"x", "", Effect::NoExecute, {}}}
                                           << defaults << int(K::Immediate) << qint64(0);
    // only the first tolerating toleration of each taint counts (GetMatchingTolerations)
    QTest::newRow("first match wins") << std::vector<Taint>{notReady}
                                      << std::vector<Toleration>{tol("node.kubernetes.io/not-ready", Op::Exists, "",
                                                                     Effect::NoExecute, 600),
                                                                 tol("", Op::Exists, "", Effect::NoExecute, 10)}
                                      << int(K::After) << qint64(600);
}

void TestTaintToleration::eviction()
{
    QFETCH(std::vector<emu::api::Taint>, taints);
    QFETCH(std::vector<emu::api::Toleration>, tolerations);
    QFETCH(int, kind);
    QFETCH(qint64, seconds);
    const NoExecuteEviction e = noExecuteEviction(taints, tolerations);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(qint64(e.seconds), seconds);
}

QTEST_APPLESS_MAIN(TestTaintToleration)
#include "tst_taint_toleration.moc"
