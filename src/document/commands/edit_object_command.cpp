// SPDX-License-Identifier: Apache-2.0
#include "edit_object_command.h"

namespace app::document {

EditObjectCommand::EditObjectCommand(Document *document, ObjectUid uid, EntryState before,
                                     EntryState after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_uid(uid)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void EditObjectCommand::redo()
{
    m_after.restore(*m_document, m_uid);
}

void EditObjectCommand::undo()
{
    m_before.restore(*m_document, m_uid);
}

} // namespace app::document
