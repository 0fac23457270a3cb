// SPDX-License-Identifier: Apache-2.0
#include "controller_expectations.h"

namespace emu::ctrl {

bool ControllerExpectations::satisfied(const std::string &controllerKey) const
{
    const auto it = m_records.find(controllerKey);
    if (it == m_records.end())
        return true; // a new controller, or one whose expectations were deleted
    const Record &r = it->second;
    if (r.add <= 0 && r.del <= 0)
        return true; // Fulfilled
    // isExpired: a watch event was lost; sync anyway rather than never again.
    return m_engine.now() - r.timestamp > expectationsTimeout;
}

void ControllerExpectations::expectCreations(const std::string &controllerKey, int count)
{
    Record &r = m_records[controllerKey];
    r = Record{count, 0, m_engine.now(), {}};
}

void ControllerExpectations::expectDeletions(const std::string &controllerKey,
                                             const std::vector<std::string> &podKeys)
{
    Record &r = m_records[controllerKey];
    r = Record{0, 0, m_engine.now(), std::set<std::string>(podKeys.begin(), podKeys.end())};
    r.del = static_cast<int>(r.deleting.size());
}

void ControllerExpectations::expect(const std::string &controllerKey, int creations,
                                    const std::vector<std::string> &podKeys)
{
    Record &r = m_records[controllerKey];
    r = Record{creations, 0, m_engine.now(), std::set<std::string>(podKeys.begin(), podKeys.end())};
    r.del = static_cast<int>(r.deleting.size());
}

void ControllerExpectations::creationObserved(const std::string &controllerKey)
{
    const auto it = m_records.find(controllerKey);
    if (it != m_records.end())
        --it->second.add; // LowerExpectations(key, 1, 0)
}

void ControllerExpectations::deletionObserved(const std::string &controllerKey, const std::string &podKey)
{
    const auto it = m_records.find(controllerKey);
    if (it == m_records.end() || !it->second.deleting.erase(podKey))
        return;
    --it->second.del;
}

} // namespace emu::ctrl
