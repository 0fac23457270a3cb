// SPDX-License-Identifier: Apache-2.0
#include "key_value_table.h"

#include <QHeaderView>
#include <QKeyEvent>

#include <set>

namespace app::panels {

namespace {
const QColor invalidColor(0xff, 0xd6, 0xd6);
}

KeyValueTable::KeyValueTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(model(), &QAbstractItemModel::rowsInserted, this, &QWidget::updateGeometry);
    connect(model(), &QAbstractItemModel::rowsRemoved, this, &QWidget::updateGeometry);
    setToolTip(tr("Type in the last row to add an entry; select a row and press Delete to remove it."));
    connect(this, &QTableWidget::cellChanged, this, &KeyValueTable::onCellChanged);
    ensureEmptyLastRow();
}

void KeyValueTable::setEntries(const Entries &entries)
{
    if (entries == this->entries())
        return;
    m_updating = true;
    setRowCount(0);
    for (const auto &[key, value] : entries) {
        const int row = rowCount();
        insertRow(row);
        setItem(row, 0, new QTableWidgetItem(QString::fromStdString(key)));
        setItem(row, 1, new QTableWidgetItem(QString::fromStdString(value)));
    }
    ensureEmptyLastRow();
    markCells();
    m_updating = false;
}

KeyValueTable::Entries KeyValueTable::entries() const
{
    Entries out;
    for (int row = 0; row < rowCount(); ++row) {
        const QString key = item(row, 0) ? item(row, 0)->text().trimmed() : QString();
        const QString value = item(row, 1) ? item(row, 1)->text().trimmed() : QString();
        if (!key.isEmpty() || !value.isEmpty())
            out.emplace_back(key.toStdString(), value.toStdString());
    }
    return out;
}

QString KeyValueTable::cellProblem(int row, int column) const
{
    const QString key = item(row, 0) ? item(row, 0)->text().trimmed() : QString();
    const QString value = item(row, 1) ? item(row, 1)->text().trimmed() : QString();
    if (key.isEmpty() && value.isEmpty())
        return {};
    if (column == 0 && key.isEmpty())
        return tr("a key is required");
    if (column == 0) {
        for (int other = 0; other < row; ++other)
            if (item(other, 0) && item(other, 0)->text().trimmed() == key)
                return tr("the key %1 is given twice").arg(key);
    }
    return m_validator ? m_validator(column, column == 0 ? key : value) : QString();
}

QString KeyValueTable::problem() const
{
    for (int row = 0; row < rowCount(); ++row)
        for (int column = 0; column < 2; ++column)
            if (const QString p = cellProblem(row, column); !p.isEmpty())
                return p;
    return {};
}

bool KeyValueTable::isValid() const
{
    return problem().isEmpty();
}

void KeyValueTable::markCells()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    for (int row = 0; row < rowCount(); ++row)
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem *cell = item(row, column);
            if (!cell)
                setItem(row, column, cell = new QTableWidgetItem);
            const QString p = cellProblem(row, column);
            cell->setBackground(p.isEmpty() ? QBrush() : QBrush(invalidColor));
            cell->setToolTip(p);
        }
    m_updating = wasUpdating;
}

void KeyValueTable::onCellChanged(int, int)
{
    if (m_updating)
        return;
    m_updating = true;
    ensureEmptyLastRow();
    m_updating = false;
    markCells();
    emit edited();
}

void KeyValueTable::ensureEmptyLastRow()
{
    const int last = rowCount() - 1;
    const bool lastEmpty = last >= 0 && (!item(last, 0) || item(last, 0)->text().isEmpty())
                           && (!item(last, 1) || item(last, 1)->text().isEmpty());
    if (!lastEmpty)
        insertRow(rowCount());
}

QSize KeyValueTable::sizeHint() const
{
    const int rows = qBound(2, rowCount(), 8);
    const int height = horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize()
                       + 2 * frameWidth() + 2;
    return {200, height};
}

bool KeyValueTable::event(QEvent *event)
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

void KeyValueTable::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        && state() != QAbstractItemView::EditingState && currentRow() >= 0
        && currentRow() < rowCount() - 1) {
        removeRow(currentRow());
        markCells();
        emit edited();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace app::panels
