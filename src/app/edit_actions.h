// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace app {

namespace document {
class DocumentController;
class SelectionModel;
} // namespace document

/// The Edit menu's object operations on the shared selection: cut, copy and paste (as
/// YAML text, comments included, so objects move between projects and text editors),
/// duplicate, delete (warning first when other objects refer to what is deleted), select
/// all, and adding new objects from templates. When a text field has the focus, cut, copy,
/// paste, delete and select all act on its text instead.
class EditActions : public QObject
{
    Q_OBJECT

public:
    /// Asked before deleting objects that others refer to: shows `details` and returns
    /// whether to go on. The default asks with a message box.
    using Confirmation = std::function<bool(const QString &question, const QString &details)>;

    EditActions(document::DocumentController *controller, document::SelectionModel *selection,
                QWidget *window);

    QAction *cutAction() const { return m_cut; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *selectAllAction() const { return m_selectAll; }
    /// Fills a menu with one "New <Kind>" action per template.
    void fillAddMenu(QMenu *menu);
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

    void copy();
    void cut();
    document::ObjectUids paste();
    document::ObjectUids duplicate();
    /// Deletes the selection; false if nothing was deleted (none selected, or not confirmed).
    bool deleteSelection();
    void selectAll();
    /// Adds a new object of a template kind, named freely, in the selected object's namespace.
    document::ObjectUid addObject(const QString &kind);

private:
    QWidget *textFocus() const;
    void updateEnabled();

    document::DocumentController *m_controller;
    document::SelectionModel *m_selection;
    QWidget *m_window;
    QAction *m_cut;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_selectAll;
    Confirmation m_confirm;
};

} // namespace app
