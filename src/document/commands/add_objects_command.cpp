// SPDX-License-Identifier: Apache-2.0
#include "add_objects_command.h"

namespace app::document {

AddObjectsCommand::AddObjectsCommand(Document *document, std::vector<PlacedEntry> entries,
                                     const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_entries(std::move(entries))
{}

void AddObjectsCommand::redo()
{
    m_document->insertEntries(m_entries);
}

void AddObjectsCommand::undo()
{
    ObjectUids uids;
    for (const PlacedEntry &p : m_entries)
        uids << p.entry.uid;
    // Keep what the objects became (a save in between marks them clean).
    m_entries = m_document->takeEntries(uids);
}

} // namespace app::document
