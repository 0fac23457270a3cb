// SPDX-License-Identifier: Apache-2.0
#include "rng.h"

#include <cassert>
#include <cmath>

namespace emu {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// 64-bit FNV-1a (offset basis and prime from the reference).
constexpr std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace

std::uint64_t Rng::splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed)
    : m_seed(seed)
{
    // splitmix64 is the seeding the xoshiro authors recommend: it never yields the all-zero
    // state for any seed in practice, and nearby seeds give unrelated states.
    std::uint64_t sm = seed;
    for (std::uint64_t &word : m_state)
        word = splitMix64(sm);
}

Rng Rng::child(std::string_view name) const
{
    // FNV-1a alone is weak in its low bits; one splitmix64 round over the combination spreads
    // it, and the Rng constructor runs the result through splitmix64 again.
    std::uint64_t mix = m_seed ^ fnv1a(name);
    return Rng(splitMix64(mix));
}

std::uint64_t Rng::next()
{
    // xoshiro256** 1.0, Blackman and Vigna (public domain reference implementation).
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform01()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi)
{
    assert(lo <= hi);
    if (!(lo < hi))
        return lo;
    const double value = lo + (hi - lo) * uniform01();
    // Rounding can land exactly on hi when the span is large relative to the bounds.
    return value < hi ? value : std::nextafter(hi, lo);
}

std::int64_t Rng::uniformInt(std::int64_t lo, std::int64_t hi)
{
    assert(lo <= hi);
    if (hi <= lo)
        return lo;
    // Unsigned arithmetic: the span of the full int64 range does not fit in int64.
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (span == UINT64_MAX)
        return static_cast<std::int64_t>(next());
    const std::uint64_t range = span + 1;
    // Reject the lowest (2^64 mod range) values so that every residue is equally likely
    // (the arc4random_uniform method: portable, no 128-bit multiply).
    const std::uint64_t threshold = (0 - range) % range;
    std::uint64_t r = next();
    while (r < threshold)
        r = next();
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + r % range);
}

} // namespace emu
