// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/labels.h"
#include "emulator/api/value.h"
#include "emulator/store/node.h"

#include <string>

namespace emu::sim {

/// Small readers for manifest fields the emulator turns into typed objects (the manifests
/// were validated before, so a missing or odd field just reads as empty).
std::string scalarText(const api::Value *value);
/// A map of strings (labels, annotations, nodeSelector); non-string values as written.
api::Labels stringMap(const api::Value *map);
/// A resource list (requests, limits, capacity); entries that are no quantity are skipped.
store::ResourceList resourceList(const api::Value *map, store::ResourceList defaults = {});

} // namespace emu::sim
