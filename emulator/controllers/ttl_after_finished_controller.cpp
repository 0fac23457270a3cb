// SPDX-License-Identifier: Apache-2.0
#include "ttl_after_finished_controller.h"

#include "job_util.h"

namespace emu::ctrl {

TtlAfterFinishedController::TtlAfterFinishedController(sim::SimContext &context, Informer<store::Job> &jobs,
                                                       GarbageCollector &gc)
    : m_context(context), m_jobs(jobs), m_gc(gc),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_jobs.addHandlers({
        [this](const auto &job) { enqueue(*job); },
        [this](const auto &, const auto &job) { enqueue(*job); },
        {},
    });
}

// needsCleanup: only finished Jobs with a TTL and not being deleted.
void TtlAfterFinishedController::enqueue(const store::Job &job)
{
    if (job.spec.ttlSecondsAfterFinished && !job.meta.deletionTimestamp && jobutil::isFinished(job))
        m_queue.add(job.meta.key());
}

// processJob: delete once expired, else look again when it will be.
bool TtlAfterFinishedController::sync(const std::string &key)
{
    const auto job = m_jobs.get(key);
    if (!job || !job->spec.ttlSecondsAfterFinished || job->meta.deletionTimestamp)
        return true;
    const std::optional<SimTime> finished = jobutil::finishTime(*job);
    if (!finished)
        return true;
    const SimTime expireAt = *finished + SimDuration::seconds(*job->spec.ttlSecondsAfterFinished);
    const SimTime now = m_context.engine.now();
    if (now < expireAt) {
        m_queue.addAfter(key, expireAt - now);
        return true;
    }
    // Checked again against a fresh read, as upstream does before deleting.
    const auto fresh = m_context.store.jobs().get(key);
    if (!fresh || fresh->meta.uid != job->meta.uid || !fresh->spec.ttlSecondsAfterFinished)
        return true;
    const store::StoreResult result = m_gc.deleteObject(store::Job::apiVersion, store::Job::kind,
                                                        job->meta.namespaceName, job->meta.name,
                                                        Propagation::Background);
    return result.ok() || result.error == store::StoreError::NotFound;
}

} // namespace emu::ctrl
