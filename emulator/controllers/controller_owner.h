// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/object_meta.h"

#include <string>

namespace emu::ctrl {

/// The identity of a controller object (a ReplicaSet, a Deployment, ...): what its events
/// name and what the ownerReferences of its dependents point to.
struct ControllerOwner
{
    std::string apiVersion;
    std::string kind;
    std::string namespaceName;
    std::string name;
    std::string uid;

    template<class T>
    static ControllerOwner of(const T &object)
    {
        return {T::apiVersion, T::kind, object.meta.namespaceName, object.meta.name, object.meta.uid};
    }
    /// metav1.NewControllerRef: controller and blockOwnerDeletion true.
    store::OwnerReference controllerRef() const { return {apiVersion, kind, name, uid, true, true}; }
    /// "namespace/name", the work queue key.
    std::string key() const { return namespaceName.empty() ? name : namespaceName + '/' + name; }
};

} // namespace emu::ctrl
