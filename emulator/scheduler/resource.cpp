// SPDX-License-Identifier: Apache-2.0
#include "resource.h"

#include "emulator/api/names.h"

#include <algorithm>

namespace emu::sched {

namespace {

constexpr std::string_view kDefaultNamespacePrefix = "kubernetes.io/";
constexpr std::string_view kRequestsPrefix = "requests.";

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// upstream: pkg/apis/core/v1/helper IsPrefixedNativeResource
bool isPrefixedNativeResource(std::string_view name)
{
    return name.find(kDefaultNamespacePrefix) != std::string_view::npos;
}

// upstream: pkg/apis/core/v1/helper IsNativeResource
bool isNativeResource(std::string_view name)
{
    return name.find('/') == std::string_view::npos || isPrefixedNativeResource(name);
}

} // namespace

bool isExtendedResourceName(std::string_view name)
{
    if (isNativeResource(name) || startsWith(name, kRequestsPrefix))
        return false;
    // Ensure it satisfies the quota resource name format ("requests." + name).
    std::string forQuota(kRequestsPrefix);
    forQuota += name;
    return api::isQualifiedName(forQuota).empty();
}

bool isScalarResourceName(std::string_view name)
{
    return isExtendedResourceName(name) || startsWith(name, "hugepages-")
           || isPrefixedNativeResource(name) || startsWith(name, "attachable-volumes-");
}

void Resource::add(const store::ResourceList &list)
{
    // upstream: pkg/scheduler/framework/types.go Resource.Add
    for (const auto &[name, quantity] : list) {
        if (name == "cpu")
            milliCpu += quantity.milliValue();
        else if (name == "memory")
            memory += quantity.value();
        else if (name == "pods")
            allowedPodNumber += quantity.value();
        else if (name == "ephemeral-storage")
            ephemeralStorage += quantity.value();
        else if (isScalarResourceName(name))
            scalarResources[name] += quantity.value();
    }
}

void Resource::setMax(const store::ResourceList &list)
{
    // upstream: pkg/scheduler/framework/types.go Resource.SetMaxResource (no `pods`)
    for (const auto &[name, quantity] : list) {
        if (name == "memory") {
            memory = std::max(memory, quantity.value());
        } else if (name == "cpu") {
            milliCpu = std::max(milliCpu, quantity.milliValue());
        } else if (name == "ephemeral-storage") {
            ephemeralStorage = std::max(ephemeralStorage, quantity.value());
        } else if (isScalarResourceName(name)) {
            std::int64_t &slot = scalarResources[name];
            slot = std::max(slot, quantity.value());
        }
    }
}

void Resource::accumulate(const Resource &other, int sign)
{
    milliCpu += sign * other.milliCpu;
    memory += sign * other.memory;
    ephemeralStorage += sign * other.ephemeralStorage;
    allowedPodNumber += sign * other.allowedPodNumber;
    for (const auto &[name, value] : other.scalarResources)
        scalarResources[name] += sign * value;
}

std::int64_t Resource::amount(std::string_view name) const
{
    if (name == "cpu")
        return milliCpu;
    if (name == "memory")
        return memory;
    if (name == "ephemeral-storage")
        return ephemeralStorage;
    if (name == "pods")
        return allowedPodNumber;
    const auto it = scalarResources.find(name);
    return it == scalarResources.end() ? 0 : it->second;
}

} // namespace emu::sched
