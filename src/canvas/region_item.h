// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "canvas_item.h"
#include "item_types.h"

namespace app::canvas {

/// A labelled area behind cards: a zone of the physical layer (its nodes inside), or a
/// namespace's group of the logical layer. Its rectangle follows its members; it is not an
/// object, so it is neither selected nor moved, but it takes a state overlay (a zone outage).
class RegionItem : public CanvasItem
{
public:
    enum class Role { Zone, Namespace };

    RegionItem(Role role, const QString &name, const QString &title, const QColor &colour);

    enum { Type = RegionItemType };
    int type() const override { return Type; }

    Role role() const { return m_role; }
    /// The zone's label value, or the namespace ("" for cluster-wide objects, no zone).
    QString name() const { return m_name; }
    void setRect(const QRectF &sceneRect);

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    Role m_role;
    QString m_name;
    QString m_title;
    QColor m_colour;
};

} // namespace app::canvas
