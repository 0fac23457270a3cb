// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace app::document { class Document; class SelectionModel; }

namespace app::run {

class EventFilterProxy;
class EventTableModel;
class RunModel;

/// The Events dock: the run's events like `kubectl get events -A`, newest at the bottom
/// (followed while the view is scrolled to the end), filterable by type, reason, namespace
/// and object. Selecting an event selects its object in the run (inspector, charts) and, when
/// the project defines it, in the document too.
class EventsPanel : public QWidget
{
    Q_OBJECT

public:
    EventsPanel(RunModel *model, const document::Document *document, document::SelectionModel *selection,
                QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    EventTableModel *tableModel() const { return m_events; }
    EventFilterProxy *filter() const { return m_filter; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *reasonBox() const { return m_reason; }
    QComboBox *namespaceBox() const { return m_namespace; }
    QLineEdit *objectEdit() const { return m_object; }
    void scrollToNewest();

private:
    void addChoices(int first, int count);
    void resetChoices();
    void selectRow(int proxyRow);
    void updateCount();

    RunModel *m_model;
    const document::Document *m_document;
    document::SelectionModel *m_selection;
    EventTableModel *m_events;
    EventFilterProxy *m_filter;
    QTableView *m_table;
    QComboBox *m_type;
    QComboBox *m_reason;
    QComboBox *m_namespace;
    QLineEdit *m_object;
    QLabel *m_count;
    QSet<QString> m_reasons;
    QSet<QString> m_namespaces;
};

} // namespace app::run
