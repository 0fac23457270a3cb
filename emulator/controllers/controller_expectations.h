// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/engine.h"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace emu::ctrl {

/// upstream ControllerExpectations with UIDTrackingControllerExpectations for deletions
/// (pkg/controller/controller_utils.go): what a controller is waiting to see in its informer
/// after its own writes, so that it does not create or delete again before it has observed
/// the earlier ones. A controller key with no record, with all expectations met, or whose
/// record is older than 5 minutes (ExpectationsTimeout) is satisfied. Engine thread only.
class ControllerExpectations
{
public:
    static constexpr SimDuration expectationsTimeout = SimDuration::minutes(5);

    explicit ControllerExpectations(const Engine &engine) : m_engine(engine) {}

    /// SatisfiedExpectations: true when the controller may manage its pods again.
    bool satisfied(const std::string &controllerKey) const;
    /// ExpectCreations: replaces the record with `count` expected creations.
    void expectCreations(const std::string &controllerKey, int count);
    /// ExpectDeletions: replaces the record with the keys of the pods expected to go.
    void expectDeletions(const std::string &controllerKey, const std::vector<std::string> &podKeys);
    /// SetExpectations with UID-tracked deletions (the DaemonSet controller creates and
    /// deletes in one sync): replaces the record with both.
    void expect(const std::string &controllerKey, int creations, const std::vector<std::string> &podKeys);
    /// CreationObserved: one expected creation seen (or given up).
    void creationObserved(const std::string &controllerKey);
    /// DeletionObserved: counts only for a pod this controller expected to delete.
    void deletionObserved(const std::string &controllerKey, const std::string &podKey);
    /// DeleteExpectations: the controller object is gone.
    void forget(const std::string &controllerKey) { m_records.erase(controllerKey); }

private:
    struct Record
    {
        int add = 0;
        int del = 0;
        SimTime timestamp;
        std::set<std::string> deleting;
    };

    const Engine &m_engine;
    std::unordered_map<std::string, Record> m_records;
};

} // namespace emu::ctrl
