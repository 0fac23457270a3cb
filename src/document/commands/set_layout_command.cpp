// SPDX-License-Identifier: Apache-2.0
#include "set_layout_command.h"

#include "document/document.h"

namespace app::document {

SetLayoutCommand::SetLayoutCommand(Document *document, std::vector<LayoutChange> changes,
                                   const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_changes(std::move(changes))
{}

void SetLayoutCommand::redo()
{
    for (const LayoutChange &c : m_changes)
        m_document->setLayoutRecord(c.uid, c.after);
}

void SetLayoutCommand::undo()
{
    for (const LayoutChange &c : m_changes)
        m_document->setLayoutRecord(c.uid, c.before);
}

} // namespace app::document
