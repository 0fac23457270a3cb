// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace emu::ctrl {

/// upstream core/v1 ConditionStatus ("True", "False", "Unknown"), plus Missing for a node that
/// has no condition of that type (a nil *NodeCondition upstream).
enum class ConditionStatus : std::uint8_t { True, False, Unknown, Missing };

/// "True", "False", "Unknown"; "" for Missing.
constexpr std::string_view conditionStatusName(ConditionStatus status)
{
    switch (status) {
    case ConditionStatus::True:
        return "True";
    case ConditionStatus::False:
        return "False";
    case ConditionStatus::Unknown:
        return "Unknown";
    case ConditionStatus::Missing:
        break;
    }
    return {};
}

/// Reads a condition's status field; anything but the three API values gives nullopt.
constexpr std::optional<ConditionStatus> parseConditionStatus(std::string_view text)
{
    if (text == "True")
        return ConditionStatus::True;
    if (text == "False")
        return ConditionStatus::False;
    if (text == "Unknown")
        return ConditionStatus::Unknown;
    return std::nullopt;
}

} // namespace emu::ctrl
