// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_error.h"

#include <optional>
#include <string>

namespace emu::api {

class Value;

/// An int-or-string field that takes an integer or a percentage, such as a Deployment's
/// maxSurge and maxUnavailable or a PodDisruptionBudget's minAvailable
/// (upstream k8s.io/apimachinery/pkg/util/intstr.IntOrString used as IntOrPercent).
class IntOrPercent
{
public:
    IntOrPercent() = default; ///< the integer 0
    static IntOrPercent fromInt(int value);
    /// Any string, unchecked (as upstream IntOrString holds it); scaledValue() rejects it if
    /// it is not a percentage.
    static IntOrPercent fromString(std::string value);
    /// An integer (a float with an integral value too, as JSON carries `1.0`) in int32 range,
    /// or a string that is a valid percentage ("25%"). A bare numeric string like "5" is an
    /// error, as the apiserver's IsValidPercent check makes it.
    static ParseResult<IntOrPercent> fromValue(const Value &value);

    bool isString() const { return m_isString; }
    int intValue() const { return m_int; }
    const std::string &stringValue() const { return m_string; }

    /// upstream: intstr.GetScaledValueFromIntOrPercent: an integer as is; a percentage of
    /// total, rounded up (maxSurge) or down (maxUnavailable). nullopt for a string that is not
    /// "<integer>%" (upstream: "invalid type: string is not a percentage").
    std::optional<int> scaledValue(int total, bool roundUp) const;

    /// "25%" or "3", as written back to YAML (an int stays an int).
    std::string toString() const { return m_isString ? m_string : std::to_string(m_int); }

    bool operator==(const IntOrPercent &other) const = default;

private:
    std::string m_string;
    int m_int = 0;
    bool m_isString = false;
};

} // namespace emu::api
