// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auto_layout.h"

#include "document/object_uid.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPixmap>
#include <QSet>
#include <QTimer>

#include <map>

namespace app::document {
class Document;
class DocumentController;
class SelectionModel;
} // namespace app::document

namespace app::canvas {

class CanvasItem;
class EdgeItem;
class NodeItem;
class ObjectItem;
class RegionItem;

/// The canvas as a view of the Document (qmt's DiagramSceneModel role): one card per object,
/// node cards for Nodes and for each node of a NodePool inside their zone, namespace groups,
/// and the edges RelationResolver derives. It never owns data: it re-reads the document on
/// its signals (item by item; the layout, regions and edges once per event-loop turn), writes
/// only through the DocumentController (moves as one undo step), and keeps its selection equal
/// to the shared SelectionModel.
///
/// For the run mode: itemForUid(), nodeItem(), zoneItem() find the items to colour (every
/// CanvasItem takes a StateOverlay) and NodeItem::podArea() is room for pods.
class CanvasScene : public QGraphicsScene
{
    Q_OBJECT

public:
    CanvasScene(document::DocumentController *controller, document::SelectionModel *selection,
                QObject *parent = nullptr);
    ~CanvasScene() override;

    document::DocumentController *controller() const { return m_controller; }
    document::SelectionModel *selectionModel() const { return m_selection; }

    // --- Finding items
    /// The card of an object (for a NodePool, its header card); null if none.
    CanvasItem *itemForUid(document::ObjectUid uid) const { return m_items.value(uid); }
    /// Every item standing for the object: its card and, for a NodePool, its nodes.
    QList<CanvasItem *> itemsForUid(document::ObjectUid uid) const;
    NodeItem *nodeItem(const QString &nodeName) const { return m_nodesByName.value(nodeName); }
    QList<NodeItem *> nodeItems() const { return m_nodesByName.values(); }
    /// A zone's region ("" for nodes without a zone label); null if no node is in it.
    RegionItem *zoneItem(const QString &zone) const;
    /// A namespace's group ("" for cluster-wide objects); null if it has no objects.
    RegionItem *groupItem(const QString &namespaceName) const;
    QList<EdgeItem *> edges() const { return m_edges.values(); }
    int objectItemCount() const { return m_items.size(); }
    /// The card (object or node) under a scene position, if any.
    CanvasItem *cardAt(const QPointF &scenePos) const;
    /// The node card under a scene position, even below other cards.
    NodeItem *nodeAt(const QPointF &scenePos) const;
    /// The zone or namespace region under a scene position, if any.
    RegionItem *regionAt(const QPointF &scenePos, int role) const;

    // --- Actions
    /// Applies pending document changes now (they are otherwise applied once the event loop
    /// turns): positions, regions and edges. Tests and screenshots call it.
    void flush();
    /// Drops every stored position: everything is placed by the auto-layout again, as one
    /// undo step. Returns false if nothing had a stored position.
    bool autoLayout();
    /// Draws "may run on" edges from a workload to the nodes it may be scheduled on (until
    /// hideAllowedNodes() or the next document change).
    void showAllowedNodes(document::ObjectUid workload, const QStringList &nodeNames);
    void hideAllowedNodes();
    int allowedNodeEdgeCount() const { return int(m_allowedEdges.size()); }
    /// The kind's icon at card size, rendered once per scene.
    QPixmap iconFor(const QString &kind);

signals:
    /// The selection was changed elsewhere (object tree, problems): views may scroll to it.
    void selectionChangedElsewhere(document::ObjectUid current);
    /// Layout, regions and edges were brought up to date.
    void refreshed();
    /// Every item was made anew (another project was opened).
    void rebuilt();

protected:
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    enum Dirty { LayoutDirty = 1, EdgesDirty = 2, RegionsDirty = 4 };

    void rebuild();
    void createItemsFor(document::ObjectUid uid);
    void removeItemsOf(document::ObjectUid uid);
    void deleteItem(CanvasItem *item);
    void onObjectChanged(document::ObjectUid uid);
    void onLayoutChanged(document::ObjectUid uid);
    void markDirty(int what);
    void applyPositions();
    void updateRegions();
    void rebuildEdges();
    void clearEdges(QSet<EdgeItem *> &edges);
    void syncSelectionFromScene();
    void syncSelectionFromModel();
    void commitMoves();

    document::DocumentController *m_controller;
    document::Document *m_document;
    document::SelectionModel *m_selection;
    QHash<document::ObjectUid, CanvasItem *> m_items;
    QHash<document::ObjectUid, QList<NodeItem *>> m_poolNodes;
    QHash<QString, NodeItem *> m_nodesByName;
    std::map<QString, RegionItem *> m_zones;
    std::map<QString, RegionItem *> m_groups;
    QSet<EdgeItem *> m_edges;
    QSet<EdgeItem *> m_allowedEdges;
    QHash<QString, QPixmap> m_icons;
    AutoLayoutResult m_auto;
    QTimer m_refreshTimer;
    int m_dirty = 0;
    bool m_syncingSelection = false;
};

} // namespace app::canvas
