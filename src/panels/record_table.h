// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"

#include <QTableWidget>

#include <functional>
#include <vector>

namespace app::panels {

/// An editable list of small mappings (ports, taints, tolerations): one row per item, one
/// column per field, an empty row at the end to add one. Fields the table has no column for
/// are kept as they were. Each row is checked as typed; an invalid row is shown red.
class RecordTable : public QTableWidget
{
    Q_OBJECT

public:
    struct Column
    {
        QString field;        ///< the mapping key, e.g. containerPort
        QString header;
        bool numeric = false; ///< a number when it reads as one (else a string)
    };
    /// Returns the problem with a row (the item as it would be written), or "".
    using Validator = std::function<QString(const emu::api::Value &item)>;

    explicit RecordTable(QWidget *parent = nullptr);
    /// As tall as its rows (a few at least, scrolling beyond about eight).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    void setColumns(const std::vector<Column> &columns);
    void setValidator(Validator validator) { m_validator = std::move(validator); }
    /// Shows a sequence of mappings (no edited() signal).
    void setItems(const emu::api::Value &sequence);
    /// The rows as a sequence of mappings, each the original item with the columns applied.
    emu::api::Value items() const;
    QString problem() const;
    bool isValid() const { return problem().isEmpty(); }

    /// A cell is being edited: the table is not refreshed under the user's cursor.
    bool isEditing() const { return state() == QAbstractItemView::EditingState; }

signals:
    void edited();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    emu::api::Value rowValue(int row) const;
    bool rowIsEmpty(int row) const;
    void onCellChanged();
    void ensureEmptyLastRow();
    void markRows();

    std::vector<Column> m_columns;
    std::vector<emu::api::Value> m_originals; ///< the item each row started from
    Validator m_validator;
    bool m_updating = false;
};

} // namespace app::panels
