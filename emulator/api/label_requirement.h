// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_error.h"
#include "labels.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

/// upstream: k8s.io/apimachinery/pkg/selection.Operator
enum class SelectorOperator : std::uint8_t {
    In,           ///< "in"
    NotIn,        ///< "notin"
    Exists,       ///< "key"
    DoesNotExist, ///< "!key"
    Equals,       ///< "="
    DoubleEquals, ///< "=="
    NotEquals,    ///< "!="
    GreaterThan,  ///< ">"
    LessThan,     ///< "<"
};

/// One requirement of a label selector (upstream labels.Requirement).
struct LabelRequirement
{
    std::string key;
    SelectorOperator op = SelectorOperator::Exists;
    std::vector<std::string> values;

    /// upstream NewRequirement: validates the key, the values and their count for the operator.
    /// `path` prefixes the field paths of the errors.
    static ParseResult<LabelRequirement> make(std::string key, SelectorOperator op,
                                              std::vector<std::string> values,
                                              const std::string &path = {});

    /// upstream Requirement.Matches. NotIn and NotEquals match an absent key; Gt and Lt need
    /// the label to be an integer.
    bool matches(const Labels &labels) const;
    /// upstream Requirement.String: "key in (a,b)" with the values sorted, "!key", "key>1".
    std::string toString() const;
    bool hasValue(std::string_view value) const;

    bool operator==(const LabelRequirement &other) const = default;
};

} // namespace emu::api
