// SPDX-License-Identifier: Apache-2.0
#include "go_duration.h"

namespace emu::api {

namespace {

constexpr std::uint64_t kSignBit = std::uint64_t(1) << 63;

// Go's strconv.Quote for the error messages (ASCII; other bytes are kept as they are).
std::string quote(std::string_view s)
{
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

std::optional<std::uint64_t> unitNanos(std::string_view unit)
{
    // upstream: time.unitMap ("µs" is U+00B5 MICRO SIGN, "μs" U+03BC GREEK SMALL LETTER MU)
    if (unit == "ns")
        return 1;
    if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
        return 1000;
    if (unit == "ms")
        return 1000000;
    if (unit == "s")
        return 1000000000;
    if (unit == "m")
        return 60ULL * 1000000000;
    if (unit == "h")
        return 3600ULL * 1000000000;
    return std::nullopt;
}

bool isDecimalDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::int64_t> fail(std::string *error, std::string message)
{
    if (error)
        *error = std::move(message);
    return std::nullopt;
}

} // namespace

std::optional<std::int64_t> parseGoDuration(std::string_view text, std::string *error)
{
    // upstream: time.ParseDuration, [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+
    const std::string invalid = "time: invalid duration " + quote(text);
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") // the only unit-less duration
        return 0;
    if (s.empty())
        return fail(error, invalid);

    std::uint64_t total = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || isDecimalDigit(s[0])))
            return fail(error, invalid);
        // leadingInt: overflow is an error
        std::uint64_t whole = 0;
        std::size_t i = 0;
        for (; i < s.size() && isDecimalDigit(s[i]); ++i) {
            if (whole > kSignBit / 10)
                return fail(error, invalid);
            whole = whole * 10 + static_cast<std::uint64_t>(s[i] - '0');
            if (whole > kSignBit)
                return fail(error, invalid);
        }
        const bool pre = i > 0;
        s.remove_prefix(i);
        // leadingFraction: stops accumulating precision on overflow instead of failing
        std::uint64_t fraction = 0;
        double scale = 1;
        bool post = false;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            bool overflow = false;
            std::size_t j = 0;
            for (; j < s.size() && isDecimalDigit(s[j]); ++j) {
                if (overflow)
                    continue;
                if (fraction > (kSignBit - 1) / 10) {
                    overflow = true;
                    continue;
                }
                const std::uint64_t y = fraction * 10 + static_cast<std::uint64_t>(s[j] - '0');
                if (y > kSignBit) {
                    overflow = true;
                    continue;
                }
                fraction = y;
                scale *= 10;
            }
            post = j > 0;
            s.remove_prefix(j);
        }
        if (!pre && !post) // no digits, e.g. ".s"
            return fail(error, invalid);

        std::size_t u = 0;
        while (u < s.size() && s[u] != '.' && !isDecimalDigit(s[u]))
            ++u;
        if (u == 0)
            return fail(error, "time: missing unit in duration " + quote(text));
        const std::string_view unitText = s.substr(0, u);
        s.remove_prefix(u);
        const auto unit = unitNanos(unitText);
        if (!unit)
            return fail(error, "time: unknown unit " + quote(unitText) + " in duration " + quote(text));
        if (whole > kSignBit / *unit)
            return fail(error, invalid);
        whole *= *unit;
        if (fraction > 0) {
            // upstream uses float64 here too: "nanosecond accurate for fractions of hours"
            whole += static_cast<std::uint64_t>(static_cast<double>(fraction)
                                                * (static_cast<double>(*unit) / scale));
            if (whole > kSignBit)
                return fail(error, invalid);
        }
        total += whole;
        if (total > kSignBit)
            return fail(error, invalid);
    }
    if (negative)
        return static_cast<std::int64_t>(0 - total); // -2^63 is representable
    if (total > kSignBit - 1)
        return fail(error, invalid);
    return static_cast<std::int64_t>(total);
}

namespace {

// upstream: time.fmtFrac: the fraction of v/10^prec without trailing zeros (or the point)
std::uint64_t formatFraction(std::string &out, std::uint64_t v, int prec)
{
    std::string digits;
    bool print = false;
    for (int i = 0; i < prec; ++i) {
        const auto digit = static_cast<char>('0' + v % 10);
        print = print || digit != '0';
        if (print)
            digits.insert(digits.begin(), digit);
        v /= 10;
    }
    if (print)
        out.insert(0, "." + digits);
    return v;
}

} // namespace

std::string formatGoDuration(std::int64_t ns)
{
    // upstream: time.Duration.String; built right to left like Go's format()
    const bool negative = ns < 0;
    std::uint64_t u = static_cast<std::uint64_t>(ns);
    if (negative)
        u = 0 - u;
    std::string out;
    if (u < 1000000000) {
        // below a second: one smaller unit with a fraction, like "1.2ms"
        int prec = 0;
        if (u == 0)
            return "0s";
        if (u < 1000) {
            out = "ns";
        } else if (u < 1000000) {
            prec = 3;
            out = "\xC2\xB5s"; // U+00B5 'µ', as Go writes it
        } else {
            prec = 6;
            out = "ms";
        }
        u = formatFraction(out, u, prec);
        out.insert(0, std::to_string(u));
    } else {
        out = "s";
        u = formatFraction(out, u, 9);
        out.insert(0, std::to_string(u % 60));
        u /= 60;
        if (u > 0) {
            out.insert(0, std::to_string(u % 60) + "m");
            u /= 60;
            if (u > 0) // stop at hours: days can be different lengths
                out.insert(0, std::to_string(u) + "h");
        }
    }
    if (negative)
        out.insert(0, "-");
    return out;
}

} // namespace emu::api
