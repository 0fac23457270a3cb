// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/ipv4_cidr.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::ctrl {

/// The IPv4 node CIDR allocator of the nodeipam controller: upstream
/// pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (CidrSet), as used by the RangeAllocator
/// (range_allocator.go). The cluster CIDR is cut into 2^(nodeMask - clusterMask) node ranges,
/// tracked in a bitmap, handed out round robin from a moving nextCandidate.
class CidrAllocator
{
public:
    /// upstream ErrCIDRRangeNoCIDRsRemaining.
    static constexpr std::string_view kErrNoRemainingCidrs =
        "CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range";
    /// upstream ErrCIDRSetSubNetTooBig.
    static constexpr std::string_view kErrSubNetTooBig = "New CIDR set failed; the node CIDR size is too big";
    /// upstream clusterSubnetMaxDiff (the bitmap limit).
    static constexpr int kClusterSubnetMaxDiff = 16;

    /// Validates like kcm's nodeipam start-up and NewCIDRSet: clusterCidr must parse as Go's
    /// net.ParseCIDR reads it (host bits are dropped: "10.244.1.0/16" is 10.244.0.0/16);
    /// nodeMaskSize must be within 0..32 and not shorter than the cluster prefix; and at most
    /// kClusterSubnetMaxDiff bits longer. Upstream NewCIDRSet enforces that last limit for IPv6
    /// cluster CIDRs only; the emulator applies it to IPv4 too, as ClusterSpec validation does.
    /// An invalid allocator has capacity 0, allocates nothing and explains why in errorString().
    CidrAllocator(std::string_view clusterCidr, int nodeMaskSize);

    bool isValid() const { return m_valid; }
    /// Why the constructor rejected its inputs, else the last failure of allocateNext / occupy /
    /// release ("" if none).
    const std::string &errorString() const { return m_error; }

    /// upstream CidrSet.AllocateNext: the first free range scanning round robin from
    /// nextCandidate, which then moves past it (a released range is not reused at once). nullopt
    /// with errorString() == kErrNoRemainingCidrs when every range is used.
    std::optional<std::string> allocateNext();
    /// upstream CidrSet.Occupy: marks every node range that `cidr` overlaps as used (a range
    /// already used stays used; a CIDR covering the whole cluster CIDR, e.g. an overlapping
    /// service range, occupies everything). False, with errorString(), if `cidr` does not parse
    /// or lies outside the cluster CIDR.
    bool occupy(std::string_view cidr);
    /// upstream CidrSet.Release: the reverse of occupy. nextCandidate does not move back.
    bool release(std::string_view cidr);
    /// True if every node range that `cidr` overlaps is used (false if it is outside).
    bool isOccupied(std::string_view cidr) const;

    /// Number of node ranges (maxCIDRs), e.g. 256 for 10.244.0.0/16 with /24.
    std::size_t capacity() const { return m_used.size(); }
    /// Number of ranges in use (allocatedCIDRs).
    std::size_t used() const { return m_allocated; }
    std::string clusterCidr() const { return m_cluster.toString(); }
    int nodeMaskSize() const { return m_nodeMaskSize; }
    /// upstream indexToCIDRBlock: the node range at `index` (< capacity()), e.g. "10.244.3.0/24".
    std::string cidrAt(std::size_t index) const;

private:
    struct IndexRange
    {
        std::size_t begin = 0;
        std::size_t end = 0; ///< inclusive
    };
    std::optional<IndexRange> indicesFor(std::string_view cidr, std::string *error) const;
    std::optional<std::size_t> indexForIp(std::uint32_t ip, std::string *error) const;
    std::uint32_t nodeMask() const;

    api::Ipv4Cidr m_cluster; ///< network form (host bits cleared)
    int m_nodeMaskSize = 0;
    bool m_valid = false;
    std::vector<bool> m_used;
    std::size_t m_allocated = 0;
    std::size_t m_nextCandidate = 0;
    std::string m_error;
};

} // namespace emu::ctrl
