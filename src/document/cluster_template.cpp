// SPDX-License-Identifier: Apache-2.0
#include "cluster_template.h"

#include "emulator/api/yaml_writer.h"

namespace app::document::ClusterTemplate {

namespace {

std::string quoted(const std::string &text)
{
    return emu::api::YamlWriter::isSafePlainString(text) ? text : '"' + text + '"';
}

std::string capacity(const ClusterParameters &p, const std::string &indent)
{
    return indent + "cpu: \"" + p.cpu + "\"\n" + indent + "memory: " + quoted(p.memory) + "\n"
           + indent + "pods: \"" + std::to_string(p.maxPods) + "\"\n";
}

std::string nodePool(const ClusterParameters &p)
{
    std::string zones;
    for (const std::string &z : p.zones)
        zones += (zones.empty() ? "" : ", ") + quoted(z);
    return "apiVersion: kubecanvas.io/v1alpha1\nkind: NodePool\nmetadata:\n  name: workers\nspec:\n"
           "  count: " + std::to_string(p.nodesPerZone * int(std::max<std::size_t>(p.zones.size(), 1)))
           + "\n" + (p.zones.empty() ? "" : "  zones: [" + zones + "]\n")
           + "  template:\n    metadata:\n      labels:\n        node-role.kubernetes.io/worker: \"\"\n"
             "    capacity:\n" + capacity(p, "      ");
}

std::string nodes(const ClusterParameters &p)
{
    std::string out;
    const std::vector<std::string> zones = p.zones.empty() ? std::vector<std::string>{""} : p.zones;
    int index = 0;
    for (int i = 0; i < p.nodesPerZone; ++i)
        for (const std::string &zone : zones) {
            out += "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-" + std::to_string(index++)
                   + "\n  labels:\n    node-role.kubernetes.io/worker: \"\"\n";
            if (!zone.empty())
                out += "    topology.kubernetes.io/zone: " + quoted(zone) + "\n";
            out += "status:\n  capacity:\n" + capacity(p, "    ");
        }
    return out;
}

} // namespace

std::string projectText(const ClusterParameters &p)
{
    std::string out = "# A new KubeCanvas project: " + std::to_string(p.zones.size()) + " zone(s), "
                      + std::to_string(p.nodesPerZone) + " node(s) per zone.\n"
                      "apiVersion: kubecanvas.io/v1alpha1\nkind: Cluster\nmetadata:\n  name: "
                      + quoted(p.name) + "\nspec:\n  kubernetesVersion: \"" + p.kubernetesVersion + "\"\n";
    if (p.asNodePool)
        return out + "---\n" + nodePool(p);
    return out + nodes(p);
}

std::vector<std::string> zoneNames(const std::string &prefix, int count)
{
    std::vector<std::string> out;
    for (int i = 0; i < count && i < 26; ++i)
        out.push_back(prefix + char('a' + i));
    return out;
}

const std::vector<NodeSize> &nodeSizes()
{
    // Common general-purpose VM shapes (vCPU, memory).
    static const std::vector<NodeSize> sizes = {
        {"small (2 CPU, 8 GiB)", "2", "8Gi"},
        {"medium (4 CPU, 16 GiB)", "4", "16Gi"},
        {"large (8 CPU, 32 GiB)", "8", "32Gi"},
        {"xlarge (16 CPU, 64 GiB)", "16", "64Gi"},
        {"2xlarge (32 CPU, 128 GiB)", "32", "128Gi"},
    };
    return sizes;
}

std::vector<std::string> versions()
{
    std::vector<std::string> out;
    for (int minor = 34; minor >= 20; --minor)
        out.push_back("1." + std::to_string(minor));
    return out;
}

} // namespace app::document::ClusterTemplate
