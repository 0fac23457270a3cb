// SPDX-License-Identifier: Apache-2.0
// The canvas as a view of the document: items for every object, positions from the Layout,
// moves as one undo step, selection shared with the other views, derived edges.
#include "canvas/canvas_item.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/canvas_widget.h"
#include "canvas/edge_item.h"
#include "canvas/node_item.h"
#include "canvas/object_item.h"
#include "canvas/region_item.h"
#include "document/document.h"
#include "document/document_controller.h"
#include "document/project_reader.h"
#include "document/selection_model.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QUndoStack>
#include <QtTest>

using namespace app::canvas;
using namespace app::document;

namespace {

QString demoPath()
{
    return QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/demo.yaml";
}

/// A document, its controller and selection, and a canvas showing them.
struct Fixture
{
    Document document;
    DocumentController controller{&document};
    SelectionModel selection{&document};
    CanvasWidget canvas{&controller, &selection};

    CanvasScene *scene() { return canvas.scene(); }
    ObjectUid uid(const char *kind, const char *ns, const char *name) { return document.find(kind, ns, name); }
    void open(const std::string &text)
    {
        controller.openContent(ProjectReader::readText(text, QStringLiteral("test.yaml")), QString());
    }
};

bool hasEdge(CanvasScene *scene, ObjectUid from, ObjectUid to, RelationKind kind)
{
    for (EdgeItem *edge : scene->edges())
        if (edge->from()->uid() == from && edge->to()->uid() == to && edge->kind() == kind)
            return true;
    return false;
}

void sendMouse(QWidget *viewport, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

} // namespace

class TestCanvasScene : public QObject
{
    Q_OBJECT

private slots:
    void itemsForEveryObject();
    void nodesAreInTheirZones();
    void positionsComeFromTheLayout();
    void dragMovesAsOneUndoStep();
    void autoLayoutDropsStoredPositionsAsOneStep();
    void selectionIsSharedBothWays();
    void poolNodesSelectTheirPool();
    void edgesAreDerivedFromTheObjects();
    void documentChangesUpdateItems();
    void stateOverlayAndLookupsForTheRunMode();
    void searchSelectsMatches();
    void hoverHighlightsNeighbours();
    void paintsAtEveryLevelOfDetail();
};

void TestCanvasScene::itemsForEveryObject()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    QCOMPARE(f.scene()->objectItemCount(), f.document.count());
    for (const ManifestEntry &e : f.document.entries()) {
        CanvasItem *item = f.scene()->itemForUid(e.uid);
        QVERIFY2(item, e.identity.key().c_str());
        QCOMPARE(item->uid(), e.uid);
    }
    auto *web = qgraphicsitem_cast<ObjectItem *>(f.scene()->itemForUid(f.uid("Deployment", "shop", "web")));
    QVERIFY(web);
    QCOMPARE(web->summary().badge, QString("4")); // replicas
    QCOMPARE(web->summary().detail, QString("nginx:1.27"));
    // Cards do not overlap.
    const QList<CanvasItem *> cards = [&] {
        QList<CanvasItem *> out;
        for (const ManifestEntry &e : f.document.entries())
            out << f.scene()->itemsForUid(e.uid);
        return out;
    }();
    for (int i = 0; i < cards.size(); ++i)
        for (int j = i + 1; j < cards.size(); ++j)
            QVERIFY(!cards[i]->sceneCardRect().intersects(cards[j]->sceneCardRect()));
}

void TestCanvasScene::nodesAreInTheirZones()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    // NodePool worker: count 6, zones a, b, c: worker-i in zones[i % 3] (docs/formats.md).
    QCOMPARE(f.scene()->nodeItems().size(), 6);
    const QStringList zones{"zone-a", "zone-b", "zone-c"};
    for (int i = 0; i < 6; ++i) {
        NodeItem *node = f.scene()->nodeItem(QStringLiteral("worker-%1").arg(i));
        QVERIFY(node);
        QCOMPARE(node->zone(), zones[i % 3]);
        QCOMPARE(node->node().cpu, QString("4"));
        QCOMPARE(node->node().pods, QString("110"));
        RegionItem *zone = f.scene()->zoneItem(zones[i % 3]);
        QVERIFY(zone);
        QVERIFY(zone->sceneCardRect().contains(node->sceneCardRect()));
    }
    // Zones side by side, the logical layer below them.
    QVERIFY(f.scene()->zoneItem("zone-a")->sceneCardRect().right() < f.scene()->zoneItem("zone-b")->sceneCardRect().left());
    QVERIFY(f.scene()->groupItem("shop")->sceneCardRect().top() > f.scene()->zoneItem("zone-a")->sceneCardRect().bottom());
}

