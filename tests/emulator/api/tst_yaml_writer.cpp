// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"

#include <QtTest>

using namespace emu::api;

class TestYamlWriter : public QObject
{
    Q_OBJECT

private slots:
    void kubectlLayout();
    void roundTrip_data();
    void roundTrip();
    void stringsThatLookLikeOtherTypesAreQuoted_data();
    void stringsThatLookLikeOtherTypesAreQuoted();
    void multiLineStringsUseLiteralBlocks();
    void json();
};

void TestYamlWriter::kubectlLayout()
{
    const std::string input = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {}\n"
                              "spec:\n  containers:\n  - name: app\n    image: nginx:1.25\n"
                              "    args:\n    - -c\n    - echo hi\n    ports: []\n";
    const auto parsed = YamlReader::parse(input, "in.yaml");
    QVERIFY(parsed.diagnostics.empty());
    QCOMPARE(YamlWriter::toYaml(parsed.documents[0].root), input);
}

void TestYamlWriter::roundTrip_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::newRow("scalars") << "a: 1\nb: 1.50\nc: true\nd: ~\ne: \"x\"\nf: 'y'\ng: 0x10\n";
    QTest::newRow("nested lists") << "a:\n- - 1\n  - 2\n- - 3\n- []\n- {}\n";
    QTest::newRow("odd keys") << "5: a\n3.14: b\ntrue: c\n\"a: b\": d\n";
    QTest::newRow("special strings") << "a: \"#x\"\nb: \"x #y\"\nc: \"-\"\nd: \"\"\ne: \" pad \"\n"
                                        "f: \"tab\\there\"\ng: \"*star\"\nh: \"@at\"\n";
    QTest::newRow("multiline") << "a: |\n  one\n  two\nb: |-\n  no newline\nc: |+\n  keep\n\n"
                                  "d: \"  leading\\nspace\"\n";
    QTest::newRow("flow") << "{a: [1, 2, {b: c}], d: 'e'}";
    QTest::newRow("unicode") << "name: caf\xC3\xA9\nemoji: \"\xF0\x9F\x98\x80\"\n";
}

void TestYamlWriter::roundTrip()
{
    QFETCH(QString, yaml);
    const auto first = YamlReader::parse(yaml.toStdString(), "a.yaml");
    QVERIFY(first.diagnostics.empty());
    const std::string written = YamlWriter::toYaml(first.documents[0].root);
    const auto second = YamlReader::parse(written, "b.yaml");
    QVERIFY2(second.diagnostics.empty(), written.c_str());
    QVERIFY2(second.documents[0].root == first.documents[0].root, written.c_str());
    QCOMPARE(YamlWriter::toYaml(second.documents[0].root), written);
}

void TestYamlWriter::stringsThatLookLikeOtherTypesAreQuoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("plain");
    QTest::newRow("word") << "nginx" << true;
    QTest::newRow("dash arg") << "-c" << true;
    QTest::newRow("url") << "http://x:80/a" << true;
    QTest::newRow("yes") << "yes" << false;
    QTest::newRow("number") << "80" << false;
    QTest::newRow("float") << "1e3" << false;
    QTest::newRow("null") << "null" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("colon space") << "a: b" << false;
    QTest::newRow("comment") << "a #b" << false;
    QTest::newRow("date") << "2026-01-01" << false;
    QTest::newRow("flow start") << "{x}" << false;
}

void TestYamlWriter::stringsThatLookLikeOtherTypesAreQuoted()
{
    QFETCH(QString, text);
    QFETCH(bool, plain);
    QCOMPARE(YamlWriter::isSafePlainString(text.toStdString()), plain);
    Value map = Value::mapping();
    map.set("k", Value::string(text.toStdString()));
    const auto back = YamlReader::parse(YamlWriter::toYaml(map), "x.yaml");
    QCOMPARE(back.documents[0].root.find("k")->kind(), ValueKind::String);
    QCOMPARE(back.documents[0].root.find("k")->text(), text.toStdString());
}

void TestYamlWriter::multiLineStringsUseLiteralBlocks()
{
    Value map = Value::mapping();
    map.set("script", Value::string("#!/bin/sh\necho hi\n"));
    QCOMPARE(YamlWriter::toYaml(map), std::string("script: |\n  #!/bin/sh\n  echo hi\n"));
}

void TestYamlWriter::json()
{
    const auto parsed = YamlReader::parse("a: [1, x, true, ~]\nb: {c: 1.5}\n", "j.yaml");
    QCOMPARE(YamlWriter::toJson(parsed.documents[0].root, 0),
             std::string("{\"a\":[1,\"x\",true,null],\"b\":{\"c\":1.5}}\n"));
}

QTEST_APPLESS_MAIN(TestYamlWriter)
#include "tst_yaml_writer.moc"
