// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/diagnostic.h"
#include "emulator/api/manifest.h"

#include <vector>

namespace emu::sim {

/// Everything `validate` checks: each object against the API (ManifestLoader::validate) and
/// the emulator's own annotations on pods and pod templates (kubecanvas.io/behavior).
void validateProject(const std::vector<api::Manifest> &manifests, api::Diagnostics &diagnostics);

} // namespace emu::sim
