// SPDX-License-Identifier: Apache-2.0
#include "event_table_model.h"

#include "run_clock.h"
#include "run_model.h"

#include <QBrush>
#include <QColor>

namespace app::run {

EventTableModel::EventTableModel(const RunModel *model, QObject *parent)
    : QAbstractTableModel(parent)
    , m_model(model)
{
    connect(model, &RunModel::eventsAppended, this, [this](int first, int count) {
        beginInsertRows({}, first, first + count - 1);
        m_rows = first + count;
        endInsertRows();
    });
    connect(model, &RunModel::cleared, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
    m_rows = static_cast<int>(model->events().size());
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const auto &e = m_model->events()[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn: return formatClock(e.timeNs);
        case NamespaceColumn: return QString::fromStdString(e.namespaceName);
        case TypeColumn: return QString::fromStdString(e.type);
        case ReasonColumn: return QString::fromStdString(e.reason);
        case ObjectColumn: return QString::fromStdString(e.kind + '/' + e.name);
        case MessageColumn: return QString::fromStdString(e.message);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == TypeColumn && e.type == "Warning")
            return QBrush(QColor(0xb0, 0x3a, 0x00));
        return {};
    case TimeNsRole: return QVariant::fromValue<qint64>(e.timeNs);
    case KindRole: return QString::fromStdString(e.kind);
    case NameRole: return QString::fromStdString(e.name);
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case NamespaceColumn: return tr("Namespace");
    case TypeColumn: return tr("Type");
    case ReasonColumn: return tr("Reason");
    case ObjectColumn: return tr("Object");
    case MessageColumn: return tr("Message");
    }
    return {};
}

RunObject EventTableModel::objectAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    const auto &e = m_model->events()[static_cast<std::size_t>(row)];
    return {QString::fromStdString(e.kind), QString::fromStdString(e.namespaceName), QString::fromStdString(e.name)};
}

} // namespace app::run
