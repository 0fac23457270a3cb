// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QTreeWidget;
class QTreeWidgetItem;

namespace Ui { class ObjectTreePanel; }

namespace app::document {
class Document;
class DocumentValidator;
class SelectionModel;
} // namespace app::document

namespace app::panels {

/// The project's objects grouped by kind, with their problems marked; selecting here
/// selects everywhere (several with Ctrl or Shift), and the filter finds objects by name,
/// kind, namespace or label.
class ObjectTreePanel : public QWidget
{
    Q_OBJECT

public:
    ObjectTreePanel(document::Document *document, document::DocumentValidator *validator,
                    document::SelectionModel *selection, QWidget *parent = nullptr);
    ~ObjectTreePanel() override;

    QTreeWidget *tree() const;
    QTreeWidgetItem *itemFor(document::ObjectUid uid) const { return m_items.value(uid); }

private:
    void scheduleRebuild();
    void rebuild();
    void updateItem(document::ObjectUid uid);
    void updateIcons();
    void applyFilter();
    void selectionFromTree();
    void selectionToTree();

    std::unique_ptr<Ui::ObjectTreePanel> m_ui;
    document::Document *m_document;
    document::DocumentValidator *m_validator;
    document::SelectionModel *m_selection;
    QHash<document::ObjectUid, QTreeWidgetItem *> m_items;
    bool m_rebuildScheduled = false;
    bool m_syncing = false;
};

} // namespace app::panels
