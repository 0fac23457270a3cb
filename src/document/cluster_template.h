// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace app::document {

/// What the "New cluster" wizard asks for.
struct ClusterParameters
{
    std::string name = "cluster";
    std::string kubernetesVersion = "1.32";
    std::vector<std::string> zones = {"zone-a", "zone-b", "zone-c"};
    int nodesPerZone = 2;
    std::string cpu = "4";        ///< per node (quantity)
    std::string memory = "16Gi";  ///< per node (quantity)
    int maxPods = 110;            ///< kubelet maxPods (upstream default)
    /// One NodePool spread over the zones (round robin), or one Node manifest per node.
    bool asNodePool = true;
};

/// A node size offered by the wizard.
struct NodeSize
{
    const char *label;
    const char *cpu;
    const char *memory;
};

/// Builds a new project's YAML from the wizard's answers: a Cluster, then a NodePool or the
/// Node manifests (each with its topology.kubernetes.io/zone label).
namespace ClusterTemplate {

std::string projectText(const ClusterParameters &parameters);
/// Zone names: `prefix` + a, b, c, ... ("eu-west-1" gives eu-west-1a, eu-west-1b, ...).
std::vector<std::string> zoneNames(const std::string &prefix, int count);
const std::vector<NodeSize> &nodeSizes();
/// Kubernetes versions the emulator knows, newest first.
std::vector<std::string> versions();

} // namespace ClusterTemplate

} // namespace app::document
