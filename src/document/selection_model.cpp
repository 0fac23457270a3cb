// SPDX-License-Identifier: Apache-2.0
#include "selection_model.h"

#include "document.h"

namespace app::document {

SelectionModel::SelectionModel(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    connect(document, &Document::objectRemoved, this, [this](ObjectUid uid) {
        if (!m_selection.contains(uid))
            return;
        ObjectUids rest = m_selection;
        rest.removeAll(uid);
        select(rest);
    });
    connect(document, &Document::modelReset, this, [this] { clear(); });
}

void SelectionModel::select(const ObjectUids &uids)
{
    ObjectUids unique;
    for (ObjectUid uid : uids)
        if (uid != kNoObject && !unique.contains(uid) && m_document->entry(uid))
            unique << uid;
    if (unique == m_selection)
        return;
    m_selection = unique;
    emit selectionChanged(m_selection);
}

} // namespace app::document
