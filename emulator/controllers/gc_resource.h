// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pod_deletion.h"

#include "emulator/api/kind_registry.h"
#include "emulator/store/object_store.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace emu::ctrl {

/// metav1.DeletionPropagation
enum class Propagation { Background, Foreground, Orphan };

inline constexpr const char *foregroundDeletionFinalizer = "foregroundDeletion";
inline constexpr const char *orphanFinalizer = "orphan";

/// What the garbage collector knows of any object: identity, owners, finalizers.
struct GcObject
{
    std::string apiVersion;
    std::string kind;
    std::string namespaceName;
    std::string name;
    std::string uid;
    std::vector<store::OwnerReference> owners;
    std::vector<std::string> finalizers;
    bool deleting = false;
    std::string storeKey;

    bool hasFinalizer(std::string_view f) const
    {
        return std::find(finalizers.begin(), finalizers.end(), f) != finalizers.end();
    }
};

/// One kind (or, for the unstructured table, several) as the garbage collector and the DELETE
/// verb see it: lookups by name, a watch, a DELETE with a propagation policy, and metadata
/// patches (ownerReferences, finalizers).
class GcResource
{
public:
    using Handler = std::function<void(const GcObject &object, bool deleted)>;
    virtual ~GcResource() = default;
    virtual bool handles(std::string_view apiVersion, std::string_view kind) const = 0;
    /// The object `namespaceName/name` of that kind now (a live read, not a cache).
    virtual std::optional<GcObject> get(std::string_view apiVersion, std::string_view kind,
                                        const std::string &namespaceName, const std::string &name) const = 0;
    virtual void watch(Handler handler) = 0;
    /// DELETE with propagationPolicy: Background removes it (a pod gracefully); Foreground and
    /// Orphan add their finalizer and set deletionTimestamp, the collector does the rest.
    virtual store::StoreResult remove(const GcObject &object, Propagation policy,
                                      std::optional<std::int64_t> gracePeriodSeconds) = 0;
    virtual store::StoreResult patchMeta(const GcObject &object, const std::function<void(store::ObjectMeta &)> &edit) = 0;
};

/// A GcResource over one store table.
template<class T>
class TableResource final : public GcResource
{
public:
    TableResource(store::ObjectTable<T> &table, Engine &engine, store::ObjectStore &store)
        : m_table(table), m_engine(engine), m_store(store) {}

    bool handles(std::string_view apiVersion, std::string_view kind) const override
    {
        if constexpr (std::is_same_v<T, store::UnstructuredObject>)
            return !typedKind(kind);
        else
            return kind == T::kind && (apiVersion.empty() || apiVersion == T::apiVersion);
    }

    std::optional<GcObject> get(std::string_view apiVersion, std::string_view kind, const std::string &namespaceName,
                                const std::string &name) const override
    {
        std::string key = namespaceName.empty() ? name : namespaceName + '/' + name;
        if constexpr (std::is_same_v<T, store::UnstructuredObject>) {
            if (!apiVersion.empty()) {
                auto object = m_table.get(std::string(apiVersion) + '/' + std::string(kind) + '/' + key);
                return object ? std::optional(toGc(*object)) : std::nullopt;
            }
            for (const auto &candidate : m_table.list())
                if (candidate->kind == kind && (apiVersion.empty() || candidate->apiVersion == apiVersion)
                    && candidate->meta.name == name && candidate->meta.namespaceName == namespaceName)
                    return toGc(*candidate);
            return std::nullopt;
        } else {
            auto object = m_table.get(key);
            return object ? std::optional(toGc(*object)) : std::nullopt;
        }
    }

    void watch(Handler handler) override
    {
        m_table.watch([handler = std::move(handler)](const store::WatchEvent<T> &event) {
            handler(toGc(*event.object), event.type == store::WatchEventType::Deleted);
        });
    }

    store::StoreResult remove(const GcObject &object, Propagation policy,
                              std::optional<std::int64_t> gracePeriodSeconds) override
    {
        if constexpr (std::is_same_v<T, store::Pod>) {
            // Pods have no dependents of their own here: every policy is a graceful delete.
            return deletePod(m_store, object.storeKey, gracePeriodSeconds);
        } else {
            if (policy == Propagation::Background)
                return m_table.remove(object.storeKey); // stays while it has finalizers
            const char *finalizer = policy == Propagation::Foreground ? foregroundDeletionFinalizer : orphanFinalizer;
            const SimTime now = m_engine.now();
            // One write: the finalizer and deletionTimestamp (generation goes up once, spec 10.3).
            return m_table.patch(object.storeKey, [&](T &o) {
                if (!o.meta.hasFinalizer(finalizer))
                    o.meta.finalizers.push_back(finalizer);
                if (!o.meta.deletionTimestamp)
                    o.meta.deletionTimestamp = now;
            }, true);
        }
    }

    store::StoreResult patchMeta(const GcObject &object, const std::function<void(store::ObjectMeta &)> &edit) override
    {
        auto current = m_table.get(object.storeKey);
        if (!current || current->meta.uid != object.uid)
            return {store::StoreError::NotFound, "not found", 0};
        return m_table.patch(object.storeKey, [&](T &o) { edit(o.meta); });
    }

private:
    static bool typedKind(std::string_view kind)
    {
        for (std::string_view k : {"Pod", "Node", "Lease", "Deployment", "ReplicaSet", "ReplicationController",
                                   "StatefulSet", "DaemonSet", "Job", "CronJob", "PodDisruptionBudget",
                                   "ControllerRevision"})
            if (k == kind)
                return true;
        return false;
    }

    static GcObject toGc(const T &object)
    {
        GcObject g;
        if constexpr (std::is_same_v<T, store::UnstructuredObject>) {
            g.apiVersion = object.apiVersion;
            g.kind = object.kind;
            g.storeKey = store::storeKey(object);
        } else {
            g.apiVersion = T::apiVersion;
            g.kind = T::kind;
            g.storeKey = object.meta.key();
        }
        g.namespaceName = object.meta.namespaceName;
        g.name = object.meta.name;
        g.uid = object.meta.uid;
        g.owners = object.meta.ownerReferences;
        for (const std::string &f : object.meta.finalizers)
            if (f != store::kGracefulDeletionMarker)
                g.finalizers.push_back(f);
        g.deleting = object.meta.deletionTimestamp.has_value();
        return g;
    }

    store::ObjectTable<T> &m_table;
    Engine &m_engine;
    store::ObjectStore &m_store;
};

} // namespace emu::ctrl
