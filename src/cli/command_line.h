// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cli {

/// Exit codes shared by every subcommand.
enum ExitCode { ExitOk = 0, ExitInvalidInput = 1, ExitUsage = 2 };

/// A minimal getopt-style parser: `--flag`, `--option VALUE`, `--option=VALUE`, `-o VALUE`,
/// and positional arguments. Unknown options are usage errors.
class CommandLine
{
public:
    CommandLine(std::set<std::string> flags, std::set<std::string> options)
        : m_flags(std::move(flags)), m_options(std::move(options))
    {}

    /// Parses args (without the program and subcommand names). Returns false and sets error().
    bool parse(const std::vector<std::string> &args);

    bool has(const std::string &name) const { return m_seen.count(name) > 0; }
    std::optional<std::string> value(const std::string &name) const;
    const std::vector<std::string> &positional() const { return m_positional; }
    const std::string &error() const { return m_error; }

private:
    std::set<std::string> m_flags;
    std::set<std::string> m_options;
    std::set<std::string> m_seen;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positional;
    std::string m_error;
};

} // namespace cli
