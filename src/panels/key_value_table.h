// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTableWidget>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace app::panels {

/// An editable string map (labels, selectors, nodeSelector): one row per entry, in order,
/// and an empty row at the end to add one. Cells are checked as typed by the validator; an
/// invalid cell is shown red with the reason as its tooltip.
class KeyValueTable : public QTableWidget
{
    Q_OBJECT

public:
    using Entries = std::vector<std::pair<std::string, std::string>>;
    /// Returns the problem with a key (column 0) or value (column 1), or "" if it is fine.
    using Validator = std::function<QString(int column, const QString &text)>;

    explicit KeyValueTable(QWidget *parent = nullptr);
    /// As tall as its rows (a few at least, scrolling beyond about eight).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    void setValidator(Validator validator) { m_validator = std::move(validator); }
    /// Shows entries (no edited() signal).
    void setEntries(const Entries &entries);
    Entries entries() const;
    /// Every cell is valid and no key is given twice.
    bool isValid() const;
    /// The first problem, "" if none.
    QString problem() const;

    /// A cell is being edited: the table is not refreshed under the user's cursor.
    bool isEditing() const { return state() == QAbstractItemView::EditingState; }

signals:
    /// The user changed, added or removed an entry.
    void edited();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onCellChanged(int row, int column);
    void ensureEmptyLastRow();
    QString cellProblem(int row, int column) const;
    void markCells();

    Validator m_validator;
    bool m_updating = false;
};

} // namespace app::panels
