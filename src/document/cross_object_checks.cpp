// SPDX-License-Identifier: Apache-2.0
#include "cross_object_checks.h"

#include "document.h"

#include "emulator/api/kind_registry.h"

#include <map>

namespace app::document::CrossObjectChecks {

using emu::api::Severity;

namespace {

const emu::api::Value *nameValue(const ManifestEntry &e)
{
    const emu::api::Value *metadata = e.object().find("metadata");
    return metadata ? metadata->find("name") : nullptr;
}

emu::api::SourcePos namePos(const ManifestEntry &e)
{
    const emu::api::Value *name = nameValue(e);
    return name ? name->pos() : e.object().pos();
}

// The same object twice: the API server would keep only one (as `validate`: kinds the
// registry does not know are not checked, their scope being unknown).
void checkDuplicates(const Document &document, std::vector<Problem> &out)
{
    std::map<std::string, const ManifestEntry *> seen;
    for (const ManifestEntry &e : document.entries()) {
        const ObjectIdentity &id = e.identity;
        if (!e.content.isObject() || id.name.empty() || id.kind.empty()
            || !emu::api::findKind(id.group(), id.kind))
            continue;
        const auto [it, inserted] = seen.emplace(id.key(), &e);
        if (inserted)
            continue;
        out.push_back({e.uid, Severity::Error, namePos(e), "metadata.name",
                       it->second->identity.displayName().toStdString()
                           + " is defined twice; the other definition is object "
                           + std::to_string(document.indexOf(it->second->uid) + 1)
                           + " of the project",
                       true});
    }
}

// The emulator runs one Cluster's settings (emu::sim::Emulator::create refuses two).
void checkSingleCluster(const Document &document, std::vector<Problem> &out)
{
    const ManifestEntry *first = nullptr;
    for (const ManifestEntry &e : document.entries()) {
        if (e.identity.kind != "Cluster" || e.identity.group() != "kubecanvas.io")
            continue;
        if (!first) {
            first = &e;
            continue;
        }
        out.push_back({e.uid, Severity::Error, e.object().pos(), "kind",
                       "only one Cluster per project; the first is "
                           + first->identity.displayName().toStdString(),
                       true});
    }
}

} // namespace

std::vector<Problem> run(const Document &document)
{
    std::vector<Problem> out;
    checkDuplicates(document, out);
    checkSingleCluster(document, out);
    return out;
}

} // namespace app::document::CrossObjectChecks
