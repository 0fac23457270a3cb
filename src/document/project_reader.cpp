// SPDX-License-Identifier: Apache-2.0
#include "project_reader.h"

#include "object_text.h"

#include "emulator/api/manifest_loader.h"
#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"

#include <QFile>

namespace app::document {

using emu::api::Diagnostics;
using emu::api::Severity;
using emu::api::Value;
using emu::api::YamlReader;

namespace {

// `kubectl get -o yaml` writes `kind: List`; typed lists (PodList, ...) have the same shape.
// The same rule as emu::api::ManifestLoader.
bool isList(const Value &root)
{
    const Value *kind = root.find("kind");
    if (!kind || !kind->isString())
        return false;
    const std::string &k = kind->text();
    if (k == "List")
        return true;
    const Value *items = root.find("items");
    return k.size() > 4 && k.compare(k.size() - 4, 4, "List") == 0 && items
           && (items->isSequence() || items->isNull());
}

ManifestEntry makeEntry(ObjectContent content, std::string prefix, const QString &file, int line)
{
    ManifestEntry entry;
    entry.identity = ObjectIdentity::fromObject(content.object);
    entry.content = std::move(content);
    entry.prefix = std::move(prefix);
    entry.file = file;
    entry.lineInFile = line;
    return entry;
}

// The marker line of a chunk, when nothing but a comment follows `---` on it: it then goes
// into the entry's prefix, and the text the user sees starts with the object.
std::size_t markerLineLength(std::string_view chunk)
{
    if (!ObjectText::isDocumentMarker(chunk.substr(0, chunk.find('\n'))))
        return 0;
    const std::size_t end = chunk.find('\n');
    const std::string_view rest = chunk.substr(3, end == std::string_view::npos ? end : end - 3);
    const std::size_t first = rest.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && rest[first] != '#')
        return 0;
    return end == std::string_view::npos ? chunk.size() : end + 1;
}

class ChunkReader
{
public:
    ChunkReader(const QString &file, ProjectContent &out) : m_file(file), m_out(out) {}

    void addRoot(Value root, std::string_view text, std::string prefix, int line,
                 Diagnostics warnings)
    {
        if (LayoutDocument::isLayout(root) && m_out.layoutText.empty()) {
            m_out.layout = LayoutDocument::read(root);
            m_out.layoutText = std::string(text);
            return; // its `---` goes with it: the Layout is written back last

        }
        if (root.isMapping() && isList(root)) {
            const Value *items = root.find("items");
            if (!items || items->size() == 0)
                addTrivia(prefix + std::string(text)); // an empty List: nothing to edit
            else
                addListItems(root, std::move(prefix));
            return;
        }
        ObjectContent content;
        if (root.isMapping()) {
            content.object = std::move(root);
            content.text = std::string(text);
            content.parseDiagnostics = std::move(warnings);
        } else {
            content = ObjectText::parse(std::string(text), m_file.toStdString());
        }
        m_out.entries.push_back(makeEntry(std::move(content), takePending(prefix), m_file, line));
    }

    void addBroken(std::string_view text, std::string prefix, int line, Diagnostics errors)
    {
        ObjectContent content;
        content.text = std::string(text);
        content.parseDiagnostics = std::move(errors);
        m_out.entries.push_back(makeEntry(std::move(content), takePending(prefix), m_file, line));
    }

    void addTrivia(std::string_view text) { m_pending += text; }
    void finish() { m_out.trailingText = std::move(m_pending); }

private:
    std::string takePending(const std::string &prefix)
    {
        std::string all = std::move(m_pending) + prefix;
        m_pending.clear();
        return all;
    }

    // The items of a List are written anew, one document each: a List's layout cannot be
    // kept once its items are separate objects.
    void addListItems(Value &root, std::string prefix)
    {
        Value *items = root.find("items");
        if (!items || !items->isSequence())
            return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const Value &item = items->at(i);
            ObjectContent content = item.isMapping()
                                        ? ObjectText::fromValue(item)
                                        : ObjectText::parse(emu::api::YamlWriter::toYaml(item));
            m_out.entries.push_back(makeEntry(std::move(content), takePending(prefix), m_file, 0));
            prefix.clear();
        }
    }

