// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "item_types.h"

#include "document/relation_resolver.h"

#include <QGraphicsItem>
#include <QLineF>

namespace app::canvas {

class CanvasItem;

/// A derived relation drawn as an arrow between two cards (Service -> the workloads it
/// selects, Ingress -> Service, workload -> what it mounts, ...). Edges are never drawn by
/// hand: the scene re-derives them from the document (RelationResolver) when it changes.
class EdgeItem : public QGraphicsItem
{
public:
    EdgeItem(CanvasItem *from, CanvasItem *to, document::RelationKind kind, const QString &toolTip);
    ~EdgeItem() override;

    enum { Type = EdgeItemType };
    int type() const override { return Type; }

    CanvasItem *from() const { return m_from; }
    CanvasItem *to() const { return m_to; }
    document::RelationKind kind() const { return m_kind; }
    CanvasItem *otherEnd(const CanvasItem *end) const { return end == m_from ? m_to : m_from; }

    /// Follows the endpoints after they moved or resized.
    void adjust();
    /// An endpoint is being destroyed: stop referring to it.
    void forgetEndpoint(CanvasItem *end);
    void setHighlighted(bool highlighted);
    /// Drawn as a "may run on" edge (workload -> node), shown on demand.
    void setAllowedNodeEdge(bool allowed) { m_allowedNode = allowed; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    CanvasItem *m_from;
    CanvasItem *m_to;
    document::RelationKind m_kind;
    QLineF m_line;
    bool m_highlighted = false;
    bool m_allowedNode = false;
};

} // namespace app::canvas
