// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QSizeF>
#include <QString>

#include <string_view>

namespace app::canvas {

/// Sizes, spacing and colours shared by the canvas items and the auto-layout, so that what
/// the layout reserves is what the items draw.
namespace CanvasStyle {

inline constexpr QSizeF kObjectSize{196, 60};
inline constexpr QSizeF kNodeSize{184, 92};
inline constexpr double kGap = 16;          ///< between cards in a grid
inline constexpr double kRegionPadding = 14;
inline constexpr double kRegionHeader = 30; ///< room for a zone's or namespace's title
inline constexpr double kLayerGap = 80;     ///< between the physical and the logical layer
/// Below this scale items draw simple shapes without text (level of detail).
inline constexpr double kDetailScale = 0.45;

/// A stable, readable colour per namespace (hue from the name), so that a namespace keeps
/// its colour across sessions and projects.
QColor namespaceColour(std::string_view namespaceName);
/// The accent colour of a kind's family: workloads, networking, storage, configuration, ...
QColor kindColour(std::string_view kind);
/// Order of kinds inside a namespace group: traffic first (Ingress, Service), then the
/// workloads, then policies, then configuration and storage.
int kindRank(std::string_view kind);
/// The row of a namespace group a kind starts (each family starts a new row).
int kindRow(std::string_view kind);

} // namespace CanvasStyle

} // namespace app::canvas
