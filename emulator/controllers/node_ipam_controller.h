// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cidr_allocator.h"

#include "emulator/sim/sim_context.h"

namespace emu::ctrl {

/// kube-controller-manager's nodeipam controller with the RangeAllocator: gives every new
/// Node a podCIDR from clusterCIDR, marks CIDRs already in use, releases them when a Node is
/// deleted, and records CIDRNotAvailable when the range is exhausted (the node is retried on
/// its later updates). Engine thread only.
class NodeIpamController
{
public:
    explicit NodeIpamController(sim::SimContext &context);
    void start();

    std::size_t capacity() const { return m_allocator.capacity(); }
    std::size_t used() const { return m_allocator.used(); }

private:
    void allocate(const store::Node &node);

    sim::SimContext &m_context;
    CidrAllocator m_allocator;
};

} // namespace emu::ctrl
