// SPDX-License-Identifier: Apache-2.0
#include "int_or_percent.h"

#include "value.h"

#include <charconv>
#include <cstdint>
#include <limits>

namespace emu::api {

IntOrPercent IntOrPercent::fromInt(int value)
{
    IntOrPercent v;
    v.m_int = value;
    return v;
}

IntOrPercent IntOrPercent::fromString(std::string value)
{
    IntOrPercent v;
    v.m_string = std::move(value);
    v.m_isString = true;
    return v;
}

ParseResult<IntOrPercent> IntOrPercent::fromValue(const Value &value)
{
    using Result = ParseResult<IntOrPercent>;
    if (value.isString()) {
        // upstream: validation.IsValidPercent, regex [0-9]+%
        const std::string &s = value.text();
        bool valid = s.size() >= 2 && s.back() == '%';
        for (std::size_t i = 0; valid && i + 1 < s.size(); ++i)
            valid = s[i] >= '0' && s[i] <= '9';
        if (!valid) {
            return Result::failure(field::invalid(
                {}, field::quote(s),
                "a valid percent string must be a numeric string followed by an ending '%' "
                "(e.g. '1%' or '93%', regex used for validation is '[0-9]+%')",
                value.pos()));
        }
        return Result::success(fromString(s));
    }
    if (value.isNumber()) {
        // upstream: IntOrString.UnmarshalJSON decodes a number into an int32
        const auto i = value.asInt();
        if (i && *i >= std::numeric_limits<std::int32_t>::min()
            && *i <= std::numeric_limits<std::int32_t>::max()) {
            return Result::success(fromInt(static_cast<int>(*i)));
        }
        return Result::failure(field::invalid({}, value.text(), "must be an integer or percentage (e.g '5%')",
                                              value.pos()));
    }
    return Result::failure(field::typeError({}, value, "an integer or percentage (e.g '5%')"));
}

std::optional<int> IntOrPercent::scaledValue(int total, bool roundUp) const
{
    // upstream: intstr.getIntOrPercentValueSafely + GetScaledValueFromIntOrPercent
    if (!m_isString)
        return m_int;
    if (m_string.empty() || m_string.back() != '%')
        return std::nullopt; // "invalid type: string is not a percentage"
    // strconv.Atoi: optional sign, then digits, within int range
    std::string_view digits(m_string.data(), m_string.size() - 1);
    if (!digits.empty() && digits[0] == '+')
        digits.remove_prefix(1);
    int percent = 0;
    const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), percent);
    if (digits.empty() || res.ec != std::errc() || res.ptr != digits.data() + digits.size())
        return std::nullopt;
    // upstream computes math.Ceil/Floor(float64(value) * float64(total) / 100); exact integer
    // floor/ceil division gives the same results without the float.
    const std::int64_t product = static_cast<std::int64_t>(percent) * total;
    std::int64_t q = product / 100;
    const std::int64_t r = product % 100;
    if (r != 0) {
        if (roundUp && r > 0)
            ++q;
        else if (!roundUp && r < 0)
            --q;
    }
    if (q > std::numeric_limits<int>::max() || q < std::numeric_limits<int>::min())
        return std::nullopt;
    return static_cast<int>(q);
}

} // namespace emu::api
