// SPDX-License-Identifier: Apache-2.0
#include "problem.h"

#include "document.h"

#include <QFileInfo>

namespace app::document {

QString Problem::fileLocation(const Document &document) const
{
    const ManifestEntry *e = document.entry(uid);
    if (!e || e->file.isEmpty() || e->lineInFile <= 0 || !pos.isKnown())
        return {};
    return QStringLiteral("%1:%2:%3")
        .arg(QFileInfo(e->file).fileName())
        .arg(e->lineInFile + int(pos.line) - 1)
        .arg(pos.column);
}

QString Problem::text() const
{
    const QString m = QString::fromStdString(message);
    return path.empty() ? m : QString::fromStdString(path) + QStringLiteral(": ") + m;
}

} // namespace app::document
