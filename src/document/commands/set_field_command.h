// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "entry_state.h"

#include "document/field_path.h"

#include <QUndoCommand>

namespace app::document {

class Document;

/// Sets or removes one field of an object. Consecutive edits of the same field (typing in a
/// property editor) merge into one undo step.
class SetFieldCommand : public QUndoCommand
{
public:
    SetFieldCommand(Document *document, ObjectUid uid, FieldPath path, EntryState before,
                    EntryState after, const QString &text);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    ObjectUid m_uid;
    FieldPath m_path;
    EntryState m_before;
    EntryState m_after;
};

} // namespace app::document
