// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace emu::api {

/// Proleptic-Gregorian calendar arithmetic and RFC 3339 parsing, with no wall clock and no
/// time-zone database: a scenario's start time must mean the same instant on every machine.
class CivilTime
{
public:
    /// Days since 1970-01-01 for a civil date (month 1..12, day 1..31); H. Hinnant's algorithm.
    static std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);
    static bool isLeapYear(std::int64_t year);
    static unsigned daysInMonth(std::int64_t year, unsigned month);

    /// Parses an RFC 3339 timestamp as Go's time.RFC3339Nano layout does:
    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`. Returns Unix milliseconds (the
    /// fraction is truncated to milliseconds), or nullopt if the text is not such a timestamp.
    static std::optional<std::int64_t> parseRfc3339Ms(std::string_view text);
};

} // namespace emu::api
