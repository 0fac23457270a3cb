// SPDX-License-Identifier: Apache-2.0
#include "event_sink.h"

namespace emu::sim {

void EventSink::record(std::string_view type, std::string_view reason, std::string_view kind,
                       std::string_view namespaceName, std::string_view name, std::string message,
                       api::Value details)
{
    report::EventRecord event;
    event.timeNs = m_engine.now().ns();
    event.type = type;
    event.reason = reason;
    event.kind = kind;
    event.namespaceName = namespaceName;
    event.name = name;
    event.message = std::move(message);
    event.details = std::move(details);
    ++m_count;
    if (m_listener)
        m_listener(event);
    if (m_keep)
        m_events.push_back(std::move(event));
}

} // namespace emu::sim
