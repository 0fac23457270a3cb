// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "canvas_item.h"
#include "cluster_nodes.h"
#include "item_types.h"

#include <QPixmap>

namespace app::canvas {

/// A node card in its zone: name, capacity (CPU, memory, pods), and markers for its labels
/// and taints (listed in the tooltip). A Node manifest's card is moved like any object; the
/// cards of a NodePool's nodes are placed by the auto-layout and select their pool.
///
/// The run mode puts pod items inside podArea() (as children) and colours the card with a
/// state overlay.
class NodeItem : public CanvasItem
{
public:
    explicit NodeItem(const ClusterNode &node, const QPixmap &icon);

    enum { Type = NodeItemType };
    int type() const override { return Type; }

    const ClusterNode &node() const { return m_node; }
    QString nodeName() const { return m_node.name; }
    QString zone() const { return m_node.zone; }
    /// Room at the bottom of the card for run-time content (pods), in item coordinates.
    QRectF podArea() const;

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintMarker(QPainter *painter, QRectF &slot, const QString &text, const QColor &colour) const;

    ClusterNode m_node;
    QPixmap m_icon;
};

} // namespace app::canvas
