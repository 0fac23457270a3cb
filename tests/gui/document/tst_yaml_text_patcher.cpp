// SPDX-License-Identifier: Apache-2.0
#include "document/field_path.h"
#include "document/object_text.h"
#include "document/yaml_text_patcher.h"

#include "emulator/api/value.h"

#include <QtTest>

using app::document::FieldPath;
using app::document::ObjectText::parse;
using app::document::YamlTextPatcher;
using emu::api::Value;

class TestYamlTextPatcher : public QObject
{
    Q_OBJECT

private slots:
    void setField_data();
    void setField();
    void resultAlwaysParsesToTheRequestedValue();
    void rewriteKeepsUnknownFieldsAndComments();
    void fieldPathRoundTrip();
};

namespace {

const char *deployment = R"(# The web tier.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the public name
  namespace: shop
  labels:
    app: web
  x-team: storefront   # an unknown field: kept
spec:
  replicas: 3  # three zones
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: "nginx:1.27"
        resources:
          requests:
            cpu: 250m

          # memory comes later
      tolerations:
      - key: dedicated
        operator: Exists
# trailing note
)";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const std::size_t at = text.find(from);
    if (at == std::string::npos)
        return "<" + from + " not found>";
    return text.replace(at, from.size(), to);
}

} // namespace

void TestYamlTextPatcher::setField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value"); // YAML text of the new value; "<remove>" removes
    QTest::addColumn<QString>("expected");

    const std::string d = deployment;
    QTest::newRow("scalar in place keeps its comment")
        << "spec.replicas" << "5"
        << QString::fromStdString(replaced(d, "replicas: 3  #", "replicas: 5  #"));
    QTest::newRow("quoted string keeps its quotes")
        << "spec.template.spec.containers[0].image" << "nginx:1.28"
        << QString::fromStdString(replaced(d, "\"nginx:1.27\"", "\"nginx:1.28\""));
    QTest::newRow("name with comment")
        << "metadata.name" << "web-2"
        << QString::fromStdString(replaced(d, "name: web   #", "name: web-2   #"));
    QTest::newRow("new label appended to the block")
        << "metadata.labels[tier]" << "frontend"
        << QString::fromStdString(replaced(d, "    app: web\n  x-team", "    app: web\n    tier: frontend\n  x-team"));
    QTest::newRow("new nested field after the blank line and comment stay")
        << "spec.template.spec.containers[0].resources.requests.memory" << "256Mi"
        << QString::fromStdString(replaced(d, "cpu: 250m\n", "cpu: 250m\n            memory: 256Mi\n"));
    QTest::newRow("new map created inside a list item")
        << "spec.template.spec.containers[0].ports" << "[{containerPort: 80}]"
        << QString::fromStdString(replaced(d, "          # memory comes later\n",
                                           "          # memory comes later\n        ports:\n        - containerPort: 80\n"));
    QTest::newRow("remove a field")
        << "metadata.namespace" << "<remove>"
        << QString::fromStdString(replaced(d, "  namespace: shop\n", ""));
    QTest::newRow("flow mapping rewritten as a block")
        << "spec.selector.matchLabels[tier]" << "frontend"
        << QString::fromStdString(replaced(d, "matchLabels: {app: web}", "matchLabels:\n      app: web\n      tier: frontend"));
    QTest::newRow("list item appended")
        << "spec.template.spec.tolerations[1]" << "{key: spot, operator: Exists, effect: NoSchedule}"
        << QString::fromStdString(replaced(d, "        operator: Exists\n",
                                           "        operator: Exists\n      - key: spot\n        operator: Exists\n        effect: NoSchedule\n"));
    QTest::newRow("new top-level field before the trailing comment")
        << "status" << "{}"
        << QString::fromStdString(replaced(d, "        operator: Exists\n# trailing", "        operator: Exists\nstatus: {}\n# trailing"));
}

void TestYamlTextPatcher::setField()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const auto content = parse(deployment);
    QVERIFY(content.isObject());
    const auto fieldPath = FieldPath::parse(path.toStdString());
    QVERIFY(fieldPath);
    std::optional<Value> newValue;
    if (value != "<remove>") {
        const auto parsed = parse("v: " + value.toStdString() + "\n");
        QVERIFY(parsed.isObject());
        newValue = *parsed.object.find("v");
    }
    const auto result = YamlTextPatcher::setField(content, *fieldPath, newValue);
    if (result.text != expected.toStdString())
        qWarning("%s", result.text.c_str());
    QCOMPARE(QString::fromStdString(result.text), expected);
    QVERIFY(result.isObject());
}

void TestYamlTextPatcher::resultAlwaysParsesToTheRequestedValue()
{
    // Awkward layouts: flow style everywhere, anchors, a block scalar, a document marker.
    const char *awkward = "---\n{apiVersion: v1, kind: ConfigMap,\n metadata: {name: cfg, labels: &l {a: b}},\n"
                          " data: {script: \"#!/bin/sh\\necho hi\\n\"}}\n";
    const auto content = parse(awkward);
    QVERIFY(content.isObject());
    for (const char *p : {"metadata.name", "metadata.labels[c]", "data.script", "data.extra",
                          "metadata.labels[a]"}) {
        Value expected = content.object;
        const auto path = *FieldPath::parse(p);
        QVERIFY(path.set(expected, Value::string("x y")));
        const auto result = YamlTextPatcher::setField(content, path, Value::string("x y"));
        QVERIFY2(result.isObject(), p);
        QVERIFY2(result.object == expected, p);
    }
}

void TestYamlTextPatcher::rewriteKeepsUnknownFieldsAndComments()
{
    const auto content = parse(deployment);
    Value object = content.object;
    FieldPath::parse("spec.replicas")->set(object, Value::plainScalar("7"));
    FieldPath::parse("metadata.labels[app]")->set(object, Value::string("shop"));
    const auto result = YamlTextPatcher::rewrite(content, object);
    QVERIFY(result.object == object);
    QVERIFY(result.text.find("x-team: storefront   # an unknown field: kept") != std::string::npos);
    QVERIFY(result.text.find("replicas: 7  # three zones") != std::string::npos);
    QVERIFY(result.text.find("# trailing note") != std::string::npos);
    QVERIFY(result.text.find("# The web tier.") == 0);
}

void TestYamlTextPatcher::fieldPathRoundTrip()
{
    for (const char *p : {"spec.template.spec.containers[0].image", "metadata.labels[app.kubernetes.io/name]",
                          "spec.tolerations[2]", "metadata.annotations[kubecanvas.io/behavior]"}) {
        const auto path = FieldPath::parse(p);
        QVERIFY2(path, p);
        QCOMPARE(QString::fromStdString(path->toString()), QString::fromLatin1(p));
    }
    QVERIFY(!FieldPath::parse("spec..replicas"));
    QVERIFY(!FieldPath::parse("spec.labels[unclosed"));
    QVERIFY(!FieldPath::parse(""));
}

QTEST_APPLESS_MAIN(TestYamlTextPatcher)
#include "tst_yaml_text_patcher.moc"
