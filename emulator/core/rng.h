// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace emu {

/// The run's source of randomness: xoshiro256** seeded through splitmix64, with the
/// distributions implemented here, so that a seed gives the same numbers on every compiler,
/// standard library and platform (std::*_distribution results are implementation-defined).
/// The algorithm is pinned by tests: changing it changes every recorded trace.
///
/// One Rng per run, seeded from the scenario. Each component takes its own child stream by
/// name, so adding a component or drawing more numbers in one does not shift the others'
/// sequences. Not thread-safe: one stream per thread of use (in practice, the engine thread).
class Rng
{
public:
    explicit Rng(std::uint64_t seed);

    /// The stream's seed (the constructor's argument, or the derived seed of a child).
    std::uint64_t seed() const { return m_seed; }

    /// An independent stream derived from this stream's seed and the FNV-1a hash of name.
    /// Depends only on the seed and the name, not on how many numbers this stream has drawn
    /// or which other children exist. Children of children are fine ("kubelet" / "node-3").
    Rng child(std::string_view name) const;

    /// The next 64 raw bits.
    std::uint64_t next();
    /// Uniform in [0, 1), with 53 random bits (every multiple of 2^-53 equally likely).
    double uniform01();
    /// Uniform in [lo, hi); lo <= hi (asserted). Returns lo when lo == hi.
    double uniform(double lo, double hi);
    /// Uniform integer in [lo, hi], both inclusive, without modulo bias; lo <= hi (asserted).
    std::int64_t uniformInt(std::int64_t lo, std::int64_t hi);

    /// The splitmix64 step used for seeding (advances state, returns the output); public so
    /// tests can pin it against the reference values.
    static std::uint64_t splitMix64(std::uint64_t &state);

private:
    std::uint64_t m_seed;
    std::array<std::uint64_t, 4> m_state;
};

} // namespace emu
