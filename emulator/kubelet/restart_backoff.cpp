// SPDX-License-Identifier: Apache-2.0
// upstream: staging/src/k8s.io/client-go/util/flowcontrol/backoff.go,
// pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff
#include "restart_backoff.h"

#include <algorithm>

namespace emu::kubelet {

RestartBackoff::RestartBackoff(SimDuration initial, SimDuration max)
    : m_initial(initial)
    , m_max(max)
{}

std::string RestartBackoff::stableKey(std::string_view podName, std::string_view podNamespace,
                                      std::string_view podUid, std::string_view containerName)
{
    std::string key;
    key.reserve(podName.size() + podNamespace.size() + podUid.size() + containerName.size() + 3);
    key.append(podName).append("_").append(podNamespace).append("_").append(podUid).append("_");
    key.append(containerName);
    return key;
}

const RestartBackoff::Entry *RestartBackoff::find(std::string_view key) const
{
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : &it->second;
}

// "After 2*maxDuration we restart the backoff factor to the beginning"
bool RestartBackoff::hasExpired(SimTime eventTime, SimTime lastUpdate) const
{
    return eventTime - lastUpdate > m_max * 2;
}

SimDuration RestartBackoff::get(std::string_view key) const
{
    const Entry *entry = find(key);
    return entry ? entry->backoff : SimDuration::zero();
}

bool RestartBackoff::isInBackOffSince(std::string_view key, SimTime eventTime, SimTime now) const
{
    const Entry *entry = find(key);
    if (!entry || hasExpired(eventTime, entry->lastUpdate))
        return false;
    return now - eventTime < entry->backoff;
}

bool RestartBackoff::isInBackOffSinceUpdate(std::string_view key, SimTime eventTime) const
{
    const Entry *entry = find(key);
    if (!entry || hasExpired(eventTime, entry->lastUpdate))
        return false;
    return eventTime - entry->lastUpdate < entry->backoff;
}

void RestartBackoff::next(std::string_view key, SimTime eventTime, SimTime now)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end() || hasExpired(eventTime, it->second.lastUpdate)) {
        it = m_entries.insert_or_assign(std::string(key), Entry{m_initial, now}).first;
    } else {
        // exponential, capped at maxDuration
        it->second.backoff = std::min(it->second.backoff * 2, m_max);
    }
    it->second.lastUpdate = now;
}

void RestartBackoff::reset(std::string_view key)
{
    const auto it = m_entries.find(key);
    if (it != m_entries.end())
        m_entries.erase(it);
}

void RestartBackoff::gc(SimTime now)
{
    std::erase_if(m_entries, [&](const auto &item) {
        return now - item.second.lastUpdate > m_max * 2;
    });
}

SimTime RestartBackoff::restartAllowedAt(std::string_view key, SimTime finishedAt) const
{
    const Entry *entry = find(key);
    if (!entry || hasExpired(finishedAt, entry->lastUpdate))
        return finishedAt;
    return finishedAt + entry->backoff;
}

SimDuration RestartBackoff::tryRestart(std::string_view key, SimTime finishedAt, SimTime now)
{
    // "Use the finished time of the latest exited container as the start point to calculate
    // whether to do back-off."
    if (isInBackOffSince(key, finishedAt, now))
        return restartAllowedAt(key, finishedAt) - now;
    next(key, finishedAt, now);
    return SimDuration::zero();
}

} // namespace emu::kubelet
