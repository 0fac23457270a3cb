// SPDX-License-Identifier: Apache-2.0
#include "region_item.h"

#include "canvas_style.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace app::canvas {

RegionItem::RegionItem(Role role, const QString &name, const QString &title, const QColor &colour)
    : CanvasItem(document::kNoObject)
    , m_role(role)
    , m_name(name)
    , m_title(title)
    , m_colour(colour)
{
    setZValue(-10); // behind edges and cards
    setAcceptHoverEvents(false);
    setToolTip(title);
}

void RegionItem::setRect(const QRectF &sceneRect)
{
    setPos(sceneRect.topLeft());
    setCardSize(sceneRect.size());
}

void RegionItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    QGraphicsItem::hoverEnterEvent(event); // regions do not highlight
}

void RegionItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    QGraphicsItem::hoverLeaveEvent(event);
}

void RegionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = cardRect();
    const double scale = option->levelOfDetailFromTransform(painter->worldTransform());
    QColor fill = m_colour;
    fill.setAlpha(m_role == Role::Zone ? 28 : 22);
    painter->setRenderHint(QPainter::Antialiasing, scale >= CanvasStyle::kDetailScale);
    painter->setPen(QPen(m_colour.darker(110), 0, m_role == Role::Zone ? Qt::SolidLine : Qt::DashLine));
    painter->setBrush(fill);
    painter->drawRoundedRect(r, 10, 10);
    paintOverlay(painter, scale >= CanvasStyle::kDetailScale);
    // The title stays readable when zoomed out: it is drawn larger as the scale falls.
    if (scale < 0.08)
        return;
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(scale >= CanvasStyle::kDetailScale ? 10 : 8 / scale);
    painter->setFont(font);
    painter->setPen(m_colour.darker(170));
    const double height = std::min(r.height(), QFontMetricsF(font).height() + 8);
    painter->drawText(QRectF(r.left() + 12, r.top() + 2, r.width() - 24, height),
                      Qt::AlignLeft | Qt::AlignVCenter, m_title);
}

} // namespace app::canvas
