// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "layout_change.h"

#include <QUndoCommand>

#include <vector>

namespace app::document {

class Document;

/// Changes canvas layout records at once (collapse, resize, auto-layout), one undo step.
class SetLayoutCommand : public QUndoCommand
{
public:
    SetLayoutCommand(Document *document, std::vector<LayoutChange> changes, const QString &text);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    std::vector<LayoutChange> m_changes;
};

} // namespace app::document
