// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/labels.h"
#include "emulator/store/node.h"

#include <string>
#include <vector>

namespace emu::kubelet {

/// What one emulated kubelet registers: its node's identity, labels, taints and capacity
/// (from a NodePool or a Node manifest).
struct KubeletConfig
{
    std::string nodeName;
    api::Labels labels;
    api::Labels annotations;
    std::vector<store::NodeTaint> registerWithTaints; ///< --register-with-taints
    store::ResourceList capacity;
    store::ResourceList kubeReserved;
    store::ResourceList systemReserved;
    std::string internalIP;
    std::string externalIP;
    bool unschedulable = false;
    /// The network plugin needs a podCIDR before the node can be Ready (true whenever the
    /// cluster allocates node CIDRs, which KubeCanvas always does).
    bool requirePodCidr = true;
};

} // namespace emu::kubelet
