// SPDX-License-Identifier: Apache-2.0
// CanvasScene: what is recomputed once per event-loop turn (positions, regions, edges), the
// selection sync and the commit of moves.
#include "canvas_scene.h"

#include "canvas_style.h"
#include "edge_item.h"
#include "node_item.h"
#include "object_item.h"
#include "region_item.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/relation_resolver.h"
#include "document/selection_model.h"

#include <set>
#include <tuple>

namespace app::canvas {

using namespace app::document;
using namespace CanvasStyle;

void CanvasScene::flush()
{
    m_refreshTimer.stop();
    if (m_dirty == 0)
        return;
    const int dirty = m_dirty;
    m_dirty = 0;
    if (dirty & LayoutDirty)
        applyPositions();
    if (dirty & (LayoutDirty | RegionsDirty))
        updateRegions();
    if (dirty & EdgesDirty)
        rebuildEdges();
    setSceneRect(itemsBoundingRect().adjusted(-400, -300, 400, 300));
    emit refreshed();
}

void CanvasScene::applyPositions()
{
    m_auto = AutoLayout::compute(*m_document, ClusterNodes::collect(*m_document));
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (const std::optional<LayoutRecord> record = m_document->layout(it.key()))
            it.value()->setHomePos(record->pos);
        else if (const auto found = m_auto.objects.find(it.key()); found != m_auto.objects.end())
            it.value()->setHomePos(found->second);
    }
    for (const QList<NodeItem *> &nodes : std::as_const(m_poolNodes))
        for (NodeItem *node : nodes)
            node->setHomePos(m_auto.poolNodes.value(node->nodeName()));
}

void CanvasScene::updateRegions()
{
    // A region is the area the auto-layout reserved for it, grown to hold its members
    // wherever the user put them.
    std::map<QString, QRectF> zones;
    for (const auto &[zone, area] : m_auto.zoneAreas)
        zones[zone] = area;
    const QMarginsF margins(kRegionPadding, kRegionHeader, kRegionPadding, kRegionPadding);
    for (NodeItem *node : std::as_const(m_nodesByName)) {
        QRectF &rect = zones[node->zone()];
        const QRectF card = node->sceneCardRect().marginsAdded(margins);
        rect = rect.isNull() ? card : rect.united(card);
    }
    std::map<QString, QRectF> groups;
    for (const auto &[group, area] : m_auto.groupAreas)
        groups[QString::fromStdString(group)] = area;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (it.value()->type() != ObjectItem::Type || m_poolNodes.contains(it.key()))
            continue;
        const auto *item = static_cast<const ObjectItem *>(it.value());
        if (item->summary().kind == "NodePool")
            continue;
        QRectF &rect = groups[item->summary().namespaceName];
        const QRectF card = item->sceneCardRect().marginsAdded(margins);
        rect = rect.isNull() ? card : rect.united(card);
    }
    const auto sync = [this](std::map<QString, RegionItem *> &regions, const std::map<QString, QRectF> &rects,
                             RegionItem::Role role) {
        for (auto it = regions.begin(); it != regions.end();) {
            if (rects.count(it->first)) {
                ++it;
                continue;
            }
            delete it->second;
            it = regions.erase(it);
        }
        for (const auto &[name, rect] : rects) {
            RegionItem *&region = regions[name];
            if (!region) {
                const bool zone = role == RegionItem::Role::Zone;
                const QString title = zone ? (name.isEmpty() ? tr("no zone") : tr("zone %1").arg(name))
                                           : (name.isEmpty() ? tr("cluster-wide") : tr("namespace %1").arg(name));
                const QColor colour = zone ? QColor(0x5c6bc0)
                                           : name.isEmpty() ? QColor(0x90a4ae)
                                                            : namespaceColour(name.toStdString());
                region = new RegionItem(role, name, title, colour);
                addItem(region);
            }
            region->setRect(rect);
        }
    };
    sync(m_zones, zones, RegionItem::Role::Zone);
    sync(m_groups, groups, RegionItem::Role::Namespace);
}

void CanvasScene::clearEdges(QSet<EdgeItem *> &edges)
{
    const QSet<EdgeItem *> doomed = std::exchange(edges, {});
    for (EdgeItem *edge : doomed)
        delete edge;
}

