// SPDX-License-Identifier: Apache-2.0
// CronJob schedules as robfig/cron v3 ParseStandard reads them: fields, names, steps,
// descriptors, the day-of-month/day-of-week rule, fixed-offset time zones, and errors.
#include "emulator/controllers/cron_schedule.h"

#include <QtTest>

using emu::ctrl::CronSchedule;
using emu::ctrl::fixedZoneOffsetSeconds;
using emu::ctrl::formatRfc1123z;
using emu::ctrl::formatRfc3339;

namespace {

constexpr std::int64_t jan1 = 1'767'225'600; // 2026-01-01T00:00:00Z, a Thursday

std::string nextAfter(const std::string &spec, std::int64_t t, std::int64_t offset = 0)
{
    const auto schedule = CronSchedule::parse(spec);
    if (!schedule)
        return "<parse error>";
    const auto next = schedule->next(t, offset);
    return next ? formatRfc3339(*next, 0) : "<none>";
}

std::string parseError(const std::string &spec)
{
    std::string error;
    return CronSchedule::parse(spec, &error) ? std::string("<ok>") : error;
}

} // namespace

class TestCronSchedule : public QObject
{
    Q_OBJECT

private slots:
    void fieldsAndSteps()
    {
        QCOMPARE(nextAfter("* * * * *", jan1), std::string("2026-01-01T00:01:00Z"));
        QCOMPARE(nextAfter("* * * * *", jan1 + 59), std::string("2026-01-01T00:01:00Z"));
        QCOMPARE(nextAfter("*/15 * * * *", jan1 + 60), std::string("2026-01-01T00:15:00Z"));
        QCOMPARE(nextAfter("5/20 * * * *", jan1 + 30 * 60), std::string("2026-01-01T00:45:00Z"));
        QCOMPARE(nextAfter("0 9-17/4 * * *", jan1), std::string("2026-01-01T09:00:00Z"));
        QCOMPARE(nextAfter("0 9-17/4 * * *", jan1 + 10 * 3600), std::string("2026-01-01T13:00:00Z"));
        QCOMPARE(nextAfter("30 2 1,15 * *", jan1 + 3 * 3600), std::string("2026-01-15T02:30:00Z"));
        QCOMPARE(nextAfter("0 0 1 jun *", jan1), std::string("2026-06-01T00:00:00Z"));
        QCOMPARE(nextAfter("0 0 29 2 *", jan1), std::string("2028-02-29T00:00:00Z")); // next leap day
    }

    void descriptors()
    {
        QCOMPARE(nextAfter("@hourly", jan1 + 30), std::string("2026-01-01T01:00:00Z"));
        QCOMPARE(nextAfter("@daily", jan1), std::string("2026-01-02T00:00:00Z"));
        QCOMPARE(nextAfter("@midnight", jan1), std::string("2026-01-02T00:00:00Z"));
        QCOMPARE(nextAfter("@weekly", jan1), std::string("2026-01-04T00:00:00Z")); // Sunday
        QCOMPARE(nextAfter("@monthly", jan1), std::string("2026-02-01T00:00:00Z"));
        QCOMPARE(nextAfter("@yearly", jan1), std::string("2027-01-01T00:00:00Z"));
        QCOMPARE(nextAfter("@annually", jan1), std::string("2027-01-01T00:00:00Z"));
        QCOMPARE(nextAfter("@every 90s", jan1), std::string("2026-01-01T00:01:30Z"));
    }

    void dayOfMonthOrDayOfWeek()
    {
        // Both restricted: either matches (Friday 2 January comes before the 13th).
        QCOMPARE(nextAfter("0 0 13 * 5", jan1), std::string("2026-01-02T00:00:00Z"));
        // A star on one side: both must match (Fridays only; "?" is a star too).
        QCOMPARE(nextAfter("0 0 * * FRI", jan1), std::string("2026-01-02T00:00:00Z"));
        QCOMPARE(nextAfter("0 0 ? * sat", jan1), std::string("2026-01-03T00:00:00Z"));
        QCOMPARE(nextAfter("0 0 1-7 * 1", jan1), std::string("2026-01-02T00:00:00Z"));
        // A step clears the star: "*/2" restricts the days, so the OR rule applies.
        QCOMPARE(nextAfter("0 0 */2 * 0", jan1), std::string("2026-01-03T00:00:00Z"));
        QCOMPARE(nextAfter("0 0 30 2 *", jan1), std::string("<none>")); // never
    }

    void fixedOffsetZones()
    {
        QCOMPARE(fixedZoneOffsetSeconds("UTC").value_or(-1), std::int64_t(0));
        QCOMPARE(fixedZoneOffsetSeconds("Etc/UTC").value_or(-1), std::int64_t(0));
        QCOMPARE(fixedZoneOffsetSeconds("Etc/GMT+5").value_or(-1), std::int64_t(-5 * 3600));
        QCOMPARE(fixedZoneOffsetSeconds("Etc/GMT-14").value_or(-1), std::int64_t(14 * 3600));
        QVERIFY(!fixedZoneOffsetSeconds("Etc/GMT+13"));
        QVERIFY(!fixedZoneOffsetSeconds("Europe/Paris"));
        // 09:00 on weekdays at UTC−5 is 14:00 UTC.
        QCOMPARE(nextAfter("0 9 * * MON-FRI", jan1, -5 * 3600), std::string("2026-01-01T14:00:00Z"));
        const auto prefixed = CronSchedule::parse("CRON_TZ=Etc/GMT-1 5 1 * * *");
        QVERIFY(prefixed);
        QCOMPARE(prefixed->prefixZone(), std::string("Etc/GMT-1"));
        QCOMPARE(formatRfc3339(jan1 + 300, 3600), std::string("2026-01-01T01:05:00+01:00"));
        QCOMPARE(formatRfc1123z(jan1 + 300), std::string("Thu, 01 Jan 2026 00:05:00 +0000"));
    }

    void errors()
    {
        QCOMPARE(parseError("* * * *"), std::string("expected exactly 5 fields, found 4: * * * *"));
        QCOMPARE(parseError("61 * * * *"), std::string("end of range (61) above maximum (59): 61"));
        QCOMPARE(parseError("* * 0 * *"), std::string("beginning of range (0) below minimum (1): 0"));
        QCOMPARE(parseError("5-2 * * * *"), std::string("beginning of range (5) beyond end of range (2): 5-2"));
        QCOMPARE(parseError("*/0 * * * *"), std::string("step of range should be a positive number: */0"));
        QCOMPARE(parseError("a * * * *"), std::string("failed to parse int from a"));
        QCOMPARE(parseError("@fortnightly"), std::string("unrecognized descriptor: @fortnightly"));
        QCOMPARE(parseError("CRON_TZ=Mars/Olympus * * * * *"),
                 std::string("provided bad location Mars/Olympus: unknown time zone Mars/Olympus"));
    }
};

QTEST_GUILESS_MAIN(TestCronSchedule)
#include "tst_cron_schedule.moc"
