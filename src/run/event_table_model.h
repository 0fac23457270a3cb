// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run_object.h"

#include <QAbstractTableModel>

namespace app::run {

class RunModel;

/// The run's events as `kubectl get events -A` lists them: time, namespace, type, reason,
/// object, message; one row per event, in the order they happened. Follows the RunModel.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, NamespaceColumn, TypeColumn, ReasonColumn, ObjectColumn, MessageColumn, ColumnCount };
    /// Raw values for filters and tests (the displayed text is formatted).
    enum Role { TimeNsRole = Qt::UserRole + 1, KindRole, NameRole };

    explicit EventTableModel(const RunModel *model, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The object the event at `row` is about.
    RunObject objectAt(int row) const;

private:
    const RunModel *m_model;
    int m_rows = 0;
};

} // namespace app::run
