// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace cli {

/// `kubecanvas-cli run PATH... [--until DURATION] [--seed N] [--events FILE] [--metrics FILE]
/// [--state FILE] [--report DIR] [--lease-events] [--metrics-interval DURATION] [--quiet]`.
int runRun(const std::vector<std::string> &args);

} // namespace cli
