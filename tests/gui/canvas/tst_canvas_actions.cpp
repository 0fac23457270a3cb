// SPDX-License-Identifier: Apache-2.0
// Editing on the canvas: palette drops (with scheduling constraints only when asked), scale,
// add node to zone, allowed nodes, context menus, overview. Each edit is one undo step.
#include "canvas/canvas_actions.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/canvas_widget.h"
#include "canvas/edge_item.h"
#include "canvas/minimap_widget.h"
#include "canvas/node_item.h"
#include "canvas/object_item.h"
#include "canvas/palette_widget.h"
#include "canvas/region_item.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/object_fields.h"
#include "document/selection_model.h"

#include <QMenu>
#include <QMimeData>
#include <QUndoStack>
#include <QtTest>

using namespace app::canvas;
using namespace app::document;

namespace {

QString demoPath()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
}

struct Fixture
{
    Document document;
    DocumentController controller{&document};
    SelectionModel selection{&document};
    CanvasWidget canvas{&controller, &selection};
    std::string original;

    Fixture()
    {
        if (controller.openProject(demoPath()))
            original = document.toProjectText();
    }
    CanvasScene *scene() { return canvas.scene(); }
    CanvasActions *actions() { return canvas.actions(); }
    QUndoStack *undo() { return controller.undoStack(); }
    std::string field(ObjectUid uid, std::initializer_list<std::string_view> path)
    {
        return ObjectFields::text(ObjectFields::at(document.entry(uid)->object(), path));
    }
};

QStringList menuTexts(QMenu *menu)
{
    QStringList out;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            out << a->text();
    return out;
}

} // namespace

class TestCanvasActions : public QObject
{
    Q_OBJECT

private slots:
    void paletteCreatesAtTheDropPositionAsOneUndoStep();
    void dropOnANodeAsksBeforePinning();
    void dropOnAZoneCanKeepPodsInTheZone();
    void dropThroughTheView();
    void scaleSetsReplicas();
    void addNodeToZone();
    void allowedNodesFollowTheScheduler();
    void contextMenus();
    void paletteListsTemplateKinds();
    void minimapMovesTheView();
};

void TestCanvasActions::paletteCreatesAtTheDropPositionAsOneUndoStep()
{
    Fixture f;
    QVERIFY(!f.original.empty());
    const QPointF drop = f.scene()->groupItem("shop")->sceneCardRect().center();
    const ObjectUids uids = f.actions()->createFromPalette("Deployment", drop);
    QCOMPARE(uids.size(), 1);
    const ManifestEntry *entry = f.document.entry(uids.first());
    QCOMPARE(entry->identity.kind, std::string("Deployment"));
    QCOMPARE(entry->identity.namespaceName, std::string("shop")); // the group dropped on
    QCOMPARE(entry->identity.name, std::string("web-copy"));      // "web" is taken
    QVERIFY(f.document.layout(uids.first()));
    QCOMPARE(f.scene()->itemForUid(uids.first())->sceneCardRect().center(), drop);
    QCOMPARE(f.selection.selection(), uids);
    QCOMPARE(f.undo()->count(), 1);
    f.undo()->undo();
    QCOMPARE(f.document.toProjectText(), f.original);
    QVERIFY(!f.scene()->itemForUid(uids.first()));
}

void TestCanvasActions::dropOnANodeAsksBeforePinning()
{
    Fixture f;
    const QPointF onNode = f.scene()->nodeItem("worker-0")->sceneCardRect().center();
    QStringList offered;
    int answer = 0;
    f.actions()->setDropChooser([&](const QStringList &choices) {
        offered = choices;
        return answer;
    });
    // "Just place it here": no constraint.
    ObjectUids uids = f.actions()->dropKind("Deployment", onNode);
    QCOMPARE(offered.size(), 3);
    QVERIFY(offered[1].contains("worker-0"));
    QVERIFY(offered[2].contains("zone-a"));
    QCOMPARE(uids.size(), 1);
    QVERIFY(f.field(uids.first(), {"spec", "template", "spec", "nodeSelector"}).empty());
    // Pinned to the node, still one undo step.
    answer = 1;
    const int steps = f.undo()->count();
    uids = f.actions()->dropKind("Deployment", onNode);
    QCOMPARE(f.undo()->count(), steps + 1);
    QCOMPARE(f.field(uids.first(), {"spec", "template", "spec", "nodeSelector", "kubernetes.io/hostname"}),
             std::string("worker-0"));
    // Cancelled: nothing.
    answer = -1;
    QVERIFY(f.actions()->dropKind("Deployment", onNode).isEmpty());
    QCOMPARE(f.undo()->count(), steps + 1);
    f.undo()->undo();
    f.undo()->undo();
    QCOMPARE(f.document.toProjectText(), f.original);
    // Kinds without pods are placed without asking.
    offered.clear();
    QCOMPARE(f.actions()->dropKind("ConfigMap", onNode).size(), 1);
    QVERIFY(offered.isEmpty());
}

