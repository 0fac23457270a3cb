// SPDX-License-Identifier: Apache-2.0
#include "command_line.h"

namespace cli {

bool CommandLine::parse(const std::vector<std::string> &args)
{
    bool onlyPositional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (onlyPositional || arg.size() < 2 || arg[0] != '-') {
            m_positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        if (m_flags.count(name)) {
            if (inlineValue) {
                m_error = "option " + name + " takes no value";
                return false;
            }
            m_seen.insert(name);
        } else if (m_options.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    m_error = "option " + name + " needs a value";
                    return false;
                }
                inlineValue = args[++i];
            }
            m_seen.insert(name);
            m_values[name] = *inlineValue;
        } else {
            m_error = "unknown option " + name;
            return false;
        }
    }
    return true;
}

std::optional<std::string> CommandLine::value(const std::string &name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

} // namespace cli
