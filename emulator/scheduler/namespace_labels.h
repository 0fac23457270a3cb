// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/labels.h"
#include "emulator/store/object_store.h"

#include <map>
#include <optional>
#include <string>

namespace emu::sched {

/// The labels of each namespace, for pod affinity terms with a namespaceSelector (upstream
/// GetNamespaceLabelsSnapshot). Namespace objects are read from the store on the first
/// lookup only. A namespace the project never declares (the emulator creates namespaces
/// implicitly) has just the label the apiserver puts on every namespace,
/// `kubernetes.io/metadata.name: <name>`.
class NamespaceLabels
{
public:
    explicit NamespaceLabels(const store::ObjectStore *store = nullptr) : m_store(store) {}

    const api::Labels &of(const std::string &namespaceName) const;

private:
    const store::ObjectStore *m_store;
    mutable std::optional<std::map<std::string, api::Labels, std::less<>>> m_labels;
};

} // namespace emu::sched
