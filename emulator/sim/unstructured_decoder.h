// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"
#include "emulator/store/unstructured_object.h"

namespace emu::sim {

/// An object of a kind the emulator keeps as written (ConfigMaps, Deployments, Services...):
/// identity, labels and annotations typed, the rest as the manifest's Value. A namespaced
/// kind without a namespace goes to "default".
store::UnstructuredObject decodeUnstructured(const api::Value &manifest);

} // namespace emu::sim
