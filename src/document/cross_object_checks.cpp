// SPDX-License-Identifier: Apache-2.0
#include "cross_object_checks.h"

#include "document.h"
#include "object_fields.h"
#include "scheduling_check.h"

#include "emulator/api/label_selector.h"

#include "emulator/api/kind_registry.h"

#include <map>

namespace app::document::CrossObjectChecks {

using emu::api::Severity;
using emu::api::Value;

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

const Value *specOf(const ManifestEntry &e)
{
    const Value *spec = e.object().find("spec");
    return spec && spec->isMapping() ? spec : nullptr;
}

std::string selectorText(const Value &selector)
{
    std::string out;
    const Value *labels = selector.find("matchLabels") ? selector.find("matchLabels") : &selector;
    for (const auto &[k, v] : ObjectFields::stringMap(labels))
        out += (out.empty() ? "" : ",") + k + "=" + v;
    return out;
}

// A Service or PodDisruptionBudget whose selector matches no workload or Pod of its namespace
// would have no endpoints, or protect nothing.
void checkSelectors(const Document &document, const ManifestEntry &e, std::vector<Problem> &out)
{
    const std::string &kind = e.identity.kind;
    const Value *spec = specOf(e);
    const Value *selector = spec ? spec->find("selector") : nullptr;
    if (!selector || !selector->isMapping() || selector->size() == 0)
        return;
    emu::api::ParseResult<emu::api::LabelSelector> parsed =
        kind == "Service" ? emu::api::LabelSelector::fromMap(*selector)
                          : emu::api::LabelSelector::fromValue(*selector);
    if (!parsed || parsed->isEmpty())
        return;
    const std::string ns = e.identity.effectiveNamespace();
    if (document.selectsAnyPod(*parsed, ns))
        return;
    out.push_back({e.uid, Severity::Warning, selector->pos(), "spec.selector",
                   "selects no pods: no workload or Pod in namespace " + ns + " has the labels "
                       + selectorText(*selector),
                   true});
}

bool defines(const Document &document, const char *kind, const std::string &ns, const std::string &name)
{
    return document.find(kind, ns, name) != kNoObject;
}

// The storage class a claim names must exist; without one, a default class must (when the
// project defines classes at all: a cluster usually brings its own).
void checkStorageClass(const Document &document, const ManifestEntry &e, const Value &claimSpec,
                       const std::string &path, std::vector<Problem> &out)
{
    const Value *className = claimSpec.find("storageClassName");
    const ObjectUids classes = document.uidsOfKind("StorageClass");
    if (className && className->isString() && !className->text().empty()) {
        if (!defines(document, "StorageClass", {}, className->text()))
            out.push_back({e.uid, Severity::Warning, className->pos(), path + ".storageClassName",
                           "no StorageClass named \"" + className->text() + "\" in the project",
                           true});
        return;
    }
    if (className || classes.isEmpty())
        return; // "" binds statically; no classes: the cluster's default is assumed
    for (ObjectUid uid : classes) {
        const ManifestEntry *c = document.entry(uid);
        const Value *a = c ? ObjectFields::at(c->object(), {"metadata", "annotations"}) : nullptr;
        if (ObjectFields::stringMap(a)["storageclass.kubernetes.io/is-default-class"] == "true")
            return;
    }
    out.push_back({e.uid, Severity::Warning, claimSpec.pos(), path,
                   "no storageClassName, and no StorageClass of the project is the default "
                   "(annotation storageclass.kubernetes.io/is-default-class: \"true\")",
                   true});
}

void checkClaims(const Document &document, const ManifestEntry &e, std::vector<Problem> &out)
{
    const Value *spec = specOf(e);
    if (!spec)
        return;
    if (e.identity.kind == "PersistentVolumeClaim") {
        checkStorageClass(document, e, *spec, "spec", out);
    } else if (e.identity.kind == "StatefulSet") {
        const Value *claims = spec->find("volumeClaimTemplates");
        for (std::size_t i = 0; claims && claims->isSequence() && i < claims->size(); ++i)
            if (const Value *claimSpec = claims->at(i).find("spec"); claimSpec && claimSpec->isMapping())
                checkStorageClass(document, e, *claimSpec,
                                  "spec.volumeClaimTemplates[" + std::to_string(i) + "].spec", out);
    }
}

// Volumes that name a ConfigMap, Secret or claim the project does not define: the pods
// would wait in ContainerCreating (unless the volume is optional).
void checkVolumes(const Document &document, const ManifestEntry &e, std::vector<Problem> &out)
{
    const Value *tmpl = ObjectFields::podTemplate(e.object(), e.identity.kind);
    const Value *volumes = tmpl ? ObjectFields::at(*tmpl, {"spec", "volumes"}) : nullptr;
    if (!volumes || !volumes->isSequence())
        return;
    const std::string ns = e.identity.effectiveNamespace();
    const std::string base = ObjectFields::podTemplatePath(e.identity.kind);
    for (std::size_t i = 0; i < volumes->size(); ++i) {
        const Value &v = volumes->at(i);
        struct Ref { const char *source, *field, *kind; };
        for (const Ref r : {Ref{"configMap", "name", "ConfigMap"}, Ref{"secret", "secretName", "Secret"},
                            Ref{"persistentVolumeClaim", "claimName", "PersistentVolumeClaim"}}) {
            const Value *source = v.find(r.source);
            const Value *name = source ? source->find(r.field) : nullptr;
            if (!name || !name->isString() || name->text().empty()
                || ObjectFields::text(source->find("optional")) == "true"
                || defines(document, r.kind, ns, name->text()))
                continue;
            out.push_back({e.uid, Severity::Warning, name->pos(),
                           (base.empty() ? "" : base + ".") + "spec.volumes[" + std::to_string(i)
                               + "]." + r.source + "." + r.field,
                           std::string("no ") + r.kind + " \"" + name->text() + "\" in namespace "
                               + ns + " of the project",
                           true});
        }
    }
}

// An Ingress backend naming a Service the project does not define.
void checkIngress(const Document &document, const ManifestEntry &e, std::vector<Problem> &out)
{
    const Value *spec = specOf(e);
    const Value *rules = spec ? spec->find("rules") : nullptr;
    const std::string ns = e.identity.effectiveNamespace();
    for (std::size_t r = 0; rules && rules->isSequence() && r < rules->size(); ++r) {
        const Value *paths = ObjectFields::at(rules->at(r), {"http", "paths"});
        for (std::size_t p = 0; paths && paths->isSequence() && p < paths->size(); ++p) {
            const Value *name = ObjectFields::at(paths->at(p), {"backend", "service", "name"});
            if (!name)
                name = ObjectFields::at(paths->at(p), {"backend", "serviceName"});
            if (!name || !name->isString() || defines(document, "Service", ns, name->text()))
                continue;
            out.push_back({e.uid, Severity::Warning, name->pos(),
                           "spec.rules[" + std::to_string(r) + "].http.paths[" + std::to_string(p)
                               + "].backend",
                           "no Service \"" + name->text() + "\" in namespace " + ns + " of the project",
                           true});
        }
    }
}

} // namespace

std::vector<Problem> run(const Document &document, SchedulingCheck &scheduling)
{
    std::vector<Problem> out;
    checkDuplicates(document, out);
    checkSingleCluster(document, out);
    for (const ManifestEntry &e : document.entries()) {
        if (!e.content.isObject() || e.identity.group() == "kubecanvas.io")
            continue;
        const std::string &kind = e.identity.kind;
        if (kind == "Service" || kind == "PodDisruptionBudget")
            checkSelectors(document, e, out);
        else if (kind == "Ingress")
            checkIngress(document, e, out);
        checkClaims(document, e, out);
        checkVolumes(document, e, out);
    }
    scheduling.run(document, out);
    return out;
}

} // namespace app::document::CrossObjectChecks
