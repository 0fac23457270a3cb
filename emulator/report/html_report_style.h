// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace emu::report {

/// The report page's inline stylesheet and its optional hover script (kept apart from the
/// page logic so that both stay readable).
std::string_view htmlReportStyle();
std::string_view htmlReportScript();

} // namespace emu::report
