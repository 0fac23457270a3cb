// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store_result.h"
#include "watch_event.h"

#include "emulator/core/engine.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <cctype>
#include <cstdio>
#include <vector>

namespace emu::store {

/// The objects of one kind, as the API server holds them: keyed by namespace/name, each an
/// immutable shared value. Writers submit a modified copy; reads hand out the shared value,
/// so no caller can change what is stored (client-go's "never modify the cache" rule made
/// structural). Watchers are notified through engine events (after the writing event
/// completes), which models watch latency and keeps delivery in (time, sequence) order.
/// Engine thread only.
/// The key an object is stored under; kinds sharing a table override it.
template<class T>
std::string storeKey(const T &object)
{
    return object.meta.key();
}

/// The plural name used in API messages ("nodes", "leases").
template<class T>
std::string resourceName()
{
    std::string name = T::kind;
    for (char &c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name + 's';
}

/// Holds a gracefully deleted object until its owner confirms (internal, never shown).
inline constexpr const char *kGracefulDeletionMarker = "kubecanvas.io/graceful-deletion";

template<class T>
class ObjectTable
{
public:
    using Ptr = std::shared_ptr<const T>;
    using Handler = std::function<void(const WatchEvent<T> &)>;
    /// An admission chain run on create (the API server's mutating and validating admission
    /// plugins): it may change the object, or reject it with an error.
    using Admission = std::function<StoreResult(T &)>;

    ObjectTable(Engine &engine, std::uint64_t &revision, std::uint64_t &uidCounter)
        : m_engine(engine), m_revision(revision), m_uidCounter(uidCounter)
    {}

    Ptr get(const std::string &key) const
    {
        const auto it = m_index.find(key);
        return it == m_index.end() ? nullptr : it->second->second;
    }
    /// All objects in key order (deterministic).
    std::vector<Ptr> list() const
    {
        std::vector<Ptr> out;
        out.reserve(m_objects.size());
        for (const auto &[key, object] : m_objects)
            out.push_back(object);
        return out;
    }
    /// The objects whose key starts with `prefix`, in key order (e.g. one kind of a shared
    /// table), without walking the rest.
    std::vector<Ptr> listWithPrefix(const std::string &prefix) const
    {
        std::vector<Ptr> out;
        for (auto it = m_objects.lower_bound(prefix);
             it != m_objects.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
            out.push_back(it->second);
        return out;
    }
    std::size_t size() const { return m_objects.size(); }

    /// Stores a new object: assigns uid, resourceVersion, generation 1 and
    /// creationTimestamp = now. Fails with AlreadyExists if the key is taken.
    StoreResult create(T object)
    {
        const std::string key = storeKey(object);
        if (m_index.count(key))
            return {StoreError::AlreadyExists, kindName() + " \"" + key + "\" already exists", 0};
        if (m_admission)
            if (StoreResult admitted = m_admission(object); !admitted.ok())
                return admitted;
        object.meta.uid = makeUid();
        object.meta.resourceVersion = ++m_revision;
        object.meta.generation = 1;
        object.meta.creationTimestamp = m_engine.now();
        object.meta.deletionTimestamp.reset();
        auto stored = std::make_shared<const T>(std::move(object));
        m_index.emplace(key, m_objects.emplace(key, stored).first);
        notify({WatchEventType::Added, stored, nullptr, m_revision});
        return {StoreError::None, {}, m_revision};
    }

    /// Replaces an object. Optimistic concurrency as the API server: the submitted
    /// resourceVersion must be the stored one (0 means "unconditional", like a PATCH).
    /// uid and creationTimestamp cannot change. `specChanged` bumps generation.
    StoreResult update(T object, bool specChanged = false)
    {
        const std::string key = storeKey(object);
        const auto found = m_index.find(key);
        if (found == m_index.end())
            return {StoreError::NotFound, kindName() + " \"" + key + "\" not found", 0};
        const auto it = found->second;
        const Ptr &current = it->second;
        if (object.meta.resourceVersion != 0
            && object.meta.resourceVersion != current->meta.resourceVersion)
            return {StoreError::Conflict,
                    "Operation cannot be fulfilled on " + kindName() + " \"" + key
                        + "\": the object has been modified; please apply your changes to the "
                          "latest version and try again",
                    0};
        object.meta.uid = current->meta.uid;
        object.meta.creationTimestamp = current->meta.creationTimestamp;
        object.meta.generation = current->meta.generation + (specChanged ? 1 : 0);
        object.meta.resourceVersion = ++m_revision;
        Ptr previous = current;
        auto stored = std::make_shared<const T>(std::move(object));
        it->second = stored;
        notify({WatchEventType::Modified, stored, previous, m_revision});
        // An object being deleted goes once its last finalizer is removed.
        if (stored->meta.deletionTimestamp && stored->meta.finalizers.empty())
            erase(key);
        return {StoreError::None, {}, m_revision};
    }

    /// Applies `mutate` to the stored object and writes it back, like a PATCH: no
    /// resourceVersion precondition, so it cannot conflict.
    StoreResult patch(const std::string &key, const std::function<void(T &)> &mutate,
                      bool specChanged = false)
    {
        const Ptr current = get(key);
        if (!current)
            return {StoreError::NotFound, kindName() + " \"" + key + "\" not found", 0};
        T copy = *current;
        mutate(copy);
        copy.meta.resourceVersion = 0;
        return update(std::move(copy), specChanged);
    }

    /// Deletes an object: with finalizers it only gets a deletionTimestamp and stays until
    /// they are removed; otherwise it is removed at once (this also completes a graceful
    /// deletion started by terminate()).
    StoreResult remove(const std::string &key)
    {
        const auto found = m_index.find(key);
        if (found == m_index.end())
            return {StoreError::NotFound, kindName() + " \"" + key + "\" not found", 0};
        const auto it = found->second;
        const auto &finalizers = it->second->meta.finalizers;
        const bool onlyGraceful = finalizers.size() == 1 && finalizers.front() == kGracefulDeletionMarker;
        if (!finalizers.empty() && !onlyGraceful) {
            if (it->second->meta.deletionTimestamp)
                return {StoreError::None, {}, it->second->meta.resourceVersion};
            T copy = *it->second;
            copy.meta.deletionTimestamp = m_engine.now();
            copy.meta.resourceVersion = 0;
            return update(std::move(copy));
        }
        erase(key);
        return {StoreError::None, {}, m_revision};
    }

    /// Graceful deletion, as for pods: the object gets deletionTimestamp = now + grace and
    /// deletionGracePeriodSeconds, and stays until its owner (the kubelet) removes it with
    /// remove(). A second call can only shorten the grace period.
    StoreResult terminate(const std::string &key, std::int64_t gracePeriodSeconds)
    {
        const Ptr current = get(key);
        if (!current)
            return {StoreError::NotFound, kindName() + " \"" + key + "\" not found", 0};
        const SimTime deadline = m_engine.now() + SimDuration::seconds(std::max<std::int64_t>(0, gracePeriodSeconds));
        if (current->meta.deletionTimestamp && *current->meta.deletionTimestamp <= deadline)
            return {StoreError::None, {}, current->meta.resourceVersion};
        T copy = *current;
        copy.meta.deletionTimestamp = deadline;
        copy.meta.deletionGracePeriodSeconds = std::max<std::int64_t>(0, gracePeriodSeconds);
        copy.meta.resourceVersion = 0;
        if (copy.meta.finalizers.empty())
            copy.meta.finalizers.push_back(kGracefulDeletionMarker);
        return update(std::move(copy));
    }

    /// Registers a watch; every later change is delivered to handler. With `replay`, the
    /// existing objects are delivered first as Added (list-then-watch).
    void watch(Handler handler, bool replay = true)
    {
        m_handlers.push_back(std::move(handler));
        if (!replay)
            return;
        const std::size_t index = m_handlers.size() - 1;
        for (const auto &[key, object] : m_objects) {
            WatchEvent<T> event{WatchEventType::Added, object, nullptr, object->meta.resourceVersion};
            m_engine.schedule(SimDuration(), [this, index, event] { m_handlers[index](event); });
        }
    }

    /// Resumes a watch after `revision` (a resourceVersion the client saw): the changes made
    /// since then are replayed from the recent-changes log, then new ones stream. Returns
    /// false, like the API server's "410 Gone: too old resource version", when the log no
    /// longer reaches back that far; the client must list again.
    bool watchFrom(std::uint64_t revision, Handler handler)
    {
        if (revision < m_logFloor)
            return false; // changes after `revision` were compacted away
        m_handlers.push_back(std::move(handler));
        const std::size_t index = m_handlers.size() - 1;
        for (const WatchEvent<T> &event : m_log)
            if (event.revision > revision)
                m_engine.schedule(SimDuration(), [this, index, event] { m_handlers[index](event); });
        return true;
    }

    /// Sets the admission run by create() (replaces an earlier one).
    void setAdmission(Admission admission) { m_admission = std::move(admission); }

    /// How many recent changes are kept for watchFrom (etcd's compaction window).
    void setLogCapacity(std::size_t capacity) { m_logCapacity = capacity; }

private:
    static std::string kindName() { return resourceName<T>(); }

    std::string makeUid()
    {
        // Deterministic, unique and shaped like a UUID.
        const std::uint64_t n = ++m_uidCounter;
        char buf[40];
        std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012llx",
                      static_cast<unsigned long long>(n));
        return buf;
    }

    void erase(const std::string &key)
    {
        const auto found = m_index.find(key);
        if (found == m_index.end())
            return;
        Ptr gone = found->second->second;
        m_objects.erase(found->second);
        m_index.erase(found);
        notify({WatchEventType::Deleted, gone, gone, ++m_revision});
    }

    void notify(WatchEvent<T> event)
    {
        m_log.push_back(event);
        while (m_log.size() > m_logCapacity) {
            m_logFloor = m_log.front().revision;
            m_log.pop_front();
        }
        if (m_handlers.empty())
            return;
        m_engine.schedule(SimDuration(), [this, event = std::move(event)] {
            for (const Handler &handler : m_handlers)
                handler(event);
        });
    }

    Engine &m_engine;
    std::uint64_t &m_revision;
    std::uint64_t &m_uidCounter;
    std::map<std::string, Ptr> m_objects; // ordered: list() is deterministic
    // Hash index for get(): map lookups compared long keys with shared prefixes
    // ("kube-node-lease/...") thousands of times per simulated second.
    std::unordered_map<std::string, typename std::map<std::string, Ptr>::iterator> m_index;
    std::vector<Handler> m_handlers;
    Admission m_admission;
    std::deque<WatchEvent<T>> m_log;
    std::size_t m_logCapacity = 1000;
    std::uint64_t m_logFloor = 0; ///< newest revision dropped from the log
};

} // namespace emu::store
