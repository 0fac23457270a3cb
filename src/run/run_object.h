// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace app::run {

/// An object of the running cluster, named as the emulator's events name it. Nodes made from
/// a NodePool exist only in the run, so the run views select by this and not by the
/// document's uids.
struct RunObject
{
    QString kind;
    QString namespaceName; ///< empty for cluster-scoped objects
    QString name;

    bool isNull() const { return kind.isEmpty(); }
    bool operator==(const RunObject &other) const = default;
    /// "Node/worker-1", "Pod/shop/web-7d9f-abcde".
    QString displayName() const
    {
        return namespaceName.isEmpty() ? kind + '/' + name : kind + '/' + namespaceName + '/' + name;
    }
};

} // namespace app::run
