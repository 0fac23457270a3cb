// SPDX-License-Identifier: Apache-2.0
#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"

#include <QtTest>

using namespace emu::api;

class TestYamlReader : public QObject
{
    Q_OBJECT

private slots:
    void scalarResolution_data();
    void scalarResolution();
    void keepsKeyOrderAndPositions();
    void multiDocumentWithEmptyDocuments();
    void lineNumbersAcrossDocuments();
    void duplicateKeyIsAnError();
    void syntaxErrorHasPosition();
    void errorInOneDocumentKeepsOthers();
    void quotedScalarsAreStrings();
    void aliasesAndMergeKeys();
    void aliasBombIsRefused();
    void jsonIsParsedAsJson();
    void jsonWithTabsIsAccepted();
    void flowStyleYamlWithComments();
    void crlfAndDocumentEndMarkers();
    void junkNeverCrashes_data();
    void junkNeverCrashes();
    void deepNestingIsAnErrorNotACrash();
};

void TestYamlReader::scalarResolution_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    const auto row = [](const char *text, ValueKind kind) {
        QTest::newRow(text) << QString::fromUtf8(text) << int(kind);
    };
    row("~", ValueKind::Null);
    row("null", ValueKind::Null);
    row("true", ValueKind::Bool);
    row("False", ValueKind::Bool);
    row("yes", ValueKind::Bool);
    row("off", ValueKind::Bool);
    row("y", ValueKind::Bool);
    row("12", ValueKind::Int);
    row("-12", ValueKind::Int);
    row("0x1F", ValueKind::Int);
    row("1_000", ValueKind::Int);
    row("1.5", ValueKind::Float);
    row("1e3", ValueKind::Float);
    row(".5", ValueKind::Float);
    row(".inf", ValueKind::Float);
    row("100m", ValueKind::String);
    row("1Gi", ValueKind::String);
    row("nginx:1.25", ValueKind::String);
    row("2026-01-01", ValueKind::String);
    row("1.2.3", ValueKind::String);
}

void TestYamlReader::scalarResolution()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QCOMPARE(int(resolvePlainScalar(text.toStdString())), kind);
}

void TestYamlReader::keepsKeyOrderAndPositions()
{
    const auto result = YamlReader::parse("kind: Pod\napiVersion: v1\nmetadata:\n  name: web\n"
                                          "  zeta: 1\n  alpha: 2\n", "a.yaml");
    QVERIFY(result.diagnostics.empty());
    QCOMPARE(result.documents.size(), std::size_t(1));
    const Value &root = result.documents[0].root;
    QCOMPARE(root.keyAt(0).text(), std::string("kind"));
    QCOMPARE(root.keyAt(1).text(), std::string("apiVersion"));
    const Value &metadata = *root.find("metadata");
    QCOMPARE(metadata.keyAt(1).text(), std::string("zeta"));
    QCOMPARE(metadata.keyAt(2).text(), std::string("alpha"));
    QCOMPARE(metadata.find("name")->pos().line, 4u);
    QCOMPARE(metadata.find("name")->pos().column, 9u);
    QCOMPARE(metadata.find("zeta")->asInt().value(), 1);
}

void TestYamlReader::multiDocumentWithEmptyDocuments()
{
    const auto result = YamlReader::parse("---\n# Source: chart/a.yaml\n---\na: 1\n---\n---\nb: 2\n",
                                          "m.yaml");
    QVERIFY(result.diagnostics.empty());
    QCOMPARE(result.documents.size(), std::size_t(2));
    QCOMPARE(result.documents[1].root.find("b")->pos().line, 7u);
}

void TestYamlReader::lineNumbersAcrossDocuments()
{
    std::string text;
    for (int i = 0; i < 50; ++i)
        text += "---\nkind: Pod\nmetadata:\n  name: p" + std::to_string(i) + "\n";
    const auto result = YamlReader::parse(text, "many.yaml");
    QCOMPARE(result.documents.size(), std::size_t(50));
    QCOMPARE(result.documents[49].root.find("metadata")->find("name")->pos().line, 49u * 4 + 4);
}

void TestYamlReader::duplicateKeyIsAnError()
{
    const auto result = YamlReader::parse(
        "spec:\n  template:\n    spec:\n      containers: []\n      containers: [1]\n", "d.yaml");
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    const Diagnostic &d = result.diagnostics[0];
    QCOMPARE(d.format(), std::string("d.yaml:5:7: error: spec.template.spec.containers: "
                                     "duplicate key \"containers\" with a different value"));
}

void TestYamlReader::syntaxErrorHasPosition()
{
    const auto result = YamlReader::parse("a: 1\nb:\n\tc: 2\n", "tab.yaml");
    QVERIFY(hasErrors(result.diagnostics));
    QCOMPARE(result.diagnostics[0].file, std::string("tab.yaml"));
    QVERIFY(result.diagnostics[0].pos.line >= 2);
    QVERIFY(result.diagnostics[0].message.rfind("yaml: ", 0) == 0);
}

void TestYamlReader::errorInOneDocumentKeepsOthers()
{
    const auto result = YamlReader::parse("a: 1\n---\nb: [1, 2\n---\nc: 3\n", "e.yaml");
    QCOMPARE(result.documents.size(), std::size_t(2));
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QVERIFY(result.diagnostics[0].pos.line >= 3 && result.diagnostics[0].pos.line <= 4);
}

