// SPDX-License-Identifier: Apache-2.0
#include "events_panel.h"

#include "event_filter_proxy.h"
#include "event_table_model.h"
#include "run_model.h"

#include "document/document.h"
#include "document/selection_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace app::run {

namespace {

/// Inserts `text` keeping the items after the first ("any") sorted.
void insertSorted(QComboBox *box, const QString &text)
{
    int i = 1;
    while (i < box->count() && box->itemText(i) < text)
        ++i;
    box->insertItem(i, text, text);
}

} // namespace

EventsPanel::EventsPanel(RunModel *model, const document::Document *document,
                         document::SelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_document(document)
    , m_selection(selection)
    , m_events(new EventTableModel(model, this))
    , m_filter(new EventFilterProxy(this))
    , m_table(new QTableView(this))
    , m_type(new QComboBox(this))
    , m_reason(new QComboBox(this))
    , m_namespace(new QComboBox(this))
    , m_object(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    m_filter->setSourceModel(m_events);
    m_type->addItem(tr("All types"), QString());
    m_type->addItem(QStringLiteral("Normal"), QStringLiteral("Normal"));
    m_type->addItem(QStringLiteral("Warning"), QStringLiteral("Warning"));
    m_object->setPlaceholderText(tr("Object, e.g. Node/worker-1"));
    m_object->setClearButtonEnabled(true);
    resetChoices();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_type);
    filters->addWidget(m_reason);
    filters->addWidget(m_namespace);
    filters->addWidget(m_object, 1);
    filters->addWidget(m_count);

    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setColumnWidth(EventTableModel::TimeColumn, 80);
    m_table->setColumnWidth(EventTableModel::NamespaceColumn, 80);
    m_table->setColumnWidth(EventTableModel::TypeColumn, 70);
    m_table->setColumnWidth(EventTableModel::ReasonColumn, 150);
    m_table->setColumnWidth(EventTableModel::ObjectColumn, 170);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_table);

    const auto data = [](QComboBox *box) { return box->currentData().toString(); };
    connect(m_type, &QComboBox::currentIndexChanged, this, [=, this] { m_filter->setType(data(m_type)); updateCount(); });
    connect(m_reason, &QComboBox::currentIndexChanged, this, [=, this] { m_filter->setReason(data(m_reason)); updateCount(); });
    connect(m_namespace, &QComboBox::currentIndexChanged, this,
            [=, this] { m_filter->setNamespace(data(m_namespace)); updateCount(); });
    connect(m_object, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setObjectText(text);
        updateCount();
    });
    // Follow new events while the user looks at the newest ones.
    connect(model, &RunModel::eventsAppended, this, [this](int first, int count) {
        QScrollBar *bar = m_table->verticalScrollBar();
        const bool atEnd = bar->value() >= bar->maximum() - 2;
        addChoices(first, count);
        updateCount();
        if (atEnd)
            m_table->scrollToBottom();
    });
    connect(model, &RunModel::cleared, this, [this] {
        resetChoices();
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectRow(current.row());
            });
    updateCount();
}

void EventsPanel::addChoices(int first, int count)
{
    for (int row = first; row < first + count; ++row) {
        const auto &e = m_model->events()[static_cast<std::size_t>(row)];
        const QString reason = QString::fromStdString(e.reason);
        if (!m_reasons.contains(reason)) {
            m_reasons.insert(reason);
            insertSorted(m_reason, reason);
        }
        const QString ns = QString::fromStdString(e.namespaceName);
        if (!ns.isEmpty() && !m_namespaces.contains(ns)) {
            m_namespaces.insert(ns);
            insertSorted(m_namespace, ns);
        }
    }
}

void EventsPanel::resetChoices()
{
    m_reasons.clear();
    m_namespaces.clear();
    m_reason->clear();
    m_reason->addItem(tr("All reasons"), QString());
    m_namespace->clear();
    m_namespace->addItem(tr("All namespaces"), QString());
}

void EventsPanel::selectRow(int proxyRow)
{
    const int row = m_filter->mapToSource(m_filter->index(proxyRow, 0)).row();
    const RunObject object = m_events->objectAt(row);
    m_model->selectObject(object);
    const auto uid = m_document->find(object.kind.toStdString(), object.namespaceName.toStdString(),
                                      object.name.toStdString());
    if (uid != document::kNoObject)
        m_selection->select(uid);
}

void EventsPanel::scrollToNewest()
{
    m_table->scrollToBottom();
}

void EventsPanel::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_filter->rowCount()).arg(m_events->rowCount()));
}

} // namespace app::run
