// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QAction;
class QLineEdit;
class QToolBar;

namespace app::document {
class DocumentController;
class SelectionModel;
} // namespace app::document

namespace app::canvas {

class CanvasActions;
class CanvasScene;
class CanvasView;
class MinimapWidget;
class PaletteWidget;

/// The canvas as the window shows it: a tool bar (zoom, fit, 100 %, auto-layout, search)
/// over the view of the scene.
class CanvasWidget : public QWidget
{
    Q_OBJECT

public:
    CanvasWidget(document::DocumentController *controller, document::SelectionModel *selection,
                 QWidget *parent = nullptr);

    CanvasScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }
    QToolBar *toolBar() const { return m_toolBar; }
    QLineEdit *searchField() const { return m_search; }
    QAction *autoLayoutAction() const { return m_autoLayout; }
    CanvasActions *actions() const { return m_actions; }
    /// The palette of kinds and the overview, for the window's docks (owned by `parent`).
    PaletteWidget *createPalette(QWidget *parent);
    MinimapWidget *createMinimap(QWidget *parent);

    /// Selects the objects whose kind, namespace or name contain `text` (case-insensitive;
    /// "kind/name" and "namespace/name" also match) and scrolls to the first. Returns how many.
    int search(const QString &text);

private:
    document::SelectionModel *m_selection;
    CanvasScene *m_scene;
    CanvasView *m_view;
    QToolBar *m_toolBar;
    QLineEdit *m_search;
    QAction *m_autoLayout;
    CanvasActions *m_actions;
};

} // namespace app::canvas
