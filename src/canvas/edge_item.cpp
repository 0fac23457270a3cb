// SPDX-License-Identifier: Apache-2.0
#include "edge_item.h"

#include "canvas_item.h"
#include "canvas_style.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace app::canvas {

using document::RelationKind;

namespace {

constexpr double kArrowSize = 8;
constexpr double kHiddenBelowScale = 0.15;

/// Where the line from the card's centre towards `towards` leaves the card.
QPointF borderPoint(const QRectF &card, const QPointF &towards)
{
    const QPointF c = card.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const double tx = qFuzzyIsNull(d.x()) ? 1e9 : (card.width() / 2) / std::abs(d.x());
    const double ty = qFuzzyIsNull(d.y()) ? 1e9 : (card.height() / 2) / std::abs(d.y());
    return c + d * std::min({tx, ty, 1.0});
}

QColor colourOf(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Selects: return QColor(0x1e88e5);
    case RelationKind::RoutesTo: return QColor(0x7e57c2);
    case RelationKind::Mounts: return QColor(0x6d4c41);
    case RelationKind::References: return QColor(0xfb8c00);
    case RelationKind::Scales: return QColor(0xf4511e);
    case RelationKind::Governs: return QColor(0x43a047);
    case RelationKind::Targets: return QColor(0xe53935);
    default: return QColor(0x78909c);
    }
}

} // namespace

EdgeItem::EdgeItem(CanvasItem *from, CanvasItem *to, RelationKind kind, const QString &toolTip)
    : m_from(from)
    , m_to(to)
    , m_kind(kind)
{
    setZValue(-1); // under the cards, over the regions
    setToolTip(toolTip);
    setAcceptHoverEvents(false);
    m_from->attachEdge(this);
    m_to->attachEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    if (m_from)
        m_from->detachEdge(this);
    if (m_to)
        m_to->detachEdge(this);
}

void EdgeItem::forgetEndpoint(CanvasItem *end)
{
    if (m_from == end)
        m_from = nullptr;
    if (m_to == end)
        m_to = nullptr;
    hide();
}

void EdgeItem::adjust()
{
    if (!m_from || !m_to)
        return;
    const QRectF a = m_from->sceneCardRect();
    const QRectF b = m_to->sceneCardRect();
    const QLineF line(borderPoint(a, b.center()), borderPoint(b, a.center()));
    if (line == m_line)
        return;
    prepareGeometryChange();
    m_line = line;
}

void EdgeItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    setZValue(highlighted ? 1 : -1);
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-kArrowSize, -kArrowSize,
                                                                   kArrowSize, kArrowSize);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_line.isNull())
        return;
    // Far out, thousands of arrows are noise that costs a frame: only hovered ones are drawn.
    if (!m_highlighted && option->levelOfDetailFromTransform(painter->worldTransform()) < kHiddenBelowScale)
        return;
    const bool detailed = CanvasItem::isDetailed(option, painter);
    QColor colour = m_allowedNode ? QColor(0x2e7d32) : colourOf(m_kind);
    if (!m_highlighted)
        colour.setAlpha(detailed ? 170 : 90);
    QPen pen(colour, m_highlighted ? 2.5 : 1.3);
    if (!detailed)
        pen.setWidth(0); // cosmetic: one pixel whatever the zoom
    if (m_allowedNode)
        pen.setStyle(Qt::DotLine);
    else if (m_kind == RelationKind::Mounts || m_kind == RelationKind::References
        || m_kind == RelationKind::Uses || m_kind == RelationKind::Binds)
        pen.setStyle(Qt::DashLine);
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setPen(pen);
    painter->drawLine(m_line);
    if (!detailed)
        return;
    // Arrow head at the target.
    const double angle = std::atan2(-m_line.dy(), m_line.dx());
    const QPointF tip = m_line.p2();
    const QPointF left = tip - QPointF(std::sin(angle + M_PI / 3) * kArrowSize,
                                       std::cos(angle + M_PI / 3) * kArrowSize);
    const QPointF right = tip - QPointF(std::sin(angle + M_PI - M_PI / 3) * kArrowSize,
                                        std::cos(angle + M_PI - M_PI / 3) * kArrowSize);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(QPolygonF({tip, left, right}));
}

} // namespace app::canvas