    QString m_file;
    ProjectContent &m_out;
    std::string m_pending;
};

} // namespace

void ProjectReader::readJson(std::string_view text, const QString &file, ProjectContent &out,
                             bool &handled)
{
    YamlReader::Result parsed = YamlReader::parse(text, file.toStdString());
    handled = !emu::api::hasErrors(parsed.diagnostics) && parsed.documents.size() == 1;
    if (!handled)
        return; // not JSON after all: read as YAML, which reports the errors
    ChunkReader reader(file, out);
    Value &root = parsed.documents.front().root;
    // JSON that YAML cannot read (tab indentation) could not be saved in a YAML stream.
    if (emu::api::hasErrors(YamlReader::parseYaml(text, file.toStdString()).diagnostics)) {
        const std::string generated = emu::api::YamlWriter::toYaml(root);
        reader.addRoot(std::move(root), generated, {}, 0, {});
    } else {
        reader.addRoot(std::move(root), text, {}, 1, {});
    }
    reader.finish();
}

ProjectContent ProjectReader::readText(std::string_view text, const QString &file)
{
    ProjectContent out;
    if (ObjectText::looksLikeJson(text)) {
        bool handled = false;
        readJson(text, file, out, handled);
        if (handled)
            return out;
    }
    ChunkReader reader(file, out);
    const std::string fileName = file.toStdString();
    for (const ObjectText::Chunk &chunk : ObjectText::splitDocuments(text)) {
        const std::size_t markerLength = markerLineLength(chunk.text);
        const std::string prefix(chunk.text.substr(0, markerLength));
        const std::string_view body = chunk.text.substr(markerLength);
        const int line = chunk.firstLine + 1 + (markerLength > 0 ? 1 : 0);
        YamlReader::Result parsed = YamlReader::parseYaml(body, fileName);
        // A document with errors that still gave a value (a duplicate key) is kept as an
        // object with its errors, as `validate` does; one that gave nothing is kept as text.
        if (emu::api::hasErrors(parsed.diagnostics) && parsed.documents.size() != 1) {
            reader.addBroken(body, prefix, line, std::move(parsed.diagnostics));
        } else if (parsed.documents.empty()) {
            reader.addTrivia(chunk.text);
        } else if (parsed.documents.size() == 1) {
            reader.addRoot(std::move(parsed.documents.front().root), body, prefix, line,
                           std::move(parsed.diagnostics));
        } else {
            // Several documents without `---` between them (after a `...` end marker): each
            // is written anew.
            std::string p = prefix;
            for (emu::api::Document &doc : parsed.documents) {
                const std::string generated = emu::api::YamlWriter::toYaml(doc.root);
                reader.addRoot(std::move(doc.root), generated, p, 0, {});
                p = "---\n";
            }
        }
    }
    reader.finish();
    return out;
}

bool ProjectReader::readPaths(const QStringList &paths, ProjectContent &content,
                              QStringList &errors)
{
    std::vector<std::string> stdPaths;
    for (const QString &p : paths)
        stdPaths.push_back(p.toStdString());
    Diagnostics listing;
    const std::vector<std::string> files = emu::api::ManifestLoader::collectFiles(stdPaths, listing);
    for (const auto &d : listing)
        errors << QString::fromStdString(d.file + ": " + d.message);
    int filesRead = 0;
    for (const std::string &f : files) {
        const QString name = QString::fromStdString(f);
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            errors << QStringLiteral("%1: cannot read: %2").arg(name, file.errorString());
            continue;
        }
        const QByteArray bytes = file.readAll();
        ProjectContent one = readText(std::string_view(bytes.constData(),
                                                       static_cast<std::size_t>(bytes.size())),
                                      name);
        ++filesRead;
        std::move(one.entries.begin(), one.entries.end(), std::back_inserter(content.entries));
        content.layout.insert(content.layout.end(), one.layout.begin(), one.layout.end());
        if (content.layoutText.empty())
            content.layoutText = std::move(one.layoutText);
        content.trailingText += one.trailingText;
    }
    return filesRead > 0;
}

} // namespace app::document
