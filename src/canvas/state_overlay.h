// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QString>

namespace app::canvas {

/// A run-time state drawn over an item without touching the document: the run mode tints
/// a node red and writes "NotReady" on it, marks a zone "outage", ... An invalid colour
/// draws only the text.
struct StateOverlay
{
    QColor colour;
    QString text;

    bool operator==(const StateOverlay &other) const = default;
};

} // namespace app::canvas
