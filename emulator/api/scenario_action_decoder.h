// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "scenario_spec.h"

#include <optional>
#include <string>

namespace emu::api {

class SpecFieldReader;

/// Decodes and validates one item of a Scenario's `spec.actions` against the table of
/// known action types: which target form each accepts and which fields it requires.
class ScenarioActionDecoder
{
public:
    /// Returns nullopt (after reporting) when the action cannot be used.
    static std::optional<ScenarioSpec::Action> decode(SpecFieldReader &reader, const Value &item,
                                                      const std::string &path);
};

} // namespace emu::api
