// SPDX-License-Identifier: Apache-2.0
#include "entry_state.h"

#include "document/document.h"

namespace app::document {

EntryState EntryState::capture(const Document &document, ObjectUid uid)
{
    EntryState state;
    if (const ManifestEntry *e = document.entry(uid)) {
        state.content = e->content;
        state.dirty = e->dirty;
        state.lineInFile = e->lineInFile;
    }
    state.saveGeneration = document.saveGeneration();
    return state;
}

EntryState EntryState::edited(ObjectContent content)
{
    EntryState state;
    state.content = std::move(content);
    state.dirty = true;
    state.saveGeneration = -1;
    return state;
}

void EntryState::restore(Document &document, ObjectUid uid) const
{
    // A state remembered before the last save is no longer what the file holds.
    const bool stillSaved = !dirty && saveGeneration == document.saveGeneration();
    document.setContent(uid, content, !stillSaved, stillSaved ? lineInFile : 0);
}

} // namespace app::document
