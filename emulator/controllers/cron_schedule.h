// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace emu::ctrl {

/// A CronJob schedule as upstream parses it (robfig/cron v3 ParseStandard, which the
/// cronjob controller uses): five fields (minute hour day-of-month month day-of-week) with
/// `*`, `?`, lists, ranges, steps and month/day names (JAN..DEC, SUN..SAT); the descriptors
/// @yearly/@annually, @monthly, @weekly, @daily/@midnight, @hourly and @every DURATION; an
/// optional CRON_TZ=ZONE or TZ=ZONE prefix. Day-of-month and day-of-week are ANDed when either
/// is `*` or `?`, ORed otherwise, as in cron.
///
/// Time zones: there is no time-zone database (runs must be the same on every machine), so
/// only zones with a fixed offset exist: UTC (UTC, Etc/UTC, Etc/UCT, UCT, Etc/Universal,
/// Universal, Zulu, Etc/Zulu, GMT, Etc/GMT, Etc/GMT0, GMT0, Greenwich, Etc/Greenwich) and
/// Etc/GMT+N / Etc/GMT-N (POSIX sign: Etc/GMT+5 is UTC−5).
class CronSchedule
{
public:
    /// The schedule, or an error in robfig's words ("expected exactly 5 fields, found 4: ...").
    static std::optional<CronSchedule> parse(std::string_view text, std::string *error = nullptr);

    /// The first activation strictly after `unixSeconds` (whole seconds), in Unix seconds;
    /// nullopt if there is none within five years (robfig's zero time), e.g. "0 0 30 2 *".
    std::optional<std::int64_t> next(std::int64_t unixSeconds, std::int64_t zoneOffsetSeconds) const;

    /// The CRON_TZ=/TZ= prefix's zone, if the schedule had one.
    const std::string &prefixZone() const { return m_prefixZone; }

private:
    static constexpr std::uint64_t starBit = std::uint64_t(1) << 63;
    std::uint64_t m_minute = 0;
    std::uint64_t m_hour = 0;
    std::uint64_t m_dom = 0;
    std::uint64_t m_month = 0;
    std::uint64_t m_dow = 0;
    std::int64_t m_everySeconds = 0; ///< @every: a constant delay instead of the fields
    std::string m_prefixZone;
};

/// The offset from UTC of a fixed-offset IANA zone (see CronSchedule); nullopt for a zone the
/// emulator does not know (upstream's "unknown time zone").
std::optional<std::int64_t> fixedZoneOffsetSeconds(std::string_view zone);

/// Go's time.RFC3339 of a Unix time in a zone with that offset ("2026-01-01T05:00:00Z",
/// "2026-01-01T00:00:00-05:00").
std::string formatRfc3339(std::int64_t unixSeconds, std::int64_t zoneOffsetSeconds);
/// Go's time.RFC1123Z in UTC ("Thu, 01 Jan 2026 05:00:00 +0000").
std::string formatRfc1123z(std::int64_t unixSeconds);

} // namespace emu::ctrl
