// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace emu::api {

/// A position in a source file. Lines and columns count from 1; 0 means "unknown"
/// (for example a value created by defaulting rather than read from a file).
struct SourcePos
{
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool isKnown() const { return line != 0; }
};

} // namespace emu::api
