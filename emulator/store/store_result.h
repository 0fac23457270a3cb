// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace emu::store {

/// The outcome of a write, with the API server's reasons.
enum class StoreError { None, NotFound, AlreadyExists, Conflict, Invalid };

struct StoreResult
{
    StoreError error = StoreError::None;
    std::string message;
    std::uint64_t resourceVersion = 0; ///< the stored revision on success

    bool ok() const { return error == StoreError::None; }
};

} // namespace emu::store