void TestCanvasScene::positionsComeFromTheLayout()
{
    Fixture f;
    f.open("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
           "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
           "---\napiVersion: kubecanvas.io/v1alpha1\nkind: Layout\nmetadata: {name: canvas}\n"
           "spec:\n  items:\n  - {kind: Deployment, namespace: shop, name: web, x: 320, y: 60.5}\n");
    QCOMPARE(f.scene()->itemForUid(f.uid("Deployment", "shop", "web"))->pos(), QPointF(320, 60.5));
    // The Service has no stored position: the auto-layout placed it, elsewhere.
    QVERIFY(f.scene()->itemForUid(f.uid("Service", "shop", "web"))->pos() != QPointF(320, 60.5));
}

void TestCanvasScene::dragMovesAsOneUndoStep()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    const std::string original = f.document.toProjectText();
    f.canvas.resize(900, 700);
    f.canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.canvas));
    CanvasView *view = f.canvas.view();
    view->resetZoom();
    const ObjectUid web = f.uid("Deployment", "shop", "web");
    CanvasItem *item = f.scene()->itemForUid(web);
    view->centerOn(item);
    const QPointF before = item->pos();
    const QPoint start = view->mapFromScene(item->sceneCardRect().center());
    QWidget *viewport = view->viewport();
    sendMouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 5; ++step)
        sendMouse(viewport, QEvent::MouseMove, start + QPoint(step * 12, step * 8), Qt::NoButton, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, start + QPoint(60, 40), Qt::LeftButton, Qt::NoButton);

    QCOMPARE(f.controller.undoStack()->count(), 1);
    QVERIFY(f.document.layout(web));
    QCOMPARE(f.document.layout(web)->pos, before + QPointF(60, 40));
    QCOMPARE(item->pos(), before + QPointF(60, 40));
    QVERIFY(f.document.toProjectText().find("kind: Layout") != std::string::npos);

    f.controller.undoStack()->undo();
    f.scene()->flush();
    QCOMPARE(item->pos(), before);
    QCOMPARE(f.document.toProjectText(), original);
    f.controller.undoStack()->redo();
    QCOMPARE(item->pos(), before + QPointF(60, 40));
}

void TestCanvasScene::autoLayoutDropsStoredPositionsAsOneStep()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    const std::string original = f.document.toProjectText();
    const ObjectUid web = f.uid("Deployment", "shop", "web");
    const ObjectUid db = f.uid("StatefulSet", "shop", "db");
    const QPointF autoWeb = f.scene()->itemForUid(web)->pos();
    f.controller.moveItems({{web, QPointF(2000, 2000)}, {db, QPointF(2300, 2000)}});
    QCOMPARE(f.scene()->itemForUid(web)->pos(), QPointF(2000, 2000));
    const int steps = f.controller.undoStack()->count();
    QVERIFY(f.scene()->autoLayout());
    QCOMPARE(f.controller.undoStack()->count(), steps + 1);
    QVERIFY(f.document.layoutRecords().empty());
    QCOMPARE(f.scene()->itemForUid(web)->pos(), autoWeb);
    QVERIFY(!f.scene()->autoLayout()); // nothing left to re-lay
    f.controller.undoStack()->undo();
    f.scene()->flush();
    QCOMPARE(f.scene()->itemForUid(web)->pos(), QPointF(2000, 2000));
    f.controller.undoStack()->undo();
    QCOMPARE(f.document.toProjectText(), original);
}

