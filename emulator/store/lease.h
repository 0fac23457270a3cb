// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_meta.h"

namespace emu::store {

/// coordination.k8s.io/v1 Lease: the kubelet's cheap heartbeat, one per node in
/// namespace kube-node-lease.
struct Lease
{
    static constexpr const char *apiVersion = "coordination.k8s.io/v1";
    static constexpr const char *kind = "Lease";

    ObjectMeta meta;
    std::string holderIdentity;
    int leaseDurationSeconds = 40;
    std::optional<SimTime> acquireTime;
    std::optional<SimTime> renewTime;
};

} // namespace emu::store
