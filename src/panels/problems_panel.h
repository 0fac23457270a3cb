// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QWidget>

#include <memory>

class QTreeWidgetItem;

namespace Ui { class ProblemsPanel; }

namespace app::document {
class Document;
class DocumentValidator;
} // namespace app::document

namespace app::panels {

/// Every validation error and warning of the project, the cross-object ones included, with
/// the object, where it is (file:line:column as `kubecanvas-cli validate` prints it, or the
/// line in the object's YAML once edited) and the message. Activating a row asks to show
/// that object at that line.
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    ProblemsPanel(document::Document *document, document::DocumentValidator *validator,
                  QWidget *parent = nullptr);
    ~ProblemsPanel() override;

    /// The rows shown, as "Object | Location | Problem" (for tests and the status bar).
    QStringList rows() const;

signals:
    void problemActivated(app::document::ObjectUid uid, int line, int column);

private:
    void rebuild();
    void activate(QTreeWidgetItem *item);

    std::unique_ptr<Ui::ProblemsPanel> m_ui;
    document::Document *m_document;
    document::DocumentValidator *m_validator;
};

} // namespace app::panels
