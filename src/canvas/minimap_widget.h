// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace app::canvas {

class CanvasView;

/// An overview of the whole canvas with the part the view shows framed; click or drag in it
/// to move the view there. The scene is rendered into a picture once it settles (not on
/// every scroll), so the overview costs nothing while panning a large cluster.
class MinimapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit MinimapWidget(CanvasView *view, QWidget *parent = nullptr);

    QSize sizeHint() const override { return QSize(240, 180); }
    /// The scene rectangle the overview shows and where it is drawn in the widget.
    QRectF sceneArea() const { return m_sceneArea; }
    QRectF targetArea() const { return m_target; }
    /// Centres the view on the scene point under a widget position.
    void moveViewTo(const QPointF &widgetPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void render();

    CanvasView *m_view;
    QPixmap m_picture;
    QRectF m_sceneArea;
    QRectF m_target;
    QTimer m_renderTimer;
};

} // namespace app::canvas
