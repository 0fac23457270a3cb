// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace app::canvas {

class CanvasScene;
class CanvasView;

/// Where a new object's pods must run, when the user asks for it on drop.
struct PlacementConstraint
{
    enum class Kind { None, Node, Zone };
    Kind kind = Kind::None;
    QString value; ///< the node name or the zone
};

/// What the user does to objects on the canvas, each as one undo step through the
/// DocumentController: create from the palette at the drop position (and, only when asked,
/// pin the pods to the node or zone dropped on), duplicate, delete (with the Edit menu's
/// warning about what refers to the objects), scale, add a node to a zone, show the nodes a
/// workload may run on. Also the context menus.
class CanvasActions : public QObject
{
    Q_OBJECT

public:
    /// Picks one of `choices` (the drop menu); returns its index, or -1 to cancel.
    using Chooser = std::function<int(const QStringList &choices)>;

    CanvasActions(CanvasScene *scene, CanvasView *view);

    /// The window's Duplicate and Delete actions (they act on the selection; Delete warns
    /// about referrers). Without them the canvas duplicates and deletes directly.
    void setEditActions(QAction *duplicate, QAction *remove);
    void setDropChooser(Chooser chooser) { m_choose = std::move(chooser); }

    /// Creates an object of `kind` from its template, its card at `scenePos`, in the namespace
    /// group dropped on (else the selected object's namespace), selected. With a constraint,
    /// its pods get a nodeSelector for that node or zone (a Node gets the zone label).
    document::ObjectUids createFromPalette(const QString &kind, const QPointF &scenePos,
                                           const PlacementConstraint &constraint = {});
    /// A palette drop: asks what to do when dropped on a node or zone, then creates.
    document::ObjectUids dropKind(const QString &kind, const QPointF &scenePos);
    bool scale(document::ObjectUid uid, int replicas);
    /// Adds a Node manifest labelled with the zone, placed by the auto-layout in the zone.
    document::ObjectUid addNodeToZone(const QString &zone);
    /// Draws the "may run on" edges of a workload; returns the node names.
    QStringList showAllowedNodes(document::ObjectUid uid);

    /// The context menu for a scene position (a card, a zone, or empty space).
    QMenu *createContextMenu(const QPointF &scenePos, QWidget *parent);

private:
    document::ObjectUids addObject(const QString &kind, const std::string &namespaceName,
                                   std::optional<QPointF> at, const PlacementConstraint &constraint);
    std::string namespaceAt(const QPointF &scenePos) const;
    void addObjectEntries(QMenu *menu, document::ObjectUid uid);
    void askScale(document::ObjectUid uid);

    CanvasScene *m_scene;
    CanvasView *m_view;
    QAction *m_duplicate = nullptr;
    QAction *m_remove = nullptr;
    Chooser m_choose;
};

} // namespace app::canvas
