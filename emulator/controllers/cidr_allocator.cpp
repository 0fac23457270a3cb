// SPDX-License-Identifier: Apache-2.0
#include "cidr_allocator.h"

namespace emu::ctrl {

namespace {

std::string formatIp(std::uint32_t ip)
{
    return std::to_string(ip >> 24) + "." + std::to_string((ip >> 16) & 0xff) + "."
           + std::to_string((ip >> 8) & 0xff) + "." + std::to_string(ip & 0xff);
}

std::uint32_t maskFor(int prefixLength)
{
    return prefixLength <= 0 ? 0u : ~std::uint32_t(0) << (32 - prefixLength);
}

// net.ParseCIDR: the IPNet it returns has the host bits cleared.
std::optional<api::Ipv4Cidr> parseNetwork(std::string_view text)
{
    auto cidr = api::Ipv4Cidr::parse(text);
    if (cidr)
        cidr->address = cidr->network();
    return cidr;
}

} // namespace

CidrAllocator::CidrAllocator(std::string_view clusterCidr, int nodeMaskSize)
    : m_nodeMaskSize(nodeMaskSize)
{
    const auto cluster = parseNetwork(clusterCidr);
    if (!cluster) {
        // Go net.ParseCIDR's ParseError
        m_error = "invalid CIDR address: " + std::string(clusterCidr);
        return;
    }
    m_cluster = *cluster;
    if (nodeMaskSize < 0 || nodeMaskSize > 32) {
        m_error = "invalid node CIDR mask size /" + std::to_string(nodeMaskSize)
                  + ": an IPv4 mask size must be between 0 and 32";
        return;
    }
    // node_ipam_controller.go NewNodeIpamController
    if (m_cluster.prefixLength > nodeMaskSize) {
        m_error = "Controller: Invalid --cluster-cidr, mask size of cluster CIDR must be less than or "
                  "equal to --node-cidr-mask-size configured for CIDR family";
        return;
    }
    // cidr_set.go NewCIDRSet: subNetMaskSize-clusterMaskSize > clusterSubnetMaxDiff
    if (nodeMaskSize - m_cluster.prefixLength > kClusterSubnetMaxDiff) {
        m_error = std::string(kErrSubNetTooBig);
        return;
    }
    // maxCIDRs = 1 << uint32(subNetMaskSize-clusterMaskSize)
    m_used.assign(std::size_t(1) << (nodeMaskSize - m_cluster.prefixLength), false);
    m_valid = true;
}

std::uint32_t CidrAllocator::nodeMask() const
{
    return maskFor(m_nodeMaskSize);
}

std::string CidrAllocator::cidrAt(std::size_t index) const
{
    // j := uint32(index) << uint32(32-s.nodeMaskSize); ipInt := clusterIP | j
    const int shift = 32 - m_nodeMaskSize;
    const std::uint32_t offset = shift >= 32 ? 0u : static_cast<std::uint32_t>(index) << shift;
    return formatIp(m_cluster.address | offset) + "/" + std::to_string(m_nodeMaskSize);
}

std::optional<std::string> CidrAllocator::allocateNext()
{
    if (!m_valid)
        return std::nullopt;
    if (m_allocated == m_used.size()) {
        m_error = std::string(kErrNoRemainingCidrs);
        return std::nullopt;
    }
    const std::size_t maxCidrs = m_used.size();
    std::size_t candidate = m_nextCandidate;
    for (std::size_t i = 0; i < maxCidrs; ++i) {
        if (!m_used[candidate])
            break;
        candidate = (candidate + 1) % maxCidrs;
    }
    m_nextCandidate = (candidate + 1) % maxCidrs;
    m_used[candidate] = true;
    ++m_allocated;
    return cidrAt(candidate);
}

// cidr_set.go getIndexForIP: (clusterIP ^ ip) >> (32 - nodeMaskSize), which must be < maxCIDRs.
std::optional<std::size_t> CidrAllocator::indexForIp(std::uint32_t ip, std::string *error) const
{
    const int shift = 32 - m_nodeMaskSize;
    const std::uint32_t index = shift >= 32 ? 0u : (m_cluster.address ^ ip) >> shift;
    if (index >= m_used.size()) {
        *error = "CIDR: " + formatIp(ip) + "/" + std::to_string(m_nodeMaskSize)
                 + " is out of the range of CIDR allocator";
        return std::nullopt;
    }
    return index;
}

// cidr_set.go getBeginningAndEndIndices.
std::optional<CidrAllocator::IndexRange> CidrAllocator::indicesFor(std::string_view text,
                                                                   std::string *error) const
{
    const auto cidr = parseNetwork(text);
    if (!cidr) {
        *error = "invalid CIDR address: " + std::string(text);
        return std::nullopt;
    }
    // !clusterCIDR.Contains(cidr.IP.Mask(clusterMask)) && !cidr.Contains(clusterIP.Mask(cidrMask))
    if (!m_cluster.overlaps(*cidr)) {
        *error = "cidr " + cidr->toString() + " is out the range of cluster cidr " + m_cluster.toString();
        return std::nullopt;
    }
    IndexRange range{0, m_used.size() - 1};
    if (m_cluster.prefixLength < cidr->prefixLength) {
        const auto begin = indexForIp(cidr->address & nodeMask(), error);
        if (!begin)
            return std::nullopt;
        // the last address of cidr, cut to its node range
        const auto end = indexForIp((cidr->address | ~cidr->mask()) & nodeMask(), error);
        if (!end)
            return std::nullopt;
        range = IndexRange{*begin, *end};
    }
    return range;
}

bool CidrAllocator::occupy(std::string_view cidr)
{
    if (!m_valid)
        return false;
    const auto range = indicesFor(cidr, &m_error);
    if (!range)
        return false;
    for (std::size_t i = range->begin; i <= range->end; ++i) {
        // "Only change the counters if we change the bit to prevent double counting."
        if (!m_used[i]) {
            m_used[i] = true;
            ++m_allocated;
        }
    }
    return true;
}

bool CidrAllocator::release(std::string_view cidr)
{
    if (!m_valid)
        return false;
    const auto range = indicesFor(cidr, &m_error);
    if (!range)
        return false;
    for (std::size_t i = range->begin; i <= range->end; ++i) {
        if (m_used[i]) {
            m_used[i] = false;
            --m_allocated;
        }
    }
    return true;
}

bool CidrAllocator::isOccupied(std::string_view cidr) const
{
    if (!m_valid)
        return false;
    std::string ignored;
    const auto range = indicesFor(cidr, &ignored);
    if (!range)
        return false;
    for (std::size_t i = range->begin; i <= range->end; ++i) {
        if (!m_used[i])
            return false;
    }
    return true;
}

} // namespace emu::ctrl
