// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/node.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace emu::sched {

/// upstream: pkg/scheduler/util IsScalarResourceName: an extended resource (a qualified name
/// with a domain outside kubernetes.io), a `hugepages-*` or `attachable-volumes-*` resource,
/// or a `*kubernetes.io/*` prefixed native resource. Only these (besides cpu, memory,
/// ephemeral-storage and pods) take part in scheduling; others (e.g. "foo") are ignored.
bool isScalarResourceName(std::string_view name);

/// upstream: pkg/apis/core/v1/helper IsExtendedResourceName.
bool isExtendedResourceName(std::string_view name);

/// A set of resource amounts in the scheduler's units (upstream framework.Resource): cpu in
/// millicores, memory and ephemeral-storage in bytes, scalar resources in whole units.
struct Resource
{
    std::int64_t milliCpu = 0;
    std::int64_t memory = 0;
    std::int64_t ephemeralStorage = 0;
    std::int64_t allowedPodNumber = 0; ///< from `pods` (allocatable only)
    std::map<std::string, std::int64_t, std::less<>> scalarResources;

    /// upstream Resource.Add: sums a ResourceList in (cpu as MilliValue, the rest as Value).
    void add(const store::ResourceList &list);
    /// upstream Resource.SetMaxResource: per resource, the larger of this and `list`.
    void setMax(const store::ResourceList &list);
    /// Adds (sign +1) or subtracts (sign -1) another Resource, as NodeInfo.update does.
    void accumulate(const Resource &other, int sign);

    /// The amount of any resource by name, in the units above (0 when absent).
    std::int64_t amount(std::string_view name) const;
    /// upstream fitsRequest's early exit: nothing requested (a scalar entry counts even at 0).
    bool requestsNothing() const
    {
        return milliCpu == 0 && memory == 0 && ephemeralStorage == 0 && scalarResources.empty();
    }

    static Resource fromList(const store::ResourceList &list)
    {
        Resource r;
        r.add(list);
        return r;
    }
};

} // namespace emu::sched
