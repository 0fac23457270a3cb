// SPDX-License-Identifier: Apache-2.0
#include "document/document.h"
#include "document/document_controller.h"
#include "document/relation_resolver.h"

#include <QtTest>

#include <set>

using namespace app::document;

class TestRelationResolver : public QObject
{
    Q_OBJECT

private slots:
    void webShopRelations();
    void relationsFollowEdits();
};

namespace {

std::set<std::string> describe(const Document &d, const std::vector<Relation> &relations)
{
    std::set<std::string> out;
    for (const Relation &r : relations)
        out.insert((d.entry(r.from)->identity.displayName() + " " + RelationResolver::describe(r.kind) + " "
                    + d.entry(r.to)->identity.displayName())
                       .toStdString());
    return out;
}

} // namespace

void TestRelationResolver::webShopRelations()
{
    Document document;
    DocumentController controller(&document);
    QVERIFY(controller.openProject(QString::fromUtf8(KUBECANVAS_SOURCE_DIR) + "/resources/samples/web-shop-3-zones.yaml"));
    const std::set<std::string> all = describe(document, RelationResolver::resolve(document));
    for (const char *expected : {
             "Service shop/frontend selects Deployment shop/frontend",
             "PodDisruptionBudget shop/frontend selects Deployment shop/frontend",
             "Ingress shop/shop routes to Service shop/frontend",
             "HorizontalPodAutoscaler shop/frontend scales Deployment shop/frontend",
             "Deployment shop/catalog references ConfigMap shop/catalog-settings",
             "Deployment shop/checkout references Secret shop/db-credentials",
             "Deployment shop/checkout uses PriorityClass shop-critical",
             "StatefulSet shop/postgres is governed by Service shop/postgres",
             "StatefulSet shop/postgres uses StorageClass ssd",
             "NetworkPolicy shop/checkout-from-frontend selects Deployment shop/checkout",
             "Deployment shop/frontend lives in Namespace shop",
         })
        QVERIFY2(all.count(expected), expected);
    // What would point at nothing if the checkout Deployment went.
    const ObjectUid checkout = document.find("Deployment", "shop", "checkout");
    QCOMPARE(describe(document, RelationResolver::referencesTo(document, {checkout})),
             (std::set<std::string>{"Service shop/checkout selects Deployment shop/checkout",
                                    "NetworkPolicy shop/checkout-from-frontend selects Deployment shop/checkout"}));
}

void TestRelationResolver::relationsFollowEdits()
{
    Document document;
    DocumentController controller(&document);
    controller.addObjectsFromText("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: a}}\n"
                                  "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: b}}\n"
                                  "spec: {containers: [{name: c, image: i}]}\n",
                                  "Add");
    const ObjectUid service = document.find("Service", "", "s");
    QVERIFY(RelationResolver::relationsFrom(document, service).empty());
    // Drawing an edge is a model edit: the Service's selector now matches the Pod.
    controller.setField(service, "spec.selector[app]", emu::api::Value::string("b"));
    const auto relations = RelationResolver::relationsFrom(document, service);
    QCOMPARE(relations.size(), std::size_t(1));
    QCOMPARE(relations.front().to, document.find("Pod", "", "p"));
    QCOMPARE(relations.front().field, std::string("spec.selector"));
}

QTEST_MAIN(TestRelationResolver)
#include "tst_relation_resolver.moc"
