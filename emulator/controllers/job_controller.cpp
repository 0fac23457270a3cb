// SPDX-License-Identifier: Apache-2.0
#include "job_controller.h"

#include "controller_ref_manager.h"
#include "job_pod_failure_policy.h"
#include "job_util.h"
#include "pod_deletion_ranking.h"
#include "pod_util.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

using PodPtr = std::shared_ptr<const store::Pod>;

// controller.SlowStartInitialBatchSize
constexpr int jobSlowStartInitialBatchSize = 1;

} // namespace

JobController::JobController(sim::SimContext &context, Informer<store::Job> &jobs, Informer<store::Pod> &pods,
                             Rng rng, Settings settings)
    : m_context(context), m_jobs(jobs), m_pods(pods), m_podControl(context, std::move(rng)),
      m_expectations(context.engine), m_settings(settings),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_jobs.addHandlers({
        [this](const auto &job) { m_queue.add(job->meta.key()); },
        [this](const auto &, const auto &job) { m_queue.add(job->meta.key()); },
        [this](const auto &job) {
            m_expectations.forget(job->meta.key());
            m_tracking.erase(job->meta.uid);
        },
    });
    m_pods.addHandlers({
        [this](const PodPtr &pod) { addPod(pod); },
        [this](const PodPtr &previous, const PodPtr &pod) { updatePod(previous, pod); },
        [this](const PodPtr &pod) { deletePod(pod); },
    });
}

JobController::JobController(sim::SimContext &context, Informer<store::Job> &jobs, Informer<store::Pod> &pods,
                             Rng rng)
    : JobController(context, jobs, pods, std::move(rng), Settings{})
{}

std::shared_ptr<const store::Job> JobController::resolveControllerRef(const store::Pod &pod) const
{
    const store::OwnerReference *ref = pod.meta.controllerRef();
    if (!ref || ref->kind != store::Job::kind)
        return nullptr;
    auto job = m_jobs.get(pod.meta.namespaceName + "/" + ref->name);
    return job && job->meta.uid == ref->uid ? job : nullptr;
}

void JobController::addPod(const PodPtr &pod)
{
    if (auto job = resolveControllerRef(*pod)) {
        m_expectations.creationObserved(job->meta.key());
        m_queue.add(job->meta.key());
    }
}

void JobController::updatePod(const PodPtr &previous, const PodPtr &pod)
{
    if (auto job = resolveControllerRef(*pod)) {
        if (pod->meta.deletionTimestamp && !previous->meta.deletionTimestamp)
            m_expectations.deletionObserved(job->meta.key(), pod->meta.key());
        m_queue.add(job->meta.key());
    }
}

void JobController::deletePod(const PodPtr &pod)
{
    auto job = resolveControllerRef(*pod);
    if (!job)
        return;
    m_expectations.deletionObserved(job->meta.key(), pod->meta.key());
    Tracking &t = m_tracking[job->meta.uid];
    if (!t.counted.count(pod->meta.uid) && !t.deletedByUs.count(pod->meta.uid))
        t.vanished[pod->meta.uid] = pod; // count it (as the job-tracking finalizer would have)
    m_queue.add(job->meta.key());
}

void JobController::recordEvent(const store::Job &job, const std::string &type, const std::string &reason,
                                const std::string &message)
{
    m_context.events.record(type, reason, store::Job::kind, job.meta.namespaceName, job.meta.name, message);
}

// The API server's job strategy (generateSelector): done here because the store creates
// every kind the same way; the Job's generation does not change, as at creation.
bool JobController::ensureSelector(const store::Job &job)
{
    if (job.spec.manualSelector || !job.spec.selector.value.isNull())
        return false;
    m_context.store.jobs().patch(job.meta.key(), [](store::Job &current) {
        api::Value templateValue = current.spec.podTemplate.value;
        if (!templateValue.isMapping())
            templateValue = api::Value::mapping();
        api::Value *metadata = templateValue.find("metadata");
        if (!metadata || !metadata->isMapping())
            metadata = &templateValue.set("metadata", api::Value::mapping());
        api::Value *labels = metadata->find("labels");
        if (!labels || !labels->isMapping())
            labels = &metadata->set("labels", api::Value::mapping());
        for (const auto &[key, value] : jobutil::generatedLabels(current))
            labels->set(key, api::Value::string(value));
        current.spec.set("template", templateValue);
        current.spec.set("selector", jobutil::generatedSelector(current));
    });
    return true;
}

