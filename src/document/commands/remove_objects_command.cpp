// SPDX-License-Identifier: Apache-2.0
#include "remove_objects_command.h"

namespace app::document {

RemoveObjectsCommand::RemoveObjectsCommand(Document *document, const ObjectUids &uids,
                                           const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_uids(uids)
{}

void RemoveObjectsCommand::redo()
{
    m_removed = m_document->takeEntries(m_uids);
}

void RemoveObjectsCommand::undo()
{
    m_document->insertEntries(m_removed);
    m_removed.clear();
}

} // namespace app::document
