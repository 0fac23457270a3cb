// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QtGlobal>

namespace app::document {

/// A stable, internal id of one object in a Document. It survives renames and edits (unlike
/// the Kubernetes identity) and is never reused within a Document; 0 is "no object".
using ObjectUid = quint64;
using ObjectUids = QList<ObjectUid>;

inline constexpr ObjectUid kNoObject = 0;

} // namespace app::document
