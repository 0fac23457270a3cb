// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace emu::sched {

/// Texts that appear in FailedScheduling messages (upstream, verbatim).
namespace message {
/// preemption.go nodesWherePreemptionMightHelp: a node that failed UnschedulableAndUnresolvable.
inline constexpr std::string_view PreemptionNotHelpful = "Preemption is not helpful for scheduling";
/// default_preemption.go SelectVictimsOnNode: a node without lower-priority pods.
inline constexpr std::string_view NoPreemptionVictims = "No preemption victims found for incoming pod";
/// default_preemption.go PodEligibleToPreemptOthers (the whole preemption message part).
inline constexpr std::string_view PreemptionPolicyNever = "not eligible due to preemptionPolicy=Never.";
/// dynamicresources PostFilter, when that plugin is enabled (by default from v1.34).
inline constexpr std::string_view NoNewClaimsToDeallocate = "no new claims to deallocate";
/// schedule_one.go ErrNoNodesAvailable: the cluster has no nodes at all.
inline constexpr std::string_view NoNodesAvailable = "no nodes available to schedule pods";
/// upstream validation.NoteLengthLimit: an event message longer than this is cut.
inline constexpr std::size_t NoteLengthLimit = 1024;
} // namespace message

/// Builds the scheduler's "0/N nodes are available: …" text (upstream
/// pkg/scheduler/framework/types.go FitError.Error()), used as the PodScheduled=False
/// condition message and the FailedScheduling event:
///
///   0/<N> nodes are available:[ <preFilterMsg>.][ <histogram>.][ <postFilterMsg>]
///
/// The histogram counts every reason of every failed node ("<count> <reason>") and sorts
/// these strings byte-wise (Go sort.Strings), joined by ", ". A PreFilter message replaces
/// the histogram. PostFilter messages (e.g. "preemption: 0/3 nodes are available: 3
/// Preemption is not helpful for scheduling.") are joined by ", " and appended after a space.
class FailedSchedulingMessage
{
public:
    explicit FailedSchedulingMessage(std::size_t numAllNodes) : m_numAllNodes(numAllNodes) {}

    /// One node's rejection reasons (upstream Status.Reasons()); each reason counts once.
    void addNodeReasons(const std::vector<std::string> &reasons);
    /// A failed filter result counts its reasons; a successful one is ignored.
    void addNodeResult(const FilterResult &result);
    /// The same reasons for `nodes` nodes at once (upstream AbsentNodesStatus).
    void addReasonForNodes(std::string_view reason, std::size_t nodes);
    /// A PreFilter rejection (e.g. "pod has unbound immediate PersistentVolumeClaims").
    void setPreFilterMessage(std::string message) { m_preFilterMessage = std::move(message); }
    /// A PostFilter plugin's message, in plugin order.
    void addPostFilterMessage(std::string message) { m_postFilterMessages.push_back(std::move(message)); }
    /// DefaultPreemption's message: "preemption: " + the preemption's own FitError text.
    void setPreemption(const FailedSchedulingMessage &preemption);

    std::size_t numAllNodes() const { return m_numAllNodes; }
    const std::map<std::string, std::size_t, std::less<>> &reasonCounts() const { return m_reasonCounts; }
    /// The sorted "<count> <reason>" entries joined by ", " (empty if there are none).
    std::string histogram() const;
    std::string toString() const;

private:
    std::size_t m_numAllNodes = 0;
    std::map<std::string, std::size_t, std::less<>> m_reasonCounts;
    std::string m_preFilterMessage;
    std::vector<std::string> m_postFilterMessages;
};

/// upstream: preemption.go Preempt when no candidate is found: a FitError over all nodes
/// where each node carries the reason preemption found for it, prefixed "preemption: ".
/// `perNodeReasons` holds one entry per node (usually message::PreemptionNotHelpful or
/// message::NoPreemptionVictims).
std::string preemptionMessage(std::size_t numAllNodes, const std::vector<std::string> &perNodeReasons);

/// upstream: schedule_one.go truncateMessage: longer than NoteLengthLimit bytes → cut to
/// limit − 4 bytes + " ...".
std::string truncateEventMessage(std::string message);

} // namespace emu::sched
