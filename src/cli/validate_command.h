// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace cli {

/// `kubecanvas-cli validate PATH...`: prints every problem, exit 0 valid, 1 invalid, 2 usage.
int runValidate(const std::vector<std::string> &args);

} // namespace cli
