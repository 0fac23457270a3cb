// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QGraphicsView>

namespace app::canvas {

class CanvasScene;

/// The canvas's view: zoom with the wheel (around the mouse), fit and 100 %, pan with the
/// middle button or the scroll bars, rubber-band selection with the left button on empty
/// space, and scrolling to what is selected elsewhere.
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit CanvasView(CanvasScene *scene, QWidget *parent = nullptr);

    CanvasScene *canvasScene() const { return m_scene; }
    double zoom() const;
    /// Sets the scale (1 = 100 %), kept within [kMinZoom, kMaxZoom].
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    /// Shows everything (at most at 100 %).
    void zoomToFit();
    void resetZoom();
    /// Scrolls so that the object's card is visible.
    void revealObject(document::ObjectUid uid);

    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 4.0;

signals:
    void zoomChanged(double zoom);
    /// A palette kind was dropped at a scene position.
    void kindDropped(const QString &kind, const QPointF &scenePos);
    /// The user asked for the context menu at a scene position.
    void contextMenuRequested(const QPointF &scenePos, const QPoint &globalPos);
    /// The visible part of the scene changed (scroll, zoom, resize): for the minimap.
    void visibleAreaChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    CanvasScene *m_scene;
    QPoint m_panStart;
    bool m_panning = false;
    /// A project was just opened: fit it to the view until the user zooms or scrolls.
    bool m_fitPending = true;
};

} // namespace app::canvas
