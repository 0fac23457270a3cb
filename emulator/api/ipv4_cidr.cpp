// SPDX-License-Identifier: Apache-2.0
#include "ipv4_cidr.h"

#include <charconv>

namespace emu::api {

static std::optional<int> parseDecimal(std::string_view s, int max)
{
    // Go 1.17+ rejects leading zeros ("010") as ambiguous octal.
    if (s.empty() || s.size() > 3 || (s.size() > 1 && s.front() == '0'))
        return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value > max)
        return std::nullopt;
    return value;
}

std::optional<Ipv4Cidr> Ipv4Cidr::parse(std::string_view text)
{
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto prefix = parseDecimal(text.substr(slash + 1), 32);
    if (!prefix)
        return std::nullopt;
    std::string_view ip = text.substr(0, slash);
    std::uint32_t address = 0;
    for (int octet = 0; octet < 4; ++octet) {
        const std::size_t dot = ip.find('.');
        if ((octet < 3) == (dot == std::string_view::npos))
            return std::nullopt;
        const auto part = parseDecimal(ip.substr(0, dot), 255);
        if (!part)
            return std::nullopt;
        address = (address << 8) | static_cast<std::uint32_t>(*part);
        ip = dot == std::string_view::npos ? std::string_view() : ip.substr(dot + 1);
    }
    return Ipv4Cidr{address, *prefix};
}

std::uint32_t Ipv4Cidr::mask() const
{
    return prefixLength == 0 ? 0u : ~std::uint32_t(0) << (32 - prefixLength);
}

bool Ipv4Cidr::overlaps(const Ipv4Cidr &other) const
{
    const std::uint32_t common = prefixLength < other.prefixLength ? mask() : other.mask();
    return (address & common) == (other.address & common);
}

std::string Ipv4Cidr::toString() const
{
    const std::uint32_t n = network();
    return std::to_string(n >> 24) + "." + std::to_string((n >> 16) & 0xff) + "."
           + std::to_string((n >> 8) & 0xff) + "." + std::to_string(n & 0xff) + "/"
           + std::to_string(prefixLength);
}

} // namespace emu::api
