// SPDX-License-Identifier: Apache-2.0
#include "object_item.h"

#include "canvas_style.h"

#include <QPainter>

namespace app::canvas {

ObjectItem::ObjectItem(document::ObjectUid uid)
    : CanvasItem(uid)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setCardSize(CanvasStyle::kObjectSize);
}

void ObjectItem::setSummary(const ObjectSummary &summary, const QPixmap &icon)
{
    m_summary = summary;
    m_icon = icon;
    m_accent = summary.broken ? QColor(0xe53935) : CanvasStyle::kindColour(summary.kind.toStdString());
    m_stripe = summary.namespaceName.isEmpty()
                   ? QColor(0x90a4ae)
                   : CanvasStyle::namespaceColour(summary.namespaceName.toStdString());
    QString tip = summary.kind + QStringLiteral(" ")
                  + (summary.namespaceName.isEmpty() ? summary.name : summary.namespaceName + '/' + summary.name);
    if (!summary.detail.isEmpty())
        tip += QStringLiteral("\n") + summary.detail;
    setToolTip(tip);
    update();
}

void ObjectItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool detailed = isDetailed(option, painter);
    const QRectF r = cardRect();
    if (!detailed) {
        paintFrame(painter, Qt::white, m_accent, false);
        paintOverlay(painter, false);
        return;
    }
    paintFrame(painter, m_summary.broken ? QColor(0xffebee) : QColor(0xfcfdfe), m_stripe, true);
    const QRectF iconRect(r.left() + 12, r.top() + (r.height() - 32) / 2, 32, 32);
    painter->drawPixmap(iconRect.toRect(), m_icon);

    const double textLeft = iconRect.right() + 8;
    const double badgeWidth = m_summary.badge.isEmpty() ? 0 : 30;
    const double textWidth = r.right() - textLeft - 6 - badgeWidth;
    QFont font = painter->font();
    font.setPointSizeF(7);
    painter->setFont(font);
    painter->setPen(m_accent.darker(130));
    painter->drawText(QRectF(textLeft, r.top() + 5, textWidth, 14), Qt::AlignLeft | Qt::AlignVCenter,
                      m_summary.kind);
    font.setPointSizeF(9);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x263238));
    const QFontMetricsF bold(font);
    painter->drawText(QRectF(textLeft, r.top() + 19, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      bold.elidedText(m_summary.name, Qt::ElideMiddle, textWidth));
    font.setPointSizeF(7);
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(QColor(0x607d8b));
    const QFontMetricsF small(font);
    painter->drawText(QRectF(textLeft, r.top() + 38, r.right() - textLeft - 6, 14),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(m_summary.detail, Qt::ElideRight, r.right() - textLeft - 6));
    if (!m_summary.badge.isEmpty()) {
        // The replica badge: how many pods the workload asks for.
        const QRectF badge(r.right() - badgeWidth - 4, r.top() + 6, badgeWidth, 18);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_accent);
        painter->drawRoundedRect(badge, 9, 9);
        font.setPointSizeF(8);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, m_summary.badge);
    }
    paintOverlay(painter, true);
}

} // namespace app::canvas
