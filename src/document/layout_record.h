// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointF>
#include <QSizeF>

namespace app::document {

/// Where the canvas draws one object. Stored in the project's Layout document (keyed by the
/// object's Kubernetes identity), never in exported manifests. An empty size means "the
/// item's natural size".
struct LayoutRecord
{
    QPointF pos;
    QSizeF size;
    bool collapsed = false;

    bool operator==(const LayoutRecord &other) const
    {
        return pos == other.pos && size == other.size && collapsed == other.collapsed;
    }
    bool operator!=(const LayoutRecord &other) const { return !(*this == other); }
};

} // namespace app::document
