// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "state_overlay.h"

#include "document/object_uid.h"

#include <QGraphicsItem>
#include <QList>

#include <optional>

class QStyleOptionGraphicsItem;

namespace app::canvas {

class EdgeItem;

/// The base of everything drawn for the document: a card or region with the object it stands
/// for (kNoObject for zones and namespace groups), the derived edges attached to it, hover
/// highlighting and an optional run-time state overlay.
///
/// Items never own data: the scene re-reads the document and calls their update functions.
class CanvasItem : public QGraphicsItem
{
public:
    explicit CanvasItem(document::ObjectUid uid, QGraphicsItem *parent = nullptr);
    ~CanvasItem() override;

    document::ObjectUid uid() const { return m_uid; }
    QRectF boundingRect() const override;
    /// The card's rectangle in item coordinates (the bounding rect minus the selection margin).
    QRectF cardRect() const { return m_rect; }
    QRectF sceneCardRect() const { return mapRectToScene(m_rect); }

    void setStateOverlay(const std::optional<StateOverlay> &overlay);
    const std::optional<StateOverlay> &stateOverlay() const { return m_overlay; }

    /// Highlighted: hovered, or at the other end of a hovered item's edge.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    void attachEdge(EdgeItem *edge);
    void detachEdge(EdgeItem *edge);
    const QList<EdgeItem *> &edges() const { return m_edges; }

    /// Where the document puts the item (its stored or automatic position); an item the user
    /// dragged differs from it until the move is committed.
    QPointF homePos() const { return m_homePos; }
    void setHomePos(const QPointF &pos);

    /// Whether to draw text and icons at the painter's current scale (level of detail).
    static bool isDetailed(const QStyleOptionGraphicsItem *option, const QPainter *painter);

protected:
    void setCardSize(const QSizeF &size);
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    /// The card's frame: fill, a stripe in `stripe` on the left, selection and hover outline.
    void paintFrame(QPainter *painter, const QColor &fill, const QColor &stripe, bool detailed,
                    bool dashed = false) const;
    /// The overlay: a tint over the card and its text in a badge at the bottom right.
    void paintOverlay(QPainter *painter, bool detailed) const;

private:
    void highlightNeighbours(bool on);

    document::ObjectUid m_uid;
    QRectF m_rect;
    QPointF m_homePos;
    QList<EdgeItem *> m_edges;
    std::optional<StateOverlay> m_overlay;
    bool m_highlighted = false;
};

} // namespace app::canvas
