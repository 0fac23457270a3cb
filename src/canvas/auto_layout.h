// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cluster_nodes.h"

#include "document/object_uid.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <map>
#include <unordered_map>
#include <vector>

namespace app::document { class Document; }

namespace app::canvas {

/// Where automatic placement puts things (top-left corners, scene coordinates).
struct AutoLayoutResult
{
    std::unordered_map<document::ObjectUid, QPointF> objects; ///< objects without a stored position
    QHash<QString, QPointF> poolNodes;                        ///< NodePool nodes, by node name
    std::map<QString, QRectF> zoneAreas;      ///< the grid each zone reserves ("" = no zone)
    std::map<std::string, QRectF> groupAreas; ///< per namespace ("" = cluster-wide objects)
};

/// The tidy default arrangement: the physical layer on top (NodePools in a row, then one
/// column per zone with its nodes in a grid), the logical layer below it (one group per
/// namespace, cluster-wide objects first; inside a group traffic, workloads, policies and
/// configuration each start a row). Objects the user placed keep their place and leave no
/// hole; NodePool nodes are always placed here (they are not objects of their own).
namespace AutoLayout {

AutoLayoutResult compute(const document::Document &document, const std::vector<ClusterNode> &nodes);
/// The group (namespace, "" for cluster-wide) an object is drawn in.
std::string groupOf(const document::Document &document, document::ObjectUid uid);

} // namespace AutoLayout

} // namespace app::canvas
