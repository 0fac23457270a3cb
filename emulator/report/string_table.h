// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace emu::report {

/// Interns strings as dense ids, so that tens of millions of metric samples refer to their
/// metric and object names with four bytes each instead of a string.
class StringTable
{
public:
    /// The id of text, adding it on first use. Looking up an existing string allocates nothing.
    std::uint32_t intern(std::string_view text);
    /// The id of text if it was interned.
    const std::uint32_t *find(std::string_view text) const;

    const std::string &text(std::uint32_t id) const { return m_texts[id]; }
    /// The text as an RFC 4180 field, computed once per string rather than once per row.
    const std::string &csvText(std::uint32_t id) const { return m_csvTexts[id]; }
    std::size_t size() const { return m_texts.size(); }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    std::vector<std::string> m_texts;
    std::vector<std::string> m_csvTexts;
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_ids;
};

} // namespace emu::report