void TestCanvasScene::selectionIsSharedBothWays()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    const ObjectUid web = f.uid("Deployment", "shop", "web");
    const ObjectUid svc = f.uid("Service", "shop", "web");
    f.selection.select(web);
    QVERIFY(f.scene()->itemForUid(web)->isSelected());
    QVERIFY(!f.scene()->itemForUid(svc)->isSelected());
    // Selecting on the canvas selects everywhere.
    f.scene()->itemForUid(svc)->setSelected(true);
    QCOMPARE(f.selection.selection(), (ObjectUids{web, svc}));
    QCOMPARE(f.selection.current(), svc);
    f.scene()->clearSelection();
    QVERIFY(f.selection.selection().isEmpty());
    // Rubber band: a rectangle over both cards.
    const QRectF both = f.scene()->itemForUid(web)->sceneCardRect().united(f.scene()->itemForUid(svc)->sceneCardRect());
    QPainterPath area;
    area.addRect(both);
    f.scene()->setSelectionArea(area, QTransform());
    QVERIFY(f.selection.isSelected(web));
    QVERIFY(f.selection.isSelected(svc));
}

void TestCanvasScene::poolNodesSelectTheirPool()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    const ObjectUid pool = f.uid("NodePool", "", "worker");
    f.scene()->nodeItem("worker-4")->setSelected(true);
    QCOMPARE(f.selection.selection(), ObjectUids{pool});
    QVERIFY(f.scene()->itemForUid(pool)->isSelected());
    for (NodeItem *node : f.scene()->nodeItems())
        QVERIFY(node->isSelected());
    // Pool nodes are placed by the auto-layout: they do not move alone.
    QVERIFY(!(f.scene()->nodeItem("worker-4")->flags() & QGraphicsItem::ItemIsMovable));
}

void TestCanvasScene::edgesAreDerivedFromTheObjects()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    const ObjectUid web = f.uid("Deployment", "shop", "web");
    const ObjectUid svc = f.uid("Service", "shop", "web");
    const ObjectUid pdb = f.uid("PodDisruptionBudget", "shop", "web");
    const ObjectUid db = f.uid("StatefulSet", "shop", "db");
    const ObjectUid dbSvc = f.uid("Service", "shop", "db");
    QVERIFY(hasEdge(f.scene(), svc, web, RelationKind::Selects));
    QVERIFY(hasEdge(f.scene(), pdb, web, RelationKind::Selects));
    QVERIFY(hasEdge(f.scene(), dbSvc, db, RelationKind::Selects));
    QVERIFY(hasEdge(f.scene(), db, dbSvc, RelationKind::Governs));
    for (EdgeItem *edge : f.scene()->edges())
        QVERIFY(edge->kind() != RelationKind::InNamespace);
    // Edit the selector: the edge follows the object, nobody draws it.
    QVERIFY(f.controller.setField(svc, "spec.selector[app]", emu::api::Value::string("other")));
    f.scene()->flush();
    QVERIFY(!hasEdge(f.scene(), svc, web, RelationKind::Selects));
    f.controller.undoStack()->undo();
    f.scene()->flush();
    QVERIFY(hasEdge(f.scene(), svc, web, RelationKind::Selects));
    // Edges follow their cards.
    EdgeItem *edge = nullptr;
    for (EdgeItem *e : f.scene()->edges())
        if (e->from()->uid() == svc && e->to()->uid() == web)
            edge = e;
    QVERIFY(edge);
    f.controller.moveItems({{web, QPointF(3000, 3000)}});
    QVERIFY(edge->boundingRect().intersects(f.scene()->itemForUid(web)->sceneCardRect()));
    QVERIFY(edge->boundingRect().intersects(f.scene()->itemForUid(svc)->sceneCardRect()));
}

