// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/engine.h"
#include "emulator/report/event_record.h"

#include <functional>
#include <string>
#include <vector>

namespace emu::sim {

/// Where emulated components record Kubernetes Events (as the API server's events API, in
/// time order). Keeps them for the report and the GUI, and streams them to a listener (the
/// CLI's --events file). Engine thread only.
class EventSink
{
public:
    explicit EventSink(Engine &engine) : m_engine(engine) {}

    void record(std::string_view type, std::string_view reason, std::string_view kind,
                std::string_view namespaceName, std::string_view name, std::string message,
                api::Value details = api::Value::mapping());

    void setListener(std::function<void(const report::EventRecord &)> listener)
    {
        m_listener = std::move(listener);
    }
    /// Keep events in memory (default true; a 5,000-node hour with lease events is large).
    void setKeepEvents(bool keep) { m_keep = keep; }

    const std::vector<report::EventRecord> &events() const { return m_events; }
    std::size_t count() const { return m_count; }

private:
    Engine &m_engine;
    std::vector<report::EventRecord> m_events;
    std::function<void(const report::EventRecord &)> m_listener;
    std::size_t m_count = 0;
    bool m_keep = true;
};

} // namespace emu::sim
