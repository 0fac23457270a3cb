// SPDX-License-Identifier: Apache-2.0
#include "canvas_view.h"

#include "canvas_item.h"
#include "canvas_scene.h"
#include "palette_widget.h"

#include <QContextMenuEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace app::canvas {

CanvasView::CanvasView(CanvasScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setCacheMode(QGraphicsView::CacheBackground);
    // Every item sets the pen, brush, font and hints it draws with, so the view need not save
    // and restore the painter around each of thousands of items.
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    connect(scene, &CanvasScene::selectionChangedElsewhere, this, &CanvasView::revealObject);
    connect(scene, &CanvasScene::rebuilt, this, [this] {
        m_fitPending = true;
        zoomToFit();
    });
}

double CanvasView::zoom() const
{
    return transform().m11();
}

void CanvasView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    emit zoomChanged(zoom);
    emit visibleAreaChanged();
}

void CanvasView::zoomIn()
{
    m_fitPending = false;
    setZoom(zoom() * 1.25);
}

void CanvasView::zoomOut()
{
    m_fitPending = false;
    setZoom(zoom() / 1.25);
}

void CanvasView::zoomToFit()
{
    m_scene->flush();
    const QRectF content = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (content.isEmpty())
        return;
    const QRectF area = viewport()->rect();
    const bool pending = m_fitPending;
    setZoom(std::min({area.width() / content.width(), area.height() / content.height(), 1.0}));
    centerOn(content.center());
    m_fitPending = pending;
}

void CanvasView::resetZoom()
{
    m_fitPending = false;
    setZoom(1.0);
}

void CanvasView::revealObject(document::ObjectUid uid)
{
    if (CanvasItem *item = m_scene->itemForUid(uid))
        ensureVisible(item, 40, 40);
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event); // scroll sideways / up and down
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (qFuzzyIsNull(steps))
        return;
    setZoom(zoom() * std::pow(1.2, steps));
    m_fitPending = false;
    event->accept();
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    m_fitPending = false;
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panStart;
        m_panStart = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitPending)
        zoomToFit();
    emit visibleAreaChanged();
}

void CanvasView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    emit visibleAreaChanged();
}

void CanvasView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(PaletteWidget::kMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void CanvasView::dragMoveEvent(QDragMoveEvent *event)
{
    // Not forwarded to the scene: its items do not take drops.
    if (event->mimeData()->hasFormat(QString::fromLatin1(PaletteWidget::kMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void CanvasView::dropEvent(QDropEvent *event)
{
    const QByteArray kind = event->mimeData()->data(QString::fromLatin1(PaletteWidget::kMimeType));
    if (kind.isEmpty()) {
        QGraphicsView::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    emit kindDropped(QString::fromUtf8(kind), mapToScene(event->position().toPoint()));
}

void CanvasView::contextMenuEvent(QContextMenuEvent *event)
{
    emit contextMenuRequested(mapToScene(event->pos()), event->globalPos());
    event->accept();
}

} // namespace app::canvas
