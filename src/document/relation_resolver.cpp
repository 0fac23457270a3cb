// SPDX-License-Identifier: Apache-2.0
#include "relation_resolver.h"

#include "document.h"
#include "object_fields.h"

#include "emulator/api/label_selector.h"

namespace app::document::RelationResolver {

using emu::api::LabelSelector;
using emu::api::Value;
using ObjectFields::at;
using ObjectFields::text;

namespace {

class Collector
{
public:
    Collector(const Document &document, const ManifestEntry &from, std::vector<Relation> &out)
        : m_document(document), m_from(from), m_out(out)
        , m_namespace(from.identity.effectiveNamespace())
    {}

    void add(ObjectUid to, RelationKind kind, const std::string &field)
    {
        if (to != kNoObject && to != m_from.uid)
            m_out.push_back({m_from.uid, to, kind, field});
    }
    /// An object of `kind` named `name` in the source's namespace (or cluster-wide).
    void addNamed(const char *kind, const std::string &name, RelationKind relation,
                  const std::string &field, const std::string &ns = {})
    {
        // ns "-": a cluster-scoped kind; "": the source's own namespace.
        const std::string target = ns == "-" ? std::string() : ns.empty() ? m_namespace : ns;
        if (!name.empty())
            add(m_document.find(kind, target, name), relation, field);
    }
    void addSelected(const LabelSelector &selector, const std::string &field)
    {
        if (selector.matchesNothing())
            return;
        for (ObjectUid uid : m_document.matchingPodTemplates(selector, m_namespace))
            add(uid, RelationKind::Selects, field);
    }

