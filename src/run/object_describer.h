// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run_object.h"

#include <QString>

namespace app::run {

class RunModel;

/// The status of a run's object as `kubectl describe` prints it, from the RunModel's latest
/// snapshot: for a Node its conditions (with heartbeat and transition times), taints,
/// unschedulable, the Lease's holder and renewTime, capacity and allocatable, its pods and
/// events; for a Pod its node, phase, QoS class, conditions, container states with restart
/// counts and last states, and events. Times are simulated ("1:05.300", with the age).
class ObjectDescriber
{
public:
    explicit ObjectDescriber(const RunModel &model) : m_model(model) {}

    /// The text; a one-line note when the object is not in the run (or is of another kind).
    QString describe(const RunObject &object) const;

private:
    QString describeNode(const QString &name) const;
    QString describePod(const QString &namespaceName, const QString &name) const;
    QString describeEvents(const RunObject &object) const;

    const RunModel &m_model;
};

} // namespace app::run
