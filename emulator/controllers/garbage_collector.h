// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gc_resource.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace emu::ctrl {

/// kube-controller-manager's garbage collector (pkg/controller/garbagecollector, spec 7.7)
/// over the store's pods, workloads and unstructured objects (not Nodes and Leases: the
/// emulator removes a Node's Lease with it).
///
/// It keeps a graph of ownerReferences from its watches and:
/// - deletes a dependent whose owners are all gone (attemptToDeleteItem: owners are checked
///   by a live read; an owner with another uid counts as gone), with the policy its
///   finalizers ask for (background otherwise); owners that are gone or being deleted in the
///   foreground are removed from the references of a dependent that still has a live owner;
/// - foreground deletion: an owner with deletionTimestamp and the foregroundDeletion
///   finalizer has its dependents deleted (in the foreground themselves when they have
///   dependents) and loses the finalizer, and so goes, once no dependent with
///   blockOwnerDeletion is left;
/// - orphan deletion: an owner with the orphan finalizer has its reference removed from every
///   dependent, then loses the finalizer.
/// deleteObject() is the API server's DELETE with a propagationPolicy. Engine thread only.
class GarbageCollector
{
public:
    explicit GarbageCollector(sim::SimContext &context);
    void start();

    /// DELETE kind namespace/name with propagationPolicy (kubectl's default: Background).
    /// An empty apiVersion matches any version of the kind.
    store::StoreResult deleteObject(std::string_view apiVersion, std::string_view kind,
                                    const std::string &namespaceName, const std::string &name, Propagation policy,
                                    std::optional<std::int64_t> gracePeriodSeconds = std::nullopt);

private:
    void onEvent(const GcObject &object, bool deleted);
    bool sync(const std::string &uid);
    bool attemptToDelete(const GcObject &item);
    bool processDeletingDependents(const GcObject &item);
    bool orphanDependents(const GcObject &owner);
    GcResource *resourceFor(std::string_view apiVersion, std::string_view kind) const;
    std::optional<GcObject> live(const GcObject &object) const;
    std::optional<GcObject> liveOwner(const GcObject &dependent, const store::OwnerReference &ref) const;
    std::vector<GcObject> dependentsOf(const std::string &uid) const;

    sim::SimContext &m_context;
    std::vector<std::unique_ptr<GcResource>> m_resources;
    std::unordered_map<std::string, GcObject> m_graph;                     ///< uid -> object
    std::unordered_map<std::string, std::set<std::string>> m_dependents;   ///< owner uid -> dependent uids
    WorkQueue m_queue; ///< keys: uids (attemptToDelete, or orphaning for the orphan finalizer)
};

} // namespace emu::ctrl
