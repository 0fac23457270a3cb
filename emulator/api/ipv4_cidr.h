// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace emu::api {

/// An IPv4 CIDR such as 10.244.0.0/16, as Go's net.ParseCIDR reads it: four decimal
/// octets without leading zeros (rejected since Go 1.17) and a prefix length 0..32.
struct Ipv4Cidr
{
    std::uint32_t address = 0; ///< as written, host bits included
    int prefixLength = 0;

    static std::optional<Ipv4Cidr> parse(std::string_view text);

    std::uint32_t mask() const;
    std::uint32_t network() const { return address & mask(); }
    bool hasHostBits() const { return address != network(); }
    bool overlaps(const Ipv4Cidr &other) const;
    std::string toString() const; ///< the network form, e.g. "10.244.0.0/16"
};

} // namespace emu::api