// syncJob
bool JobController::sync(const std::string &key)
{
    const auto job = m_jobs.get(key);
    if (!job) {
        m_expectations.forget(key);
        return true;
    }
    if (job->meta.deletionTimestamp || ensureSelector(*job) || jobutil::isFinished(*job))
        return true;
    const SimTime now = m_context.engine.now();
    Tracking &t = m_tracking[job->meta.uid];
    ControllerRefManager<store::Pod> refManager(
        m_context.store.pods(), m_pods, ControllerOwner::of(*job), job->spec.selector, false,
        [this, key, uid = job->meta.uid] {
            auto fresh = m_context.store.jobs().get(key);
            return fresh && fresh->meta.uid == uid && !fresh->meta.deletionTimestamp;
        });
    const std::vector<PodPtr> pods = refManager.claim();

    store::Job::Status status = job->status;
    countFinished(*job, pods, t, status);
    std::vector<PodPtr> active;
    int terminating = 0;
    int ready = 0;
    int restarts = 0;
    for (const PodPtr &pod : pods) {
        if (isPodActive(*pod)) {
            active.push_back(pod);
            ready += isPodReady(*pod) ? 1 : 0;
            for (const auto &c : pod->status.containerStatuses)
                restarts += c.restartCount;
            for (const auto &c : pod->status.initContainerStatuses)
                restarts += c.restartCount;
        } else if (pod->meta.deletionTimestamp && !isPodTerminal(*pod)) {
            ++terminating;
        }
    }
    if (!status.startTime && !job->spec.suspend)
        status.startTime = now;

    // The failure checks, in upstream's order.
    std::optional<std::pair<std::string, std::string>> failure;
    if (const store::WorkloadCondition *target = store::findCondition(status.conditions, "FailureTarget"))
        failure = {target->reason, target->message};
    else if (t.failJobMessage)
        failure = {"PodFailurePolicy", *t.failJobMessage};
    else if (status.failed > job->spec.backoffLimit
             || (jobutil::restartPolicy(*job) == "OnFailure" && restarts > 0
                 && restarts >= job->spec.backoffLimit))
        failure = {"BackoffLimitExceeded", "Job has reached the specified backoff limit"};
    else if (job->spec.activeDeadlineSeconds && status.startTime && !job->spec.suspend
             && now - *status.startTime >= SimDuration::seconds(*job->spec.activeDeadlineSeconds))
        failure = {"DeadlineExceeded", "Job was active longer than specified deadline"};

    const bool indexed = job->spec.completionMode == "Indexed";
    const int completions = job->spec.completions.value_or(0);
    const bool succeeded = indexed ? static_cast<int>(t.completedIndexes.size()) >= completions
                           : job->spec.completions ? status.succeeded >= completions
                                                   : status.succeeded > 0 && active.empty();
    std::optional<std::string> error;
    if (failure || succeeded) {
        const std::string interim = failure ? "FailureTarget" : "SuccessCriteriaMet";
        const std::string reason = failure ? failure->first : "CompletionsReached";
        const std::string message = failure ? failure->second : "Reached expected number of succeeded pods";
        if (!store::findCondition(status.conditions, interim))
            status.conditions.push_back(jobutil::condition(interim, "True", reason, message, now));
        deletePods(*job, active, t);
        if (active.empty() && terminating == 0) {
            if (failure) {
                status.conditions.push_back(jobutil::condition("Failed", "True", reason, message, now));
                recordEvent(*job, "Warning", reason, message);
            } else {
                status.conditions.push_back(jobutil::condition("Complete", "True", "", "", now));
                status.completionTime = now;
                recordEvent(*job, "Normal", "Completed", "Job completed");
            }
        }
        terminating += static_cast<int>(active.size());
        active.clear();
        ready = 0;
    } else {
        const store::WorkloadCondition *suspended = store::findCondition(status.conditions, "Suspended");
        const bool wasSuspended = suspended && suspended->status == "True";
        if (job->spec.suspend && !wasSuspended) {
            store::removeCondition(status.conditions, "Suspended");
            status.conditions.push_back(jobutil::condition("Suspended", "True", "JobSuspended", "Job suspended", now));
            recordEvent(*job, "Normal", "Suspended", "Job suspended");
        } else if (!job->spec.suspend && wasSuspended) {
            store::removeCondition(status.conditions, "Suspended");
            status.conditions.push_back(jobutil::condition("Suspended", "False", "JobResumed", "Job resumed", now));
            // ActiveDeadlineSeconds counts the time the Job is continuously active.
            status.startTime = now;
            recordEvent(*job, "Normal", "Resumed", "Job resumed");
        }
        if (m_expectations.satisfied(key))
            error = manage(*job, active, status.succeeded, t);
        if (job->spec.activeDeadlineSeconds && status.startTime && !job->spec.suspend)
            m_queue.addAfter(key, *status.startTime + SimDuration::seconds(*job->spec.activeDeadlineSeconds) - now);
    }
    status.active = static_cast<std::int32_t>(active.size());
    status.ready = ready;
    status.terminating = terminating;
    if (indexed)
        status.completedIndexes = jobutil::formatIndexes(t.completedIndexes);
    writeStatus(*job, status);
    return !error;
}

