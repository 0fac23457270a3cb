// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <string>

namespace emu::api {

/// An object's labels (upstream labels.Set). Ordered, so that anything built from it (selector
/// strings, exports) is deterministic; std::less<> allows lookups by std::string_view.
using Labels = std::map<std::string, std::string, std::less<>>;

} // namespace emu::api
