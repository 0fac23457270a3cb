// SPDX-License-Identifier: Apache-2.0
#include "canvas_item.h"

#include "canvas_style.h"
#include "edge_item.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace app::canvas {

namespace {
constexpr double kSelectionMargin = 3;
constexpr double kRadius = 6;
} // namespace

CanvasItem::CanvasItem(document::ObjectUid uid, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_uid(uid)
{
    setAcceptHoverEvents(true);
}

CanvasItem::~CanvasItem()
{
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->forgetEndpoint(this);
}

QRectF CanvasItem::boundingRect() const
{
    return m_rect.adjusted(-kSelectionMargin, -kSelectionMargin, kSelectionMargin, kSelectionMargin);
}

void CanvasItem::setCardSize(const QSizeF &size)
{
    if (m_rect.size() == size)
        return;
    prepareGeometryChange();
    m_rect = QRectF(QPointF(0, 0), size);
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->adjust();
}

void CanvasItem::setStateOverlay(const std::optional<StateOverlay> &overlay)
{
    if (m_overlay == overlay)
        return;
    m_overlay = overlay;
    update();
}

void CanvasItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void CanvasItem::attachEdge(EdgeItem *edge)
{
    m_edges.append(edge);
}

void CanvasItem::detachEdge(EdgeItem *edge)
{
    m_edges.removeOne(edge);
}

void CanvasItem::setHomePos(const QPointF &pos)
{
    m_homePos = pos;
    setPos(pos);
}

bool CanvasItem::isDetailed(const QStyleOptionGraphicsItem *option, const QPainter *painter)
{
    return option->levelOfDetailFromTransform(painter->worldTransform()) >= CanvasStyle::kDetailScale;
}

QVariant CanvasItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    if (change == ItemSelectedHasChanged)
        setZValue(value.toBool() ? 2 : 0); // selected cards on top of their neighbours
    return QGraphicsItem::itemChange(change, value);
}

void CanvasItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    highlightNeighbours(true);
    QGraphicsItem::hoverEnterEvent(event);
}

void CanvasItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    highlightNeighbours(false);
    QGraphicsItem::hoverLeaveEvent(event);
}

void CanvasItem::highlightNeighbours(bool on)
{
    setHighlighted(on);
    for (EdgeItem *edge : std::as_const(m_edges)) {
        edge->setHighlighted(on);
        if (CanvasItem *other = edge->otherEnd(this))
            other->setHighlighted(on);
    }
}

void CanvasItem::paintFrame(QPainter *painter, const QColor &fill, const QColor &stripe,
                            bool detailed, bool dashed) const
{
    if (!detailed) {
        // Far away: one flat rectangle per card, no antialiasing, no text.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(m_rect, isSelected() ? QColor(0x1565c0) : stripe);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen border(isSelected() ? QColor(0x1565c0) : m_highlighted ? QColor(0x42a5f5) : QColor(0xb0bec5),
                isSelected() ? 2.5 : m_highlighted ? 2 : 1);
    if (dashed && !isSelected())
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, kRadius, kRadius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stripe);
    const QRectF bar(m_rect.left() + 1, m_rect.top() + 1, 5, m_rect.height() - 2);
    painter->drawRoundedRect(bar, 2, 2);
}

void CanvasItem::paintOverlay(QPainter *painter, bool detailed) const
{
    if (!m_overlay)
        return;
    if (m_overlay->colour.isValid()) {
        QColor tint = m_overlay->colour;
        tint.setAlpha(detailed ? 70 : 200);
        painter->fillRect(m_rect, tint);
    }
    if (!detailed || m_overlay->text.isEmpty())
        return;
    QFont font = painter->font();
    font.setPointSizeF(7.5);
    font.setBold(true);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const double width = metrics.horizontalAdvance(m_overlay->text) + 10;
    const QRectF badge(m_rect.right() - width - 4, m_rect.bottom() - 16, width, 13);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_overlay->colour.isValid() ? m_overlay->colour : QColor(0x455a64));
    painter->drawRoundedRect(badge, 6, 6);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, m_overlay->text);
}

} // namespace app::canvas
