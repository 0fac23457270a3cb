// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace cli {

/// `kubecanvas-cli explain PATH... --pod NAMESPACE/NAME [--at DURATION] [--seed N]`: runs the
/// project and prints the scheduler's last decision for the pod (per node the rejecting
/// filter or the per-plugin scores, and the chosen node).
int runExplain(const std::vector<std::string> &args);

} // namespace cli
