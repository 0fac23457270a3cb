// SPDX-License-Identifier: Apache-2.0
#include "diagnostic.h"

#include <algorithm>

namespace emu::api {

std::string Diagnostic::format() const
{
    std::string out = file.empty() ? std::string("<input>") : file;
    if (pos.isKnown()) {
        out += ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    if (!path.empty())
        out += path + ": ";
    out += message;
    return out;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace emu::api