void TestCanvasActions::dropOnAZoneCanKeepPodsInTheZone()
{
    Fixture f;
    RegionItem *zone = f.scene()->zoneItem("zone-c");
    const QPointF onZone = zone->sceneCardRect().topLeft() + QPointF(6, 6); // the title, no node
    f.actions()->setDropChooser([](const QStringList &choices) { return int(choices.size()) - 1; });
    ObjectUids uids = f.actions()->dropKind("CronJob", onZone);
    QCOMPARE(uids.size(), 1);
    QCOMPARE(f.field(uids.first(), {"spec", "jobTemplate", "spec", "template", "spec", "nodeSelector",
                                    "topology.kubernetes.io/zone"}),
             std::string("zone-c"));
    // A Node dropped on a zone joins it.
    uids = f.actions()->dropKind("Node", onZone);
    QCOMPARE(f.field(uids.first(), {"metadata", "labels", "topology.kubernetes.io/zone"}), std::string("zone-c"));
    QCOMPARE(f.scene()->nodeItem(QString::fromStdString(f.document.entry(uids.first())->identity.name))->zone(),
             QString("zone-c"));
}

void TestCanvasActions::dropThroughTheView()
{
    Fixture f;
    f.canvas.resize(800, 600);
    f.canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.canvas));
    CanvasView *view = f.canvas.view();
    const QPointF target = f.scene()->groupItem("shop")->sceneCardRect().center();
    view->centerOn(target);
    const QPoint at = view->mapFromScene(target);
    QMimeData data;
    data.setData(PaletteWidget::kMimeType, "ConfigMap");
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
    const ObjectUid added = f.document.find("ConfigMap", "shop", "settings");
    QVERIFY(added != kNoObject);
    QVERIFY((f.scene()->itemForUid(added)->sceneCardRect().center() - target).manhattanLength() < 2);
}

void TestCanvasActions::scaleSetsReplicas()
{
    Fixture f;
    const ObjectUid web = f.document.find("Deployment", "shop", "web");
    QVERIFY(f.actions()->scale(web, 6));
    QCOMPARE(f.field(web, {"spec", "replicas"}), std::string("6"));
    QCOMPARE(qgraphicsitem_cast<ObjectItem *>(f.scene()->itemForUid(web))->summary().badge, QString("6"));
    f.undo()->undo();
    QCOMPARE(f.document.toProjectText(), f.original);
}

void TestCanvasActions::addNodeToZone()
{
    Fixture f;
    const ObjectUid node = f.actions()->addNodeToZone("zone-b");
    QVERIFY(node != kNoObject);
    QCOMPARE(f.undo()->count(), 1);
    NodeItem *item = qgraphicsitem_cast<NodeItem *>(f.scene()->itemForUid(node));
    QVERIFY(item);
    QCOMPARE(item->zone(), QString("zone-b"));
    QVERIFY(f.scene()->zoneItem("zone-b")->sceneCardRect().contains(item->sceneCardRect()));
    QVERIFY(!f.document.layout(node)); // placed by the auto-layout, in the zone's grid
    f.undo()->undo();
    QCOMPARE(f.document.toProjectText(), f.original);
}

void TestCanvasActions::allowedNodesFollowTheScheduler()
{
    Fixture f;
    const ObjectUid web = f.document.find("Deployment", "shop", "web");
    // No constraint: all six pool nodes fit (4 CPU each, 250m asked).
    QCOMPARE(f.actions()->showAllowedNodes(web).size(), 6);
    QCOMPARE(f.scene()->allowedNodeEdgeCount(), 6);
    QVERIFY(f.controller.setField(web, "spec.template.spec.nodeSelector[topology.kubernetes.io/zone]",
                                  emu::api::Value::string("zone-a")));
    f.scene()->flush();
    QCOMPARE(f.scene()->allowedNodeEdgeCount(), 0); // shown for the document as it was
    QCOMPARE(f.actions()->showAllowedNodes(web), (QStringList{"worker-0", "worker-3"}));
    // Too big for any node: none.
    QVERIFY(f.controller.setField(web, "spec.template.spec.containers[0].resources.requests.cpu",
                                  emu::api::Value::string("64")));
    QVERIFY(f.actions()->showAllowedNodes(web).isEmpty());
    f.scene()->hideAllowedNodes();
    QCOMPARE(f.scene()->allowedNodeEdgeCount(), 0);
}

