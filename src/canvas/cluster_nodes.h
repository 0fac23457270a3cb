// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace app::document {
class Document;
struct ManifestEntry;
} // namespace app::document

namespace app::canvas {

/// One node of the modelled cluster as the canvas draws it: a Node manifest, or one of the
/// nodes a NodePool stands for (named `<pool>-<i>`, zone `zones[i % len]`, as the emulator
/// creates them; docs/formats.md "NodePool").
struct ClusterNode
{
    QString name;
    QString zone;                          ///< topology.kubernetes.io/zone, "" without one
    document::ObjectUid uid = document::kNoObject; ///< the Node or NodePool object
    bool fromPool = false;
    QString cpu, memory, pods;             ///< status.capacity as written (or the defaults)
    QStringList labels;                    ///< "key=value"
    QStringList taints;                    ///< "key=value:Effect"
};

namespace ClusterNodes {

/// The well-known zone label (upstream k8s.io/api/core/v1 LabelTopologyZone).
inline constexpr const char *kZoneLabel = "topology.kubernetes.io/zone";

/// Whether the entry is drawn as nodes: a core/v1 Node or a kubecanvas.io NodePool.
bool drawsNodes(const document::ManifestEntry &entry);
/// The nodes of one Node or NodePool entry (none for other kinds).
std::vector<ClusterNode> ofEntry(const document::ManifestEntry &entry);
/// Every node of the project, in document order.
std::vector<ClusterNode> collect(const document::Document &document);

} // namespace ClusterNodes

} // namespace app::canvas
