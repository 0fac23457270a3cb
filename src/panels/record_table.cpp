// SPDX-License-Identifier: Apache-2.0
#include "record_table.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace app::panels {

using emu::api::Value;

namespace {
const QColor invalidColor(0xff, 0xd6, 0xd6);
}

RecordTable::RecordTable(QWidget *parent)
    : QTableWidget(parent)
{
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(model(), &QAbstractItemModel::rowsInserted, this, &QWidget::updateGeometry);
    connect(model(), &QAbstractItemModel::rowsRemoved, this, &QWidget::updateGeometry);
    setToolTip(tr("Type in the last row to add an item; select a row and press Delete to remove it."));
    connect(this, &QTableWidget::cellChanged, this, &RecordTable::onCellChanged);
}

void RecordTable::setColumns(const std::vector<Column> &columns)
{
    m_columns = columns;
    setColumnCount(int(columns.size()));
    QStringList headers;
    for (const Column &c : columns)
        headers << c.header;
    setHorizontalHeaderLabels(headers);
    ensureEmptyLastRow();
    markRows();
}

void RecordTable::setItems(const Value &sequence)
{
    if (sequence.isSequence() ? sequence == items() : items().size() == 0)
        return;
    m_updating = true;
    setRowCount(0);
    m_originals.clear();
    for (std::size_t i = 0; sequence.isSequence() && i < sequence.size(); ++i) {
        const Value &item = sequence.at(i);
        const int row = rowCount();
        insertRow(row);
        m_originals.push_back(item.isMapping() ? item : Value::mapping());
        for (int c = 0; c < int(m_columns.size()); ++c) {
            const Value *field = item.isMapping() ? item.find(m_columns[std::size_t(c)].field.toStdString()) : nullptr;
            setItem(row, c, new QTableWidgetItem(field && field->isScalar() && !field->isNull()
                                                     ? QString::fromStdString(field->text())
                                                     : QString()));
        }
    }
    ensureEmptyLastRow();
    markRows();
    m_updating = false;
}

bool RecordTable::rowIsEmpty(int row) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (item(row, c) && !item(row, c)->text().trimmed().isEmpty())
            return false;
    return true;
}

Value RecordTable::rowValue(int row) const
{
    Value v = row < int(m_originals.size()) ? m_originals[std::size_t(row)] : Value::mapping();
    for (int c = 0; c < int(m_columns.size()); ++c) {
        const Column &column = m_columns[std::size_t(c)];
        const QString text = item(row, c) ? item(row, c)->text().trimmed() : QString();
        const std::string key = column.field.toStdString();
        if (text.isEmpty()) {
            v.remove(key);
            continue;
        }
        const Value *old = v.find(key);
        if (old && old->isScalar() && QString::fromStdString(old->text()) == text)
            continue; // unchanged: keep it as written
        Value scalar = Value::plainScalar(text.toStdString());
        v.set(key, column.numeric && scalar.isNumber() ? scalar : Value::string(text.toStdString()));
    }
    return v;
}

Value RecordTable::items() const
{
    Value out = Value::sequence();
    for (int row = 0; row < rowCount(); ++row)
        if (!rowIsEmpty(row))
            out.append(rowValue(row));
    return out;
}

QString RecordTable::problem() const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (rowIsEmpty(row) || !m_validator)
            continue;
        if (const QString p = m_validator(rowValue(row)); !p.isEmpty())
            return tr("row %1: %2").arg(row + 1).arg(p);
    }
    return {};
}

void RecordTable::markRows()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    for (int row = 0; row < rowCount(); ++row) {
        const QString p = rowIsEmpty(row) || !m_validator ? QString() : m_validator(rowValue(row));
        for (int c = 0; c < columnCount(); ++c) {
            QTableWidgetItem *cell = item(row, c);
            if (!cell)
                setItem(row, c, cell = new QTableWidgetItem);
            cell->setBackground(p.isEmpty() ? QBrush() : QBrush(invalidColor));
            cell->setToolTip(p);
        }
    }
    m_updating = wasUpdating;
}

void RecordTable::onCellChanged()
{
    if (m_updating)
        return;
    m_updating = true;
    ensureEmptyLastRow();
    m_updating = false;
    markRows();
    emit edited();
}

void RecordTable::ensureEmptyLastRow()
{
    if (rowCount() == 0 || !rowIsEmpty(rowCount() - 1))
        insertRow(rowCount());
}

QSize RecordTable::sizeHint() const
{
    const int rows = qBound(2, rowCount(), 8);
    const int height = horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize()
                       + 2 * frameWidth() + 2;
    return {200, height};
}

bool RecordTable::event(QEvent *event)
{
    // Delete and Backspace remove a row here, not the selected object (the Edit menu's
    // Delete shortcut would otherwise take them).
    if (event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            event->accept();
            return true;
        }
    }
    return QTableWidget::event(event);
}

void RecordTable::keyPressEvent(QKeyEvent *event)
{
    const int row = currentRow();
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        && state() != QAbstractItemView::EditingState && row >= 0 && row < rowCount() - 1) {
        removeRow(row);
        if (row < int(m_originals.size()))
            m_originals.erase(m_originals.begin() + row);
        markRows();
        emit edited();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace app::panels
