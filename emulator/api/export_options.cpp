// SPDX-License-Identifier: Apache-2.0
#include "export_options.h"

#include "defaulter.h"
#include "kind_registry.h"

#include <cctype>

namespace emu::api {

namespace {

std::string scalarField(const Value &object, std::string_view key)
{
    const Value *v = object.find(key);
    return v && v->isScalar() && !v->isNull() ? v->text() : std::string();
}

// File names must be safe on every file system: keep [a-z0-9.-], replace the rest.
std::string sanitize(std::string_view text)
{
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.')
            out.push_back(static_cast<char>(std::tolower(u)));
        else
            out.push_back('_');
    }
    return out;
}

} // namespace

void stripServerFields(Value &object)
{
    object.remove("status");
    if (Value *metadata = object.find("metadata"); metadata && metadata->isMapping()) {
        for (std::string_view key : {"managedFields", "uid", "resourceVersion",
                                     "creationTimestamp", "selfLink", "generation"})
            metadata->remove(key);
    }
}

std::vector<Value> prepareForExport(const std::vector<Manifest> &manifests,
                                    const ExportOptions &options)
{
    std::vector<Value> out;
    out.reserve(manifests.size());
    for (const Manifest &manifest : manifests) {
        if (manifest.group() == "kubecanvas.io")
            continue; // project settings, not cluster objects
        Value object = manifest.object;
        if (options.stripStatus)
            stripServerFields(object);
        if (options.stripEmulatorAnnotations) {
            Value *metadata = object.find("metadata");
            Value *annotations = metadata ? metadata->find("annotations") : nullptr;
            if (annotations && annotations->isMapping()) {
                for (std::size_t i = annotations->size(); i-- > 0;) {
                    const std::string key = annotations->keyAt(i).text();
                    if (key.rfind("kubecanvas.io/", 0) == 0)
                        annotations->remove(key);
                }
                if (annotations->size() == 0)
                    metadata->remove("annotations");
            }
        }
        if (options.applyDefaults)
            applyDefaults(object);
        out.push_back(std::move(object));
    }
    return out;
}

std::string exportFileName(const Value &object)
{
    const std::string kind = scalarField(object, "kind");
    const Value *metadata = object.find("metadata");
    std::string name = metadata ? scalarField(*metadata, "name") : std::string();
    if (name.empty() && metadata)
        name = scalarField(*metadata, "generateName");
    std::string ns = metadata ? scalarField(*metadata, "namespace") : std::string();
    const std::string apiVersion = scalarField(object, "apiVersion");
    const auto slash = apiVersion.find('/');
    const std::string group = slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
    if (ns.empty() && isNamespaced(group, kind))
        ns = "default";
    std::string fileName = sanitize(kind.empty() ? "object" : kind) + '-';
    if (!ns.empty())
        fileName += sanitize(ns) + '-';
    fileName += sanitize(name.empty() ? "unnamed" : name);
    return fileName + ".yaml";
}

} // namespace emu::api