// trackJobStatusAndRemoveFinalizers, without the finalizers: each finished pod counted once.
void JobController::countFinished(const store::Job &job, const std::vector<PodPtr> &pods, Tracking &t,
                                  store::Job::Status &status)
{
    std::vector<std::pair<PodPtr, bool>> candidates; // pod, vanished
    for (const PodPtr &pod : pods)
        candidates.emplace_back(pod, false);
    for (const auto &[uid, pod] : t.vanished)
        candidates.emplace_back(pod, true);
    t.vanished.clear();
    const int completions = job.spec.completions.value_or(0);
    for (const auto &[pod, vanished] : candidates) {
        if (t.counted.count(pod->meta.uid) || t.deletedByUs.count(pod->meta.uid))
            continue;
        // Deleted by someone else (eviction, node failure): a failure once it stops, whatever
        // its containers' exit codes (upstream counts such pods failed unless Succeeded first).
        const bool deletedByOthers = vanished || pod->meta.deletionTimestamp;
        const bool success = pod->status.phase == "Succeeded" && !deletedByOthers;
        const bool failed = pod->status.phase == "Failed" || (deletedByOthers && (vanished || isPodTerminal(*pod)));
        if (!success && !failed)
            continue;
        t.counted.insert(pod->meta.uid);
        if (success) {
            ++status.succeeded;
            t.failuresAfterLastSuccess = 0;
            if (job.spec.completionMode == "Indexed")
                if (auto index = jobutil::completionIndex(*pod); index && *index < completions)
                    t.completedIndexes.insert(*index);
            continue;
        }
        if (!job.spec.podFailurePolicy.isNull()) {
            if (auto match = matchPodFailurePolicy(job.spec.podFailurePolicy, *pod)) {
                if (match->action == "Ignore")
                    continue; // does not count toward backoffLimit
                if (match->action == "FailJob" && !t.failJobMessage)
                    t.failJobMessage = match->message;
            }
        }
        ++status.failed;
        ++t.failuresAfterLastSuccess;
        t.lastFailureTime = jobutil::finishedTime(*pod, m_context.engine.now());
    }
}

