// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/label_selector.h"
#include "emulator/store/object_store.h"
#include "emulator/store/pod.h"

namespace emu::sched {

/// upstream: plugins/helper/spread.go DefaultSelector: the selectors of the Services in the
/// pod's namespace that select it, ANDed with the selector of its controlling
/// ReplicationController, ReplicaSet or StatefulSet. Empty when nothing selects the pod
/// (then the system default spreading does not apply).
api::LabelSelector defaultSpreadSelector(const store::Pod &pod, const store::ObjectStore &store);

} // namespace emu::sched
