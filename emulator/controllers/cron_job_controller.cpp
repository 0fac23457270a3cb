// SPDX-License-Identifier: Apache-2.0
#include "cron_job_controller.h"

#include "controller_owner.h"
#include "job_util.h"

#include "emulator/sim/workload_decoder.h"

#include <algorithm>
#include <set>

namespace emu::ctrl {

namespace {

std::int64_t jobFloorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

bool inActive(const store::CronJob::Status &status, const std::string &uid)
{
    return std::any_of(status.active.begin(), status.active.end(),
                       [&](const store::ObjectReference &r) { return r.uid == uid; });
}

void removeActive(store::CronJob::Status &status, const std::string &uid)
{
    std::erase_if(status.active, [&](const store::ObjectReference &r) { return r.uid == uid; });
}

const store::WorkloadCondition *finishedCondition(const store::Job &job)
{
    for (const store::WorkloadCondition &c : job.status.conditions)
        if ((c.type == "Complete" || c.type == "Failed") && c.status == "True")
            return &c;
    return nullptr;
}

} // namespace

CronJobController::CronJobController(sim::SimContext &context, Informer<store::CronJob> &cronJobs,
                                     Informer<store::Job> &jobs, GarbageCollector &gc, Settings settings)
    : m_context(context), m_cronJobs(cronJobs), m_jobs(jobs), m_gc(gc), m_settings(settings),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_cronJobs.addHandlers({
        [this](const auto &cj) { m_queue.add(cj->meta.key()); },
        [this](const auto &, const auto &cj) { m_queue.add(cj->meta.key()); },
        {},
    });
    m_jobs.addHandlers({
        [this](const auto &job) { enqueueOwner(*job); },
        [this](const auto &, const auto &job) { enqueueOwner(*job); },
        [this](const auto &job) { enqueueOwner(*job); },
    });
}

CronJobController::CronJobController(sim::SimContext &context, Informer<store::CronJob> &cronJobs,
                                     Informer<store::Job> &jobs, GarbageCollector &gc)
    : CronJobController(context, cronJobs, jobs, gc, Settings{})
{}

void CronJobController::enqueueOwner(const store::Job &job)
{
    const store::OwnerReference *ref = job.meta.controllerRef();
    if (!ref || ref->kind != store::CronJob::kind)
        return;
    auto cj = m_cronJobs.get(job.meta.namespaceName + "/" + ref->name);
    if (cj && cj->meta.uid == ref->uid)
        m_queue.add(cj->meta.key());
}

void CronJobController::record(const store::CronJob &cj, const std::string &type, const std::string &reason,
                               const std::string &message)
{
    m_context.events.record(type, reason, store::CronJob::kind, cj.meta.namespaceName, cj.meta.name, message);
}

std::int64_t CronJobController::unixMs(SimTime t) const
{
    return m_context.startTimeMs + jobFloorDiv(t.ns(), 1'000'000);
}

SimTime CronJobController::simTime(std::int64_t unixSeconds) const
{
    return SimTime::fromNs((unixSeconds * 1000 - m_context.startTimeMs) * 1'000'000);
}

// mostRecentScheduleTime
std::optional<CronJobController::ScheduleTimes> CronJobController::mostRecentScheduleTime(
    const store::CronJob &cj, const CronSchedule &schedule, std::int64_t offset, bool withDeadline) const
{
    const std::int64_t nowMs = unixMs(m_context.engine.now());
    ScheduleTimes r;
    r.earliest = jobFloorDiv(unixMs(cj.status.lastScheduleTime.value_or(cj.meta.creationTimestamp)), 1000);
    if (withDeadline && cj.spec.startingDeadlineSeconds) {
        // "controller is not going to schedule anything below this point"
        const std::int64_t deadline = jobFloorDiv(nowMs, 1000) - *cj.spec.startingDeadlineSeconds;
        r.earliest = std::max(r.earliest, deadline);
    }
    const auto t1 = schedule.next(r.earliest, offset);
    if (!t1 || nowMs < *t1 * 1000)
        return r;
    const auto t2 = schedule.next(*t1, offset);
    if (!t2 || nowMs < *t2 * 1000) {
        r.mostRecent = *t1;
        r.missed = 1;
        return r;
    }
    const std::int64_t between = *t2 - *t1;
    if (between < 1)
        return std::nullopt; // "time difference between two schedules is less than 1 second"
    const std::int64_t elapsed = (nowMs - *t1 * 1000) / 1000;
    r.missed = elapsed / between + 1;
    // Jump near the end, then let the schedule find the exact most recent time.
    std::int64_t t = *t1 + (r.missed - 2) * between;
    for (auto n = schedule.next(t, offset); n && *n * 1000 <= nowMs; n = schedule.next(*n, offset))
        r.mostRecent = *n;
    return r;
}