// manageJob
std::optional<std::string> JobController::manage(const store::Job &job, const std::vector<PodPtr> &active,
                                                 int succeeded, Tracking &t)
{
    const bool indexed = job.spec.completionMode == "Indexed";
    int wantActive = 0;
    if (job.spec.suspend)
        wantActive = 0;
    else if (!job.spec.completions)
        wantActive = succeeded > 0 ? static_cast<int>(active.size()) : job.spec.parallelism;
    else {
        const int done = indexed ? static_cast<int>(t.completedIndexes.size()) : succeeded;
        wantActive = std::clamp(*job.spec.completions - done, 0, job.spec.parallelism);
    }
    const int activeCount = static_cast<int>(active.size());
    if (activeCount > wantActive) {
        // Suspended, or parallelism lowered: these deletions are not failures.
        const auto victims = podsToDelete(active, active,
                                          static_cast<std::size_t>(std::min(activeCount - wantActive,
                                                                            m_settings.maxPodCreateDeletePerSync)),
                                          m_context.engine.now());
        deletePods(job, victims, t);
        return std::nullopt;
    }
    if (activeCount == wantActive)
        return std::nullopt;
    // The pod failure back-off: 10 s × 2^(failures − 1), capped, from the last failure.
    if (t.failuresAfterLastSuccess > 0 && t.lastFailureTime) {
        SimDuration backoff = m_settings.podFailureBackOff;
        for (int i = 1; i < t.failuresAfterLastSuccess && backoff < m_settings.maxPodFailureBackOff; ++i)
            backoff = std::min(backoff * 2, m_settings.maxPodFailureBackOff);
        const SimDuration elapsed = m_context.engine.now() - *t.lastFailureTime;
        if (elapsed < backoff) {
            m_queue.addAfter(job.meta.key(), backoff - elapsed);
            return std::nullopt;
        }
    }
    const int count = std::min(wantActive - activeCount, m_settings.maxPodCreateDeletePerSync);
    std::vector<int> indexes;
    if (indexed) {
        std::set<int> taken(t.completedIndexes.begin(), t.completedIndexes.end());
        for (const PodPtr &pod : active)
            if (auto index = jobutil::completionIndex(*pod))
                taken.insert(*index);
        for (int i = 0; i < *job.spec.completions && static_cast<int>(indexes.size()) < count; ++i)
            if (!taken.count(i))
                indexes.push_back(i);
    }
    return createPods(job, indexes, indexed ? static_cast<int>(indexes.size()) : count);
}

std::optional<std::string> JobController::createPods(const store::Job &job, const std::vector<int> &indexes,
                                                     int count)
{
    const std::string key = job.meta.key();
    const ControllerOwner owner = ControllerOwner::of(job);
    m_expectations.expectCreations(key, count);
    int created = 0;
    int attempted = 0;
    std::optional<std::string> error;
    for (int batch = std::min(count, jobSlowStartInitialBatchSize); batch > 0 && !error;
         batch = std::min(2 * batch, count - attempted)) {
        for (int i = 0; i < batch; ++i) {
            const std::optional<int> index =
                indexes.empty() ? std::nullopt : std::optional(indexes[static_cast<std::size_t>(attempted)]);
            ++attempted;
            const store::StoreResult result =
                m_podControl.createPod(owner, job.spec.podTemplate, [&](api::Value &manifest) {
                    if (index)
                        jobutil::addCompletionIndex(manifest, job.meta.name, *index);
                });
            if (result.ok())
                ++created;
            else if (!error)
                error = result.message;
        }
    }
    for (int skipped = count - created; skipped > 0; --skipped)
        m_expectations.creationObserved(key);
    return error;
}

void JobController::deletePods(const store::Job &job, const std::vector<PodPtr> &pods, Tracking &t)
{
    if (pods.empty())
        return;
    std::vector<std::string> keys;
    for (const PodPtr &pod : pods)
        keys.push_back(pod->meta.key());
    m_expectations.expectDeletions(job.meta.key(), keys);
    const ControllerOwner owner = ControllerOwner::of(job);
    for (const PodPtr &pod : pods) {
        t.deletedByUs.insert(pod->meta.uid);
        if (!m_podControl.deletePod(owner, pod->meta.key()).ok())
            m_expectations.deletionObserved(job.meta.key(), pod->meta.key());
    }
}

void JobController::writeStatus(const store::Job &job, const store::Job::Status &status)
{
    if (status == job.status)
        return;
    m_context.store.jobs().patch(job.meta.key(), [&](store::Job &current) { current.status = status; });
}

} // namespace emu::ctrl
