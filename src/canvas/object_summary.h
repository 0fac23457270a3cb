// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace app::document { struct ManifestEntry; }

namespace app::canvas {

/// What a card says about an object at a glance: its name, one line of its most telling
/// fields (image, Service type and ports, claim size, ...) and a badge (a workload's replicas).
struct ObjectSummary
{
    QString kind;
    QString name;
    QString detail;
    QString badge;
    QString namespaceName; ///< the effective namespace, "" for cluster-wide objects
    bool broken = false;   ///< the text does not parse as an object

    static ObjectSummary of(const document::ManifestEntry &entry);
};

} // namespace app::canvas