// nextScheduleTimeDuration: 100 ms after the next time after the most recent one.
void CronJobController::requeueForNext(const store::CronJob &cj, const store::CronJob::Status &status,
                                       const CronSchedule &schedule, std::int64_t offset)
{
    store::CronJob withStatus = cj;
    withStatus.status = status;
    const auto times = mostRecentScheduleTime(withStatus, schedule, offset, false);
    if (!times)
        return;
    const auto next = schedule.next(times->mostRecent.value_or(times->earliest), offset);
    if (!next)
        return;
    const SimTime at = simTime(*next) + m_settings.nextScheduleDelta;
    const SimTime now = m_context.engine.now();
    m_queue.addAfter(cj.meta.key(), at > now ? at - now : SimDuration());
}

bool CronJobController::deleteJob(const store::CronJob &cj, const std::string &namespaceName, const std::string &name)
{
    const store::StoreResult result = m_gc.deleteObject(store::Job::apiVersion, store::Job::kind, namespaceName, name,
                                                        Propagation::Background);
    if (result.ok()) {
        record(cj, "Normal", "SuccessfulDelete", "Deleted job " + name);
        return true;
    }
    if (result.error == store::StoreError::NotFound)
        return true;
    record(cj, "Warning", "FailedDelete", "Deleted job: " + result.message);
    return false;
}

// cleanupFinishedJobs + removeOldestJobs
bool CronJobController::cleanupFinishedJobs(const store::CronJob &cj, store::CronJob::Status &status)
{
    std::vector<std::shared_ptr<const store::Job>> succeeded;
    std::vector<std::shared_ptr<const store::Job>> failed;
    for (const auto &job : m_jobs.ownedBy(cj.meta.uid)) {
        if (job->meta.deletionTimestamp || !m_context.store.jobs().get(job->meta.key()))
            continue; // already going
        if (const store::WorkloadCondition *c = finishedCondition(*job))
            (c->type == "Complete" ? succeeded : failed).push_back(job);
    }
    bool changed = false;
    auto removeOldest = [&](std::vector<std::shared_ptr<const store::Job>> &jobs, int limit) {
        const int toDelete = static_cast<int>(jobs.size()) - limit;
        if (toDelete <= 0)
            return;
        // byJobStartTime: Jobs without a start time last, then by start time, then by name.
        std::sort(jobs.begin(), jobs.end(), [](const auto &a, const auto &b) {
            if (a->status.startTime.has_value() != b->status.startTime.has_value())
                return a->status.startTime.has_value();
            if (a->status.startTime != b->status.startTime)
                return *a->status.startTime < *b->status.startTime;
            return a->meta.name < b->meta.name;
        });
        for (int i = 0; i < toDelete; ++i) {
            const auto &job = jobs[static_cast<std::size_t>(i)];
            if (deleteJob(cj, job->meta.namespaceName, job->meta.name)) {
                removeActive(status, job->meta.uid);
                changed = true;
            }
        }
    };
    removeOldest(succeeded, cj.spec.successfulJobsHistoryLimit);
    removeOldest(failed, cj.spec.failedJobsHistoryLimit);
    return changed;
}

