// SPDX-License-Identifier: Apache-2.0
#include "failed_scheduling_message.h"

#include <algorithm>

namespace emu::sched {

void FailedSchedulingMessage::addNodeReasons(const std::vector<std::string> &reasons)
{
    for (const std::string &reason : reasons)
        ++m_reasonCounts[reason];
}

void FailedSchedulingMessage::addNodeResult(const FilterResult &result)
{
    if (!result.ok)
        addNodeReasons(result.reasons);
}

void FailedSchedulingMessage::addReasonForNodes(std::string_view reason, std::size_t nodes)
{
    if (nodes == 0)
        return;
    auto it = m_reasonCounts.find(reason);
    if (it == m_reasonCounts.end())
        it = m_reasonCounts.emplace(std::string(reason), 0).first;
    it->second += nodes;
}

void FailedSchedulingMessage::setPreemption(const FailedSchedulingMessage &preemption)
{
    // upstream: defaultpreemption PostFilter: "preemption: " + status.Message()
    addPostFilterMessage("preemption: " + preemption.toString());
}

std::string FailedSchedulingMessage::histogram() const
{
    // upstream: FitError.Error sortReasonsHistogram: fmt.Sprintf("%v %v", count, reason),
    // then sort.Strings (byte-wise, so "10 x" sorts before "2 x" as upstream does)
    std::vector<std::string> entries;
    entries.reserve(m_reasonCounts.size());
    for (const auto &[reason, count] : m_reasonCounts)
        entries.push_back(std::to_string(count) + ' ' + reason);
    std::sort(entries.begin(), entries.end());
    std::string out;
    for (const std::string &e : entries) {
        if (!out.empty())
            out += ", ";
        out += e;
    }
    return out;
}

std::string FailedSchedulingMessage::toString() const
{
    // upstream: pkg/scheduler/framework/types.go FitError.Error()
    std::string out = "0/" + std::to_string(m_numAllNodes) + " nodes are available:";
    if (!m_preFilterMessage.empty()) {
        out += ' ' + m_preFilterMessage + '.';
    } else if (const std::string h = histogram(); !h.empty()) {
        out += ' ' + h + '.';
    }
    // upstream: framework RunPostFilterPlugins joins the unschedulable plugins' reasons
    // with ", " (Status.Message); FitError appends them after a space, with no period.
    std::string post;
    for (const std::string &m : m_postFilterMessages) {
        if (m.empty())
            continue;
        if (!post.empty())
            post += ", ";
        post += m;
    }
    if (!post.empty())
        out += ' ' + post;
    return out;
}

std::string preemptionMessage(std::size_t numAllNodes, const std::vector<std::string> &perNodeReasons)
{
    FailedSchedulingMessage preemption(numAllNodes);
    for (const std::string &reason : perNodeReasons)
        preemption.addNodeReasons({reason});
    return "preemption: " + preemption.toString();
}

std::string truncateEventMessage(std::string message)
{
    constexpr std::string_view suffix = " ...";
    if (message.size() <= message::NoteLengthLimit)
        return message;
    message.resize(message::NoteLengthLimit - suffix.size());
    message += suffix;
    return message;
}

} // namespace emu::sched