void TestYamlReader::quotedScalarsAreStrings()
{
    const auto result = YamlReader::parse("a: \"123\"\nb: 'true'\nc: |\n  line1\n  line2\n", "q.yaml");
    const Value &root = result.documents[0].root;
    QCOMPARE(root.find("a")->kind(), ValueKind::String);
    QCOMPARE(root.find("b")->kind(), ValueKind::String);
    QCOMPARE(root.find("c")->text(), std::string("line1\nline2\n"));
}

void TestYamlReader::aliasesAndMergeKeys()
{
    const auto result = YamlReader::parse(
        "base: &b\n  x: 1\n  y: 2\nderived:\n  <<: *b\n  y: 3\ncopy: *b\n", "alias.yaml");
    QVERIFY(result.diagnostics.empty());
    const Value &root = result.documents[0].root;
    const Value &derived = *root.find("derived");
    QCOMPARE(derived.find("x")->asInt().value(), 1);
    QCOMPARE(derived.find("y")->asInt().value(), 3);
    QVERIFY(!derived.contains("<<"));
    QCOMPARE(*root.find("copy"), *root.find("base"));
}

void TestYamlReader::aliasBombIsRefused()
{
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
        text += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i)
            text += std::string(i ? ", *" : "*") + prev;
        text += "]\n";
        prev = c;
    }
    const auto result = YamlReader::parse(text, "bomb.yaml");
    QVERIFY(hasErrors(result.diagnostics));
    QVERIFY(result.documents.empty());
}

void TestYamlReader::jsonIsParsedAsJson()
{
    const auto result = YamlReader::parse(
        "{\"kind\": \"Pod\", \"n\": 1.50, \"s\": \"a\\u00e9\", \"l\": [true, null]}", "p.json");
    QVERIFY(result.diagnostics.empty());
    const Value &root = result.documents[0].root;
    QCOMPARE(root.find("n")->kind(), ValueKind::Float);
    QCOMPARE(root.find("s")->text(), std::string("a\xC3\xA9"));
    QCOMPARE(root.find("l")->at(1).kind(), ValueKind::Null);
}

void TestYamlReader::jsonWithTabsIsAccepted()
{
    const auto result = YamlReader::parse("{\n\t\"kind\": \"Policy\",\n\t\"x\": [\n\t\t1\n\t]\n}\n",
                                          "tabs.json");
    QVERIFY(result.diagnostics.empty());
    QCOMPARE(result.documents[0].root.find("x")->at(0).pos().line, 4u);
}

void TestYamlReader::flowStyleYamlWithComments()
{
    const auto result = YamlReader::parse(
        "{\n  # a comment\n  kind: Pod,\n  metadata: { name: x, },\n}\n", "flow.yaml");
    QVERIFY(result.diagnostics.empty());
    QCOMPARE(result.documents[0].root.find("metadata")->find("name")->text(), std::string("x"));
}

void TestYamlReader::crlfAndDocumentEndMarkers()
{
    const auto result = YamlReader::parse("a: 1\r\nb: two\r\n...\r\n---\r\nc: 3\r\n", "crlf.yaml");
    QVERIFY(result.diagnostics.empty());
    QCOMPARE(result.documents.size(), std::size_t(2));
    QCOMPARE(result.documents[0].root.find("b")->text(), std::string("two"));
}

void TestYamlReader::junkNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe\x80garbage\x00: [", 16);
    QTest::newRow("unbalanced") << QByteArray("a: [1, 2\nb: {c: d\n");
    QTest::newRow("template") << QByteArray("{{ .Values.x }}: 1\n");
    QTest::newRow("bad escape") << QByteArray("a: \"\\q\"\n");
    QTest::newRow("only markers") << QByteArray("---\n---\n...\n");
    QTest::newRow("bad json") << QByteArray("{\"a\": [1, 2,, 3]");
    QTest::newRow("lone colon") << QByteArray(":\n");
    QTest::newRow("anchor undefined") << QByteArray("a: *nothing\n");
    // yaml-cpp 0.7 loops forever on these without the event budget.
    QTest::newRow("flow then comma") << QByteArray("{},\n{");
    QTest::newRow("flow map then comma") << QByteArray("{a: b},\nc: d");
    QTest::newRow("flow seq then comma") << QByteArray("[],\n[");
}

void TestYamlReader::junkNeverCrashes()
{
    QFETCH(QByteArray, bytes);
    const auto result = YamlReader::parse(std::string_view(bytes.constData(), bytes.size()), "j");
    // Either parsed into something or rejected with a positioned message; never a crash.
    for (const Diagnostic &d : result.diagnostics)
        QVERIFY(!d.message.empty());
    QVERIFY(result.documents.size() + result.diagnostics.size() <= 3);
}

void TestYamlReader::deepNestingIsAnErrorNotACrash()
{
    const std::string deep(100000, '[');
    const auto yaml = YamlReader::parse(deep, "deep.yaml");
    QVERIFY(hasErrors(yaml.diagnostics));
    const auto json = YamlReader::parse(std::string(5000, '[') + std::string(5000, ']'), "d.json");
    QVERIFY(hasErrors(json.diagnostics));
}

QTEST_APPLESS_MAIN(TestYamlReader)
#include "tst_yaml_reader.moc"
