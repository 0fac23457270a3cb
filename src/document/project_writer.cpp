// SPDX-License-Identifier: Apache-2.0
#include "project_writer.h"

#include "object_text.h"

#include "emulator/api/yaml_writer.h"

#include <set>

namespace app::document::ProjectWriter {

namespace {

void ensureNewline(std::string &out)
{
    if (!out.empty() && out.back() != '\n')
        out.push_back('\n');
}

bool startsWithMarker(const std::string &text)
{
    return ObjectText::isDocumentMarker(std::string_view(text).substr(0, text.find('\n')));
}

} // namespace

std::string projectText(const std::vector<ManifestEntry> &entries, const std::string &trailing,
                        const std::string &layoutText)
{
    std::string out;
    for (const ManifestEntry &e : entries) {
        ensureNewline(out);
        const bool needsMarker = !out.empty() && !ObjectText::endsWithDocumentMarker(e.prefix)
                                 && !startsWithMarker(e.text());
        out += e.prefix;
        if (needsMarker)
            out += "---\n";
        out += e.text();
    }
    if (!trailing.empty()) {
        ensureNewline(out);
        out += trailing;
    }
    if (!layoutText.empty()) {
        ensureNewline(out);
        if (!out.empty() && !ObjectText::endsWithDocumentMarker(out))
            out += "---\n";
        out += layoutText;
    }
    return out;
}

std::vector<ExportedObject> exportObjects(const std::vector<ManifestEntry> &entries,
                                          const emu::api::ExportOptions &options)
{
    std::vector<ExportedObject> out;
    std::set<std::string> usedNames;
    for (const ManifestEntry &e : entries) {
        if (!e.content.isObject())
            continue;
        emu::api::Manifest manifest{e.object(), e.file.toStdString(), {}, {}};
        std::vector<emu::api::Value> prepared = emu::api::prepareForExport({manifest}, options);
        if (prepared.empty())
            continue; // a project kind
        const emu::api::Value &object = prepared.front();
        // Value equality ignores quoting, so compare the writer's output as well: an object
        // the options did not touch is written exactly as the user wrote it.
        const bool unchanged = object == e.object()
                               && emu::api::YamlWriter::toYaml(object)
                                      == emu::api::YamlWriter::toYaml(e.object());
        std::string text = unchanged ? e.text()
                                     : std::string(ObjectText::leadingComments(e.text()))
                                           + emu::api::YamlWriter::toYaml(object);
        ensureNewline(text);
        // Two objects can map to one name (same kind and name, another API group).
        const std::string base = emu::api::exportFileName(object);
        std::string name = base;
        for (int n = 2; !usedNames.insert(name).second; ++n)
            name = base.substr(0, base.size() - 5) + '-' + std::to_string(n) + ".yaml";
        out.push_back({name, std::move(text)});
    }
    return out;
}

std::string exportStream(const std::vector<ExportedObject> &objects)
{
    std::string out;
    for (const ExportedObject &o : objects) {
        if (!out.empty())
            out += "---\n";
        out += o.text;
    }
    return out;
}

} // namespace app::document::ProjectWriter
