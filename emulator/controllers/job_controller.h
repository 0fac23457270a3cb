// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_expectations.h"
#include "informer.h"
#include "pod_control.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace emu::ctrl {

/// kube-controller-manager's job-controller (pkg/controller/job, spec 7.5).
///
/// Each sync (one Job key):
/// - a Job without manualSelector gets the API server's generated selector first
///   (batch.kubernetes.io/controller-uid, plus the job-name labels on the template);
/// - newly finished pods are counted once (the emulator's stand-in for the
///   batch.kubernetes.io/job-tracking finalizer): Succeeded pods as successes (their
///   completion index in Indexed mode), Failed pods, and pods deleted by someone else, as
///   failures unless a podFailurePolicy rule says Ignore (FailJob fails the Job);
/// - failure, in upstream order: a FailJob rule (PodFailurePolicy), failed > backoffLimit
///   (or, with restartPolicy OnFailure, container restarts reaching it; BackoffLimitExceeded),
///   activeDeadlineSeconds since startTime (DeadlineExceeded): FailureTarget, the active pods
///   deleted, then Failed once none is left, with a warning event of that reason;
/// - success: completions reached (NonIndexed), every index done (Indexed), or one success
///   and nothing active (work queue, no completions): SuccessCriteriaMet, then Complete
///   (event Completed) and completionTime once no pod is left running;
/// - otherwise active pods are brought to min(parallelism, completions − succeeded) (0 while
///   suspended: condition Suspended, events Suspended / Resumed, startTime reset on resume),
///   at most 500 per sync in slow-start batches; replacements after failures wait
///   10 s × 2^(failures since the last success − 1), capped at 10 min, from the last failure;
/// - status active, ready, terminating, succeeded, failed, completedIndexes, startTime.
/// Engine thread only.
class JobController
{
public:
    struct Settings
    {
        int maxPodCreateDeletePerSync = 500;                           ///< MaxPodCreateDeletePerSync
        SimDuration podFailureBackOff = SimDuration::seconds(10);      ///< DefaultJobPodFailureBackOff
        SimDuration maxPodFailureBackOff = SimDuration::minutes(10);   ///< MaxJobPodFailureBackOff (6 min before v1.28)
    };

    JobController(sim::SimContext &context, Informer<store::Job> &jobs, Informer<store::Pod> &pods, Rng rng,
                  Settings settings);
    JobController(sim::SimContext &context, Informer<store::Job> &jobs, Informer<store::Pod> &pods, Rng rng);

    const WorkQueue &queue() const { return m_queue; }

private:
    using PodPtr = std::shared_ptr<const store::Pod>;

    /// What the controller has counted of one Job (keyed by the Job's uid).
    struct Tracking
    {
        std::set<std::string> counted;     ///< pod uids already counted as succeeded or failed
        std::set<std::string> deletedByUs; ///< pod uids this controller deleted (never failures)
        std::map<std::string, PodPtr> vanished; ///< pods deleted by others, last state, not yet counted
        std::set<int> completedIndexes;
        int failuresAfterLastSuccess = 0;
        std::optional<SimTime> lastFailureTime;
        std::optional<std::string> failJobMessage; ///< a FailJob rule matched
    };

    bool sync(const std::string &key);
    bool ensureSelector(const store::Job &job);
    void countFinished(const store::Job &job, const std::vector<PodPtr> &pods, Tracking &t,
                       store::Job::Status &status);
    std::optional<std::string> manage(const store::Job &job, const std::vector<PodPtr> &active, int succeeded,
                                      Tracking &t);
    std::optional<std::string> createPods(const store::Job &job, const std::vector<int> &indexes, int count);
    void deletePods(const store::Job &job, const std::vector<PodPtr> &pods, Tracking &t);
    void writeStatus(const store::Job &job, const store::Job::Status &status);
    void recordEvent(const store::Job &job, const std::string &type, const std::string &reason,
                     const std::string &message);

    void addPod(const PodPtr &pod);
    void updatePod(const PodPtr &previous, const PodPtr &pod);
    void deletePod(const PodPtr &pod);
    std::shared_ptr<const store::Job> resolveControllerRef(const store::Pod &pod) const;

    sim::SimContext &m_context;
    Informer<store::Job> &m_jobs;
    Informer<store::Pod> &m_pods;
    PodControl m_podControl;
    ControllerExpectations m_expectations;
    Settings m_settings;
    std::map<std::string, Tracking> m_tracking;
    WorkQueue m_queue;
};

/// The label and annotation of an Indexed Job's pods (batch.kubernetes.io/job-completion-index).
inline constexpr const char *jobCompletionIndexKey = "batch.kubernetes.io/job-completion-index";

} // namespace emu::ctrl
