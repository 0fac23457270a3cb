// SPDX-License-Identifier: Apache-2.0
#include "unstructured_decoder.h"

#include "manifest_fields.h"

#include "emulator/api/kind_registry.h"

namespace emu::sim {

store::UnstructuredObject decodeUnstructured(const api::Value &manifest)
{
    auto text = [&](const api::Value *v) { return v && v->isScalar() ? v->text() : std::string(); };
    store::UnstructuredObject object;
    object.apiVersion = text(manifest.find("apiVersion"));
    object.kind = text(manifest.find("kind"));
    const std::string group = object.apiVersion.find('/') == std::string::npos
                                  ? std::string()
                                  : object.apiVersion.substr(0, object.apiVersion.find('/'));
    const api::Value *metadata = manifest.find("metadata");
    object.meta.name = text(metadata ? metadata->find("name") : nullptr);
    object.meta.namespaceName = text(metadata ? metadata->find("namespace") : nullptr);
    if (object.meta.namespaceName.empty() && api::isNamespaced(group, object.kind))
        object.meta.namespaceName = "default";
    if (metadata && metadata->isMapping())
        object.metadata = *metadata;
    object.meta.labels = stringMap(metadata ? metadata->find("labels") : nullptr);
    object.meta.annotations = stringMap(metadata ? metadata->find("annotations") : nullptr);
    for (std::size_t i = 0; i < manifest.size(); ++i) {
        const std::string &key = manifest.keyAt(i).text();
        if (key != "apiVersion" && key != "kind" && key != "metadata" && key != "status")
            object.body.appendEntry(manifest.keyAt(i), manifest.valueAt(i));
    }
    return object;
}

} // namespace emu::sim
