// SPDX-License-Identifier: Apache-2.0
#include "garbage_collector.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

bool isForegroundDeleting(const GcObject &o)
{
    return o.deleting && o.hasFinalizer(foregroundDeletionFinalizer);
}

template<class T>
void add(std::vector<std::unique_ptr<GcResource>> &out, store::ObjectTable<T> &table, sim::SimContext &context)
{
    out.push_back(std::make_unique<TableResource<T>>(table, context.engine, context.store));
}

} // namespace

GarbageCollector::GarbageCollector(sim::SimContext &context)
    : m_context(context), m_queue(context.engine, [this](const std::string &uid) { return sync(uid); })
{
    store::ObjectStore &s = context.store;
    add(m_resources, s.deployments(), context);
    add(m_resources, s.replicaSets(), context);
    add(m_resources, s.replicationControllers(), context);
    add(m_resources, s.statefulSets(), context);
    add(m_resources, s.daemonSets(), context);
    add(m_resources, s.jobs(), context);
    add(m_resources, s.cronJobs(), context);
    add(m_resources, s.podDisruptionBudgets(), context);
    add(m_resources, s.controllerRevisions(), context);
    add(m_resources, s.pods(), context);
    add(m_resources, s.others(), context);
}

void GarbageCollector::start()
{
    for (const auto &resource : m_resources)
        resource->watch([this](const GcObject &object, bool deleted) { onEvent(object, deleted); });
}

GcResource *GarbageCollector::resourceFor(std::string_view apiVersion, std::string_view kind) const
{
    for (const auto &resource : m_resources)
        if (resource->handles(apiVersion, kind))
            return resource.get();
    return nullptr;
}

// The GraphBuilder: keeps the graph and queues what may need collecting.
void GarbageCollector::onEvent(const GcObject &object, bool deleted)
{
    const auto it = m_graph.find(object.uid);
    const std::vector<store::OwnerReference> oldOwners =
        it == m_graph.end() ? std::vector<store::OwnerReference>() : it->second.owners;
    for (const store::OwnerReference &ref : oldOwners) {
        auto &set = m_dependents[ref.uid];
        set.erase(object.uid);
        if (set.empty())
            m_dependents.erase(ref.uid);
    }
    if (deleted) {
        m_graph.erase(object.uid);
        // Its dependents may have lost their last owner; a foreground-deleting owner may be
        // free to go.
        if (const auto deps = m_dependents.find(object.uid); deps != m_dependents.end())
            for (const std::string &dep : deps->second)
                m_queue.add(dep);
        for (const store::OwnerReference &ref : object.owners)
            if (const auto owner = m_graph.find(ref.uid); owner != m_graph.end() && isForegroundDeleting(owner->second))
                m_queue.add(ref.uid);
        return;
    }
    m_graph[object.uid] = object;
    for (const store::OwnerReference &ref : object.owners)
        m_dependents[ref.uid].insert(object.uid);
    if (object.deleting && (object.hasFinalizer(orphanFinalizer) || object.hasFinalizer(foregroundDeletionFinalizer))) {
        m_queue.add(object.uid);
        return;
    }
    for (const store::OwnerReference &ref : object.owners) {
        const auto owner = m_graph.find(ref.uid);
        if (owner == m_graph.end() || isForegroundDeleting(owner->second)) {
            m_queue.add(object.uid); // an owner not (or no longer) seen: check it live
            break;
        }
    }
    // An owner this object stopped naming may be waiting for it in the foreground.
    for (const store::OwnerReference &ref : oldOwners)
        if (std::none_of(object.owners.begin(), object.owners.end(), [&](const auto &r) { return r.uid == ref.uid; }))
            if (const auto owner = m_graph.find(ref.uid); owner != m_graph.end() && isForegroundDeleting(owner->second))
                m_queue.add(ref.uid);
}

std::optional<GcObject> GarbageCollector::live(const GcObject &object) const
{
    GcResource *resource = resourceFor(object.apiVersion, object.kind);
    auto current = resource ? resource->get(object.apiVersion, object.kind, object.namespaceName, object.name)
                            : std::nullopt;
    if (!current || current->uid != object.uid)
        return std::nullopt;
    return current;
}

// The owner a reference names, read live: in the dependent's namespace, or cluster-scoped.
std::optional<GcObject> GarbageCollector::liveOwner(const GcObject &dependent, const store::OwnerReference &ref) const
{
    GcResource *resource = resourceFor(ref.apiVersion, ref.kind);
    if (!resource)
        return std::nullopt;
    const std::string group = ref.apiVersion.find('/') == std::string::npos
                                  ? std::string() : ref.apiVersion.substr(0, ref.apiVersion.find('/'));
    const std::string ns = api::isNamespaced(group, ref.kind) ? dependent.namespaceName : std::string();
    return resource->get(ref.apiVersion, ref.kind, ns, ref.name);
}

std::vector<GcObject> GarbageCollector::dependentsOf(const std::string &uid) const
{
    std::vector<GcObject> out;
    if (const auto it = m_dependents.find(uid); it != m_dependents.end())
        for (const std::string &dep : it->second)
            if (const auto node = m_graph.find(dep); node != m_graph.end())
                out.push_back(node->second);
    std::sort(out.begin(), out.end(), [](const GcObject &a, const GcObject &b) { return a.storeKey < b.storeKey; });
    return out;
}

