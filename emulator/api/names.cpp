// SPDX-License-Identifier: Apache-2.0
#include "names.h"

#include <initializer_list>

namespace emu::api {

namespace {

constexpr std::string_view kDns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1123SubdomainFmt
    = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kDns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kLabelKeyFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kLabelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlnum(char c) { return isLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }

// upstream: validation.MaxLenError
std::string maxLenError(std::size_t length)
{
    return "must be no more than " + std::to_string(length) + " characters";
}

// upstream: validation.RegexError
std::string regexError(std::string_view msg, std::string_view fmt,
                       std::initializer_list<std::string_view> examples)
{
    std::string out(msg);
    if (examples.size() == 0)
        return out + " (regex used for validation is '" + std::string(fmt) + "')";
    out += " (e.g. ";
    bool first = true;
    for (const auto example : examples) {
        if (!first)
            out += " or ";
        first = false;
        out += "'" + std::string(example) + "', ";
    }
    return out + "regex used for validation is '" + std::string(fmt) + "')";
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool matchesDns1123Label(std::string_view s)
{
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (const char c : s) {
        if (!isLowerAlnum(c) && c != '-')
            return false;
    }
    return true;
}

bool matchesDns1123Subdomain(std::string_view s)
{
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        if (!matchesDns1123Label(s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool matchesLabelKeyName(std::string_view s)
{
    if (s.empty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    for (const char c : s) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.')
            return false;
    }
    return true;
}

} // namespace

std::vector<std::string> isDns1123Label(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > 63)
        errs.push_back(maxLenError(63));
    if (!matchesDns1123Label(value)) {
        if (matchesDns1123Subdomain(value)) {
            // a valid subdomain but not a valid label: length was checked, so it is the dots
            errs.emplace_back("must not contain dots");
        } else {
            errs.push_back(regexError("a lowercase RFC 1123 label must consist of lower case "
                                      "alphanumeric characters or '-', and must start and end "
                                      "with an alphanumeric character",
                                      kDns1123LabelFmt, {"my-name", "123-abc"}));
        }
    }
    return errs;
}

std::vector<std::string> isDns1123Subdomain(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > 253)
        errs.push_back(maxLenError(253));
    if (!matchesDns1123Subdomain(value)) {
        errs.push_back(regexError("a lowercase RFC 1123 subdomain must consist of lower case "
                                  "alphanumeric characters, '-' or '.', and must start and end "
                                  "with an alphanumeric character",
                                  kDns1123SubdomainFmt, {"example.com"}));
    }
    return errs;
}

std::vector<std::string> isDns1035Label(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > 63)
        errs.push_back(maxLenError(63));
    if (!matchesDns1123Label(value) || !(value.front() >= 'a' && value.front() <= 'z')) {
        errs.push_back(regexError("a DNS-1035 label must consist of lower case alphanumeric "
                                  "characters or '-', start with an alphabetic character, and "
                                  "end with an alphanumeric character",
                                  kDns1035LabelFmt, {"my-name", "abc-123"}));
    }
    return errs;
}

std::vector<std::string> isQualifiedName(std::string_view value)
{
    // upstream: content.IsLabelKey (validation.IsQualifiedName is an alias of it)
    constexpr std::string_view errMsg = "must consist of alphanumeric characters, '-', '_' or "
                                        "'.', and must start and end with an alphanumeric "
                                        "character";
    std::vector<std::string> errs;
    std::string_view name = value;
    const std::size_t slash = value.find('/');
    if (slash != std::string_view::npos) {
        if (value.find('/', slash + 1) != std::string_view::npos) {
            errs.push_back("a valid label key "
                           + regexError(errMsg, kLabelKeyFmt, {"MyName", "my.name", "123-abc"})
                           + " with an optional DNS subdomain prefix and '/' (e.g. "
                             "'example.com/MyName')");
            return errs;
        }
        const std::string_view prefix = value.substr(0, slash);
        name = value.substr(slash + 1);
        if (prefix.empty()) {
            errs.emplace_back("prefix part must be non-empty");
        } else {
            for (const auto &msg : isDns1123Subdomain(prefix))
                errs.push_back("prefix part " + msg);
        }
    }
    if (name.empty())
        errs.emplace_back("name part must be non-empty");
    else if (name.size() > 63)
        errs.push_back("name part " + maxLenError(63));
    if (!matchesLabelKeyName(name))
        errs.push_back("name part " + regexError(errMsg, kLabelKeyFmt, {"MyName", "my.name", "123-abc"}));
    return errs;
}

std::vector<std::string> isValidLabelValue(std::string_view value)
{
    std::vector<std::string> errs;
    if (value.size() > 63)
        errs.push_back(maxLenError(63));
    if (!value.empty() && !matchesLabelKeyName(value)) {
        errs.push_back(regexError("a valid label must be an empty string or consist of "
                                  "alphanumeric characters, '-', '_' or '.', and must start and "
                                  "end with an alphanumeric character",
                                  kLabelValueFmt, {"MyValue", "my_value", "12345"}));
    }
    return errs;
}

std::string generateName(std::string_view base, std::uint64_t randomBits)
{
    // upstream: k8s.io/apimachinery/pkg/util/rand.String's alphabet, which omits vowels "to
    // reduce the chances of bad words being formed"
    constexpr std::string_view alphanums = "bcdfghjklmnpqrstvwxz2456789";
    std::string out(base.substr(0, kMaxGeneratedNameBaseLength));
    for (int i = 0; i < 5; ++i) {
        out += alphanums[randomBits % alphanums.size()];
        randomBits /= alphanums.size();
    }
    return out;
}

} // namespace emu::api
