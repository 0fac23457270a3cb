// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "source_pos.h"

#include <string>
#include <vector>

namespace emu::api {

enum class Severity { Warning, Error };

/// One problem found in user input, formatted as
/// `FILE:LINE:COLUMN: error: FIELD.PATH: message` (the field path may be empty).
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string file;
    SourcePos pos;
    std::string path;    ///< e.g. spec.template.spec.containers[0].image
    std::string message;

    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace emu::api
