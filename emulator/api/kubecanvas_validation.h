// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <string>

namespace emu::api {

/// Validates an object of the `kubecanvas.io` group (Cluster, NodePool, Scenario, Layout):
/// the version must be v1alpha1 and the kind known; the spec is decoded and checked.
void validateKubeCanvasObject(const Value &object, const std::string &file, Diagnostics &out);

} // namespace emu::api
