// SPDX-License-Identifier: Apache-2.0
#include "job_util.h"

#include "job_controller.h"

namespace emu::ctrl::jobutil {

namespace {

api::Value &mappingAt(api::Value &parent, std::string_view key)
{
    api::Value *child = parent.find(key);
    if (!child || !child->isMapping())
        child = &parent.set(key, api::Value::mapping());
    return *child;
}

} // namespace

std::map<std::string, std::string> generatedLabels(const store::Job &job)
{
    return {{"batch.kubernetes.io/controller-uid", job.meta.uid},
            {"batch.kubernetes.io/job-name", job.meta.name},
            {"controller-uid", job.meta.uid},
            {"job-name", job.meta.name}};
}

api::Value generatedSelector(const store::Job &job)
{
    api::Value matchLabels = api::Value::mapping();
    matchLabels.set("batch.kubernetes.io/controller-uid", api::Value::string(job.meta.uid));
    api::Value selector = api::Value::mapping();
    selector.set("matchLabels", std::move(matchLabels));
    return selector;
}

std::optional<SimTime> finishTime(const store::Job &job)
{
    for (const store::WorkloadCondition &c : job.status.conditions)
        if ((c.type == "Complete" || c.type == "Failed") && c.status == "True")
            return c.lastTransitionTime;
    return std::nullopt;
}

bool isFinished(const store::Job &job)
{
    return finishTime(job).has_value();
}

std::string restartPolicy(const store::Job &job)
{
    const api::Value *spec = job.spec.podTemplate.podSpec();
    const api::Value *policy = spec ? spec->find("restartPolicy") : nullptr;
    return policy && policy->isScalar() ? policy->text() : std::string();
}

store::WorkloadCondition condition(const std::string &type, const std::string &status, const std::string &reason,
                                   const std::string &message, SimTime now)
{
    return {type, status, reason, message, now, std::nullopt, now, std::nullopt};
}

std::string formatIndexes(const std::set<int> &indexes)
{
    std::string out;
    for (auto it = indexes.begin(); it != indexes.end();) {
        const int first = *it;
        int last = first;
        for (++it; it != indexes.end() && *it == last + 1; ++it)
            last = *it;
        if (!out.empty())
            out += ',';
        out += std::to_string(first);
        if (last != first)
            out += '-' + std::to_string(last);
    }
    return out;
}

std::optional<int> completionIndex(const store::Pod &pod)
{
    auto it = pod.meta.annotations.find(jobCompletionIndexKey);
    if (it == pod.meta.annotations.end()) {
        it = pod.meta.labels.find(jobCompletionIndexKey);
        if (it == pod.meta.labels.end())
            return std::nullopt;
    }
    const std::string &text = it->second;
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoi(text);
}

SimTime finishedTime(const store::Pod &pod, SimTime now)
{
    std::optional<SimTime> latest;
    for (const auto &c : pod.status.containerStatuses)
        if (c.state.kind == store::Pod::ContainerState::Kind::Terminated && c.state.finishedAt)
            latest = latest ? std::max(*latest, *c.state.finishedAt) : *c.state.finishedAt;
    return latest.value_or(now);
}

void addCompletionIndex(api::Value &podManifest, const std::string &jobName, int index)
{
    const std::string text = std::to_string(index);
    api::Value &metadata = mappingAt(podManifest, "metadata");
    metadata.set("generateName", api::Value::string(jobName + "-" + text + "-"));
    mappingAt(metadata, "annotations").set(jobCompletionIndexKey, api::Value::string(text));
    mappingAt(metadata, "labels").set(jobCompletionIndexKey, api::Value::string(text));
    api::Value &spec = mappingAt(podManifest, "spec");
    if (!spec.find("hostname"))
        spec.set("hostname", api::Value::string(jobName + "-" + text));
    api::Value fieldRef = api::Value::mapping();
    fieldRef.set("fieldPath",
                 api::Value::string(std::string("metadata.annotations['") + jobCompletionIndexKey + "']"));
    api::Value valueFrom = api::Value::mapping();
    valueFrom.set("fieldRef", std::move(fieldRef));
    api::Value env = api::Value::mapping();
    env.set("name", api::Value::string("JOB_COMPLETION_INDEX"));
    env.set("valueFrom", std::move(valueFrom));
    if (api::Value *containers = spec.find("containers"); containers && containers->isSequence())
        for (std::size_t i = 0; i < containers->size(); ++i) {
            api::Value &container = containers->at(i);
            if (!container.isMapping())
                continue;
            api::Value *list = container.find("env");
            if (!list || !list->isSequence())
                list = &container.set("env", api::Value::sequence());
            list->append(env);
        }
}

} // namespace emu::ctrl::jobutil
