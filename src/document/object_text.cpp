// SPDX-License-Identifier: Apache-2.0
#include "object_text.h"

#include "emulator/api/yaml_reader.h"
#include "emulator/api/yaml_writer.h"

namespace app::document::ObjectText {

using emu::api::Diagnostic;
using emu::api::Severity;
using emu::api::Value;
using emu::api::YamlReader;

namespace {

ObjectContent broken(std::string text, const std::string &file, const std::string &message,
                     emu::api::SourcePos pos = {1, 1})
{
    ObjectContent content;
    content.text = std::move(text);
    content.parseDiagnostics.push_back({Severity::Error, file, pos, {}, message});
    return content;
}

} // namespace

ObjectContent parse(std::string text, const std::string &file)
{
    YamlReader::Result parsed = YamlReader::parseYaml(text, file);
    // Errors that still gave one value (a duplicate key) keep the value, with the errors.
    if (emu::api::hasErrors(parsed.diagnostics) && parsed.documents.size() != 1) {
        if (looksLikeJson(text)) {
            YamlReader::Result json = YamlReader::parse(text, file);
            if (!emu::api::hasErrors(json.diagnostics) && json.documents.size() == 1
                && json.documents.front().root.isMapping())
                return fromValue(json.documents.front().root);
        }
        ObjectContent content;
        content.text = std::move(text);
        content.parseDiagnostics = std::move(parsed.diagnostics);
        return content;
    }
    if (parsed.documents.empty())
        return broken(std::move(text), file, "no object: the text is empty or only comments");
    if (parsed.documents.size() > 1)
        return broken(std::move(text), file,
                      "more than one document: one object per editor (use Paste or Import to "
                      "add several)",
                      parsed.documents[1].pos);
    Value &root = parsed.documents.front().root;
    if (!root.isMapping())
        return broken(std::move(text), file,
                      std::string("expected a Kubernetes object (a mapping with apiVersion and "
                                  "kind), got ")
                          + Value::describe(root.kind()),
                      root.pos());
    ObjectContent content;
    content.object = std::move(root);
    content.text = std::move(text);
    content.parseDiagnostics = std::move(parsed.diagnostics);
    return content;
}

ObjectContent fromValue(const Value &object, std::string_view leading)
{
    std::string text(leading);
    text += emu::api::YamlWriter::toYaml(object);
    if (!text.empty() && text.back() != '\n')
        text.push_back('\n');
    return parse(std::move(text));
}

std::string_view leadingComments(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line = text.substr(pos, end - pos);
        const std::size_t first = line.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos && line[first] != '#')
            break;
        pos = end;
    }
    return text.substr(0, pos);
}

bool isDocumentMarker(std::string_view line)
{
    if (line.substr(0, 3) != "---")
        return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r'
           || line[3] == '\n';
}

bool endsWithDocumentMarker(std::string_view text)
{
    if (!text.empty() && text.back() == '\n')
        text.remove_suffix(1);
    const std::size_t start = text.rfind('\n');
    return isDocumentMarker(start == std::string_view::npos ? text : text.substr(start + 1));
}

bool looksLikeJson(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

std::vector<Chunk> splitDocuments(std::string_view text)
{
    // The same rule as emu::api::YamlReader: a line that is exactly `---` (or `--- ...`)
    // starts a document in every YAML context, so splitting there is exact.
    std::vector<Chunk> chunks;
    std::size_t chunkStart = 0;
    int chunkLine = 0;
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        if (pos > chunkStart && isDocumentMarker(text.substr(pos, end - pos))) {
            chunks.push_back({text.substr(chunkStart, pos - chunkStart), chunkLine});
            chunkStart = pos;
            chunkLine = line;
        }
        pos = end + 1;
        ++line;
    }
    chunks.push_back({text.substr(chunkStart), chunkLine});
    return chunks;
}

} // namespace app::document::ObjectText
