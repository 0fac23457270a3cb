// SPDX-License-Identifier: Apache-2.0
#include "manifest_loader.h"

#include "kind_registry.h"
#include "object_validator.h"
#include "yaml_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace emu::api {

namespace fs = std::filesystem;

namespace {

bool hasManifestExtension(const fs::path &path)
{
    const std::string ext = path.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool readFile(const std::string &file, std::string &text, std::string &error)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return false;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) {
        error = "cannot determine the file size";
        return false;
    }
    in.seekg(0, std::ios::beg);
    text.resize(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(text.data(), size)) {
        error = "read failed";
        return false;
    }
    return true;
}

// `kubectl get -o yaml` writes `kind: List`; typed lists (PodList, ...) have the same shape.
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

} // namespace

void ManifestLoader::appendDocument(Value root, const std::string &file, Result &result)
{
    if (!root.isMapping()) {
        result.diagnostics.push_back(
            {Severity::Error, file, root.pos(), {},
             std::string("expected a Kubernetes object (a mapping with apiVersion and kind), got ")
                 + Value::describe(root.kind())});
        return;
    }
    if (!isList(root)) {
        const SourcePos pos = root.pos();
        result.manifests.push_back({std::move(root), file, pos, {}});
        return;
    }
    Value *items = root.find("items");
    if (!items || items->isNull())
        return; // an empty List is valid
    if (!items->isSequence()) {
        result.diagnostics.push_back({Severity::Error, file, items->pos(), "items",
                                      std::string("expected a list, got ")
                                          + Value::describe(items->kind())});
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        Value &item = items->at(i);
        const std::string prefix = "items[" + std::to_string(i) + "]";
        if (!item.isMapping()) {
            result.diagnostics.push_back(
                {Severity::Error, file, item.pos(), prefix,
                 std::string("expected a Kubernetes object, got ") + Value::describe(item.kind())});
            continue;
        }
        const SourcePos pos = item.pos();
        result.manifests.push_back({std::move(item), file, pos, prefix + "."});
    }
}

ManifestLoader::Result ManifestLoader::loadText(std::string_view text, const std::string &file)
{
    Result result;
    YamlReader::Result parsed = YamlReader::parse(text, file);
    result.diagnostics = std::move(parsed.diagnostics);
    for (Document &doc : parsed.documents)
        appendDocument(std::move(doc.root), file, result);
    result.filesRead = 1;
    return result;
}

std::vector<std::string> ManifestLoader::collectFiles(const std::vector<std::string> &paths,
                                                      Diagnostics &diagnostics)
{
    std::vector<std::string> files;
    for (const std::string &path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            diagnostics.push_back({Severity::Error, path, {}, {}, "no such file or directory"});
            continue;
        }
        if (!fs::is_directory(status)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file(ec) && hasManifestExtension(it->path()))
                found.push_back(it->path().string());
        }
        if (ec)
            diagnostics.push_back({Severity::Error, path, {}, {}, "cannot list: " + ec.message()});
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

ManifestLoader::Result ManifestLoader::loadPaths(const std::vector<std::string> &paths)
{
    Result result;
    for (const std::string &file : collectFiles(paths, result.diagnostics)) {
        std::string text;
        std::string error;
        if (!readFile(file, text, error)) {
            result.diagnostics.push_back({Severity::Error, file, {}, {}, "cannot read: " + error});
            continue;
        }
        Result one = loadText(text, file);
        ++result.filesRead;
        std::move(one.manifests.begin(), one.manifests.end(), std::back_inserter(result.manifests));
        std::move(one.diagnostics.begin(), one.diagnostics.end(),
                  std::back_inserter(result.diagnostics));
    }
    return result;
}

void ManifestLoader::validate(const std::vector<Manifest> &manifests, Diagnostics &diagnostics)
{
    // Identity as kubectl sees it: apiVersion, kind, namespace (empty = default for namespaced
    // kinds), name. Kinds the registry does not know are not checked: their scope is unknown.
    std::map<std::string, const Manifest *> seen;
    for (const Manifest &manifest : manifests) {
        Diagnostics own;
        validateObject(manifest.object, manifest.file, own);
        for (Diagnostic &d : own) {
            if (!manifest.pathPrefix.empty())
                d.path = d.path.empty() ? manifest.pathPrefix.substr(0, manifest.pathPrefix.size() - 1)
                                        : manifest.pathPrefix + d.path;
            diagnostics.push_back(std::move(d));
        }
        const std::string name = manifest.name();
        const std::string kind = manifest.kind();
        if (name.empty() || kind.empty() || !findKind(manifest.group(), kind))
            continue;
        std::string ns = manifest.namespaceName();
        if (isNamespaced(manifest.group(), kind) && ns.empty())
            ns = "default";
        const std::string key = manifest.apiVersion() + '\n' + kind + '\n' + ns + '\n' + name;
        const auto [it, inserted] = seen.emplace(key, &manifest);
        if (!inserted) {
            const Manifest &first = *it->second;
            const Value *nameValue = manifest.object.find("metadata")->find("name");
            std::ostringstream message;
            message << kind << ' ' << (ns.empty() ? "" : ns + "/") << name
                    << " is defined twice; first at " << first.file << ':' << first.pos.line
                    << ':' << first.pos.column;
            diagnostics.push_back({Severity::Error, manifest.file, nameValue->pos(),
                                   manifest.pathPrefix + "metadata.name", message.str()});
        }
    }
}

} // namespace emu::api
