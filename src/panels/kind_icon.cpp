// SPDX-License-Identifier: Apache-2.0
#include "kind_icon.h"

#include <QFile>

namespace app::panels {

QIcon kindIcon(const QString &kind)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(kind.toLower());
    return QIcon(QFile::exists(path) ? path : QStringLiteral(":/icons/unknown.svg"));
}

} // namespace app::panels