void TestCanvasScene::documentChangesUpdateItems()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    const ObjectUids added = f.controller.addObjectsFromText(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {a: b}\n", "Add");
    QCOMPARE(added.size(), 1);
    QVERIFY(f.scene()->itemForUid(added.first()));
    f.scene()->flush();
    QVERIFY(f.scene()->groupItem("shop")->sceneCardRect().contains(f.scene()->itemForUid(added.first())->sceneCardRect()));
    f.controller.undoStack()->undo();
    QVERIFY(!f.scene()->itemForUid(added.first()));
    // A NodePool's nodes follow its count.
    const ObjectUid pool = f.uid("NodePool", "", "worker");
    QVERIFY(f.controller.setField(pool, "spec.count", emu::api::Value::integer(9)));
    f.scene()->flush();
    QCOMPARE(f.scene()->nodeItems().size(), 9);
    QVERIFY(f.scene()->nodeItem("worker-8"));
    // Replicas on the badge.
    const ObjectUid web = f.uid("Deployment", "shop", "web");
    QVERIFY(f.controller.setField(web, "spec.replicas", emu::api::Value::integer(7)));
    QCOMPARE(qgraphicsitem_cast<ObjectItem *>(f.scene()->itemForUid(web))->summary().badge, QString("7"));
    // A new project replaces everything.
    f.controller.newProject();
    QCOMPARE(f.scene()->objectItemCount(), 0);
    QVERIFY(f.scene()->nodeItems().isEmpty());
}

void TestCanvasScene::stateOverlayAndLookupsForTheRunMode()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    NodeItem *node = f.scene()->nodeItem("worker-1");
    QVERIFY(node);
    QCOMPARE(node->uid(), f.uid("NodePool", "", "worker"));
    QVERIFY(node->cardRect().contains(node->podArea()));
    node->setStateOverlay(StateOverlay{Qt::red, "NotReady"});
    QCOMPARE(node->stateOverlay()->text, QString("NotReady"));
    RegionItem *zone = f.scene()->zoneItem("zone-b");
    QVERIFY(zone);
    zone->setStateOverlay(StateOverlay{Qt::darkRed, "outage"});
    QVERIFY(zone->stateOverlay().has_value());
    QVERIFY(!f.scene()->zoneItem("zone-z"));
    QCOMPARE(f.scene()->cardAt(node->sceneCardRect().center()), node);
}

void TestCanvasScene::searchSelectsMatches()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    QCOMPARE(f.canvas.search("db"), 2); // the StatefulSet and the Service
    QVERIFY(f.selection.isSelected(f.uid("StatefulSet", "shop", "db")));
    QCOMPARE(f.canvas.search("service/web"), 1);
    QCOMPARE(f.selection.selection(), ObjectUids{f.uid("Service", "shop", "web")});
    QCOMPARE(f.canvas.search("nothing-like-this"), 0);
}

void TestCanvasScene::hoverHighlightsNeighbours()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    CanvasItem *web = f.scene()->itemForUid(f.uid("Deployment", "shop", "web"));
    CanvasItem *svc = f.scene()->itemForUid(f.uid("Service", "shop", "web"));
    CanvasItem *db = f.scene()->itemForUid(f.uid("StatefulSet", "shop", "db"));
    QGraphicsSceneHoverEvent enter(QEvent::GraphicsSceneHoverEnter);
    f.scene()->sendEvent(web, &enter);
    QVERIFY(web->isHighlighted());
    QVERIFY(svc->isHighlighted()); // at the other end of an arrow
    QVERIFY(!db->isHighlighted());
    QGraphicsSceneHoverEvent leave(QEvent::GraphicsSceneHoverLeave);
    f.scene()->sendEvent(web, &leave);
    QVERIFY(!web->isHighlighted());
    QVERIFY(!svc->isHighlighted());
}

void TestCanvasScene::paintsAtEveryLevelOfDetail()
{
    Fixture f;
    QVERIFY(f.controller.openProject(demoPath()));
    f.selection.select(f.uid("Deployment", "shop", "web"));
    f.scene()->nodeItem("worker-2")->setStateOverlay(StateOverlay{Qt::red, "NotReady"});
    const QRectF all = f.scene()->itemsBoundingRect();
    // Near (text, icons, badges) and far (plain blocks): both draw the cards.
    for (const double scale : {1.0, 0.1}) {
        QImage image((all.size() * scale).toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        f.scene()->render(&painter, QRectF(image.rect()), all);
        painter.end();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(QString::number(scale)));
        // The node with the overlay is tinted.
        const QPointF centre = (f.scene()->nodeItem("worker-2")->sceneCardRect().center() - all.topLeft()) * scale;
        const QColor tinted = image.pixelColor(centre.toPoint());
        QVERIFY2(tinted.red() > tinted.blue(), qPrintable(tinted.name()));
    }
}

QTEST_MAIN(TestCanvasScene)
#include "tst_canvas_scene.moc"
