// SPDX-License-Identifier: Apache-2.0
#include "zone_key.h"

namespace emu::ctrl {

namespace {

// "We include the null character just in case region or failureDomain has a colon"
constexpr std::string_view kSeparator{":\0:", 3};

// zone, ok := labels[beta]; if !ok { zone, _ = labels[ga] }
std::string_view labelWithFallback(const api::Labels &labels, std::string_view beta, std::string_view ga)
{
    if (const auto it = labels.find(beta); it != labels.end())
        return it->second;
    if (const auto it = labels.find(ga); it != labels.end())
        return it->second;
    return {};
}

} // namespace

std::string zoneKey(const api::Labels &labels)
{
    const std::string_view zone = labelWithFallback(labels, kLabelFailureDomainBetaZone, kLabelTopologyZone);
    const std::string_view region = labelWithFallback(labels, kLabelFailureDomainBetaRegion, kLabelTopologyRegion);
    if (region.empty() && zone.empty())
        return {};
    std::string key;
    key.reserve(region.size() + kSeparator.size() + zone.size());
    key.append(region).append(kSeparator).append(zone);
    return key;
}

std::string zoneDisplayName(std::string_view key)
{
    const std::size_t sep = key.find(kSeparator);
    if (sep == std::string_view::npos)
        return std::string(key);
    const std::string_view region = key.substr(0, sep);
    const std::string_view zone = key.substr(sep + kSeparator.size());
    return std::string(zone.empty() ? region : zone);
}

} // namespace emu::ctrl
