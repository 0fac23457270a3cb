// SPDX-License-Identifier: Apache-2.0
#include "canvas_actions.h"

#include "canvas_scene.h"
#include "canvas_style.h"
#include "canvas_view.h"
#include "cluster_nodes.h"
#include "node_item.h"
#include "region_item.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/object_fields.h"
#include "document/object_templates.h"
#include "document/object_text.h"
#include "document/scheduling_check.h"
#include "document/selection_model.h"

#include <QCursor>
#include <QInputDialog>
#include <QMenu>
#include <QUndoStack>

namespace app::canvas {

using namespace app::document;

namespace {

/// Kinds whose pods the user scales by replicas (upstream's scale subresource).
bool isScalable(std::string_view kind)
{
    return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet"
           || kind == "ReplicationController";
}

} // namespace

CanvasActions::CanvasActions(CanvasScene *scene, CanvasView *view)
    : QObject(view)
    , m_scene(scene)
    , m_view(view)
{
    m_choose = [this](const QStringList &choices) {
        QMenu menu(m_view);
        for (const QString &choice : choices)
            menu.addAction(choice);
        QAction *chosen = menu.exec(QCursor::pos());
        return chosen ? int(menu.actions().indexOf(chosen)) : -1;
    };
}

void CanvasActions::setEditActions(QAction *duplicate, QAction *remove)
{
    m_duplicate = duplicate;
    m_remove = remove;
}

std::string CanvasActions::namespaceAt(const QPointF &scenePos) const
{
    if (RegionItem *group = m_scene->regionAt(scenePos, int(RegionItem::Role::Namespace));
        group && !group->name().isEmpty())
        return group->name().toStdString();
    const Document *document = m_scene->controller()->document();
    if (const ManifestEntry *current = document->entry(m_scene->selectionModel()->current()))
        return current->identity.namespaceName;
    return {};
}

ObjectUids CanvasActions::addObject(const QString &kind, const std::string &namespaceName,
                                    std::optional<QPointF> at, const PlacementConstraint &constraint)
{
    DocumentController *controller = m_scene->controller();
    const ObjectIdentity identity = ObjectIdentity::fromObject(
        ObjectText::parse(ObjectTemplates::text(kind, ObjectTemplates::suggestedName(kind), namespaceName)).object);
    const std::string text = ObjectTemplates::text(kind, controller->freeName(identity), namespaceName);
    if (text.empty())
        return {};
    const QString label = tr("Add %1").arg(kind);
    // The object and its constraint are one undo step.
    controller->undoStack()->beginMacro(label);
    const ObjectUids uids = controller->addObjectsFromText(text, label, at, false);
    if (uids.size() == 1 && constraint.kind != PlacementConstraint::Kind::None) {
        const ManifestEntry *entry = controller->document()->entry(uids.first());
        const bool zone = constraint.kind == PlacementConstraint::Kind::Zone;
        const QString key = zone ? QString::fromLatin1(ClusterNodes::kZoneLabel)
                                 : QStringLiteral("kubernetes.io/hostname");
        const emu::api::Value value = emu::api::Value::string(constraint.value.toStdString());
        if (entry && entry->hasPodTemplate) {
            const std::string base = ObjectFields::podTemplatePath(entry->identity.kind);
            const QString path = QString::fromStdString(base.empty() ? "spec" : base + ".spec");
            controller->setField(uids.first(), path + ".nodeSelector[" + key + "]", value);
        } else if (entry && entry->identity.kind == "Node" && zone) {
            controller->setField(uids.first(), "metadata.labels[" + key + "]", value);
        }
    }
    controller->undoStack()->endMacro();
    m_scene->selectionModel()->select(uids);
    m_scene->flush();
    return uids;
}

ObjectUids CanvasActions::createFromPalette(const QString &kind, const QPointF &scenePos,
                                            const PlacementConstraint &constraint)
{
    const QSizeF size = kind == "Node" ? CanvasStyle::kNodeSize : CanvasStyle::kObjectSize;
    return addObject(kind, namespaceAt(scenePos), scenePos - QPointF(size.width() / 2, size.height() / 2),
                     constraint);
}

ObjectUids CanvasActions::dropKind(const QString &kind, const QPointF &scenePos)
{
    PlacementConstraint constraint;
    NodeItem *node = m_scene->nodeAt(scenePos);
    RegionItem *zone = m_scene->regionAt(scenePos, int(RegionItem::Role::Zone));
    const bool makesPods = ObjectFields::isWorkloadKind(kind.toStdString()) || kind == "Pod";
    const bool canConstrain = makesPods || kind == "Node";
    if (canConstrain && (node || (zone && !zone->name().isEmpty()))) {
        QStringList choices{tr("Just Place It Here")};
        QList<PlacementConstraint> options{{}};
        if (node && makesPods) {
            choices << tr("Run Its Pods on Node %1 Only").arg(node->nodeName());
            options.append({PlacementConstraint::Kind::Node, node->nodeName()});
        }
        const QString zoneName = node ? node->zone() : zone->name();
        if (!zoneName.isEmpty()) {
            choices << (makesPods ? tr("Keep Its Pods in Zone %1").arg(zoneName)
                                  : tr("Put It in Zone %1").arg(zoneName));
            options.append({PlacementConstraint::Kind::Zone, zoneName});
        }
        const int chosen = m_choose(choices);
        if (chosen < 0 || chosen >= options.size())
            return {};
        constraint = options[chosen];
    }
    return createFromPalette(kind, scenePos, constraint);
}

bool CanvasActions::scale(ObjectUid uid, int replicas)
{
    return m_scene->controller()->setField(uid, QStringLiteral("spec.replicas"),
                                           emu::api::Value::integer(replicas));
}

ObjectUid CanvasActions::addNodeToZone(const QString &zone)
{
    const ObjectUids uids = addObject(QStringLiteral("Node"), {}, std::nullopt,
                                      {PlacementConstraint::Kind::Zone, zone});
    return uids.isEmpty() ? kNoObject : uids.first();
}

QStringList CanvasActions::showAllowedNodes(ObjectUid uid)
{
    QStringList names;
    for (const std::string &name : SchedulingCheck::allowedNodes(*m_scene->controller()->document(), uid))
        names << QString::fromStdString(name);
    m_scene->showAllowedNodes(uid, names);
    return names;
}

void CanvasActions::askScale(ObjectUid uid)
{
    const ManifestEntry *entry = m_scene->controller()->document()->entry(uid);
    if (!entry)
        return;
    const emu::api::Value *replicas = ObjectFields::at(entry->object(), {"spec", "replicas"});
    bool ok = false;
    const int value = QInputDialog::getInt(m_view, tr("Scale"),
                                           tr("Replicas of %1:").arg(entry->identity.displayName()),
                                           int(replicas ? replicas->asInt().value_or(1) : 1), 0, 100000, 1, &ok);
    if (ok)
        scale(uid, value);
}

void CanvasActions::addObjectEntries(QMenu *menu, ObjectUid uid)
{
    const ManifestEntry *entry = m_scene->controller()->document()->entry(uid);
    if (!entry)
        return;
    if (m_duplicate)
        menu->addAction(m_duplicate);
    else
        menu->addAction(tr("Duplicate"), this, [this] {
            m_scene->controller()->duplicateObjects(m_scene->selectionModel()->selection());
        });
    if (m_remove)
        menu->addAction(m_remove);
    else
        menu->addAction(tr("Delete"), this, [this] {
            m_scene->controller()->removeObjects(m_scene->selectionModel()->selection());
        });
    if (isScalable(entry->identity.kind)) {
        menu->addSeparator();
        menu->addAction(tr("Scale…"), this, [this, uid] { askScale(uid); });
    }
    if (entry->hasPodTemplate) {
        menu->addSeparator();
        menu->addAction(tr("Show Allowed Nodes"), this, [this, uid] { showAllowedNodes(uid); });
    }
}

QMenu *CanvasActions::createContextMenu(const QPointF &scenePos, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    CanvasItem *card = m_scene->cardAt(scenePos);
    if (card && card->uid() != kNoObject) {
        if (!m_scene->selectionModel()->isSelected(card->uid()))
            m_scene->selectionModel()->select(card->uid());
        addObjectEntries(menu, card->uid());
    }
    QString zone;
    if (auto *node = dynamic_cast<NodeItem *>(card))
        zone = node->zone();
    else if (RegionItem *region = m_scene->regionAt(scenePos, int(RegionItem::Role::Zone)))
        zone = region->name();
    if (!zone.isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Add Node to Zone %1").arg(zone), this, [this, zone] { addNodeToZone(zone); });
    }
    menu->addSeparator();
    if (m_scene->allowedNodeEdgeCount() > 0)
        menu->addAction(tr("Hide Allowed Nodes"), m_scene, &CanvasScene::hideAllowedNodes);
    menu->addAction(tr("Auto-layout"), m_scene, &CanvasScene::autoLayout);
    menu->addAction(tr("Fit"), m_view, &CanvasView::zoomToFit);
    return menu;
}

} // namespace app::canvas
