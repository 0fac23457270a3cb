// SPDX-License-Identifier: Apache-2.0
#include "set_field_command.h"

#include "command_ids.h"

namespace app::document {

SetFieldCommand::SetFieldCommand(Document *document, ObjectUid uid, FieldPath path,
                                 EntryState before, EntryState after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_uid(uid)
    , m_path(std::move(path))
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void SetFieldCommand::redo()
{
    m_after.restore(*m_document, m_uid);
}

void SetFieldCommand::undo()
{
    m_before.restore(*m_document, m_uid);
}

int SetFieldCommand::id() const
{
    return SetFieldCommandId;
}

bool SetFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetFieldCommand *>(other);
    if (next->m_uid != m_uid || !(next->m_path == m_path))
        return false;
    m_after = next->m_after;
    if (m_after.content.text == m_before.content.text)
        setObsolete(true); // typed back to where it started: nothing to undo
    return true;
}

} // namespace app::document
