// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsItem>

namespace app::canvas {

/// QGraphicsItem::type() of the canvas items, for qgraphicsitem_cast.
enum ItemType {
    ObjectItemType = QGraphicsItem::UserType + 1,
    NodeItemType,
    RegionItemType,
    EdgeItemType,
};

} // namespace app::canvas
