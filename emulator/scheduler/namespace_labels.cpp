// SPDX-License-Identifier: Apache-2.0
#include "namespace_labels.h"

namespace emu::sched {

const api::Labels &NamespaceLabels::of(const std::string &namespaceName) const
{
    if (!m_labels) {
        m_labels.emplace();
        if (m_store) {
            for (const auto &object : m_store->others().list())
                if (object->kind == "Namespace" && object->apiVersion == "v1")
                    (*m_labels)[object->meta.name] = object->meta.labels;
        }
    }
    auto it = m_labels->find(namespaceName);
    if (it == m_labels->end())
        it = m_labels->emplace(namespaceName, api::Labels{{"kubernetes.io/metadata.name", namespaceName}}).first;
    return it->second;
}

} // namespace emu::sched