void CanvasScene::rebuildEdges()
{
    clearEdges(m_allowedEdges); // shown on demand for the document as it was
    clearEdges(m_edges);
    std::set<std::tuple<ObjectUid, ObjectUid, int>> seen;
    for (const Relation &r : RelationResolver::resolve(*m_document)) {
        // Every namespaced object is in its Namespace: as edges, that is noise.
        if (r.kind == RelationKind::InNamespace)
            continue;
        CanvasItem *from = m_items.value(r.from);
        CanvasItem *to = m_items.value(r.to);
        if (!from || !to || from == to || !seen.insert({r.from, r.to, int(r.kind)}).second)
            continue;
        const QString tip = tr("%1 %2 %3 (%4)")
                                .arg(m_document->entry(r.from)->identity.displayName(),
                                     RelationResolver::describe(r.kind),
                                     m_document->entry(r.to)->identity.displayName(),
                                     QString::fromStdString(r.field));
        auto *edge = new EdgeItem(from, to, r.kind, tip);
        addItem(edge);
        m_edges.insert(edge);
    }
}

void CanvasScene::showAllowedNodes(ObjectUid workload, const QStringList &nodeNames)
{
    hideAllowedNodes();
    CanvasItem *from = m_items.value(workload);
    if (!from)
        return;
    for (const QString &name : nodeNames) {
        NodeItem *node = m_nodesByName.value(name);
        if (!node)
            continue;
        auto *edge = new EdgeItem(from, node, RelationKind::Uses, tr("may run on %1").arg(name));
        edge->setAllowedNodeEdge(true);
        addItem(edge);
        m_allowedEdges.insert(edge);
    }
}

void CanvasScene::hideAllowedNodes()
{
    clearEdges(m_allowedEdges);
}

bool CanvasScene::autoLayout()
{
    std::vector<std::pair<ObjectUid, std::optional<LayoutRecord>>> records;
    for (const auto &[uid, record] : m_document->layoutRecords())
        records.emplace_back(uid, std::nullopt);
    if (records.empty())
        return false;
    m_controller->setLayout(records, tr("Auto-layout"));
    flush();
    return true;
}

void CanvasScene::syncSelectionFromScene()
{
    if (m_syncingSelection)
        return;
    QSet<ObjectUid> selected;
    for (QGraphicsItem *item : selectedItems())
        if (auto *card = dynamic_cast<CanvasItem *>(item); card && card->uid() != kNoObject)
            selected.insert(card->uid());
    // Keep the order of what stays selected, so that the editors keep their object.
    ObjectUids uids;
    for (ObjectUid uid : m_selection->selection())
        if (selected.remove(uid))
            uids << uid;
    QList<ObjectUid> added(selected.begin(), selected.end());
    std::sort(added.begin(), added.end());
    uids << added;
    // A pool node selects its pool: the sync back shows all of the pool's items selected.
    m_syncingSelection = true;
    m_selection->select(uids);
    m_syncingSelection = false;
}

void CanvasScene::syncSelectionFromModel()
{
    const bool elsewhere = !m_syncingSelection;
    const bool wasSyncing = std::exchange(m_syncingSelection, true);
    for (QGraphicsItem *item : selectedItems())
        if (auto *card = dynamic_cast<CanvasItem *>(item); card && !m_selection->isSelected(card->uid()))
            item->setSelected(false);
    for (ObjectUid uid : m_selection->selection())
        for (CanvasItem *item : itemsForUid(uid))
            item->setSelected(true);
    m_syncingSelection = wasSyncing;
    if (elsewhere && m_selection->current() != kNoObject)
        emit selectionChangedElsewhere(m_selection->current());
}

void CanvasScene::commitMoves()
{
    std::vector<std::pair<ObjectUid, QPointF>> moved;
    for (QGraphicsItem *item : selectedItems()) {
        auto *card = dynamic_cast<CanvasItem *>(item);
        if (!card || card->uid() == kNoObject || !(card->flags() & QGraphicsItem::ItemIsMovable)
            || card->pos() == card->homePos())
            continue;
        // Whole scene units: what the project file stores stays short and stable.
        const QPointF pos(qRound(card->pos().x()), qRound(card->pos().y()));
        card->setPos(pos);
        moved.emplace_back(card->uid(), pos);
    }
    if (!moved.empty())
        m_controller->moveItems(moved, true);
}

} // namespace app::canvas
