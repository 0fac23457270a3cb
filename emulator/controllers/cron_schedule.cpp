// SPDX-License-Identifier: Apache-2.0
#include "cron_schedule.h"

#include "emulator/api/civil_time.h"
#include "emulator/api/go_duration.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace emu::ctrl {

namespace {

struct Bounds
{
    int min;
    int max;
    const char *const *names; ///< lower-case names for min, min+1, ... (null: numbers only)
};

constexpr const char *monthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char *dowNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr Bounds minutes{0, 59, nullptr};
constexpr Bounds hours{0, 23, nullptr};
constexpr Bounds doms{1, 31, nullptr};
constexpr Bounds months{1, 12, monthNames};
constexpr Bounds dows{0, 6, dowNames};

std::vector<std::string> split(std::string_view text, char sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == sep) {
            out.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

bool setError(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
    return false;
}

// parseIntOrName / mustParseInt
bool parseValue(const std::string &text, const Bounds &bounds, int &out, std::string *error)
{
    if (bounds.names) {
        std::string lower = text;
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (int i = 0; i <= bounds.max - bounds.min; ++i)
            if (lower == bounds.names[i]) {
                out = bounds.min + i;
                return true;
            }
    }
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        return setError(error, "failed to parse int from " + text);
    out = std::stoi(text);
    return true;
}

// getRange
bool parseRange(const std::string &expr, const Bounds &bounds, std::uint64_t &bits, std::string *error,
                std::uint64_t starBit)
{
    const std::vector<std::string> rangeAndStep = split(expr, '/');
    const std::vector<std::string> lowAndHigh = split(rangeAndStep[0], '-');
    const bool singleDigit = lowAndHigh.size() == 1;
    int start = 0;
    int end = 0;
    std::uint64_t extra = 0;
    if (lowAndHigh[0] == "*" || lowAndHigh[0] == "?") {
        start = bounds.min;
        end = bounds.max;
        extra = starBit;
    } else {
        if (!parseValue(lowAndHigh[0], bounds, start, error))
            return false;
        if (lowAndHigh.size() == 1)
            end = start;
        else if (lowAndHigh.size() == 2) {
            if (!parseValue(lowAndHigh[1], bounds, end, error))
                return false;
        } else
            return setError(error, "too many hyphens: " + expr);
    }
    int step = 1;
    if (rangeAndStep.size() == 2) {
        if (!parseValue(rangeAndStep[1], {0, 0, nullptr}, step, error))
            return false;
        if (singleDigit) // "N/step" means "N-max/step"
            end = bounds.max;
        if (step > 1)
            extra = 0;
    } else if (rangeAndStep.size() > 2) {
        return setError(error, "too many slashes: " + expr);
    }
    if (start < bounds.min)
        return setError(error, "beginning of range (" + std::to_string(start) + ") below minimum ("
                                   + std::to_string(bounds.min) + "): " + expr);
    if (end > bounds.max)
        return setError(error, "end of range (" + std::to_string(end) + ") above maximum ("
                                   + std::to_string(bounds.max) + "): " + expr);
    if (start > end)
        return setError(error, "beginning of range (" + std::to_string(start) + ") beyond end of range ("
                                   + std::to_string(end) + "): " + expr);
    if (step == 0)
        return setError(error, "step of range should be a positive number: " + expr);
    for (int i = start; i <= end; i += step)
        bits |= std::uint64_t(1) << i;
    bits |= extra;
    return true;
}

bool parseField(const std::string &field, const Bounds &bounds, std::uint64_t &bits, std::string *error,
                std::uint64_t starBit)
{
    for (const std::string &expr : split(field, ','))
        if (!parseRange(expr, bounds, bits, error, starBit))
            return false;
    return true;
}

struct Civil
{
    std::int64_t year;
    unsigned month;
    unsigned day;
    int hour;
    int minute;
    int weekday; ///< 0 Sunday
};

std::int64_t cronFloorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// H. Hinnant's civil_from_days.
Civil civilFromSeconds(std::int64_t local)
{
    const std::int64_t days = cronFloorDiv(local, 86400);
    const std::int64_t secs = local - days * 86400;
    std::int64_t z = days + 719468;
    const std::int64_t era = cronFloorDiv(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const unsigned day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const unsigned month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const int weekday = static_cast<int>(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday
    return {year, month, day, static_cast<int>(secs / 3600), static_cast<int>((secs % 3600) / 60), weekday};
}

std::int64_t secondsFromCivil(std::int64_t year, unsigned month, unsigned day, int hour, int minute)
{
    return api::CivilTime::daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60;
}

} // namespace

std::optional<std::int64_t> fixedZoneOffsetSeconds(std::string_view zone)
{
    static constexpr std::array<std::string_view, 15> utcNames = {
        "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu",
        "GMT", "Etc/GMT", "Etc/GMT0", "GMT0", "Greenwich", "Etc/Greenwich", "Etc/GMT+0"};
    if (std::find(utcNames.begin(), utcNames.end(), zone) != utcNames.end() || zone == "Etc/GMT-0")
        return 0;
    // Etc/GMT+N is N hours west of Greenwich (POSIX sign), N in 1..12; Etc/GMT-N east, 1..14.
    constexpr std::string_view prefix = "Etc/GMT";
    if (zone.substr(0, prefix.size()) != prefix || zone.size() < prefix.size() + 2)
        return std::nullopt;
    const char sign = zone[prefix.size()];
    const std::string_view digits = zone.substr(prefix.size() + 1);
    if ((sign != '+' && sign != '-') || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string_view::npos
        || digits.front() == '0')
        return std::nullopt;
    const int hoursOff = std::stoi(std::string(digits));
    if (hoursOff > (sign == '+' ? 12 : 14))
        return std::nullopt;
    return (sign == '+' ? -1 : 1) * hoursOff * 3600;
}

std::optional<CronSchedule> CronSchedule::parse(std::string_view text, std::string *error)
{
    CronSchedule schedule;
    std::string spec(text);
    const auto trim = [](std::string &s) {
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
    };
    trim(spec);
    for (const std::string_view prefix : {"CRON_TZ=", "TZ="}) {
        if (spec.rfind(prefix, 0) != 0)
            continue;
        const std::size_t space = spec.find(' ');
        if (space == std::string::npos) {
            setError(error, "missing spec after timezone");
            return std::nullopt;
        }
        schedule.m_prefixZone = spec.substr(prefix.size(), space - prefix.size());
        if (!fixedZoneOffsetSeconds(schedule.m_prefixZone)) {
            setError(error, "provided bad location " + schedule.m_prefixZone + ": unknown time zone "
                                + schedule.m_prefixZone);
            return std::nullopt;
        }
        spec = spec.substr(space + 1);
        trim(spec);
        break;
    }
    if (!spec.empty() && spec[0] == '@') {
        static const std::array<std::pair<std::string_view, std::string_view>, 7> descriptors = {{
            {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
            {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"}, {"@midnight", "0 0 * * *"},
            {"@hourly", "0 * * * *"},
        }};
        for (const auto &[name, fields] : descriptors)
            if (spec == name)
                spec = std::string(fields);
        if (spec.rfind("@every ", 0) == 0) {
            std::string durationError;
            const auto ns = api::parseGoDuration(spec.substr(7), &durationError);
            if (!ns) {
                setError(error, "failed to parse duration " + spec + ": " + durationError);
                return std::nullopt;
            }
            // cron.Every: at least one second, rounded down to whole seconds.
            schedule.m_everySeconds = std::max<std::int64_t>(1, *ns / 1'000'000'000);
            return schedule;
        }
        if (spec[0] == '@') {
            setError(error, "unrecognized descriptor: " + spec);
            return std::nullopt;
        }
    }
    std::vector<std::string> fields;
    for (std::string &f : split(spec, ' '))
        if (!f.empty())
            fields.push_back(std::move(f));
    if (fields.size() != 5) {
        setError(error, "expected exactly 5 fields, found " + std::to_string(fields.size()) + ": " + spec);
        return std::nullopt;
    }
    if (!parseField(fields[0], minutes, schedule.m_minute, error, starBit)
        || !parseField(fields[1], hours, schedule.m_hour, error, starBit)
        || !parseField(fields[2], doms, schedule.m_dom, error, starBit)
        || !parseField(fields[3], months, schedule.m_month, error, starBit)
        || !parseField(fields[4], dows, schedule.m_dow, error, starBit))
        return std::nullopt;
    return schedule;
}

// SpecSchedule.Next on local (zone-shifted) seconds; the seconds field is always 0.
std::optional<std::int64_t> CronSchedule::next(std::int64_t unixSeconds, std::int64_t zoneOffsetSeconds) const
{
    if (m_everySeconds > 0)
        return unixSeconds + m_everySeconds;
    // The upcoming whole minute (seconds are always 0 in the standard format).
    std::int64_t t = cronFloorDiv(unixSeconds + zoneOffsetSeconds, 60) * 60 + 60;
    Civil c = civilFromSeconds(t);
    const std::int64_t yearLimit = c.year + 5;
    auto bit = [](std::uint64_t set, int value) { return (set >> value) & 1; };
    auto dayMatches = [&](const Civil &d) {
        const bool domMatch = bit(m_dom, static_cast<int>(d.day));
        const bool dowMatch = bit(m_dow, d.weekday);
        if ((m_dom & starBit) || (m_dow & starBit))
            return domMatch && dowMatch;
        return domMatch || dowMatch;
    };
    for (;;) {
        if (c.year > yearLimit)
            return std::nullopt;
        if (!bit(m_month, static_cast<int>(c.month))) {
            // First day of the next month.
            const std::int64_t year = c.year + (c.month == 12 ? 1 : 0);
            const unsigned month = c.month == 12 ? 1 : c.month + 1;
            c = civilFromSeconds(secondsFromCivil(year, month, 1, 0, 0));
            continue;
        }
        if (!dayMatches(c)) {
            c = civilFromSeconds(secondsFromCivil(c.year, c.month, c.day, 0, 0) + 86400);
            continue;
        }
        if (!bit(m_hour, c.hour)) {
            c = civilFromSeconds(secondsFromCivil(c.year, c.month, c.day, c.hour, 0) + 3600);
            continue;
        }
        if (!bit(m_minute, c.minute)) {
            c = civilFromSeconds(secondsFromCivil(c.year, c.month, c.day, c.hour, c.minute) + 60);
            continue;
        }
        return secondsFromCivil(c.year, c.month, c.day, c.hour, c.minute) - zoneOffsetSeconds;
    }
}

namespace {

std::string twoDigits(std::int64_t v)
{
    return (v < 10 ? "0" : "") + std::to_string(v);
}

} // namespace

std::string formatRfc3339(std::int64_t unixSeconds, std::int64_t zoneOffsetSeconds)
{
    const std::int64_t local = unixSeconds + zoneOffsetSeconds;
    const Civil c = civilFromSeconds(local);
    std::string out = std::to_string(c.year) + "-" + twoDigits(c.month) + "-" + twoDigits(c.day) + "T"
                      + twoDigits(c.hour) + ":" + twoDigits(c.minute) + ":" + twoDigits(local - cronFloorDiv(local, 60) * 60);
    if (zoneOffsetSeconds == 0)
        return out + "Z";
    const std::int64_t magnitude = zoneOffsetSeconds < 0 ? -zoneOffsetSeconds : zoneOffsetSeconds;
    return out + (zoneOffsetSeconds < 0 ? "-" : "+") + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude % 3600 / 60);
}

std::string formatRfc1123z(std::int64_t unixSeconds)
{
    static constexpr const char *weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char *monthAbbrev[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Civil c = civilFromSeconds(unixSeconds);
    return std::string(weekdays[c.weekday]) + ", " + twoDigits(c.day) + " " + monthAbbrev[c.month - 1] + " "
           + std::to_string(c.year) + " " + twoDigits(c.hour) + ":" + twoDigits(c.minute) + ":"
           + twoDigits(unixSeconds - cronFloorDiv(unixSeconds, 60) * 60) + " +0000";
}

} // namespace emu::ctrl
