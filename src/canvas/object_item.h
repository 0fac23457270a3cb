// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "canvas_item.h"
#include "item_types.h"
#include "object_summary.h"

#include <QPixmap>

namespace app::canvas {

/// The card of one object of the logical layer (workloads, Services, Ingresses, policies,
/// claims, volumes, ConfigMaps, Secrets, ...) and of a NodePool: the kind's icon, the name,
/// one line of detail, a replica badge for workloads, and the namespace's colour on the left.
class ObjectItem : public CanvasItem
{
public:
    explicit ObjectItem(document::ObjectUid uid);

    enum { Type = ObjectItemType };
    int type() const override { return Type; }

    void setSummary(const ObjectSummary &summary, const QPixmap &icon);
    const ObjectSummary &summary() const { return m_summary; }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    ObjectSummary m_summary;
    QPixmap m_icon;
    QColor m_stripe;
    QColor m_accent;
};

} // namespace app::canvas