// sync + syncCronJob
bool CronJobController::sync(const std::string &key)
{
    const auto cj = m_cronJobs.get(key);
    if (!cj)
        return true;
    store::CronJob::Status status = cj->status;
    auto write = [&] {
        if (!(status == cj->status))
            m_context.store.cronJobs().patch(key, [&](store::CronJob &current) { current.status = status; });
    };
    // The active list against the Jobs it owns.
    const auto jobs = m_jobs.ownedBy(cj->meta.uid);
    std::set<std::string> children;
    for (const auto &job : jobs) {
        children.insert(job->meta.uid);
        const bool found = inActive(status, job->meta.uid);
        const store::WorkloadCondition *finished = finishedCondition(*job);
        if (!found && !finished) {
            const auto fresh = m_context.store.cronJobs().get(key);
            if (!fresh || !inActive(fresh->status, job->meta.uid))
                record(*cj, "Warning", "UnexpectedJob",
                       "Saw a job that the controller did not create or forgot: " + job->meta.name);
        } else if (found && finished) {
            removeActive(status, job->meta.uid);
            record(*cj, "Normal", "SawCompletedJob",
                   "Saw completed job: " + job->meta.name + ", condition: " + finished->type);
        } else if (finished && finished->type == "Complete" && job->status.completionTime
                   && (!status.lastSuccessfulTime || *job->status.completionTime > *status.lastSuccessfulTime)) {
            status.lastSuccessfulTime = job->status.completionTime;
        }
    }
    for (const store::ObjectReference &ref : std::vector(status.active)) {
        if (children.count(ref.uid))
            continue;
        // A fresh read, not to trust a slow watch.
        if (!m_context.store.jobs().get(ref.namespaceName + "/" + ref.name)) {
            record(*cj, "Normal", "MissingJob", "Active job went missing: " + ref.name);
            removeActive(status, ref.uid);
        }
    }
    if (cj->meta.deletionTimestamp) {
        write();
        return true;
    }
    std::string error;
    const auto schedule = CronSchedule::parse(cj->spec.schedule, &error);
    std::string zone = cj->spec.timeZone.value_or(schedule ? schedule->prefixZone() : std::string());
    const std::optional<std::int64_t> offset = zone.empty() ? std::optional<std::int64_t>(0) : fixedZoneOffsetSeconds(zone);
    if (cj->spec.timeZone && !offset) {
        record(*cj, "Warning", "UnknownTimeZone",
               "invalid timeZone: \"" + zone + "\": unknown time zone " + zone);
        write();
        return true;
    }
    if (cj->spec.suspend || !schedule || !offset) {
        if (!schedule && !cj->spec.suspend)
            record(*cj, "Warning", "UnparseableSchedule",
                   "unparseable schedule: \"" + cj->spec.schedule + "\" : " + error);
        cleanupFinishedJobs(*cj, status);
        write();
        return true;
    }
    const auto times = mostRecentScheduleTime(*cj, *schedule, *offset, true);
    if (!times) {
        record(*cj, "Warning", "InvalidSchedule",
               "invalid schedule: " + cj->spec.schedule + " : time difference between two schedules is less than 1 second");
        write();
        return true;
    }
    if (times->missed > m_settings.tooManyMissed)
        record(*cj, "Warning", "TooManyMissedTimes",
               "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
    const std::int64_t nowMs = unixMs(m_context.engine.now());
    [&] {
        if (!times->mostRecent)
            return; // nothing due
        const std::int64_t scheduled = *times->mostRecent;
        if (cj->spec.startingDeadlineSeconds
            && (scheduled + *cj->spec.startingDeadlineSeconds) * 1000 < nowMs) {
            record(*cj, "Warning", "MissSchedule",
                   "Missed scheduled time to start a job: " + formatRfc1123z(scheduled));
            return;
        }
        const std::string jobName = cj->meta.name + "-" + std::to_string(jobFloorDiv(scheduled, 60));
        const bool processed =
            std::any_of(status.active.begin(), status.active.end(),
                        [&](const store::ObjectReference &r) { return r.name == jobName; })
            || status.lastScheduleTime == simTime(scheduled);
        if (processed)
            return;
        if (cj->spec.concurrencyPolicy == "Forbid" && !status.active.empty()) {
            record(*cj, "Normal", "JobAlreadyActive",
                   "Not starting job because prior execution is running and concurrency policy is Forbid");
            return;
        }
        if (cj->spec.concurrencyPolicy == "Replace")
            for (const store::ObjectReference &ref : std::vector(status.active))
                if (deleteJob(*cj, ref.namespaceName, ref.name))
                    removeActive(status, ref.uid);
        // getJobFromTemplate2
        const api::Value *templateMetadata = cj->spec.jobTemplate.find("metadata");
        api::Value metadata = api::Value::mapping();
        metadata.set("name", api::Value::string(jobName));
        metadata.set("namespace", api::Value::string(cj->meta.namespaceName));
        if (const api::Value *labels = templateMetadata ? templateMetadata->find("labels") : nullptr)
            metadata.set("labels", *labels);
        api::Value annotations = api::Value::mapping();
        if (const api::Value *a = templateMetadata ? templateMetadata->find("annotations") : nullptr; a && a->isMapping())
            annotations = *a;
        annotations.set("batch.kubernetes.io/cronjob-scheduled-timestamp",
                        api::Value::string(formatRfc3339(scheduled, *offset)));
        metadata.set("annotations", std::move(annotations));
        api::Value manifest = api::Value::mapping();
        manifest.set("apiVersion", api::Value::string("batch/v1"));
        manifest.set("kind", api::Value::string("Job"));
        manifest.set("metadata", std::move(metadata));
        const api::Value *spec = cj->spec.jobTemplate.find("spec");
        manifest.set("spec", spec ? *spec : api::Value::mapping());
        sim::WorkloadObjects decoded;
        if (!sim::decodeWorkload(manifest, decoded) || decoded.jobs.empty()) {
            record(*cj, "Warning", "FailedCreate", "Error creating job: the jobTemplate does not make a Job");
            return;
        }
        store::Job job = decoded.jobs.front();
        job.meta.ownerReferences = {ControllerOwner::of(*cj).controllerRef()};
        const store::StoreResult result = m_context.store.jobs().create(job);
        std::shared_ptr<const store::Job> created;
        if (result.ok()) {
            created = m_context.store.jobs().get(job.meta.key());
            record(*cj, "Normal", "SuccessfulCreate", "Created job " + jobName);
        } else if (result.error == store::StoreError::AlreadyExists) {
            created = m_context.store.jobs().get(job.meta.key());
            const store::OwnerReference *ref = created ? created->meta.controllerRef() : nullptr;
            if (!ref || ref->uid != cj->meta.uid || inActive(status, created->meta.uid))
                return; // someone else's Job, or already counted
        } else {
            record(*cj, "Warning", "FailedCreate", "Error creating job: " + result.message);
            return;
        }
        status.active.push_back({store::Job::apiVersion, store::Job::kind, created->meta.namespaceName,
                                 created->meta.name, created->meta.uid, created->meta.resourceVersion});
        status.lastScheduleTime = simTime(scheduled);
    }();
    cleanupFinishedJobs(*cj, status);
    write();
    requeueForNext(*cj, status, *schedule, *offset);
    return true;
}

} // namespace emu::ctrl
