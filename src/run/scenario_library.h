// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace app::run {

/// The bundled scenarios (resources/scenarios, as ":/scenarios/NAME.yaml"): each a complete
/// project (Cluster, NodePools, workloads, Scenario) whose leading comment says what
/// Kubernetes does in it and why.
class ScenarioLibrary
{
public:
    /// The resource paths, sorted by name.
    static QStringList resources();
    /// The first line of the leading comment, without its final period ("Single node crash").
    static QString title(const QString &resource);
    /// The whole leading comment as one paragraph per blank-line-separated block.
    static QString explanation(const QString &resource);

private:
    static QStringList headerLines(const QString &resource);
};

} // namespace app::run
