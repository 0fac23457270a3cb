// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "label_requirement.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

/// The string form of a label selector, "a=b,c in (x,y),!d" (upstream labels.Parse, before
/// sorting): appends the requirements to `out`, or returns upstream's error message.
/// Internal to LabelSelector::parse.
std::optional<std::string> parseLabelSelectorString(std::string_view text, std::vector<LabelRequirement> &out);

} // namespace emu::api
