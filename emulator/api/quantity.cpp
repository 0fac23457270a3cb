// SPDX-License-Identifier: Apache-2.0
#include "quantity.h"

#include "value.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace emu::api {

namespace {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr Int128 kNanosPerUnit = 1000000000;
constexpr std::size_t kMaxDigits = 38; // magnitudes stay below 10^38 nano-units < 2^127
constexpr Int128 kInt128Max = static_cast<Int128>(~UInt128(0) >> 1);
constexpr Int128 kInt128Min = -kInt128Max - 1;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// upstream: resource.parseQuantityString, character for character: a bare sign, "." or
// even a bare suffix ("m", "Gi") scans as zero, which ParseQuantity then accepts.
struct Scanned
{
    bool positive = true;
    std::string_view num = "0";
    std::string_view denom;
    std::string_view suffix;
};

std::optional<Scanned> scan(std::string_view s)
{
    Scanned r;
    std::size_t pos = 0;
    const std::size_t end = s.size();
    if (pos < end && (s[0] == '-' || s[0] == '+')) {
        r.positive = s[0] == '+';
        ++pos;
    }
    while (pos < end && s[pos] == '0')
        ++pos;
    if (pos >= end)
        return r;
    const std::size_t numStart = pos;
    while (pos < end && isDigit(s[pos]))
        ++pos;
    if (pos > numStart)
        r.num = s.substr(numStart, pos - numStart);
    if (pos >= end)
        return r;
    if (s[pos] == '.') {
        const std::size_t denomStart = ++pos;
        while (pos < end && isDigit(s[pos]))
            ++pos;
        r.denom = s.substr(denomStart, pos - denomStart);
        if (pos >= end)
            return r;
    }
    const std::size_t suffixStart = pos;
    while (pos < end && std::string_view("eEinumkKMGTP").find(s[pos]) != std::string_view::npos)
        ++pos;
    if (pos < end && (s[pos] == '-' || s[pos] == '+'))
        ++pos;
    while (pos < end && isDigit(s[pos]))
        ++pos;
    if (pos < end)
        return std::nullopt; // upstream ErrFormatWrong
    r.suffix = s.substr(suffixStart);
    return r;
}

struct Suffix
{
    int base;
    std::int64_t exponent;
    Quantity::Format format;
};

// upstream: resource suffixHandler.interpret (plus the int32 exponent bound upstream added)
std::optional<Suffix> interpret(std::string_view s)
{
    using F = Quantity::Format;
    static constexpr struct { std::string_view text; int base; int exp; F format; } table[] = {
        {"", 10, 0, F::DecimalSI},   {"n", 10, -9, F::DecimalSI}, {"u", 10, -6, F::DecimalSI},
        {"m", 10, -3, F::DecimalSI}, {"k", 10, 3, F::DecimalSI},  {"M", 10, 6, F::DecimalSI},
        {"G", 10, 9, F::DecimalSI},  {"T", 10, 12, F::DecimalSI}, {"P", 10, 15, F::DecimalSI},
        {"E", 10, 18, F::DecimalSI}, {"Ki", 2, 10, F::BinarySI},  {"Mi", 2, 20, F::BinarySI},
        {"Gi", 2, 30, F::BinarySI},  {"Ti", 2, 40, F::BinarySI},  {"Pi", 2, 50, F::BinarySI},
        {"Ei", 2, 60, F::BinarySI},
    };
    for (const auto &entry : table) {
        if (entry.text == s)
            return Suffix{entry.base, entry.exp, entry.format};
    }
    if (s.size() > 1 && (s[0] == 'e' || s[0] == 'E')) {
        // strconv.ParseInt(s[1:], 10, 64): optional sign, at least one digit
        std::string_view digits = s.substr(1);
        bool negative = false;
        if (digits[0] == '+' || digits[0] == '-') {
            negative = digits[0] == '-';
            digits.remove_prefix(1);
        }
        if (digits.empty())
            return std::nullopt;
        while (digits.size() > 1 && digits[0] == '0') // ParseInt allows leading zeros
            digits.remove_prefix(1);
        if (digits.size() > 10)
            return std::nullopt;
        std::int64_t v = 0;
        for (const char c : digits) {
            if (!isDigit(c))
                return std::nullopt;
            v = v * 10 + (c - '0');
        }
        if (v > std::numeric_limits<std::int32_t>::max())
            return std::nullopt;
        return Suffix{10, negative ? -v : v, F::DecimalExponent};
    }
    return std::nullopt;
}

// Multiplies a decimal digit string by a small factor in place.
void multiplyDigits(std::string &digits, unsigned factor)
{
    unsigned carry = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const unsigned v = static_cast<unsigned>(*it - '0') * factor + carry;
        *it = static_cast<char>('0' + v % 10);
        carry = v / 10;
    }
    while (carry > 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + carry % 10));
        carry /= 10;
    }
}

