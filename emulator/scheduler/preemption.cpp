// SPDX-License-Identifier: Apache-2.0
#include "preemption.h"

#include "failed_scheduling_message.h"
#include "filters.h"
#include "scheduling_cycle.h"

#include "emulator/controllers/pod_deletion.h"
#include "emulator/store/priority_admission.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>

namespace emu::sched {

namespace {

using store::podPriority;
using PodPtr = std::shared_ptr<const store::Pod>;

/// upstream podTerminatingByPreemption.
bool terminatingByPreemption(const store::Pod &pod)
{
    if (!pod.meta.deletionTimestamp)
        return false;
    const store::Pod::Condition *c = pod.condition("DisruptionTarget");
    return c && c->status == "True" && c->reason == "PreemptionByScheduler";
}

const NodeRejection *rejectionOf(const std::vector<NodeRejection> &rejected, const std::string &node)
{
    for (const NodeRejection &r : rejected)
        if (r.node == node)
            return &r;
    return nullptr;
}

} // namespace

DefaultPreemption::DefaultPreemption(const SchedulerSnapshot &snapshot,
                                     std::vector<std::shared_ptr<const store::PodDisruptionBudget>> pdbs,
                                     SimTime now, PreemptionSettings settings)
    : m_snapshot(snapshot), m_pdbs(std::move(pdbs)), m_now(now), m_settings(settings)
{}

bool DefaultPreemption::moreImportant(const store::Pod &a, const store::Pod &b) const
{
    // upstream util.MoreImportantPod: higher priority, then the earlier start (a pod not
    // started yet counts as starting now).
    if (podPriority(a) != podPriority(b))
        return podPriority(a) > podPriority(b);
    return a.status.startTime.value_or(m_now) < b.status.startTime.value_or(m_now);
}

std::optional<std::string> DefaultPreemption::ineligibleReason(const PodInfo &pod,
                                                               const std::vector<NodeRejection> &rejected) const
{
    // upstream PodEligibleToPreemptOthers.
    if (pod.pod().spec.preemptionPolicy == "Never")
        return std::string(message::PreemptionPolicyNever);
    const std::string &nominated = pod.pod().status.nominatedNodeName;
    if (nominated.empty())
        return std::nullopt;
    // A nominated node that can no longer help at all: preempt again elsewhere.
    if (const NodeRejection *r = rejectionOf(rejected, nominated);
        r && r->result.code == FilterResult::Code::UnschedulableAndUnresolvable)
        return std::nullopt;
    const auto node = m_snapshot.nodes.find(nominated);
    if (node == m_snapshot.nodes.end())
        return std::nullopt;
    for (const NodeInfo::PodEntry &entry : node->second.pods())
        if (podPriority(*entry.pod) < podPriority(pod.pod()) && terminatingByPreemption(*entry.pod))
            return std::string("not eligible due to a terminating pod on the nominated node.");
    return std::nullopt;
}

std::optional<PreemptionCandidate> DefaultPreemption::selectVictimsOnNode(const PodInfo &pod, const NodeInfo &node,
                                                                          FilterResult &status) const
{
    NodeInfo copy = node;
    std::vector<PodPtr> potential;
    for (const NodeInfo::PodEntry &entry : node.pods())
        if (podPriority(*entry.pod) < podPriority(pod.pod()))
            potential.push_back(entry.pod);
    for (const PodPtr &p : potential)
        copy.removePod(*p);
    if (potential.empty()) {
        status = FilterResult::reject(FilterResult::Code::UnschedulableAndUnresolvable, "DefaultPreemption",
                                      {std::string(message::NoPreemptionVictims)});
        return std::nullopt;
    }
    // Without every lower-priority pod the pod must fit, or this node cannot help.
    if (FilterResult r = filterWithNominatedPods(pod, copy, m_snapshot); !r) {
        status = std::move(r);
        return std::nullopt;
    }
    std::stable_sort(potential.begin(), potential.end(),
                     [this](const PodPtr &a, const PodPtr &b) { return moreImportant(*a, *b); });
    // upstream filterPodsWithPDBViolation: each matching budget (selector not empty, pod not
    // already in disruptedPods) gives up one allowed disruption per pod; below 0 it is violated.
    std::vector<std::int32_t> allowed;
    for (const auto &pdb : m_pdbs)
        allowed.push_back(pdb->status.disruptionsAllowed);
    std::vector<PodPtr> violating;
    std::vector<PodPtr> nonViolating;
    for (const PodPtr &p : potential) {
        bool violated = false;
        if (!p->meta.labels.empty()) {
            for (std::size_t i = 0; i < m_pdbs.size(); ++i) {
                const store::PodDisruptionBudget &pdb = *m_pdbs[i];
                if (pdb.meta.namespaceName != p->meta.namespaceName || pdb.spec.selector.isEmpty()
                    || !pdb.spec.selector.matches(p->meta.labels) || pdb.status.disruptedPods.count(p->meta.name))
                    continue;
                if (--allowed[i] < 0)
                    violated = true;
            }
        }
        (violated ? violating : nonViolating).push_back(p);
    }
    PreemptionCandidate candidate;
    candidate.node = node.name();
    // Reprieve as many as possible, the most important first.
    const auto reprieve = [&](const PodPtr &p) {
        copy.addPod(p);
        if (filterWithNominatedPods(pod, copy, m_snapshot))
            return true;
        copy.removePod(*p);
        candidate.victims.push_back(p);
        return false;
    };
    for (const PodPtr &p : violating)
        if (!reprieve(p))
            ++candidate.numPdbViolations;
    for (const PodPtr &p : nonViolating)
        reprieve(p);
    if (!violating.empty() && !nonViolating.empty())
        std::stable_sort(candidate.victims.begin(), candidate.victims.end(),
                         [this](const PodPtr &a, const PodPtr &b) { return moreImportant(*a, *b); });
    return candidate;
}

std::size_t DefaultPreemption::pickOne(const std::vector<PreemptionCandidate> &candidates) const
{
    // upstream pickOneNodeForPreemption: each criterion keeps the best-scoring nodes; the
    // first left wins.
    const auto sumPriorities = [](const PreemptionCandidate &c) {
        std::int64_t sum = 0;
        for (const PodPtr &p : c.victims) // shifted by MaxInt32+1 so that every term is >= 0
            sum += static_cast<std::int64_t>(podPriority(*p)) + std::numeric_limits<std::int32_t>::max() + 1;
        return sum;
    };
    const auto earliestStartOfHighest = [this](const PreemptionCandidate &c) {
        // upstream GetEarliestPodStartTime: among the highest-priority victims.
        std::int32_t highest = std::numeric_limits<std::int32_t>::min();
        for (const PodPtr &p : c.victims)
            highest = std::max(highest, podPriority(*p));
        SimTime earliest = SimTime::fromNs(std::numeric_limits<std::int64_t>::max());
        for (const PodPtr &p : c.victims)
            if (podPriority(*p) == highest)
                earliest = std::min(earliest, p->status.startTime.value_or(m_now));
        return earliest.ns();
    };
    const std::vector<std::function<std::int64_t(const PreemptionCandidate &)>> scoreFuncs = {
        [](const PreemptionCandidate &c) { return -c.numPdbViolations; },
        [](const PreemptionCandidate &c) { return -static_cast<std::int64_t>(podPriority(*c.victims.front())); },
        [&](const PreemptionCandidate &c) { return -sumPriorities(c); },
        [](const PreemptionCandidate &c) { return -static_cast<std::int64_t>(c.victims.size()); },
        [&](const PreemptionCandidate &c) { return earliestStartOfHighest(c); },
    };
    std::vector<std::size_t> remaining(candidates.size());
    for (std::size_t i = 0; i < remaining.size(); ++i)
        remaining[i] = i;
    for (const auto &score : scoreFuncs) {
        std::vector<std::size_t> selected;
        std::int64_t best = std::numeric_limits<std::int64_t>::min();
        for (std::size_t i : remaining) {
            const std::int64_t s = score(candidates[i]);
            if (s > best) {
                best = s;
                selected.clear();
            }
            if (s == best)
                selected.push_back(i);
        }
        if (selected.size() == 1)
            return selected.front();
        remaining = std::move(selected);
    }
    return remaining.front();
}

PreemptionResult DefaultPreemption::preempt(const PodInfo &pod, const std::vector<NodeRejection> &rejected,
                                            Rng &rng) const
{
    PreemptionResult result;
    // The DefaultPreemption plugin prefixes its message with "preemption: ".
    if (const auto reason = ineligibleReason(pod, rejected)) {
        result.message = "preemption: " + *reason;
        return result;
    }
    // findCandidates: only nodes whose status preemption might resolve.
    std::vector<const NodeInfo *> potential;
    std::vector<const NodeRejection *> potentialRejections;
    for (const NodeRejection &r : rejected)
        if (r.result.code == FilterResult::Code::Unschedulable) {
            potential.push_back(&m_snapshot.nodes.at(r.node));
            potentialRejections.push_back(&r);
        }
    std::map<std::string, std::vector<std::string>> statuses;
    std::vector<PreemptionCandidate> nonViolating;
    std::vector<PreemptionCandidate> violating;
    if (!potential.empty()) {
        // GetOffsetAndNumCandidates: a random start, and how many candidates are enough.
        const auto n = static_cast<std::int64_t>(potential.size());
        const std::int64_t offset = rng.uniformInt(0, n - 1);
        const std::int64_t wanted = std::min<std::int64_t>(
            n, std::max<std::int64_t>(n * m_settings.minCandidateNodesPercentage / 100,
                                      m_settings.minCandidateNodesAbsolute));
        for (std::int64_t i = 0; i < n; ++i) {
            const std::size_t index = static_cast<std::size_t>((offset + i) % n);
            const NodeInfo &node = *potential[index];
            FilterResult status;
            // Simplification: the dry run re-checks the node-local filters only. A node that
            // PodTopologySpread or InterPodAffinity rejected keeps that rejection when it has
            // lower-priority pods (as if removing them would not help).
            const FilterResult &original = potentialRejections[index]->result;
            if (original.plugin == plugin::PodTopologySpread || original.plugin == plugin::InterPodAffinity) {
                const bool hasLower = std::any_of(node.pods().begin(), node.pods().end(), [&](const auto &entry) {
                    return podPriority(*entry.pod) < podPriority(pod.pod());
                });
                statuses[node.name()] = hasLower ? original.reasons
                                                 : std::vector<std::string>{std::string(message::NoPreemptionVictims)};
                continue;
            }
            if (auto c = selectVictimsOnNode(pod, node, status)) {
                (c->numPdbViolations == 0 ? nonViolating : violating).push_back(std::move(*c));
                if (!nonViolating.empty()
                    && static_cast<std::int64_t>(nonViolating.size() + violating.size()) >= wanted)
                    break;
                continue;
            }
            statuses[node.name()] = status.reasons;
        }
    }
    if (nonViolating.empty() && violating.empty()) {
        // A FitError over all nodes: the dry run's reason per node, "Preemption is not
        // helpful for scheduling" for the nodes it did not try.
        FailedSchedulingMessage fit(m_snapshot.nodes.size());
        for (const auto &[name, info] : m_snapshot.nodes) {
            const auto it = statuses.find(name);
            fit.addNodeReasons(it != statuses.end() ? it->second
                                                    : std::vector<std::string>{std::string(message::PreemptionNotHelpful)});
        }
        result.message = "preemption: " + fit.toString();
        result.overrideNomination = true;
        return result;
    }
    nonViolating.insert(nonViolating.end(), std::make_move_iterator(violating.begin()),
                        std::make_move_iterator(violating.end()));
    result.candidate = std::move(nonViolating[nonViolating.size() == 1 ? 0 : pickOne(nonViolating)]);
    result.overrideNomination = true;
    return result;
}

void preparePreemption(sim::SimContext &context, const store::Pod &preemptor, const PreemptionCandidate &candidate)
{
    const SimTime now = context.engine.now();
    for (const PodPtr &victim : candidate.victims) {
        if (victim->meta.deletionTimestamp)
            continue; // graceful deletion already under way
        const std::string key = victim->meta.key();
        // upstream PreemptPod: the DisruptionTarget condition, then a DELETE, then the event.
        context.store.pods().patch(key, [&](store::Pod &p) {
            ctrl::setPodCondition(p, {"DisruptionTarget", "True", "PreemptionByScheduler",
                                      preemptor.spec.schedulerName + ": preempting to accommodate a higher priority pod",
                                      now});
        });
        ctrl::deletePod(context.store, key);
        context.events.record("Normal", "Preempted", "Pod", victim->meta.namespaceName, victim->meta.name,
                              "Preempted by pod " + preemptor.meta.uid + " on node " + candidate.node);
    }
    // getLowerPriorityNominatedPods + clearNominatedNodeName.
    for (const auto &pod : context.store.pods().list())
        if (pod->spec.nodeName.empty() && pod->status.nominatedNodeName == candidate.node
            && podPriority(*pod) < podPriority(preemptor))
            context.store.pods().patch(pod->meta.key(), [](store::Pod &p) { p.status.nominatedNodeName.clear(); });
}

} // namespace emu::sched
