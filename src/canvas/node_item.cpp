// SPDX-License-Identifier: Apache-2.0
#include "node_item.h"

#include "canvas_style.h"

#include <QPainter>

namespace app::canvas {

NodeItem::NodeItem(const ClusterNode &node, const QPixmap &icon)
    : CanvasItem(node.uid)
    , m_node(node)
    , m_icon(icon)
{
    // A pool's nodes are not objects of their own: they cannot be moved one by one.
    setFlags(node.fromPool ? GraphicsItemFlags(ItemIsSelectable)
                           : ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setCardSize(CanvasStyle::kNodeSize);
    QString tip = QObject::tr("Node %1").arg(node.name);
    if (!node.zone.isEmpty())
        tip += QObject::tr("\nzone %1").arg(node.zone);
    tip += QObject::tr("\ncapacity: cpu %1, memory %2, pods %3").arg(node.cpu, node.memory, node.pods);
    if (!node.labels.isEmpty())
        tip += QObject::tr("\nlabels:\n  ") + node.labels.join(QStringLiteral("\n  "));
    if (!node.taints.isEmpty())
        tip += QObject::tr("\ntaints:\n  ") + node.taints.join(QStringLiteral("\n  "));
    setToolTip(tip);
}

QRectF NodeItem::podArea() const
{
    const QRectF r = cardRect();
    return QRectF(r.left() + 8, r.top() + 60, r.width() - 16, r.height() - 64);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool detailed = isDetailed(option, painter);
    const QColor accent(0x326ce5);
    if (!detailed) {
        paintFrame(painter, Qt::white, m_node.fromPool ? accent.lighter(140) : accent, false);
        paintOverlay(painter, false);
        return;
    }
    const QRectF r = cardRect();
    paintFrame(painter, QColor(0xf5f8ff), accent, true, m_node.fromPool);
    painter->drawPixmap(QRect(int(r.left() + 11), int(r.top() + 6), 22, 22), m_icon);
    QFont font = painter->font();
    font.setPointSizeF(8.5);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x1a237e));
    const QRectF nameRect(r.left() + 38, r.top() + 6, r.width() - 44, 22);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(m_node.name, Qt::ElideMiddle, nameRect.width()));
    font.setPointSizeF(7);
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(QColor(0x455a64));
    painter->drawText(QRectF(r.left() + 11, r.top() + 29, r.width() - 16, 14), Qt::AlignLeft | Qt::AlignVCenter,
                      QObject::tr("%1 CPU · %2 · %3 pods").arg(m_node.cpu, m_node.memory, m_node.pods));
    QRectF slot(r.left() + 11, r.top() + 45, 0, 13);
    paintMarker(painter, slot, QObject::tr("%n label(s)", nullptr, int(m_node.labels.size())), QColor(0x78909c));
    if (!m_node.taints.isEmpty())
        paintMarker(painter, slot, QObject::tr("%n taint(s)", nullptr, int(m_node.taints.size())),
                    QColor(0xef6c00));
    paintOverlay(painter, true);
}

void NodeItem::paintMarker(QPainter *painter, QRectF &slot, const QString &text, const QColor &colour) const
{
    const QFontMetricsF metrics(painter->font());
    slot.setWidth(metrics.horizontalAdvance(text) + 10);
    painter->setPen(QPen(colour, 1));
    painter->setBrush(colour.lighter(185));
    painter->drawRoundedRect(slot, 6, 6);
    painter->setPen(colour.darker(140));
    painter->drawText(slot, Qt::AlignCenter, text);
    slot.moveLeft(slot.right() + 4);
}

} // namespace app::canvas
