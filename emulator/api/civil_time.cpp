// SPDX-License-Identifier: Apache-2.0
#include "civil_time.h"

namespace emu::api {

std::int64_t CivilTime::daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    // https://howardhinnant.github.io/date_algorithms.html#days_from_civil: shift the year
    // to start in March so the leap day is the last day of the (shifted) year.
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);             // [0, 399]
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool CivilTime::isLeapYear(std::int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned CivilTime::daysInMonth(std::int64_t year, unsigned month)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

namespace {

class Cursor
{
public:
    explicit Cursor(std::string_view text)
        : m_text(text)
    {}

    // Exactly `width` decimal digits, as Go's layout elements "2006", "01", "15" require.
    std::optional<unsigned> digits(std::size_t width)
    {
        if (m_text.size() - m_pos < width)
            return std::nullopt;
        unsigned value = 0;
        for (std::size_t i = 0; i < width; ++i) {
            const char c = m_text[m_pos + i];
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        m_pos += width;
        return value;
    }
    bool accept(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool atEnd() const { return m_pos == m_text.size(); }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

std::optional<std::int64_t> CivilTime::parseRfc3339Ms(std::string_view text)
{
    Cursor c(text);
    const auto year = c.digits(4);
    if (!year || !c.accept('-'))
        return std::nullopt;
    const auto month = c.digits(2);
    if (!month || !c.accept('-'))
        return std::nullopt;
    const auto day = c.digits(2);
    // RFC 3339 §5.6 allows a lowercase 't'; Go's parser accepts only 'T', but being lenient
    // here cannot change the meaning of any timestamp.
    if (!day || !(c.accept('T') || c.accept('t')))
        return std::nullopt;
    const auto hour = c.digits(2);
    if (!hour || !c.accept(':'))
        return std::nullopt;
    const auto minute = c.digits(2);
    if (!minute || !c.accept(':'))
        return std::nullopt;
    const auto second = c.digits(2);
    if (!second)
        return std::nullopt;
    // Go rejects second 60 (leap seconds) with "second out of range"; so do we.
    if (*month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month) || *hour > 23
        || *minute > 59 || *second > 59)
        return std::nullopt;

    std::int64_t millis = 0;
    if (c.accept('.')) {
        int count = 0;
        while (c.peek() >= '0' && c.peek() <= '9') {
            const auto digit = c.digits(1);
            if (count < 3)
                millis = millis * 10 + *digit;
            ++count;
        }
        if (count == 0 || count > 9) // Go keeps nanoseconds: at most nine fraction digits
            return std::nullopt;
        for (int i = count; i < 3; ++i)
            millis *= 10;
    }

    std::int64_t offsetSeconds = 0;
    if (!(c.accept('Z') || c.accept('z'))) {
        const int sign = c.accept('+') ? 1 : (c.accept('-') ? -1 : 0);
        if (sign == 0)
            return std::nullopt;
        const auto offHour = c.digits(2);
        if (!offHour || !c.accept(':'))
            return std::nullopt;
        const auto offMinute = c.digits(2);
        // Go's parseTimeZone limits hours to 0..23 and minutes to 0..59.
        if (!offMinute || *offHour > 23 || *offMinute > 59)
            return std::nullopt;
        offsetSeconds = sign * static_cast<std::int64_t>(*offHour * 3600 + *offMinute * 60);
    }
    if (!c.atEnd())
        return std::nullopt;

    const std::int64_t days = daysFromCivil(*year, *month, *day);
    const std::int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second - offsetSeconds;
    return seconds * 1000 + millis;
}

} // namespace emu::api
