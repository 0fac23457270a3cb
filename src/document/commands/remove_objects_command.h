// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/document.h"

#include <QUndoCommand>

namespace app::document {

/// Removes objects; undo puts them back where they were, with their text and layout.
class RemoveObjectsCommand : public QUndoCommand
{
public:
    RemoveObjectsCommand(Document *document, const ObjectUids &uids, const QString &text);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    ObjectUids m_uids;
    std::vector<PlacedEntry> m_removed;
};

} // namespace app::document
