// SPDX-License-Identifier: Apache-2.0
#include "canvas_widget.h"

#include "canvas_actions.h"
#include "canvas_scene.h"
#include "canvas_view.h"
#include "minimap_widget.h"
#include "palette_widget.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/selection_model.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolBar>
#include <QVBoxLayout>

namespace app::canvas {

using namespace app::document;

CanvasWidget::CanvasWidget(DocumentController *controller, SelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_scene(new CanvasScene(controller, selection, this))
    , m_view(new CanvasView(m_scene, this))
    , m_toolBar(new QToolBar(this))
    , m_search(new QLineEdit(this))
    , m_actions(new CanvasActions(m_scene, m_view))
{
    setObjectName(QStringLiteral("canvas"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *zoomOut = m_toolBar->addAction(tr("−"), m_view, &CanvasView::zoomOut);
    zoomOut->setToolTip(tr("Zoom out (wheel down)"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    auto *zoomLabel = new QLabel(QStringLiteral("100 %"), this);
    zoomLabel->setMinimumWidth(44);
    zoomLabel->setAlignment(Qt::AlignCenter);
    m_toolBar->addWidget(zoomLabel);
    QAction *zoomIn = m_toolBar->addAction(tr("+"), m_view, &CanvasView::zoomIn);
    zoomIn->setToolTip(tr("Zoom in (wheel up)"));
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *fit = m_toolBar->addAction(tr("Fit"), m_view, &CanvasView::zoomToFit);
    fit->setToolTip(tr("Show everything (Ctrl+0)"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *actual = m_toolBar->addAction(tr("100 %"), m_view, &CanvasView::resetZoom);
    actual->setToolTip(tr("Actual size (Ctrl+1)"));
    actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_toolBar->addSeparator();
    m_autoLayout = m_toolBar->addAction(tr("Auto-layout"), m_scene, &CanvasScene::autoLayout);
    m_autoLayout->setToolTip(tr("Place every item automatically again (one undo step)"));
    m_toolBar->addSeparator();
    m_search->setPlaceholderText(tr("Find on canvas (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_toolBar->addWidget(m_search);
    QAction *find = new QAction(tr("Find on Canvas"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    for (QAction *action : {zoomOut, zoomIn, fit, actual})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    connect(m_view, &CanvasView::zoomChanged, zoomLabel,
            [zoomLabel](double zoom) { zoomLabel->setText(QStringLiteral("%1 %").arg(qRound(zoom * 100))); });

    connect(m_view, &CanvasView::kindDropped, m_actions, &CanvasActions::dropKind);
    connect(m_view, &CanvasView::contextMenuRequested, this, [this](const QPointF &scenePos, const QPoint &globalPos) {
        QMenu *menu = m_actions->createContextMenu(scenePos, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(globalPos);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);
}

int CanvasWidget::search(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return 0;
    ObjectUids found;
    for (const ManifestEntry &e : m_scene->controller()->document()->entries()) {
        const QString kind = QString::fromStdString(e.identity.kind);
        const QString ns = QString::fromStdString(e.identity.namespaceName);
        const QString name = QString::fromStdString(e.identity.name);
        const QString haystack = kind + ' ' + kind + '/' + name + ' ' + ns + '/' + name;
        if (haystack.contains(needle, Qt::CaseInsensitive))
            found << e.uid;
    }
    m_selection->select(found);
    if (!found.isEmpty())
        m_view->revealObject(found.first());
    return int(found.size());
}

PaletteWidget *CanvasWidget::createPalette(QWidget *parent)
{
    auto *palette = new PaletteWidget(parent);
    // Double-click: add in the middle of what the view shows.
    connect(palette, &PaletteWidget::kindActivated, m_actions, [this](const QString &kind) {
        m_actions->createFromPalette(kind, m_view->mapToScene(m_view->viewport()->rect().center()));
    });
    return palette;
}

MinimapWidget *CanvasWidget::createMinimap(QWidget *parent)
{
    return new MinimapWidget(m_view, parent);
}

} // namespace app::canvas
