// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace emu::api {

/// Parses a Go duration ("1m30s", "300ms", "1.5h", "-1s", "0") into nanoseconds, with the
/// semantics of Go's time.ParseDuration: units ns, us, µs, μs, ms, s, m, h; no days; a unit is
/// required except for a bare "0"; overflow is an error. On failure, `error` (if given)
/// receives Go's message, e.g. `time: missing unit in duration "1"`.
std::optional<std::int64_t> parseGoDuration(std::string_view text, std::string *error = nullptr);

/// Formats nanoseconds as Go's time.Duration.String: "1m30s", "300ms", "0s", "1h0m0s", "1.5µs".
std::string formatGoDuration(std::int64_t ns);

} // namespace emu::api
