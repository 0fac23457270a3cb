// SPDX-License-Identifier: Apache-2.0
#include "object_tree_panel.h"

#include "ui_object_tree_panel.h"

#include "kind_icon.h"

#include "document/document.h"
#include "document/document_validator.h"
#include "document/object_fields.h"
#include "document/selection_model.h"

#include <QStyle>
#include <QTimer>

#include <map>

namespace app::panels {

using namespace app::document;

namespace {

constexpr int uidRole = Qt::UserRole + 1;
constexpr int kindRole = Qt::UserRole + 2;
// Bigger groups start collapsed, so that every kind stays in view.
constexpr int kMaxExpandedGroup = 50;

QString kindLabel(const ManifestEntry &e)
{
    return e.identity.kind.empty() ? QObject::tr("(not an object)")
                                   : QString::fromStdString(e.identity.kind);
}

} // namespace

ObjectTreePanel::ObjectTreePanel(Document *document, DocumentValidator *validator,
                                 SelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ObjectTreePanel>())
    , m_document(document)
    , m_validator(validator)
    , m_selection(selection)
{
    m_ui->setupUi(this);
    m_ui->objectTree->setColumnWidth(0, 180);
    connect(m_document, &Document::modelReset, this, &ObjectTreePanel::rebuild);
    connect(m_document, &Document::objectAdded, this, &ObjectTreePanel::scheduleRebuild);
    connect(m_document, &Document::objectRemoved, this, &ObjectTreePanel::scheduleRebuild);
    connect(m_document, &Document::objectChanged, this, &ObjectTreePanel::updateItem);
    connect(m_validator, &DocumentValidator::problemsChanged, this, &ObjectTreePanel::updateIcons);
    connect(m_selection, &SelectionModel::selectionChanged, this, &ObjectTreePanel::selectionToTree);
    connect(m_ui->objectTree, &QTreeWidget::itemSelectionChanged, this,
            &ObjectTreePanel::selectionFromTree);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &ObjectTreePanel::applyFilter);
    rebuild();
}

ObjectTreePanel::~ObjectTreePanel() = default;

QTreeWidget *ObjectTreePanel::tree() const
{
    return m_ui->objectTree;
}

void ObjectTreePanel::scheduleRebuild()
{
    // Adding or removing many objects (paste, import, undo) rebuilds the tree once.
    if (m_rebuildScheduled)
        return;
    m_rebuildScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildScheduled)
            rebuild();
    });
}

void ObjectTreePanel::rebuild()
{
    m_rebuildScheduled = false;
    m_syncing = true;
    m_ui->objectTree->clear();
    m_items.clear();
    std::map<QString, QTreeWidgetItem *> kindItems;
    for (const ManifestEntry &e : m_document->entries()) {
        QTreeWidgetItem *&kindItem = kindItems[kindLabel(e)];
        if (!kindItem) {
            kindItem = new QTreeWidgetItem(m_ui->objectTree, {kindLabel(e)});
            kindItem->setFlags(Qt::ItemIsEnabled);
            kindItem->setData(0, kindRole, kindLabel(e));
            kindItem->setIcon(0, kindIcon(QString::fromStdString(e.identity.kind)));
        }
        auto *item = new QTreeWidgetItem(kindItem);
        item->setData(0, uidRole, QVariant::fromValue<qulonglong>(e.uid));
        m_items.insert(e.uid, item);
        updateItem(e.uid);
    }
    for (auto &[kind, item] : kindItems) {
        item->setText(0, QStringLiteral("%1 (%2)").arg(kind).arg(item->childCount()));
        item->setExpanded(item->childCount() <= kMaxExpandedGroup);
    }
    m_syncing = false;
    updateIcons();
    applyFilter();
    selectionToTree();
}

void ObjectTreePanel::updateItem(ObjectUid uid)
{
    QTreeWidgetItem *item = m_items.value(uid);
    const ManifestEntry *e = m_document->entry(uid);
    if (!item || !e)
        return;
    if (item->parent() && item->parent()->data(0, kindRole).toString() != kindLabel(*e)) {
        scheduleRebuild(); // the kind changed: it moves to another group
        return;
    }
    item->setText(0, e->identity.name.empty() ? tr("(unnamed)") : QString::fromStdString(e->identity.name));
    item->setText(1, QString::fromStdString(e->identity.namespaceName));
    item->setToolTip(0, e->identity.displayName());
}

void ObjectTreePanel::updateIcons()
{
    QHash<ObjectUid, bool> hasError;
    for (const Problem &p : m_validator->problems())
        hasError[p.uid] = hasError.value(p.uid) || p.isError();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const auto found = hasError.constFind(it.key());
        it.value()->setIcon(0, found == hasError.cend() ? QIcon() : *found ? error : warning);
    }
}

void ObjectTreePanel::applyFilter()
{
    const QString filter = m_ui->filterEdit->text().trimmed();
    for (int k = 0; k < m_ui->objectTree->topLevelItemCount(); ++k) {
        QTreeWidgetItem *kindItem = m_ui->objectTree->topLevelItem(k);
        int visible = 0;
        for (int i = 0; i < kindItem->childCount(); ++i) {
            QTreeWidgetItem *item = kindItem->child(i);
            const ManifestEntry *e = m_document->entry(item->data(0, uidRole).toULongLong());
            bool match = filter.isEmpty();
            if (!match && e) {
                QString haystack = e->identity.displayName();
                for (const auto &[key, value] : ObjectFields::labels(e->object()))
                    haystack += ' ' + QString::fromStdString(key + "=" + value);
                match = haystack.contains(filter, Qt::CaseInsensitive);
            }
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        kindItem->setHidden(visible == 0);
    }
}

void ObjectTreePanel::selectionFromTree()
{
    if (m_syncing)
        return;
    ObjectUids uids;
    for (QTreeWidgetItem *item : m_ui->objectTree->selectedItems())
        if (const QVariant uid = item->data(0, uidRole); uid.isValid())
            uids << uid.toULongLong();
    // The current item (last clicked) is what the editors show.
    if (QTreeWidgetItem *current = m_ui->objectTree->currentItem())
        if (const QVariant uid = current->data(0, uidRole); uid.isValid() && uids.contains(uid.toULongLong())) {
            uids.removeAll(uid.toULongLong());
            uids << uid.toULongLong();
        }
    m_syncing = true;
    m_selection->select(uids);
    m_syncing = false;
}

void ObjectTreePanel::selectionToTree()
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_ui->objectTree->clearSelection();
    for (ObjectUid uid : m_selection->selection())
        if (QTreeWidgetItem *item = m_items.value(uid))
            item->setSelected(true);
    if (QTreeWidgetItem *current = m_items.value(m_selection->current())) {
        m_ui->objectTree->setCurrentItem(current, 0, QItemSelectionModel::NoUpdate);
        m_ui->objectTree->scrollToItem(current);
    }
    m_syncing = false;
}

} // namespace app::panels
