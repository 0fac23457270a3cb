// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/store/job.h"
#include "emulator/store/pod.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace emu::ctrl::jobutil {

/// The labels the API server adds to a Job's template when it generates the selector:
/// batch.kubernetes.io/controller-uid and batch.kubernetes.io/job-name, and the legacy
/// controller-uid and job-name.
std::map<std::string, std::string> generatedLabels(const store::Job &job);
/// The generated selector: matchLabels batch.kubernetes.io/controller-uid: <uid>.
api::Value generatedSelector(const store::Job &job);
/// A Complete or Failed condition is True (upstream IsJobFinished).
bool isFinished(const store::Job &job);
/// When it finished (that condition's lastTransitionTime), if it did.
std::optional<SimTime> finishTime(const store::Job &job);
/// The template's restartPolicy.
std::string restartPolicy(const store::Job &job);
/// A JobCondition (lastProbeTime and lastTransitionTime now).
store::WorkloadCondition condition(const std::string &type, const std::string &status, const std::string &reason,
                                   const std::string &message, SimTime now);
/// status.completedIndexes: "0-2,5".
std::string formatIndexes(const std::set<int> &indexes);
/// The pod's batch.kubernetes.io/job-completion-index annotation (label as fallback).
std::optional<int> completionIndex(const store::Pod &pod);
/// getFinishedTime: the last container termination, else now.
SimTime finishedTime(const store::Pod &pod, SimTime now);
/// An Indexed Job's pod: generateName "<job>-<index>-", the completion-index annotation and
/// label, hostname "<job>-<index>" unless set, and env JOB_COMPLETION_INDEX in every container.
void addCompletionIndex(api::Value &podManifest, const std::string &jobName, int index);

} // namespace emu::ctrl::jobutil
