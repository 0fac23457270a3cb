// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_error.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

class Value;

/// upstream: core/v1 TaintEffect
enum class TaintEffect : std::uint8_t { NoSchedule, PreferNoSchedule, NoExecute };

std::string_view taintEffectName(TaintEffect effect);
std::optional<TaintEffect> parseTaintEffect(std::string_view name);

/// A node taint (upstream core/v1 Taint).
struct Taint
{
    std::string key;
    std::string value;
    TaintEffect effect = TaintEffect::NoSchedule;
    /// RFC 3339 time the taint was added; only set for NoExecute taints by the node
    /// lifecycle controller. Kept as written.
    std::optional<std::string> timeAdded;

    /// Reads one taint with the apiserver's validateNodeTaints rules: key a qualified name,
    /// value a label value, effect required and one of the three.
    static ParseResult<Taint> fromValue(const Value &value);

    /// upstream Taint.MatchTaint: same key and effect (the identity of a node's taint).
    bool matches(const Taint &other) const { return key == other.key && effect == other.effect; }
    /// upstream Taint.ToString: "key=value:Effect", or "key:Effect" when the value is empty.
    std::string toString() const;

    bool operator==(const Taint &other) const = default;
};

/// A node's `spec.taints` list; duplicates by key and effect are rejected as upstream
/// ("taints must be unique by key and effect pair"). Null is an empty list.
ParseResult<std::vector<Taint>> taintsFromValue(const Value &value);

} // namespace emu::api