std::string toDecimal(UInt128 v)
{
    if (v == 0)
        return "0";
    std::string out;
    while (v > 0) {
        out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    return out;
}

UInt128 magnitude(Int128 v)
{
    return v < 0 ? UInt128(0) - static_cast<UInt128>(v) : static_cast<UInt128>(v);
}

std::int64_t saturate64(Int128 v)
{
    if (v > std::numeric_limits<std::int64_t>::max())
        return std::numeric_limits<std::int64_t>::max();
    if (v < std::numeric_limits<std::int64_t>::min())
        return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(v);
}

// upstream: ScaledValue rounds a non-exact result away from zero (int64Amount path).
std::int64_t scaledAwayFromZero(Int128 nanos, Int128 divisor)
{
    Int128 q = nanos / divisor;
    if (nanos % divisor != 0)
        q += nanos > 0 ? 1 : -1;
    return saturate64(q);
}

// encoding/json's float64 format: 'f' unless the exponent is extreme, shortest round trip.
std::string goJsonFloat(double f)
{
    const double abs = std::fabs(f);
    const bool exp = abs != 0 && (abs < 1e-6 || abs >= 1e21);
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, f,
                                   exp ? std::chars_format::scientific : std::chars_format::fixed);
    return std::string(buf, res.ptr);
}

} // namespace

std::optional<Quantity> Quantity::parse(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    if (text == "0")
        return Quantity();
    const auto scanned = scan(text);
    if (!scanned)
        return std::nullopt;
    const auto suffix = interpret(scanned->suffix);
    if (!suffix)
        return std::nullopt;

    std::string digits(scanned->num);
    digits += scanned->denom;
    const auto firstNonZero = digits.find_first_not_of('0');
    digits.erase(0, firstNonZero == std::string::npos ? digits.size() : firstNonZero);

    Format format = suffix->format;
    UInt128 nanos = 0;
    if (!digits.empty()) {
        std::int64_t shift = 9 - static_cast<std::int64_t>(scanned->denom.size());
        if (suffix->base == 2) {
            for (std::int64_t i = 0; i < suffix->exponent; i += 10)
                multiplyDigits(digits, 1024);
        } else {
            shift += suffix->exponent;
        }
        bool sticky = false;
        if (shift >= 0) {
            if (digits.size() + static_cast<std::size_t>(shift) > kMaxDigits)
                return std::nullopt; // beyond the 128-bit representation
            digits.append(static_cast<std::size_t>(shift), '0');
        } else {
            // upstream rounds values finer than 1n up (inf.RoundUp: away from zero), "so that
            // if you want some resources, you get some resources"
            const auto cut = static_cast<std::uint64_t>(-shift);
            if (cut >= digits.size()) {
                sticky = true; // digits is non-zero
                digits.clear();
            } else {
                const std::size_t keep = digits.size() - static_cast<std::size_t>(cut);
                sticky = digits.find_first_not_of('0', keep) != std::string::npos;
                digits.resize(keep);
            }
        }
        if (digits.size() > kMaxDigits)
            return std::nullopt;
        for (const char c : digits)
            nanos = nanos * 10 + static_cast<unsigned>(c - '0');
        if (sticky)
            ++nanos;
    }
    if (format == Format::BinarySI) {
        // upstream: "The max is just a simple cap" at 2^63-1 units, for BinarySI only
        const UInt128 maxAllowed = UInt128(std::numeric_limits<std::int64_t>::max()) * kNanosPerUnit;
        if (nanos > maxAllowed)
            nanos = maxAllowed;
        // upstream: a BinarySI amount strictly between 0 and 1 becomes DecimalSI
        if (nanos > 0 && nanos < UInt128(kNanosPerUnit))
            format = Format::DecimalSI;
    }
    const Int128 signedNanos = scanned->positive ? Int128(nanos) : -Int128(nanos);
    return Quantity(signedNanos, format);
}

