// SPDX-License-Identifier: Apache-2.0
#include "event_filter_proxy.h"

#include "event_table_model.h"

namespace app::run {

EventFilterProxy::EventFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void EventFilterProxy::setType(const QString &type)
{
    m_type = type;
    invalidateFilter();
}

void EventFilterProxy::setReason(const QString &reason)
{
    m_reason = reason;
    invalidateFilter();
}

void EventFilterProxy::setNamespace(const QString &namespaceName)
{
    m_namespace = namespaceName;
    invalidateFilter();
}

void EventFilterProxy::setObjectText(const QString &text)
{
    m_objectText = text.trimmed();
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const auto text = [&](int column) { return source->index(sourceRow, column, sourceParent).data().toString(); };
    if (!m_type.isEmpty() && text(EventTableModel::TypeColumn) != m_type)
        return false;
    if (!m_reason.isEmpty() && text(EventTableModel::ReasonColumn) != m_reason)
        return false;
    if (!m_namespace.isEmpty() && text(EventTableModel::NamespaceColumn) != m_namespace)
        return false;
    if (!m_objectText.isEmpty() && !text(EventTableModel::ObjectColumn).contains(m_objectText, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace app::run