void TestCanvasActions::contextMenus()
{
    Fixture f;
    QAction duplicate("Duplicate"), remove("Delete");
    f.actions()->setEditActions(&duplicate, &remove);
    const ObjectUid web = f.document.find("Deployment", "shop", "web");
    std::unique_ptr<QMenu> menu(f.actions()->createContextMenu(f.scene()->itemForUid(web)->sceneCardRect().center(), nullptr));
    QStringList texts = menuTexts(menu.get());
    QVERIFY2(texts.contains("Duplicate") && texts.contains("Delete") && texts.contains("Scale…")
                 && texts.contains("Show Allowed Nodes"), qPrintable(texts.join(',')));
    QCOMPARE(f.selection.selection(), ObjectUids{web}); // right-click selects
    const ObjectUid svc = f.document.find("Service", "shop", "web");
    menu.reset(f.actions()->createContextMenu(f.scene()->itemForUid(svc)->sceneCardRect().center(), nullptr));
    QVERIFY(!menuTexts(menu.get()).contains("Scale…"));
    menu.reset(f.actions()->createContextMenu(f.scene()->nodeItem("worker-1")->sceneCardRect().center(), nullptr));
    QVERIFY(menuTexts(menu.get()).contains("Add Node to Zone zone-b"));
    menu.reset(f.actions()->createContextMenu(QPointF(-5000, -5000), nullptr));
    QVERIFY(menuTexts(menu.get()).contains("Auto-layout"));
    // Without the window's actions the canvas deletes directly.
    f.actions()->setEditActions(nullptr, nullptr);
    menu.reset(f.actions()->createContextMenu(f.scene()->itemForUid(svc)->sceneCardRect().center(), nullptr));
    for (QAction *a : menu->actions())
        if (a->text() == "Delete")
            a->trigger();
    QCOMPARE(f.document.find("Service", "shop", "web"), kNoObject);
    QVERIFY(!f.scene()->itemForUid(svc));
}

void TestCanvasActions::paletteListsTemplateKinds()
{
    Fixture f;
    std::unique_ptr<PaletteWidget> palette(f.canvas.createPalette(nullptr));
    QVERIFY(palette->count() >= 20);
    QListWidgetItem *deployment = palette->findItems("Deployment", Qt::MatchExactly).value(0);
    QVERIFY(deployment);
    std::unique_ptr<QMimeData> data(palette->model()->mimeData({palette->indexFromItem(deployment)}));
    QCOMPARE(data->data(PaletteWidget::kMimeType), QByteArray("Deployment"));
    // Double-click adds in the middle of the view.
    emit palette->itemActivated(deployment);
    QCOMPARE(f.document.uidsOfKind("Deployment").size(), 2);
    QCOMPARE(f.undo()->count(), 1);
}

void TestCanvasActions::minimapMovesTheView()
{
    Fixture f;
    f.canvas.resize(500, 400);
    f.canvas.show();
    std::unique_ptr<MinimapWidget> minimap(f.canvas.createMinimap(nullptr));
    minimap->resize(240, 180);
    minimap->show();
    QVERIFY(QTest::qWaitForWindowExposed(minimap.get()));
    QTRY_VERIFY(!minimap->targetArea().isEmpty()); // rendered once the scene settled
    CanvasView *view = f.canvas.view();
    view->resetZoom();
    const QRectF target = minimap->targetArea();
    minimap->moveViewTo(target.bottomRight() - QPointF(1, 1));
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    QVERIFY(centre.y() > minimap->sceneArea().center().y());
    minimap->moveViewTo(target.topLeft() + QPointF(1, 1));
    QVERIFY(view->mapToScene(view->viewport()->rect().center()).y() < centre.y());
}

QTEST_MAIN(TestCanvasActions)
#include "tst_canvas_actions.moc"
