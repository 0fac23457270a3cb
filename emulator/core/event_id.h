// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace emu {

/// A handle to an event scheduled on an Engine, used to cancel it or ask whether it is pending.
/// A value type that never dangles (ns-3's EventId promise): keeping one after its event ran or
/// was cancelled, or after the engine is gone, is harmless; asking about it just says "not
/// pending". Default-constructed ids are invalid; ids from Engine::schedule are valid forever and
/// unique within their engine (value() is the event's sequence number, never reused).
/// Invariant: valid() <=> value() != 0. Not synchronised; copy it freely.
class EventId
{
public:
    EventId() = default;

    bool isValid() const { return m_seq != 0; }
    /// The engine-wide sequence number: strictly increasing in scheduling order, 0 if invalid.
    std::uint64_t value() const { return m_seq; }

    bool operator==(const EventId &) const = default;

private:
    friend class Engine;

    EventId(std::uint64_t seq, std::uint32_t slot) : m_seq(seq), m_slot(slot) {}

    std::uint64_t m_seq = 0;
    std::uint32_t m_slot = 0; // where the engine keeps the callback; meaningful only with m_seq
};

} // namespace emu
