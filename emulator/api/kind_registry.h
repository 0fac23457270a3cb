// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema.h"

#include <string_view>
#include <vector>

namespace emu::api {

/// An API version of a kind that the API server no longer serves.
struct RemovedVersion
{
    std::string_view version;     ///< e.g. "v1beta1" (the group is the KindInfo's)
    std::string_view removedIn;   ///< Kubernetes release, e.g. "1.16"; empty if unknown
    std::string_view replacement; ///< apiVersion to use instead, e.g. "apps/v1"; may be empty
};

/// How metadata.name of a kind is checked (DNS rules differ per kind).
enum class NameRule : std::uint8_t { Subdomain, Label, Dns1035Label, None };

/// What KubeCanvas knows about one kind of one API group.
struct KindInfo
{
    std::string_view group;  ///< "" for the core group
    std::string_view kind;
    std::vector<std::string_view> servedVersions;
    std::vector<RemovedVersion> removedVersions;
    bool namespaced = true;
    NameRule nameRule = NameRule::Subdomain;
    /// The full object schema; null for kinds only checked at the top level.
    SchemaRef (*schema)() = nullptr;

    const RemovedVersion *findRemoved(std::string_view version) const;
    bool serves(std::string_view version) const;
};

struct GroupVersion
{
    std::string_view group;   ///< "" for the core group ("v1")
    std::string_view version;
};

/// The kind registry: built on first use, then read-only (thread-safe).
/// Returns null for kinds it does not know (custom resources).
const KindInfo *findKind(std::string_view group, std::string_view kind);
/// Unknown kinds count as namespaced, as most custom resources are.
bool isNamespaced(std::string_view group, std::string_view kind);
/// Splits "apps/v1" into {"apps", "v1"} and "v1" into {"", "v1"}. Views into `apiVersion`.
GroupVersion splitApiVersion(std::string_view apiVersion);
/// True for an API group KubeCanvas knows, even if not the given kind in it.
bool isKnownGroup(std::string_view group);

} // namespace emu::api
