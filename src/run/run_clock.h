// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/sim_time.h"

#include <QString>

namespace app::run {

/// Simulated time as the CLI's timeline prints it: "m:ss.mmm" (minutes unbounded).
inline QString formatClock(std::int64_t ns)
{
    const qint64 ms = ns / 1'000'000;
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000)
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

inline QString formatClock(emu::SimTime t)
{
    return formatClock(t.ns());
}

} // namespace app::run
