// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Number and text formatting shared by the event log, the metrics CSV and the HTML report.
// The first three are part of the output contracts that users' scripts parse.
namespace emu::report {

/// Simulated nanoseconds as seconds: "0", "52", "52.35", "0.000001". Exact (no rounding):
/// the fraction keeps every significant digit down to the nanosecond, trailing zeros dropped.
std::string formatSeconds(std::int64_t timeNs);
void appendSeconds(std::string &out, std::int64_t timeNs);

/// A metric value: integral values without a fraction ("4000", "-1", "0"), others as the
/// shortest decimal that reads back to the same double ("0.1"). Magnitudes below 1e-6 or from
/// 1e21 use exponent notation; non-finite values are "NaN", "Inf", "-Inf".
std::string formatNumber(double value);
void appendNumber(std::string &out, double value);

/// A JSON string literal, quotes included. Invalid UTF-8 bytes become U+FFFD so that every
/// line stays valid JSON.
void appendJsonString(std::string &out, std::string_view text);

/// An RFC 4180 field: quoted only when it holds a comma, a quote or a line break.
std::string csvField(std::string_view text);

/// Text for HTML content and attribute values.
std::string htmlEscape(std::string_view text);
void appendHtmlEscaped(std::string &out, std::string_view text);

/// Simulated time as "mm:ss.mmm" (minutes go past 59 on long runs), for the timeline.
std::string formatClock(std::int64_t timeNs);

/// Orders names as people do: "node-2" before "node-10" (digit runs compare as numbers).
bool naturalLess(std::string_view a, std::string_view b);

/// A short axis label: "0.25", "12", "1.5k", "16G".
std::string formatAxisNumber(double value);

} // namespace emu::report
