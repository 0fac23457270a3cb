// SPDX-License-Identifier: Apache-2.0
#include "minimap_widget.h"

#include "canvas_scene.h"
#include "canvas_view.h"

#include <QMouseEvent>
#include <QPainter>

namespace app::canvas {

namespace {
/// Re-render this long after the last change: edits and drags come in bursts.
constexpr int kRenderDelayMs = 250;
} // namespace

MinimapWidget::MinimapWidget(CanvasView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("canvasMinimap"));
    setMinimumSize(120, 90);
    setCursor(Qt::PointingHandCursor);
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(kRenderDelayMs);
    connect(&m_renderTimer, &QTimer::timeout, this, &MinimapWidget::render);
    CanvasScene *scene = view->canvasScene();
    connect(scene, &QGraphicsScene::changed, &m_renderTimer, qOverload<>(&QTimer::start));
    connect(scene, &CanvasScene::refreshed, &m_renderTimer, qOverload<>(&QTimer::start));
    connect(view, &CanvasView::visibleAreaChanged, this, qOverload<>(&QWidget::update));
    m_renderTimer.start();
}

void MinimapWidget::render()
{
    CanvasScene *scene = m_view->canvasScene();
    scene->flush();
    m_sceneArea = scene->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    const QSizeF available = size();
    if (m_sceneArea.isEmpty() || available.isEmpty()) {
        m_picture = QPixmap();
        update();
        return;
    }
    const QSizeF fitted = m_sceneArea.size().scaled(available, Qt::KeepAspectRatio);
    m_target = QRectF(QPointF((available.width() - fitted.width()) / 2, (available.height() - fitted.height()) / 2),
                      fitted);
    const qreal ratio = devicePixelRatioF();
    m_picture = QPixmap((fitted * ratio).toSize());
    m_picture.setDevicePixelRatio(ratio);
    m_picture.fill(scene->backgroundBrush().color());
    QPainter painter(&m_picture);
    scene->render(&painter, QRectF(QPointF(), fitted), m_sceneArea, Qt::KeepAspectRatio);
    update();
}

void MinimapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xe8ebef));
    if (m_picture.isNull())
        return;
    painter.drawPixmap(m_target.topLeft(), m_picture);
    // The frame of what the view shows.
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const double sx = m_target.width() / m_sceneArea.width();
    const double sy = m_target.height() / m_sceneArea.height();
    const QRectF frame(m_target.left() + (visible.left() - m_sceneArea.left()) * sx,
                       m_target.top() + (visible.top() - m_sceneArea.top()) * sy,
                       visible.width() * sx, visible.height() * sy);
    painter.setPen(QPen(QColor(0x1565c0), 1.5));
    painter.setBrush(QColor(21, 101, 192, 30));
    painter.drawRect(frame.intersected(m_target.adjusted(-1, -1, 1, 1)));
}

void MinimapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_renderTimer.start();
}

void MinimapWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    render(); // at once: a window rendered right after showing has its overview
}

void MinimapWidget::moveViewTo(const QPointF &widgetPos)
{
    if (m_target.isEmpty())
        return;
    const QPointF scenePos(m_sceneArea.left() + (widgetPos.x() - m_target.left()) * m_sceneArea.width() / m_target.width(),
                           m_sceneArea.top() + (widgetPos.y() - m_target.top()) * m_sceneArea.height() / m_target.height());
    m_view->centerOn(scenePos);
    update();
}

void MinimapWidget::mousePressEvent(QMouseEvent *event)
{
    moveViewTo(event->position());
}

void MinimapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

} // namespace app::canvas