std::optional<Quantity> Quantity::fromValue(const Value &value)
{
    switch (value.kind()) {
    case ValueKind::Null:
        return Quantity();
    case ValueKind::String: {
        // upstream UnmarshalJSON: strings.TrimSpace before ParseQuantity
        std::string_view s = value.text();
        const auto first = s.find_first_not_of(" \t\n\r\v\f");
        if (first == std::string_view::npos)
            return std::nullopt;
        s = s.substr(first, s.find_last_not_of(" \t\n\r\v\f") - first + 1);
        return parse(s);
    }
    case ValueKind::Int:
        if (const auto i = value.asInt())
            return parse(std::to_string(*i));
        [[fallthrough]]; // beyond int64: go-yaml resolves it as a float
    case ValueKind::Float: {
        // YAML numbers reach the apiserver as JSON numbers, so `1e3` arrives as 1000
        const auto d = value.asDouble();
        if (!d || !std::isfinite(*d))
            return std::nullopt;
        return parse(goJsonFloat(*d));
    }
    default:
        return std::nullopt;
    }
}

Quantity Quantity::fromValue(std::int64_t units, Format format)
{
    return Quantity(Int128(units) * kNanosPerUnit, format);
}

Quantity Quantity::fromMilli(std::int64_t milliUnits, Format format)
{
    return Quantity(Int128(milliUnits) * 1000000, format);
}

std::int64_t Quantity::value() const { return scaledAwayFromZero(m_nanos, kNanosPerUnit); }

std::int64_t Quantity::milliValue() const { return scaledAwayFromZero(m_nanos, 1000000); }

std::int64_t Quantity::nanoValue() const { return saturate64(m_nanos); }

std::string Quantity::toString() const
{
    // upstream: Quantity.CanonicalizeBytes
    if (m_nanos == 0)
        return "0";
    const std::string sign = m_nanos < 0 ? "-" : "";
    const UInt128 abs = magnitude(m_nanos);
    Format format = m_format;
    if (format == Format::BinarySI) {
        // between -1024 and 1024, or not a whole number: DecimalSI, "to avoid rounding and
        // hopefully confusion"
        if (abs < UInt128(1024) * kNanosPerUnit || abs % kNanosPerUnit != 0) {
            format = Format::DecimalSI;
        } else {
            UInt128 units = abs / kNanosPerUnit;
            int exponent = 0;
            while (units % 1024 == 0) {
                units /= 1024;
                ++exponent;
            }
            static constexpr const char *binary[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            if (exponent <= 6)
                return sign + toDecimal(units) + binary[exponent];
            // upstream: no binary suffix past Ei; fall back to an exact decimal form
            format = Format::DecimalExponent;
        }
    }
    // upstream: infDecAmount.AsCanonicalBytes: move factors of 10 into the exponent, then
    // lower the exponent to a multiple of 3
    UInt128 mantissa = abs;
    int exponent = -9;
    while (mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    while (exponent % 3 != 0) {
        mantissa *= 10;
        --exponent;
    }
    std::string out = sign + toDecimal(mantissa);
    if (format == Format::DecimalSI && exponent <= 18) {
        static constexpr const char *decimal[] = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
        return out + decimal[(exponent + 9) / 3];
    }
    // DecimalExponent, or DecimalSI past "E" (upstream falls back to exponent notation)
    if (exponent != 0)
        out += "e" + std::to_string(exponent);
    return out;
}

Quantity Quantity::operator-() const
{
    return Quantity(m_nanos == kInt128Min ? kInt128Max : -m_nanos, m_format);
}

Quantity Quantity::operator+(const Quantity &other) const
{
    Int128 sum;
    if (__builtin_add_overflow(m_nanos, other.m_nanos, &sum))
        sum = other.m_nanos > 0 ? kInt128Max : kInt128Min;
    return Quantity(sum, m_nanos == 0 ? other.m_format : m_format);
}

Quantity Quantity::operator-(const Quantity &other) const
{
    Int128 diff;
    if (__builtin_sub_overflow(m_nanos, other.m_nanos, &diff))
        diff = other.m_nanos < 0 ? kInt128Max : kInt128Min;
    return Quantity(diff, m_nanos == 0 ? other.m_format : m_format);
}

std::strong_ordering Quantity::operator<=>(const Quantity &other) const
{
    if (m_nanos < other.m_nanos)
        return std::strong_ordering::less;
    if (m_nanos > other.m_nanos)
        return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

} // namespace emu::api
