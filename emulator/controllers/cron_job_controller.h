// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cron_schedule.h"
#include "garbage_collector.h"
#include "informer.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <optional>
#include <string>

namespace emu::ctrl {

/// kube-controller-manager's cronjob-controller (pkg/controller/cronjob, the v2 controller,
/// spec 7.6), on the scenario's wall clock (Scenario startTime at t = 0).
///
/// Each sync (one CronJob key):
/// - status.active is refreshed from the Jobs it owns: a finished one leaves it (event
///   SawCompletedJob "Saw completed job: NAME, condition: Complete"), a missing one too
///   (MissingJob), lastSuccessfulTime follows the succeeded Jobs' completionTime;
/// - unless suspended: the most recent unmet schedule time since lastScheduleTime (or the
///   creation), no earlier than now − startingDeadlineSeconds; more than 100 missed times give
///   TooManyMissedTimes; a time older than the deadline is missed (MissSchedule "Missed
///   scheduled time to start a job: <RFC1123Z>"); Forbid with an active Job skips it
///   (JobAlreadyActive); Replace deletes the active Jobs first (SuccessfulDelete); then the
///   Job `<name>-<scheduled Unix minutes>` is created from jobTemplate (annotation
///   batch.kubernetes.io/cronjob-scheduled-timestamp; SuccessfulCreate "Created job NAME"),
///   added to status.active, lastScheduleTime set;
/// - finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit are deleted,
///   oldest start first (SuccessfulDelete "Deleted job NAME");
/// - it runs again 100 ms after the next schedule time (nextScheduleDelta).
/// Schedules and time zones: see CronSchedule. Engine thread only.
class CronJobController
{
public:
    struct Settings
    {
        SimDuration nextScheduleDelta = SimDuration::milliseconds(100); ///< nextScheduleDelta
        int tooManyMissed = 100; ///< "somewhat arbitrarily picked 100, as more than 80"
    };

    CronJobController(sim::SimContext &context, Informer<store::CronJob> &cronJobs, Informer<store::Job> &jobs,
                      GarbageCollector &gc, Settings settings);
    CronJobController(sim::SimContext &context, Informer<store::CronJob> &cronJobs, Informer<store::Job> &jobs,
                      GarbageCollector &gc);

private:
    struct ScheduleTimes
    {
        std::int64_t earliest = 0;               ///< Unix seconds
        std::optional<std::int64_t> mostRecent;  ///< Unix seconds
        std::int64_t missed = 0;
    };

    bool sync(const std::string &key);
    std::optional<ScheduleTimes> mostRecentScheduleTime(const store::CronJob &cj, const CronSchedule &schedule,
                                                        std::int64_t offset, bool withDeadline) const;
    void requeueForNext(const store::CronJob &cj, const store::CronJob::Status &status,
                        const CronSchedule &schedule, std::int64_t offset);
    bool deleteJob(const store::CronJob &cj, const std::string &namespaceName, const std::string &name);
    bool cleanupFinishedJobs(const store::CronJob &cj, store::CronJob::Status &status);
    void enqueueOwner(const store::Job &job);
    void record(const store::CronJob &cj, const std::string &type, const std::string &reason,
                const std::string &message);

    /// The wall clock: Unix milliseconds of a simulated time, and back.
    std::int64_t unixMs(SimTime t) const;
    SimTime simTime(std::int64_t unixSeconds) const;

    sim::SimContext &m_context;
    Informer<store::CronJob> &m_cronJobs;
    Informer<store::Job> &m_jobs;
    GarbageCollector &m_gc;
    Settings m_settings;
    WorkQueue m_queue;
};

} // namespace emu::ctrl