bool GarbageCollector::sync(const std::string &uid)
{
    const auto cached = m_graph.find(uid);
    if (cached == m_graph.end())
        return true;
    const std::optional<GcObject> item = live(cached->second);
    if (!item)
        return true; // gone meanwhile: its deletion event does the rest
    if (item->deleting) {
        if (item->hasFinalizer(orphanFinalizer))
            return orphanDependents(*item);
        if (item->hasFinalizer(foregroundDeletionFinalizer))
            return processDeletingDependents(*item);
        return true; // being deleted already
    }
    return attemptToDelete(*item);
}

// attemptToDeleteItem: owners read live are solid, dangling (gone, or another uid) or
// waiting for their dependents (foreground deletion).
bool GarbageCollector::attemptToDelete(const GcObject &item)
{
    if (item.owners.empty())
        return true;
    std::set<std::string> solid, stale, waiting;
    for (const store::OwnerReference &ref : item.owners) {
        const std::optional<GcObject> owner = liveOwner(item, ref);
        if (!owner || owner->uid != ref.uid) {
            stale.insert(ref.uid);
        } else if (isForegroundDeleting(*owner)) {
            waiting.insert(ref.uid);
            stale.insert(ref.uid);
        } else {
            solid.insert(ref.uid);
        }
    }
    GcResource *resource = resourceFor(item.apiVersion, item.kind);
    if (!resource)
        return true;
    if (!solid.empty()) {
        if (stale.empty())
            return true;
        // A live owner keeps it; the references to owners gone or going are dropped.
        const auto result = resource->patchMeta(item, [&](store::ObjectMeta &meta) {
            std::erase_if(meta.ownerReferences, [&](const auto &r) { return stale.count(r.uid) > 0; });
        });
        return result.ok() || result.error == store::StoreError::NotFound;
    }
    Propagation policy = item.hasFinalizer(orphanFinalizer)             ? Propagation::Orphan
                         : item.hasFinalizer(foregroundDeletionFinalizer) ? Propagation::Foreground
                                                                        : Propagation::Background;
    // An owner deleted in the foreground: a dependent with dependents of its own goes in the
    // foreground too, so the owner waits for the whole tree.
    if (!waiting.empty() && m_dependents.count(item.uid))
        policy = Propagation::Foreground;
    const auto result = resource->remove(item, policy, std::nullopt);
    return result.ok() || result.error == store::StoreError::NotFound;
}

// processDeletingDependentsItem: the owner goes once no blocking dependent is left.
bool GarbageCollector::processDeletingDependents(const GcObject &item)
{
    bool blocked = false;
    for (const GcObject &dep : dependentsOf(item.uid)) {
        const bool blocking = std::any_of(dep.owners.begin(), dep.owners.end(), [&](const store::OwnerReference &r) {
            return r.uid == item.uid && r.blockOwnerDeletion;
        });
        if (!blocking)
            continue;
        blocked = true;
        if (!isForegroundDeleting(dep))
            m_queue.add(dep.uid);
    }
    if (blocked)
        return true;
    GcResource *resource = resourceFor(item.apiVersion, item.kind);
    const auto result = resource->patchMeta(item, [](store::ObjectMeta &meta) {
        std::erase(meta.finalizers, std::string(foregroundDeletionFinalizer));
    });
    return result.ok() || result.error == store::StoreError::NotFound;
}

// orphanDependents: the dependents lose their reference, then the owner its finalizer.
bool GarbageCollector::orphanDependents(const GcObject &owner)
{
    for (const GcObject &dep : dependentsOf(owner.uid)) {
        GcResource *resource = resourceFor(dep.apiVersion, dep.kind);
        const auto result = resource->patchMeta(dep, [&](store::ObjectMeta &meta) {
            std::erase_if(meta.ownerReferences, [&](const auto &r) { return r.uid == owner.uid; });
        });
        if (!result.ok() && result.error != store::StoreError::NotFound)
            return false;
    }
    GcResource *resource = resourceFor(owner.apiVersion, owner.kind);
    const auto result = resource->patchMeta(owner, [](store::ObjectMeta &meta) {
        std::erase(meta.finalizers, std::string(orphanFinalizer));
    });
    return result.ok() || result.error == store::StoreError::NotFound;
}

store::StoreResult GarbageCollector::deleteObject(std::string_view apiVersion, std::string_view kind,
                                                  const std::string &namespaceName, const std::string &name,
                                                  Propagation policy, std::optional<std::int64_t> gracePeriodSeconds)
{
    GcResource *resource = resourceFor(apiVersion, kind);
    std::optional<GcObject> object = resource ? resource->get(apiVersion, kind, namespaceName, name) : std::nullopt;
    if (!object && resource)
        object = resource->get(apiVersion, kind, std::string(), name); // a cluster-scoped kind
    if (!object)
        return {store::StoreError::NotFound, std::string(kind) + " \"" + name + "\" not found", 0};
    return resource->remove(*object, policy, gracePeriodSeconds);
}

} // namespace emu::ctrl
