// SPDX-License-Identifier: Apache-2.0
#include "canvas_scene.h"

#include "cluster_nodes.h"
#include "edge_item.h"
#include "node_item.h"
#include "object_item.h"
#include "region_item.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/selection_model.h"
#include "panels/kind_icon.h"

#include <QGraphicsSceneMouseEvent>

namespace app::canvas {

using namespace app::document;

CanvasScene::CanvasScene(DocumentController *controller, SelectionModel *selection, QObject *parent)
    : QGraphicsScene(parent)
    , m_controller(controller)
    , m_document(controller->document())
    , m_selection(selection)
{
    setBackgroundBrush(QColor(0xf4f6f8));
    // Many moving items: the BSP index is rebuilt lazily, which is what we want while
    // dragging; its depth is left to Qt.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CanvasScene::flush);
    connect(m_document, &Document::modelReset, this, &CanvasScene::rebuild);
    connect(m_document, &Document::objectAdded, this, [this](ObjectUid uid) {
        createItemsFor(uid);
        markDirty(LayoutDirty | EdgesDirty);
    });
    connect(m_document, &Document::objectAboutToBeRemoved, this, [this](ObjectUid uid) {
        removeItemsOf(uid);
        markDirty(LayoutDirty | EdgesDirty);
    });
    connect(m_document, &Document::objectChanged, this, &CanvasScene::onObjectChanged);
    connect(m_document, &Document::layoutChanged, this, &CanvasScene::onLayoutChanged);
    connect(this, &QGraphicsScene::selectionChanged, this, &CanvasScene::syncSelectionFromScene);
    connect(m_selection, &SelectionModel::selectionChanged, this, &CanvasScene::syncSelectionFromModel);
    rebuild();
}

CanvasScene::~CanvasScene()
{
    // Deleting selected items changes the selection, and the SelectionModel may be gone
    // already: the items go now, while this scene can still ignore that. Edges first: they
    // refer to their endpoints.
    m_syncingSelection = true;
    m_refreshTimer.stop();
    clearEdges(m_allowedEdges);
    clearEdges(m_edges);
    clear();
}

QList<CanvasItem *> CanvasScene::itemsForUid(ObjectUid uid) const
{
    QList<CanvasItem *> out;
    if (CanvasItem *item = m_items.value(uid))
        out << item;
    for (NodeItem *node : m_poolNodes.value(uid))
        out << node;
    return out;
}

RegionItem *CanvasScene::zoneItem(const QString &zone) const
{
    const auto it = m_zones.find(zone);
    return it == m_zones.end() ? nullptr : it->second;
}

RegionItem *CanvasScene::groupItem(const QString &namespaceName) const
{
    const auto it = m_groups.find(namespaceName);
    return it == m_groups.end() ? nullptr : it->second;
}

CanvasItem *CanvasScene::cardAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == ObjectItem::Type || item->type() == NodeItem::Type)
            return static_cast<CanvasItem *>(item);
    }
    return nullptr;
}

NodeItem *CanvasScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item);
    return nullptr;
}

RegionItem *CanvasScene::regionAt(const QPointF &scenePos, int role) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() != RegionItem::Type)
            continue;
        auto *region = static_cast<RegionItem *>(item);
        if (int(region->role()) == role)
            return region;
    }
    return nullptr;
}

QPixmap CanvasScene::iconFor(const QString &kind)
{
    auto it = m_icons.find(kind);
    if (it == m_icons.end())
        it = m_icons.insert(kind, panels::kindIcon(kind).pixmap(QSize(64, 64)));
    return *it;
}

void CanvasScene::rebuild()
{
    m_refreshTimer.stop();
    clearEdges(m_allowedEdges);
    clearEdges(m_edges);
    m_syncingSelection = true;
    clear();
    m_syncingSelection = false;
    m_items.clear();
    m_poolNodes.clear();
    m_nodesByName.clear();
    m_zones.clear();
    m_groups.clear();
    for (const ManifestEntry &entry : m_document->entries())
        createItemsFor(entry.uid);
    m_dirty = LayoutDirty | EdgesDirty | RegionsDirty;
    flush();
    syncSelectionFromModel();
    emit rebuilt();
}

