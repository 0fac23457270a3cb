// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <string>

namespace emu::api {

/// Validates one object (a mapping read from `file`), appending every problem found.
///
/// Errors are what the API server would always reject (wrong types, missing names, invalid
/// quantities, null list items); warnings are what KubeCanvas keeps but cannot vouch for
/// (unknown fields and kinds, removed API versions and fields). Kinds of the kubecanvas.io
/// group are handed to validateKubeCanvasObject(). Pure function, thread-safe.
void validateObject(const Value &object, const std::string &file, Diagnostics &out);

} // namespace emu::api