    const std::string &ns() const { return m_namespace; }

private:
    const Document &m_document;
    const ManifestEntry &m_from;
    std::vector<Relation> &m_out;
    std::string m_namespace;
};

void podSpecRelations(const Value &spec, const std::string &path, Collector &c)
{
    c.addNamed("ServiceAccount", text(spec.find("serviceAccountName")), RelationKind::Uses,
               path + ".serviceAccountName");
    c.addNamed("PriorityClass", text(spec.find("priorityClassName")), RelationKind::Uses,
               path + ".priorityClassName");
    if (const Value *volumes = spec.find("volumes"); volumes && volumes->isSequence()) {
        for (std::size_t i = 0; i < volumes->size(); ++i) {
            const Value &v = volumes->at(i);
            const std::string p = path + ".volumes[" + std::to_string(i) + "]";
            c.addNamed("PersistentVolumeClaim", text(at(v, {"persistentVolumeClaim", "claimName"})),
                       RelationKind::Mounts, p + ".persistentVolumeClaim.claimName");
            c.addNamed("ConfigMap", text(at(v, {"configMap", "name"})), RelationKind::Mounts,
                       p + ".configMap.name");
            c.addNamed("Secret", text(at(v, {"secret", "secretName"})), RelationKind::Mounts,
                       p + ".secret.secretName");
            const Value *sources = at(v, {"projected", "sources"});
            for (std::size_t s = 0; sources && sources->isSequence() && s < sources->size(); ++s) {
                c.addNamed("ConfigMap", text(at(sources->at(s), {"configMap", "name"})),
                           RelationKind::Mounts, p + ".projected");
                c.addNamed("Secret", text(at(sources->at(s), {"secret", "name"})),
                           RelationKind::Mounts, p + ".projected");
            }
        }
    }
    if (const Value *secrets = spec.find("imagePullSecrets"); secrets && secrets->isSequence())
        for (const Value &s : secrets->items())
            c.addNamed("Secret", text(s.find("name")), RelationKind::References,
                       path + ".imagePullSecrets");
    for (const char *list : {"initContainers", "containers"}) {
        const Value *containers = spec.find(list);
        for (std::size_t i = 0; containers && containers->isSequence() && i < containers->size(); ++i) {
            const Value &container = containers->at(i);
            const std::string p = path + "." + list + "[" + std::to_string(i) + "]";
            if (const Value *env = container.find("env"); env && env->isSequence())
                for (const Value &e : env->items()) {
                    c.addNamed("ConfigMap", text(at(e, {"valueFrom", "configMapKeyRef", "name"})),
                               RelationKind::References, p + ".env");
                    c.addNamed("Secret", text(at(e, {"valueFrom", "secretKeyRef", "name"})),
                               RelationKind::References, p + ".env");
                }
            if (const Value *envFrom = container.find("envFrom"); envFrom && envFrom->isSequence())
                for (const Value &e : envFrom->items()) {
                    c.addNamed("ConfigMap", text(at(e, {"configMapRef", "name"})),
                               RelationKind::References, p + ".envFrom");
                    c.addNamed("Secret", text(at(e, {"secretRef", "name"})),
                               RelationKind::References, p + ".envFrom");
                }
        }
    }
}

void ingressRelations(const Value &spec, Collector &c)
{
    c.addNamed("IngressClass", text(spec.find("ingressClassName")), RelationKind::Uses,
               "spec.ingressClassName", "-");
    auto backend = [&](const Value *b, const std::string &path) {
        if (!b)
            return;
        std::string name = text(at(*b, {"service", "name"})); // networking.k8s.io/v1
        if (name.empty())
            name = text(b->find("serviceName")); // extensions/v1beta1
        c.addNamed("Service", name, RelationKind::RoutesTo, path);
    };
    backend(spec.find("defaultBackend"), "spec.defaultBackend");
    backend(spec.find("backend"), "spec.backend");
    const Value *rules = spec.find("rules");
    for (std::size_t r = 0; rules && rules->isSequence() && r < rules->size(); ++r) {
        const Value *paths = at(rules->at(r), {"http", "paths"});
        for (std::size_t p = 0; paths && paths->isSequence() && p < paths->size(); ++p)
            backend(paths->at(p).find("backend"),
                    "spec.rules[" + std::to_string(r) + "].http.paths[" + std::to_string(p) + "].backend");
    }
}

void selectorRelations(const ManifestEntry &e, const Value &spec, Collector &c)
{
    const std::string &kind = e.identity.kind;
    if (kind == "Service") {
        // A Service without a selector selects nothing (its endpoints are managed by hand).
        const Value *selector = spec.find("selector");
        if (selector && selector->isMapping() && selector->size() > 0)
            if (auto s = LabelSelector::fromMap(*selector))
                c.addSelected(*s, "spec.selector");
    } else if (kind == "PodDisruptionBudget") {
        if (const Value *selector = spec.find("selector"))
            if (auto s = LabelSelector::fromValue(*selector))
                c.addSelected(*s, "spec.selector");
    } else if (kind == "NetworkPolicy") {
        if (const Value *selector = spec.find("podSelector"))
            if (auto s = LabelSelector::fromValue(*selector))
                c.addSelected(*s, "spec.podSelector");
    }
}

void kindRelations(const Document &document, const ManifestEntry &e, Collector &c)
{
    const Value &o = e.object();
    const std::string &kind = e.identity.kind;
    const Value *specPtr = o.find("spec");
    const Value spec = specPtr && specPtr->isMapping() ? *specPtr : Value::mapping();
    selectorRelations(e, spec, c);
    if (const Value *tmpl = ObjectFields::podTemplate(o, kind))
        if (const Value *podSpec = tmpl->find("spec"); podSpec && podSpec->isMapping()) {
            const std::string base = ObjectFields::podTemplatePath(kind);
            podSpecRelations(*podSpec, base.empty() ? "spec" : base + ".spec", c);
        }
    if (kind == "Ingress") {
        ingressRelations(spec, c);
    } else if (kind == "HorizontalPodAutoscaler") {
        const Value *target = spec.find("scaleTargetRef");
        if (target)
            c.add(document.find(text(target->find("kind")), c.ns(), text(target->find("name"))),
                  RelationKind::Scales, "spec.scaleTargetRef");
    } else if (kind == "StatefulSet") {
        c.addNamed("Service", text(spec.find("serviceName")), RelationKind::Governs, "spec.serviceName");
        if (const Value *claims = spec.find("volumeClaimTemplates"); claims && claims->isSequence())
            for (const Value &claim : claims->items())
                c.addNamed("StorageClass", text(at(claim, {"spec", "storageClassName"})),
                           RelationKind::Uses, "spec.volumeClaimTemplates", "-");
    } else if (kind == "PersistentVolumeClaim") {
        c.addNamed("StorageClass", text(spec.find("storageClassName")), RelationKind::Uses,
                   "spec.storageClassName", "-");
        c.addNamed("PersistentVolume", text(spec.find("volumeName")), RelationKind::Binds,
                   "spec.volumeName", "-");
    } else if (kind == "PersistentVolume") {
        c.addNamed("StorageClass", text(spec.find("storageClassName")), RelationKind::Uses,
                   "spec.storageClassName", "-");
        if (const Value *ref = spec.find("claimRef"))
            c.addNamed("PersistentVolumeClaim", text(ref->find("name")), RelationKind::Binds,
                       "spec.claimRef", text(ref->find("namespace")));
    } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
        const Value *role = o.find("roleRef");
        const std::string roleKind = role ? text(role->find("kind")) : std::string();
        if (role)
            c.add(document.find(roleKind, roleKind == "Role" ? c.ns() : std::string(),
                                text(role->find("name"))),
                  RelationKind::Binds, "roleRef");
        if (const Value *subjects = o.find("subjects"); subjects && subjects->isSequence())
            for (const Value &s : subjects->items())
                if (text(s.find("kind")) == "ServiceAccount")
                    c.addNamed("ServiceAccount", text(s.find("name")), RelationKind::Binds,
                               "subjects", text(s.find("namespace")));
    } else if (kind == "Scenario" && e.identity.group() == "kubecanvas.io") {
        const Value *actions = spec.find("actions");
        for (std::size_t i = 0; actions && actions->isSequence() && i < actions->size(); ++i) {
            const Value &a = actions->at(i);
            const std::string path = "spec.actions[" + std::to_string(i) + "]";
            if (const Value *t = a.find("target"); t && t->isMapping() && t->find("kind"))
                c.add(document.find(text(t->find("kind")), text(t->find("namespace")),
                                    text(t->find("name"))),
                      RelationKind::Targets, path + ".target");
            c.addNamed("NodePool", text(a.find("pool")), RelationKind::Targets, path + ".pool", "-");
        }
    }
    if (!e.identity.namespaceName.empty())
        c.addNamed("Namespace", e.identity.namespaceName, RelationKind::InNamespace,
                   "metadata.namespace", "-");
}

} // namespace

