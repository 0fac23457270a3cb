// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "event_record.h"

#include <cstdint>
#include <iosfwd>
#include <string>

namespace emu::report {

/// The event log line for one event, without the line break. A contract for users' scripts:
///   {"time":52.35,"type":"Warning","reason":"NodeNotReady","kind":"Node","namespace":"",
///    "name":"node-1","message":"...","details":{...}}
/// (one line), keys always in this order; time in seconds since the start of the run.
std::string toJsonLine(const EventRecord &event);
void appendJsonLine(std::string &out, const EventRecord &event);

/// Appends events to a stream as JSON Lines (one object per line, '\n' terminated).
class EventLogWriter
{
public:
    explicit EventLogWriter(std::ostream &out);

    void write(const EventRecord &event);
    std::uint64_t linesWritten() const { return m_linesWritten; }
    /// False once the stream failed (disk full, closed pipe); the caller reports it.
    bool ok() const;

private:
    std::ostream &m_out;
    std::string m_line; // reused, so that a long run does not allocate per event
    std::uint64_t m_linesWritten = 0;
};

} // namespace emu::report
