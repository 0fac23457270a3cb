// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "report_input.h"

#include <string>

namespace emu::report {

/// Writes dir/index.html (creating dir): one self-contained page that opens offline in any
/// browser (inline CSS and SVG, no external resources; a few lines of script only add a time
/// cursor on hover). It shows the run summary, line charts of the zone, node and cluster
/// resource metrics, and the event timeline. Throws std::runtime_error when it cannot write.
void writeHtmlReport(const std::string &dir, const ReportInput &input);

/// The page writeHtmlReport() writes.
std::string renderHtmlReport(const ReportInput &input);

} // namespace emu::report
