// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/manifest_entry.h"

namespace app::document {

class Document;

/// An object's content as an undo command remembers it: the text and tree, and whether it
/// was saved, so that undoing back to the saved text makes the object clean again.
struct EntryState
{
    ObjectContent content;
    bool dirty = false;
    int lineInFile = 0;
    int saveGeneration = 0;

    static EntryState capture(const Document &document, ObjectUid uid);
    /// A new content, not saved.
    static EntryState edited(ObjectContent content);
    void restore(Document &document, ObjectUid uid) const;
};

} // namespace app::document
