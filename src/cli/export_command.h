// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace cli {

/// `kubecanvas-cli export PATH... [-o FILE | --split DIR] [--defaults] [--strip-status]`.
int runExport(const std::vector<std::string> &args);

} // namespace cli
