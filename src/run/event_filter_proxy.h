// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace app::run {

/// Filters an EventTableModel as `kubectl get events` does with field selectors: by type,
/// reason and namespace (exact; empty: any), and by object (the text anywhere in
/// "Kind/name", case-insensitive).
class EventFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventFilterProxy(QObject *parent = nullptr);

    void setType(const QString &type);
    void setReason(const QString &reason);
    void setNamespace(const QString &namespaceName);
    void setObjectText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_type;
    QString m_reason;
    QString m_namespace;
    QString m_objectText;
};

} // namespace app::run
