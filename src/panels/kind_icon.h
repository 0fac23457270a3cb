// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIcon>
#include <QString>

namespace app::panels {

/// The icon of a kind (resources/icons/<lowercase kind>.svg), or the "unknown" icon.
QIcon kindIcon(const QString &kind);

} // namespace app::panels
