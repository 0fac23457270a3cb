// SPDX-License-Identifier: Apache-2.0
// The CronJob controller (pkg/controller/cronjob, spec 7.6) as timelines on the scenario's
// wall clock (startTime 2026-01-01T00:00:00Z): Jobs named by their scheduled minute, created
// 100 ms after it; concurrencyPolicy Allow / Forbid / Replace; history limits; suspend and
// the too-many-missed-start-times rule; time zones.
#include "workload_fixture.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using testsupport::clusterYaml;
using testsupport::EmulatorFixture;
using namespace workloadtest;

namespace {

constexpr std::int64_t jan1Minutes = 1'767'225'600 / 60;

std::string cronJob(const std::string &name, const std::string &schedule, const std::string &specExtra,
                    int runSeconds)
{
    return "---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: " + name + "\nspec:\n  schedule: \""
           + schedule + "\"\n" + specExtra
           + "  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n"
             "            kubecanvas.io/behavior: '{\"app\": {\"exitAfterSeconds\": "
           + std::to_string(runSeconds)
           + "}}'\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: app\n"
             "            image: busybox:1.36\n";
}

std::string jobName(const std::string &cron, int minute)
{
    return cron + "-" + std::to_string(jan1Minutes + minute);
}

/// Creation times (seconds) of the Jobs the CronJob created, from its SuccessfulCreate events.
std::vector<std::pair<double, std::string>> created(const EmulatorFixture &f, const std::string &cron)
{
    std::vector<std::pair<double, std::string>> out;
    for (const auto &e : f.events("SuccessfulCreate", cron))
        if (e.kind == "CronJob")
            out.emplace_back(seconds(e.timeNs), e.message);
    return out;
}

} // namespace

class TestCronJob : public QObject
{
    Q_OBJECT

private slots:
    void createsJobsOnScheduleWithHistoryLimits();
    void forbidSkipsWhileAJobRuns();
    void replaceDeletesTheRunningJob();
    void allowRunsJobsConcurrently();
    void suspendAndTooManyMissedStarts();
    void timeZones();
};

void TestCronJob::createsJobsOnScheduleWithHistoryLimits()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10m")
                      + cronJob("tick", "* * * * *", "  successfulJobsHistoryLimit: 2\n", 5));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(60.05);
    QVERIFY(created(f, "tick").empty());
    f.runTo(60.15);
    auto jobs = created(f, "tick");
    QCOMPARE(jobs.size(), std::size_t(1));
    QCOMPARE(jobs[0].second, "Created job " + jobName("tick", 1));
    QVERIFY(std::abs(jobs[0].first - 60.1) < 1e-6);
    const auto job = f.emulator->store().jobs().get("default/" + jobName("tick", 1));
    QVERIFY(job);
    QCOMPARE(job->meta.annotations.at("batch.kubernetes.io/cronjob-scheduled-timestamp"),
             std::string("2026-01-01T00:01:00Z"));
    QCOMPARE(job->meta.controllerRef()->kind, std::string("CronJob"));
    auto cj = f.emulator->store().cronJobs().get("default/tick");
    QCOMPARE(cj->status.active.size(), std::size_t(1));
    QCOMPARE(cj->status.lastScheduleTime->toSeconds(), 60.0);
    f.runTo(330);
    jobs = created(f, "tick");
    QCOMPARE(jobs.size(), std::size_t(5));
    for (std::size_t i = 0; i < jobs.size(); ++i)
        QVERIFY(std::abs(jobs[i].first - (60.0 * static_cast<double>(i + 1) + 0.1)) < 1e-6);
    QCOMPARE(f.events("SawCompletedJob", "tick").size(), std::size_t(5));
    QCOMPARE(f.events("SawCompletedJob", "tick").front().message,
             "Saw completed job: " + jobName("tick", 1) + ", condition: Complete");
    // Two successful Jobs kept: the oldest three were deleted.
    std::vector<std::string> left;
    for (const auto &j : f.emulator->store().jobs().list())
        left.push_back(j->meta.name);
    QCOMPARE(left, (std::vector<std::string>{jobName("tick", 4), jobName("tick", 5)}));
    QCOMPARE(f.events("SuccessfulDelete", "tick").size(), std::size_t(3));
    QCOMPARE(f.events("SuccessfulDelete", "tick").front().message, "Deleted job " + jobName("tick", 1));
    cj = f.emulator->store().cronJobs().get("default/tick");
    QVERIFY(cj->status.active.empty());
    QVERIFY(cj->status.lastSuccessfulTime);
}

