// SPDX-License-Identifier: Apache-2.0
#include "node_ipam_controller.h"

namespace emu::ctrl {

NodeIpamController::NodeIpamController(sim::SimContext &context)
    : m_context(context)
    , m_allocator(context.cluster.controllerManager.clusterCIDR,
                  static_cast<int>(context.cluster.controllerManager.nodeCIDRMaskSize))
{}

void NodeIpamController::start()
{
    m_context.store.nodes().watch([this](const store::WatchEvent<store::Node> &event) {
        const store::Node &node = *event.object;
        if (event.type == store::WatchEventType::Deleted) {
            for (const std::string &cidr : node.spec.podCIDRs)
                m_allocator.release(cidr);
            return;
        }
        if (!node.spec.podCIDRs.empty()) {
            // "occupy": a CIDR the node already has; only when it is new to us, not on every
            // status write.
            if (!event.previous || event.previous->spec.podCIDRs != node.spec.podCIDRs)
                for (const std::string &cidr : node.spec.podCIDRs)
                    m_allocator.occupy(cidr);
            return;
        }
        allocate(node);
    });
}

void NodeIpamController::allocate(const store::Node &listed)
{
    std::shared_ptr<const store::Node> node = m_context.store.nodes().get(listed.meta.name);
    if (!node || !node->spec.podCIDRs.empty() || !m_allocator.isValid())
        return;
    const std::optional<std::string> cidr = m_allocator.allocateNext();
    if (!cidr) {
        // RecordNodeStatusChange(node, "CIDRNotAvailable"); retried on the next node event.
        m_context.events.record("Normal", "CIDRNotAvailable", "Node", "", node->meta.name,
                                "Node " + node->meta.name + " status is now: CIDRNotAvailable");
        return;
    }
    store::Node updated = *node;
    updated.spec.podCIDR = *cidr;
    updated.spec.podCIDRs = {*cidr};
    updated.meta.resourceVersion = 0;
    if (!m_context.store.nodes().update(std::move(updated), true).ok())
        m_allocator.release(*cidr);
}

} // namespace emu::ctrl
