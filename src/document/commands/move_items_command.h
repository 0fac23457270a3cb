// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "layout_change.h"

#include <QUndoCommand>

#include <vector>

namespace app::document {

class Document;

/// Moves canvas items. The steps of one drag (same items, the drag not yet finished) merge
/// into one undo step; the step that finishes the drag closes it.
class MoveItemsCommand : public QUndoCommand
{
public:
    MoveItemsCommand(Document *document, std::vector<LayoutChange> changes, bool dragFinished);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    std::vector<LayoutChange> m_changes;
    bool m_dragFinished;
};

} // namespace app::document