void CanvasScene::createItemsFor(ObjectUid uid)
{
    const ManifestEntry *entry = m_document->entry(uid);
    if (!entry)
        return;
    const bool selected = m_selection->isSelected(uid);
    m_syncingSelection = true;
    if (entry->identity.kind == "Node" && ClusterNodes::drawsNodes(*entry)) {
        const std::vector<ClusterNode> nodes = ClusterNodes::ofEntry(*entry);
        auto *item = new NodeItem(nodes.front(), iconFor(QStringLiteral("Node")));
        addItem(item);
        item->setSelected(selected);
        m_items.insert(uid, item);
        m_nodesByName.insert(item->nodeName(), item);
    } else {
        auto *item = new ObjectItem(uid);
        const ObjectSummary summary = ObjectSummary::of(*entry);
        item->setSummary(summary, iconFor(summary.broken ? QStringLiteral("unknown") : summary.kind));
        addItem(item);
        item->setSelected(selected);
        m_items.insert(uid, item);
        QList<NodeItem *> &poolNodes = m_poolNodes[uid];
        for (const ClusterNode &node : ClusterNodes::ofEntry(*entry)) {
            auto *nodeItem = new NodeItem(node, iconFor(QStringLiteral("Node")));
            addItem(nodeItem);
            nodeItem->setSelected(selected);
            poolNodes.append(nodeItem);
            m_nodesByName.insert(node.name, nodeItem);
        }
        if (poolNodes.isEmpty())
            m_poolNodes.remove(uid);
    }
    m_syncingSelection = false;
}

void CanvasScene::removeItemsOf(ObjectUid uid)
{
    for (CanvasItem *item : itemsForUid(uid))
        deleteItem(item);
    m_items.remove(uid);
    m_poolNodes.remove(uid);
}

void CanvasScene::deleteItem(CanvasItem *item)
{
    for (EdgeItem *edge : QList<EdgeItem *>(item->edges())) {
        m_edges.remove(edge);
        m_allowedEdges.remove(edge);
        delete edge;
    }
    if (item->type() == NodeItem::Type) {
        const QString name = static_cast<NodeItem *>(item)->nodeName();
        if (m_nodesByName.value(name) == item)
            m_nodesByName.remove(name);
    }
    m_syncingSelection = true; // removal of an object is not a selection change by the user
    delete item;
    m_syncingSelection = false;
}

void CanvasScene::onObjectChanged(ObjectUid uid)
{
    const ManifestEntry *entry = m_document->entry(uid);
    CanvasItem *item = m_items.value(uid);
    if (!entry || !item)
        return;
    if (item->type() == ObjectItem::Type && !ClusterNodes::drawsNodes(*entry)
        && !m_poolNodes.contains(uid)) {
        // The common case, cheap: the card re-reads its object in place.
        const ObjectSummary summary = ObjectSummary::of(*entry);
        static_cast<ObjectItem *>(item)->setSummary(
            summary, iconFor(summary.broken ? QStringLiteral("unknown") : summary.kind));
    } else {
        // Nodes and pools: their nodes, names and zones may have changed.
        removeItemsOf(uid);
        createItemsFor(uid);
    }
    markDirty(LayoutDirty | EdgesDirty);
}

void CanvasScene::onLayoutChanged(ObjectUid uid)
{
    CanvasItem *item = m_items.value(uid);
    const std::optional<LayoutRecord> record = m_document->layout(uid);
    if (item && record)
        item->setHomePos(record->pos);
    // Without a record the item goes back to the automatic place, and other automatic
    // items may close the gap or make room.
    markDirty(record ? RegionsDirty : LayoutDirty);
}

void CanvasScene::markDirty(int what)
{
    m_dirty |= what;
    m_refreshTimer.start();
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        commitMoves();
}

} // namespace app::canvas
