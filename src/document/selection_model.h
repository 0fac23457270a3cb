// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_uid.h"

#include <QObject>

namespace app::document {

class Document;

/// The one selection that every view shares (canvas, object tree, YAML and property
/// editors): views set it when the user selects, and follow selectionChanged. Objects that
/// leave the document leave the selection.
class SelectionModel : public QObject
{
    Q_OBJECT

public:
    explicit SelectionModel(Document *document, QObject *parent = nullptr);

    const ObjectUids &selection() const { return m_selection; }
    /// The object the editors show: the last one selected, or none.
    ObjectUid current() const { return m_selection.isEmpty() ? kNoObject : m_selection.last(); }
    bool isSelected(ObjectUid uid) const { return m_selection.contains(uid); }

    /// Replaces the selection (duplicates dropped, order kept); no signal if it is the same.
    void select(const ObjectUids &uids);
    void select(ObjectUid uid) { select(ObjectUids{uid}); }
    void clear() { select(ObjectUids{}); }

signals:
    void selectionChanged(const app::document::ObjectUids &uids);

private:
    Document *m_document;
    ObjectUids m_selection;
};

} // namespace app::document
