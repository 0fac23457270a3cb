// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/labels.h"

#include <string>
#include <string_view>

namespace emu::ctrl {

/// Well-known node labels (upstream core/v1 well_known_labels.go).
inline constexpr std::string_view kLabelTopologyZone = "topology.kubernetes.io/zone";
inline constexpr std::string_view kLabelTopologyRegion = "topology.kubernetes.io/region";
inline constexpr std::string_view kLabelFailureDomainBetaZone = "failure-domain.beta.kubernetes.io/zone";
inline constexpr std::string_view kLabelFailureDomainBetaRegion = "failure-domain.beta.kubernetes.io/region";
/// Nodes with this label (any value) are left out of the zone-state arithmetic.
inline constexpr std::string_view kLabelNodeExcludeDisruption = "node.kubernetes.io/exclude-disruption";

/// upstream k8s.io/component-helpers/node/topology GetZoneKey: the key of the node lifecycle
/// controller's per-zone maps and the `zone` label of its metrics.
///   zone   = labels[failure-domain.beta.kubernetes.io/zone] if that key is present (even with an
///            empty value), else labels[topology.kubernetes.io/zone] (or "");
///   region = the same with the .../region labels;
///   both empty -> "" (the single unnamed zone); else region + ":\x00:" + zone.
/// The NUL byte guards against colons in the names; the key is not meant for display.
std::string zoneKey(const api::Labels &labels);

/// A display name for the zone whose key is `key`: the zone part, or the region part when the
/// zone part is empty (a node with only a region label); "" for the unnamed zone (key "").
std::string zoneDisplayName(std::string_view key);

} // namespace emu::ctrl
