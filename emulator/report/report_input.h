// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "event_record.h"
#include "metrics_recorder.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace emu::report {

/// What writeHtmlReport() shows. The pointers are borrowed for the call and may be null.
struct ReportInput
{
    std::string title = "KubeCanvas run report";
    std::vector<std::string> subtitleLines;

    // Run summary.
    std::vector<std::string> inputFiles;
    std::optional<std::uint64_t> seed;
    std::int64_t simulatedDurationNs = 0;
    double wallTimeSeconds = 0;
    /// Events per reason. Empty: counted from `events` (give it when events were not all kept).
    std::vector<std::pair<std::string, std::uint64_t>> eventCountsByReason;

    const std::vector<EventRecord> *events = nullptr;
    const MetricsRecorder *metrics = nullptr;

    /// Drawn as a horizontal line on the lease age chart (node-monitor-grace-period).
    std::optional<double> gracePeriodSeconds;
    /// Names for the values of state metrics, used as y-axis labels, e.g.
    /// {"node_ready", {{-1, "Unknown"}, {0, "False"}, {1, "True"}}}.
    std::map<std::string, std::map<double, std::string>> valueLabels;

    std::size_t maxTimelineRows = 5000;
    std::size_t maxSeriesPerChart = 12;
};

} // namespace emu::report
