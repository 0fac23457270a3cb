// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/document.h"

#include <QUndoCommand>

namespace app::document {

/// Adds objects (with their layout) at given positions in the document.
class AddObjectsCommand : public QUndoCommand
{
public:
    AddObjectsCommand(Document *document, std::vector<PlacedEntry> entries, const QString &text);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    std::vector<PlacedEntry> m_entries;
};

} // namespace app::document