void TestCronJob::forbidSkipsWhileAJobRuns()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10m")
                      + cronJob("slow", "* * * * *", "  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 10\n", 90)
                      + cronJob("late", "* * * * *", "  concurrencyPolicy: Forbid\n", 90));
    QVERIFY(f.ok());
    f.runTo(200);
    const auto jobs = created(f, "slow");
    // 00:01 runs until about 00:02:33, so 00:02 is skipped (past its 10 s deadline when the
    // first Job ends) and 00:03 starts.
    QCOMPARE(jobs.size(), std::size_t(2));
    QCOMPARE(jobs[0].second, "Created job " + jobName("slow", 1));
    QCOMPARE(jobs[1].second, "Created job " + jobName("slow", 3));
    const auto skipped = f.events("JobAlreadyActive", "slow");
    QCOMPARE(skipped.size(), std::size_t(1));
    QVERIFY(std::abs(seconds(skipped[0].timeNs) - 120.1) < 1e-6);
    QCOMPARE(skipped[0].message,
             std::string("Not starting job because prior execution is running and concurrency policy is Forbid"));
    // Without a deadline the skipped time is still unmet: it starts as soon as the first Job
    // has finished, as upstream does.
    const auto late = created(f, "late");
    QVERIFY(late.size() >= 2);
    QCOMPARE(late[1].second, "Created job " + jobName("late", 2));
    QVERIFY(late[1].first > 150 && late[1].first < 160);
}

void TestCronJob::replaceDeletesTheRunningJob()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10m")
                      + cronJob("swap", "* * * * *", "  concurrencyPolicy: Replace\n", 90));
    QVERIFY(f.ok());
    f.runTo(125);
    QCOMPARE(created(f, "swap").size(), std::size_t(2));
    const auto deleted = f.events("SuccessfulDelete", "swap");
    QCOMPARE(deleted.size(), std::size_t(1));
    QCOMPARE(deleted[0].message, "Deleted job " + jobName("swap", 1));
    QVERIFY(std::abs(seconds(deleted[0].timeNs) - 120.1) < 1e-6);
    QVERIFY(!f.emulator->store().jobs().get("default/" + jobName("swap", 1)));
    const auto cj = f.emulator->store().cronJobs().get("default/swap");
    QCOMPARE(cj->status.active.size(), std::size_t(1));
    QCOMPARE(cj->status.active[0].name, jobName("swap", 2));
}

void TestCronJob::allowRunsJobsConcurrently()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10m") + cronJob("many", "* * * * *", {}, 90));
    QVERIFY(f.ok());
    f.runTo(150);
    QCOMPARE(created(f, "many").size(), std::size_t(2));
    QCOMPARE(f.emulator->store().cronJobs().get("default/many")->status.active.size(), std::size_t(2));
}

void TestCronJob::suspendAndTooManyMissedStarts()
{
    // Suspended for 150 minutes: resuming finds 150 missed times (more than 100) and starts
    // one Job, for the most recent.
    const std::string resume = "  - at: 150m30s\n    type: Apply\n    manifest:\n      apiVersion: batch/v1\n"
                               "      kind: CronJob\n      metadata: {name: late, namespace: default}\n"
                               "      spec:\n        schedule: \"* * * * *\"\n        suspend: false\n"
                               "        jobTemplate:\n          spec:\n            template:\n"
                               "              spec:\n                restartPolicy: Never\n"
                               "                containers:\n                - name: app\n"
                               "                  image: busybox:1.36\n";
    EmulatorFixture f(clusterYaml({"a"}, 1, resume, {}, "3h") + cronJob("late", "* * * * *", "  suspend: true\n", 5));
    QVERIFY2(f.ok(), f.diagnostics.empty() ? "" : f.diagnostics.front().message.c_str());
    f.runTo(150 * 60 + 29);
    QVERIFY(created(f, "late").empty());
    f.runTo(150 * 60 + 31);
    const auto jobs = created(f, "late");
    QCOMPARE(jobs.size(), std::size_t(1));
    QCOMPARE(jobs[0].second, "Created job " + jobName("late", 150));
    const auto warnings = f.events("TooManyMissedTimes", "late");
    QCOMPARE(warnings.size(), std::size_t(1));
    QCOMPARE(warnings[0].message, std::string("too many missed start times. Set or decrease "
                                              ".spec.startingDeadlineSeconds or check clock skew"));
    f.runTo(151 * 60 + 1);
    QCOMPARE(created(f, "late").size(), std::size_t(2)); // back on schedule
}

void TestCronJob::timeZones()
{
    EmulatorFixture f(clusterYaml({"a"}, 1, {}, {}, "10m")
                      + cronJob("paris", "5 1 * * *", "  timeZone: Etc/GMT-1\n", 5)
                      + cronJob("unknown", "5 1 * * *", "  timeZone: Europe/Paris\n", 5));
    QVERIFY(f.ok());
    f.runTo(301);
    const auto jobs = created(f, "paris");
    QCOMPARE(jobs.size(), std::size_t(1)); // 01:05 at UTC+1 is 00:05 UTC
    QVERIFY(std::abs(jobs[0].first - 300.1) < 1e-6);
    const auto job = f.emulator->store().jobs().get("default/" + jobName("paris", 5));
    QVERIFY(job);
    QCOMPARE(job->meta.annotations.at("batch.kubernetes.io/cronjob-scheduled-timestamp"),
             std::string("2026-01-01T01:05:00+01:00"));
    const auto unknown = f.events("UnknownTimeZone", "unknown");
    QVERIFY(!unknown.empty());
    QCOMPARE(unknown[0].message, std::string("invalid timeZone: \"Europe/Paris\": unknown time zone Europe/Paris"));
    QVERIFY(created(f, "unknown").empty());
}

QTEST_GUILESS_MAIN(TestCronJob)
#include "tst_cron_job.moc"
