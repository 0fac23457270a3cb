// SPDX-License-Identifier: Apache-2.0
// Every file of ../shared/corpus gets the verdict its INDEX.json expects, and every accepted
// file survives import -> export -> import unchanged.
#include "emulator/api/manifest_loader.h"
#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"

#include <QtTest>

using namespace emu::api;

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verdict_data();
    void verdict();
    void fastPathMatchesYamlCpp_data() { verdict_data(); }
    void fastPathMatchesYamlCpp();

private:
    QString m_corpusDir;
    QJsonObject m_files;
};

void TestCorpus::initTestCase()
{
    m_corpusDir = QString::fromUtf8(KUBECANVAS_SHARED_DIR) + "/corpus";
    QFile index(m_corpusDir + "/INDEX.json");
    if (!index.open(QIODevice::ReadOnly))
        QSKIP("../shared/corpus is absent: corpus tests skipped");
    m_files = QJsonDocument::fromJson(index.readAll()).object().value("files").toObject();
    QVERIFY(m_files.size() > 500);
}

void TestCorpus::verdict_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expect");
    QTest::addColumn<bool>("parses");
    for (auto it = m_files.begin(); it != m_files.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        QTest::newRow(it.key().toUtf8().constData())
            << it.key() << entry.value("expect").toString()
            << (entry.value("yaml_parse").toString() == "ok");
    }
}

void TestCorpus::verdict()
{
    QFETCH(QString, file);
    QFETCH(QString, expect);
    QFETCH(bool, parses);
    const std::string path = (m_corpusDir + "/" + file).toStdString();
    ManifestLoader::Result loaded = ManifestLoader::loadPaths({path});
    ManifestLoader::validate(loaded.manifests, loaded.diagnostics);

    std::string report;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const Diagnostic &d : loaded.diagnostics) {
        report += d.format() + "\n";
        (d.severity == Severity::Error ? errors : warnings) += 1;
    }

    if (expect == "reject") {
        QVERIFY2(errors > 0, ("expected an error, got none:\n" + report).c_str());
        bool named = false;
        for (const Diagnostic &d : loaded.diagnostics) {
            if (d.severity != Severity::Error)
                continue;
            QCOMPARE(d.file, path);
            // Every error names file and line; errors in parsable YAML also name the field.
            if (d.pos.isKnown() && (!parses || !d.path.empty()))
                named = true;
        }
        QVERIFY2(named, ("no error names line and field:\n" + report).c_str());
        return;
    }
    QVERIFY2(errors == 0, ("expected no error:\n" + report).c_str());
    if (expect == "accept-with-warning")
        QVERIFY2(warnings > 0, "expected a warning, got none");

    // Round trip: import -> export -> import gives equal objects.
    std::vector<Value> objects;
    for (const Manifest &m : loaded.manifests)
        objects.push_back(m.object);
    const std::string exported = YamlWriter::toYamlStream(objects);
    ManifestLoader::Result again = ManifestLoader::loadText(exported, "exported.yaml");
    QVERIFY2(!hasErrors(again.diagnostics), exported.c_str());
    QCOMPARE(again.manifests.size(), loaded.manifests.size());
    for (std::size_t i = 0; i < objects.size(); ++i)
        QVERIFY2(again.manifests[i].object == objects[i], exported.c_str());
}

// The fast block parser must read every file exactly as yaml-cpp does, or decline it.
void TestCorpus::fastPathMatchesYamlCpp()
{
    QFETCH(QString, file);
    QFile f(m_corpusDir + "/" + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    const auto fast = YamlReader::parseYaml(text, "f", 0, true);
    const auto slow = YamlReader::parseYaml(text, "f", 0, false);
    QCOMPARE(fast.documents.size(), slow.documents.size());
    for (std::size_t i = 0; i < fast.documents.size(); ++i) {
        QVERIFY2(fast.documents[i].root == slow.documents[i].root,
                 YamlWriter::toYaml(fast.documents[i].root).c_str());
        QCOMPARE(fast.documents[i].root.pos().line, slow.documents[i].root.pos().line);
    }
    QCOMPARE(fast.diagnostics.size(), slow.diagnostics.size());
}

QTEST_APPLESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
