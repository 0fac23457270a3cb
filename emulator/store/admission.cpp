// SPDX-License-Identifier: Apache-2.0
// The admission plugins of the emulated API server, run on create in the order upstream's
// default plugin chain has them.
#include "object_store.h"

#include "node_taint_admission.h"
#include "priority_admission.h"

namespace emu::store {

void ObjectStore::installAdmissionPlugins()
{
    m_nodes.setAdmission(&admitNodeTaint);
    m_pods.setAdmission([this](Pod &pod) { return PriorityAdmission(m_others).admitPod(pod); });
    m_others.setAdmission([this](UnstructuredObject &object) {
        return PriorityAdmission(m_others).validatePriorityClass(object);
    });
}

} // namespace emu::store
