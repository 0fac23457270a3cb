// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "entry_state.h"

#include <QUndoCommand>

namespace app::document {

class Document;

/// Replaces an object's whole content (text and tree): an edit in the YAML editor, a rename,
/// or several fields changed at once.
class EditObjectCommand : public QUndoCommand
{
public:
    EditObjectCommand(Document *document, ObjectUid uid, EntryState before, EntryState after,
                      const QString &text);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    ObjectUid m_uid;
    EntryState m_before;
    EntryState m_after;
};

} // namespace app::document
