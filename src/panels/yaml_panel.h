// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yaml_editor.h"

#include "document/object_uid.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui { class YamlPanel; }

namespace app::document {
class Document;
class DocumentController;
class DocumentValidator;
class SelectionModel;
} // namespace app::document

namespace app::panels {

/// The selected object's YAML, editable. Edits are checked as they are typed (syntax and
/// the object's own validation, marked at their lines) and applied to the project as one
/// undo step, after a short pause in typing or with Apply; text that is not valid YAML is
/// never applied. Changes made elsewhere (property editor, canvas, undo) replace the text in
/// place, keeping the cursor, unless the user has edits not applied yet.
class YamlPanel : public QWidget
{
    Q_OBJECT

public:
    YamlPanel(document::DocumentController *controller, document::DocumentValidator *validator,
              document::SelectionModel *selection, QWidget *parent = nullptr);
    ~YamlPanel() override;

    YamlEditor *editor() const;
    document::ObjectUid object() const { return m_uid; }
    /// Edits typed and not applied yet.
    bool hasPendingEdits() const;
    /// How long typing must pause before an edit is applied.
    void setApplyDelay(int milliseconds);
    /// Applies the editor's text now; false (nothing changed) if it is not one valid object.
    bool apply();
    void revert();
    /// Shows the object (if not shown) with the cursor on a line of its YAML.
    void showLine(document::ObjectUid uid, int line, int column);

private:
    void showObject(document::ObjectUid uid);
    void updateTitle();
    void onTextEdited();
    void onObjectChanged(document::ObjectUid uid);
    void checkDraft();
    void showValidatorProblems();
    void updateStatus(const QString &message = {});
    bool eventFilter(QObject *watched, QEvent *event) override;

    std::unique_ptr<Ui::YamlPanel> m_ui;
    document::DocumentController *m_controller;
    document::Document *m_document;
    document::DocumentValidator *m_validator;
    document::ObjectUid m_uid = document::kNoObject;
    QString m_appliedText; ///< the object's text as last shown or applied
    QHash<document::ObjectUid, QString> m_drafts; ///< unapplied edits of objects not shown
    QTimer *m_idleTimer;
    bool m_updating = false;
    bool m_changedElsewhere = false;
};

} // namespace app::panels
