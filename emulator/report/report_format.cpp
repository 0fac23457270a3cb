// SPDX-License-Identifier: Apache-2.0
#include "report_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace emu::report {

namespace {

constexpr std::uint64_t kNanosPerSecond = 1000000000;

// Length of the well-formed UTF-8 sequence at text[i], or 0 if it is not one (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (i + length > text.size() || byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    }
    return length;
}

void appendChars(std::string &out, double value, std::chars_format format)
{
    char buf[400]; // fixed notation of any double below 1e21 fits easily
    const auto result = std::to_chars(buf, buf + sizeof buf, value, format);
    out.append(buf, result.ptr);
}

} // namespace

void appendSeconds(std::string &out, std::int64_t timeNs)
{
    // Unsigned magnitude, so that INT64_MIN does not overflow.
    std::uint64_t magnitude = static_cast<std::uint64_t>(timeNs);
    if (timeNs < 0) {
        out.push_back('-');
        magnitude = ~magnitude + 1;
    }
    out += std::to_string(magnitude / kNanosPerSecond);
    std::uint64_t fraction = magnitude % kNanosPerSecond;
    if (fraction == 0)
        return;
    int digits = 9;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%0*llu", digits, static_cast<unsigned long long>(fraction));
    out += buf;
}

std::string formatSeconds(std::int64_t timeNs)
{
    std::string out;
    appendSeconds(out, timeNs);
    return out;
}

void appendNumber(std::string &out, double value)
{
    if (std::isnan(value)) {
        out += "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? "Inf" : "-Inf";
        return;
    }
    if (value == 0) { // also -0, which scripts would otherwise see as "-0"
        out.push_back('0');
        return;
    }
    const double magnitude = std::fabs(value);
    // Shortest round-trip in plain decimal where that stays readable; the exponent form only
    // for magnitudes no resource or duration reaches.
    const bool plain = magnitude >= 1e-6 && magnitude < 1e21;
    appendChars(out, value, plain ? std::chars_format::fixed : std::chars_format::general);
}

std::string formatNumber(double value)
{
    std::string out;
    appendNumber(out, value);
    return out;
}

void appendJsonString(std::string &out, std::string_view text)
{
    out.push_back('"');
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            const std::size_t length = utf8SequenceLength(text, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u));
                out += buf;
            } else {
                out.push_back(c);
            }
        }
        ++i;
    }
    out.push_back('"');
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void appendHtmlEscaped(std::string &out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    }
}

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    appendHtmlEscaped(out, text);
    return out;
}

std::string formatClock(std::int64_t timeNs)
{
    const bool negative = timeNs < 0;
    std::uint64_t magnitude = static_cast<std::uint64_t>(timeNs);
    if (negative)
        magnitude = ~magnitude + 1;
    const std::uint64_t totalMs = magnitude / 1000000;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%02llu:%02llu.%03llu", negative ? "-" : "",
                  static_cast<unsigned long long>(totalMs / 60000),
                  static_cast<unsigned long long>(totalMs / 1000 % 60),
                  static_cast<unsigned long long>(totalMs % 1000));
    return buf;
}

bool naturalLess(std::string_view a, std::string_view b)
{
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Compare digit runs by value: skip leading zeros, then length, then digits.
            std::size_t i0 = i, j0 = j;
            while (i0 < a.size() && a[i0] == '0')
                ++i0;
            while (j0 < b.size() && b[j0] == '0')
                ++j0;
            std::size_t i1 = i0, j1 = j0;
            while (i1 < a.size() && isDigit(a[i1]))
                ++i1;
            while (j1 < b.size() && isDigit(b[j1]))
                ++j1;
            if (i1 - i0 != j1 - j0)
                return i1 - i0 < j1 - j0;
            if (const int c = a.substr(i0, i1 - i0).compare(b.substr(j0, j1 - j0)); c != 0)
                return c < 0;
            i = i1;
            j = j1;
            continue;
        }
        if (a[i] != b[j])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return a.size() - i < b.size() - j;
    return a < b; // equal by value ("01" vs "1"): any consistent order
}

std::string formatAxisNumber(double value)
{
    static constexpr struct { double scale; const char *suffix; } kUnits[] = {
        {1e15, "P"}, {1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
    char buf[48];
    const double magnitude = std::fabs(value);
    for (const auto &unit : kUnits) {
        if (magnitude >= unit.scale) {
            std::snprintf(buf, sizeof buf, "%.3g%s", value / unit.scale, unit.suffix);
            return buf;
        }
    }
    // %.4g also hides the noise of tick arithmetic (0.30000000000000004).
    std::snprintf(buf, sizeof buf, "%.4g", magnitude < 1e-12 ? 0.0 : value);
    return buf;
}

} // namespace emu::report
