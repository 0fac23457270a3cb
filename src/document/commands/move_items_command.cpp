// SPDX-License-Identifier: Apache-2.0
#include "move_items_command.h"

#include "command_ids.h"

#include "document/document.h"

namespace app::document {

MoveItemsCommand::MoveItemsCommand(Document *document, std::vector<LayoutChange> changes,
                                   bool dragFinished)
    : QUndoCommand(changes.size() == 1 ? QObject::tr("Move item")
                                       : QObject::tr("Move %n items", nullptr, int(changes.size())))
    , m_document(document)
    , m_changes(std::move(changes))
    , m_dragFinished(dragFinished)
{}

void MoveItemsCommand::redo()
{
    // On the first redo the item already sits where the user dropped it; the document
    // ignores a record that does not change.
    for (const LayoutChange &c : m_changes)
        m_document->setLayoutRecord(c.uid, c.after);
}

void MoveItemsCommand::undo()
{
    for (const LayoutChange &c : m_changes)
        m_document->setLayoutRecord(c.uid, c.before);
}

int MoveItemsCommand::id() const
{
    return MoveItemsCommandId;
}

bool MoveItemsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const MoveItemsCommand *>(other);
    if (m_dragFinished || next->m_changes.size() != m_changes.size())
        return false;
    for (std::size_t i = 0; i < m_changes.size(); ++i)
        if (m_changes[i].uid != next->m_changes[i].uid)
            return false;
    for (std::size_t i = 0; i < m_changes.size(); ++i)
        m_changes[i].after = next->m_changes[i].after;
    m_dragFinished = next->m_dragFinished;
    return true;
}

} // namespace app::document
