// SPDX-License-Identifier: Apache-2.0
#include "event_log_writer.h"

#include "report_format.h"

#include "emulator/api/yaml_writer.h"

#include <ostream>

namespace emu::report {

namespace {

void appendCompactJson(std::string &out, const emu::api::Value &value)
{
    std::string json = emu::api::YamlWriter::toJson(value, 0);
    if (!json.empty() && json.back() == '\n') // toJson ends documents with a line break
        json.pop_back();
    out += json;
}

} // namespace

void appendJsonLine(std::string &out, const EventRecord &event)
{
    out += "{\"time\":";
    appendSeconds(out, event.timeNs);
    out += ",\"type\":";
    appendJsonString(out, event.type);
    out += ",\"reason\":";
    appendJsonString(out, event.reason);
    out += ",\"kind\":";
    appendJsonString(out, event.kind);
    out += ",\"namespace\":";
    appendJsonString(out, event.namespaceName);
    out += ",\"name\":";
    appendJsonString(out, event.name);
    out += ",\"message\":";
    appendJsonString(out, event.message);
    out += ",\"details\":";
    // Scripts may rely on details always being an object.
    if (event.details.isMapping()) {
        appendCompactJson(out, event.details);
    } else if (event.details.isNull()) {
        out += "{}";
    } else {
        out += "{\"value\":";
        appendCompactJson(out, event.details);
        out += '}';
    }
    out += '}';
}

std::string toJsonLine(const EventRecord &event)
{
    std::string out;
    appendJsonLine(out, event);
    return out;
}

EventLogWriter::EventLogWriter(std::ostream &out)
    : m_out(out)
{
}

void EventLogWriter::write(const EventRecord &event)
{
    m_line.clear();
    appendJsonLine(m_line, event);
    m_line.push_back('\n');
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
    ++m_linesWritten;
}

bool EventLogWriter::ok() const
{
    return m_out.good();
}

} // namespace emu::report
