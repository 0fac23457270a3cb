// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>

namespace emu::store {

enum class WatchEventType { Added, Modified, Deleted };

/// One change, as a watch delivers it: the object after the change (before, for Deleted)
/// and the one it replaced (null for Added). Objects are immutable and shared.
template<class T>
struct WatchEvent
{
    WatchEventType type = WatchEventType::Added;
    std::shared_ptr<const T> object;
    std::shared_ptr<const T> previous;
    std::uint64_t revision = 0;
};

} // namespace emu::store