std::vector<Relation> relationsFrom(const Document &document, ObjectUid from)
{
    std::vector<Relation> out;
    const ManifestEntry *e = document.entry(from);
    if (!e || !e->content.isObject())
        return out;
    Collector collector(document, *e, out);
    kindRelations(document, *e, collector);
    return out;
}

std::vector<Relation> resolve(const Document &document)
{
    std::vector<Relation> out;
    for (const ManifestEntry &e : document.entries()) {
        std::vector<Relation> mine = relationsFrom(document, e.uid);
        out.insert(out.end(), mine.begin(), mine.end());
    }
    return out;
}

std::vector<Relation> referencesTo(const Document &document, const ObjectUids &targets)
{
    std::vector<Relation> out;
    for (const Relation &r : resolve(document))
        if (targets.contains(r.to) && !targets.contains(r.from))
            out.push_back(r);
    return out;
}

QString describe(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Selects: return QObject::tr("selects");
    case RelationKind::RoutesTo: return QObject::tr("routes to");
    case RelationKind::Mounts: return QObject::tr("mounts");
    case RelationKind::References: return QObject::tr("references");
    case RelationKind::Uses: return QObject::tr("uses");
    case RelationKind::Scales: return QObject::tr("scales");
    case RelationKind::Governs: return QObject::tr("is governed by");
    case RelationKind::Binds: return QObject::tr("binds");
    case RelationKind::InNamespace: return QObject::tr("lives in");
    case RelationKind::Targets: return QObject::tr("acts on");
    }
    return {};
}

} // namespace app::document::RelationResolver
