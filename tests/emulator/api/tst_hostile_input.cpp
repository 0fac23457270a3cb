// SPDX-License-Identifier: Apache-2.0
// No input, however broken, crashes or hangs the importer and validator: corpus files with
// seeded random byte mutations, truncations and splices, plus generated pathological inputs.
#include "emulator/api/manifest_loader.h"

#include <QtTest>

#include <random>

using namespace emu::api;

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void mutatedCorpusFiles();
    void pathologicalInputs_data();
    void pathologicalInputs();

private:
    static void checkSurvives(const std::string &text);
};

void TestHostileInput::checkSurvives(const std::string &text)
{
    ManifestLoader::Result loaded = ManifestLoader::loadText(text, "hostile.yaml");
    ManifestLoader::validate(loaded.manifests, loaded.diagnostics);
    for (const Diagnostic &d : loaded.diagnostics) {
        QVERIFY(!d.message.empty());
        QCOMPARE(d.file, std::string("hostile.yaml"));
    }
}

void TestHostileInput::mutatedCorpusFiles()
{
    const QString corpus = QString::fromUtf8(KUBECANVAS_SHARED_DIR) + "/corpus";
    if (!QDir(corpus).exists())
        QSKIP("../shared/corpus is absent");
    QStringList files;
    QDirIterator it(corpus, {"*.yaml", "*.yml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    QVERIFY(files.size() > 500);
    std::mt19937_64 rng(20261125); // fixed seed: the same mutations every run
    const std::string junk = ":-[]{}#&*!|>'\"%@`\t\n ?,\\\x00\xff";
    int runs = 0;
    for (int i = 0; i < files.size(); i += 3) {
        QFile f(files[i]);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const std::string original(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        for (int m = 0; m < 6 && !original.empty(); ++m) {
            std::string text = original;
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const std::size_t pos = rng() % text.size();
                switch (rng() % 4) {
                case 0: text[pos] = junk[rng() % junk.size()]; break;
                case 1: text.insert(pos, 1, junk[rng() % junk.size()]); break;
                case 2: text.erase(pos, 1 + rng() % 8); break;
                default: text.resize(pos); break;
                }
                if (text.empty())
                    break;
            }
            checkSurvives(text);
            ++runs;
        }
    }
    QVERIFY(runs > 500);
}

void TestHostileInput::pathologicalInputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("deep flow") << QByteArray(50000, '[');
    QTest::newRow("deep block") << [] {
        QByteArray t;
        for (int i = 0; i < 3000; ++i)
            t += QByteArray(i, ' ') + "a:\n";
        return t;
    }();
    QTest::newRow("long line") << QByteArray("a: ") + QByteArray(5'000'000, 'x');
    QTest::newRow("many documents") << QByteArray("---\n").repeated(100000);
    QTest::newRow("wide mapping") << [] {
        QByteArray t;
        for (int i = 0; i < 100000; ++i)
            t += "k" + QByteArray::number(i) + ": v\n";
        return t;
    }();
    QTest::newRow("items not objects") << QByteArray("apiVersion: v1\nkind: List\nitems: [1, [2], null]\n");
    QTest::newRow("kind is a map") << QByteArray("apiVersion: v1\nkind: {a: b}\nmetadata: []\n");
    QTest::newRow("metadata scalar") << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: 5\nspec: 7\n");
    QTest::newRow("nul bytes") << QByteArray("apiVersion: v1\0\0\nkind: Pod\n", 28);
}

void TestHostileInput::pathologicalInputs()
{
    QFETCH(QByteArray, text);
    checkSurvives(std::string(text.constData(), static_cast<std::size_t>(text.size())));
}

QTEST_APPLESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
