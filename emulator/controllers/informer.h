// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/object_meta.h"
#include "emulator/store/object_table.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace emu::ctrl {

/// client-go's SharedIndexInformer over one store table: a local cache filled by a
/// list-then-watch (the table's watch with replay), so it lags the store by the watch
/// delivery exactly as an informer lags the API server. Handlers registered with
/// addHandlers() run after the cache is updated, in registration order (one informer is
/// shared by every controller that reads the kind, as kube-controller-manager shares them).
///
/// Indexes: by namespace, by the uid of the controller owner (ownerReferences with
/// controller: true), and the orphans (no controller) per namespace, so that a controller
/// finds its pods without scanning all of them. Lists are in key order (deterministic).
/// Cached objects are the store's immutable values: never modify them. Engine thread only.
template<class T>
class Informer
{
public:
    using Ptr = std::shared_ptr<const T>;
    struct Handlers
    {
        std::function<void(const Ptr &object)> onAdd;
        std::function<void(const Ptr &previous, const Ptr &object)> onUpdate;
        std::function<void(const Ptr &object)> onDelete; ///< the last state before deletion
    };

    explicit Informer(store::ObjectTable<T> &table) : m_table(table) {}
    Informer(const Informer &) = delete;
    Informer &operator=(const Informer &) = delete;

    /// Starts the list-then-watch; handlers added later miss the replayed objects.
    void start()
    {
        if (m_started)
            return;
        m_started = true;
        m_table.watch([this](const store::WatchEvent<T> &event) { deliver(event); });
    }
    void addHandlers(Handlers handlers) { m_handlers.push_back(std::move(handlers)); }

    Ptr get(const std::string &key) const
    {
        const auto it = m_objects.find(key);
        return it == m_objects.end() ? nullptr : it->second;
    }
    std::size_t size() const { return m_objects.size(); }
    std::vector<Ptr> list() const
    {
        std::vector<Ptr> out;
        out.reserve(m_objects.size());
        for (const auto &[key, object] : m_objects)
            out.push_back(object);
        return out;
    }
    std::vector<Ptr> listNamespace(const std::string &namespaceName) const
    {
        return resolve(m_byNamespace, namespaceName);
    }
    /// Objects whose controller owner has this uid.
    std::vector<Ptr> ownedBy(const std::string &ownerUid) const { return resolve(m_byController, ownerUid); }
    /// Objects of the namespace with no controller owner.
    std::vector<Ptr> orphans(const std::string &namespaceName) const
    {
        return resolve(m_orphans, namespaceName);
    }

private:
    using Index = std::unordered_map<std::string, std::set<std::string>>;

    std::vector<Ptr> resolve(const Index &index, const std::string &value) const
    {
        std::vector<Ptr> out;
        const auto it = index.find(value);
        if (it == index.end())
            return out;
        out.reserve(it->second.size());
        for (const std::string &key : it->second)
            out.push_back(m_objects.at(key));
        return out;
    }

    static void unindex(Index &index, const std::string &value, const std::string &key)
    {
        const auto it = index.find(value);
        if (it == index.end())
            return;
        it->second.erase(key);
        if (it->second.empty())
            index.erase(it);
    }

    void index(const T &object, const std::string &key, bool add)
    {
        const store::OwnerReference *owner = object.meta.controllerRef();
        if (add) {
            m_byNamespace[object.meta.namespaceName].insert(key);
            (owner ? m_byController[owner->uid] : m_orphans[object.meta.namespaceName]).insert(key);
            return;
        }
        unindex(m_byNamespace, object.meta.namespaceName, key);
        if (owner)
            unindex(m_byController, owner->uid, key);
        else
            unindex(m_orphans, object.meta.namespaceName, key);
    }

    void deliver(const store::WatchEvent<T> &event)
    {
        const std::string key = event.object->meta.key();
        const auto it = m_objects.find(key);
        const Ptr previous = it == m_objects.end() ? nullptr : it->second;
        if (previous)
            index(*previous, key, false);
        if (event.type == store::WatchEventType::Deleted) {
            if (!previous)
                return;
            m_objects.erase(key);
            for (const Handlers &h : m_handlers)
                if (h.onDelete)
                    h.onDelete(previous);
            return;
        }
        m_objects[key] = event.object;
        index(*event.object, key, true);
        for (const Handlers &h : m_handlers) {
            if (previous && h.onUpdate)
                h.onUpdate(previous, event.object);
            else if (!previous && h.onAdd)
                h.onAdd(event.object);
        }
    }

    store::ObjectTable<T> &m_table;
    std::map<std::string, Ptr> m_objects;
    Index m_byNamespace;
    Index m_byController;
    Index m_orphans;
    std::vector<Handlers> m_handlers;
    bool m_started = false;
};

} // namespace emu::ctrl
