// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/labels.h"
#include "emulator/core/sim_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::store {

struct OwnerReference
{
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string uid;
    bool controller = false;
    /// Foreground deletion of the owner waits for this dependent (spec 7.7).
    bool blockOwnerDeletion = false;
};

/// The metadata the API server keeps for every object. Times are simulated times; they are
/// shown as RFC 3339 relative to the scenario's startTime.
struct ObjectMeta
{
    std::string name;
    std::string generateName;  ///< the prefix the name was generated from, if any
    std::string namespaceName; ///< empty for cluster-scoped objects
    std::string uid;
    std::uint64_t resourceVersion = 0; ///< 0 = never stored
    std::int64_t generation = 0;
    SimTime creationTimestamp;
    std::optional<SimTime> deletionTimestamp;
    std::optional<std::int64_t> deletionGracePeriodSeconds; ///< graceful deletion (pods)
    api::Labels labels;
    api::Labels annotations;
    std::vector<std::string> finalizers;
    std::vector<OwnerReference> ownerReferences;

    /// "namespace/name", or "name" for cluster-scoped objects: the store and cache key.
    std::string key() const { return namespaceName.empty() ? name : namespaceName + '/' + name; }
    /// The owner reference with controller: true, if any (metav1.GetControllerOf).
    const OwnerReference *controllerRef() const
    {
        for (const OwnerReference &ref : ownerReferences)
            if (ref.controller)
                return &ref;
        return nullptr;
    }
    bool hasFinalizer(std::string_view finalizer) const
    {
        for (const std::string &f : finalizers)
            if (f == finalizer)
                return true;
        return false;
    }
};

} // namespace emu::store
