// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"

#include <QString>

#include <string>

namespace app::document {

/// The Kubernetes identity of an object as written: apiVersion, kind, namespace (empty when
/// not written) and name. It changes when the object is renamed; ObjectUid does not.
struct ObjectIdentity
{
    std::string apiVersion;
    std::string kind;
    std::string namespaceName;
    std::string name;

    static ObjectIdentity fromObject(const emu::api::Value &object);

    /// "" for the core group ("v1").
    std::string group() const;
    bool isNamespaced() const;
    /// The namespace the API server would use: "default" for a namespaced kind without one.
    std::string effectiveNamespace() const;
    /// "Deployment shop/web", "Node worker-1": for menus, titles and messages.
    QString displayName() const;
    /// One string per object as kubectl sees it (group, kind, effective namespace, name);
    /// two objects with the same key are the same object to the API server.
    std::string key() const;

    bool operator==(const ObjectIdentity &other) const = default;
};

} // namespace app::document
