// SPDX-License-Identifier: Apache-2.0
#include "string_table.h"

#include "report_format.h"

#include <limits>
#include <stdexcept>

namespace emu::report {

std::uint32_t StringTable::intern(std::string_view text)
{
    if (const auto it = m_ids.find(text); it != m_ids.end())
        return it->second;
    if (m_texts.size() >= std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("StringTable: too many distinct strings");
    const auto id = static_cast<std::uint32_t>(m_texts.size());
    m_texts.emplace_back(text);
    m_csvTexts.push_back(csvField(text));
    m_ids.emplace(std::string(text), id);
    return id;
}

const std::uint32_t *StringTable::find(std::string_view text) const
{
    const auto it = m_ids.find(text);
    return it == m_ids.end() ? nullptr : &it->second;
}

} // namespace emu::report
