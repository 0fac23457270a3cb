// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_error.h"
#include "taint.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace emu::api {

class Value;

/// A pod's toleration (upstream core/v1 Toleration).
struct Toleration
{
    enum class Operator : std::uint8_t { Equal, Exists };

    std::string key;                          ///< empty (with Exists) matches every key
    Operator op = Operator::Equal;            ///< an empty operator means Equal
    std::string value;
    std::optional<TaintEffect> effect;        ///< nullopt (empty) matches every effect
    std::optional<std::int64_t> tolerationSeconds; ///< for NoExecute: how long to stay bound

    /// Reads one toleration with the apiserver's ValidateTolerations rules (Exists when the
    /// key is empty, no value with Exists, tolerationSeconds only with NoExecute, ...).
    static ParseResult<Toleration> fromValue(const Value &value);

    /// upstream: core/v1 Toleration.ToleratesTaint: the effect matches (or is empty), the key
    /// matches (or is empty), and Exists, or Equal with the same value.
    bool toleratesTaint(const Taint &taint) const;

    bool operator==(const Toleration &other) const = default;
};

/// A pod's `spec.tolerations` list; null is an empty list.
ParseResult<std::vector<Toleration>> tolerationsFromValue(const Value &value);

/// upstream: v1helper.TolerationsTolerateTaint: does any toleration tolerate the taint?
bool tolerationsTolerateTaint(const std::vector<Toleration> &tolerations, const Taint &taint);

/// upstream: v1helper.FindMatchingUntoleratedTaint: the first taint accepted by `filter`
/// (all taints when it is empty) that no toleration tolerates. The scheduler's TaintToleration
/// filter passes NoSchedule and NoExecute, the kubelet's admission NoExecute only.
std::optional<Taint> findUntoleratedTaint(const std::vector<Taint> &taints,
                                          const std::vector<Toleration> &tolerations,
                                          const std::function<bool(const Taint &)> &filter = {});
/// The common filter: taints whose effect is one of `effects`.
std::optional<Taint> findUntoleratedTaint(const std::vector<Taint> &taints,
                                          const std::vector<Toleration> &tolerations,
                                          std::initializer_list<TaintEffect> effects);

/// upstream: v1helper.GetMatchingTolerations: if every taint is tolerated, the first
/// tolerating toleration of each taint (in taint order); nullopt if one is not tolerated.
std::optional<std::vector<Toleration>> matchingTolerations(const std::vector<Taint> &taints,
                                                           const std::vector<Toleration> &tolerations);

/// upstream: tainteviction getMinTolerationTime, in seconds: 0 for an empty list; 0 when any
/// tolerationSeconds is <= 0; the smallest positive tolerationSeconds; nullopt ("tolerate
/// forever", upstream -1) when none of them sets tolerationSeconds.
std::optional<std::int64_t> minTolerationSeconds(const std::vector<Toleration> &tolerations);

/// When the taint eviction controller deletes a pod bound to a node with these taints (only
/// the NoExecute ones count), in seconds from the moment the taints were seen.
struct NoExecuteEviction
{
    enum class Kind : std::uint8_t {
        None,      ///< no NoExecute taint: nothing scheduled (any pending eviction cancelled)
        Immediate, ///< a NoExecute taint is not tolerated: delete now
        After,     ///< delete after `seconds`
        Never,     ///< every matching toleration tolerates forever
    };
    Kind kind = Kind::None;
    std::int64_t seconds = 0;
};

/// upstream: tainteviction Controller.processPodOnNode.
NoExecuteEviction noExecuteEviction(const std::vector<Taint> &nodeTaints,
                                    const std::vector<Toleration> &tolerations);

} // namespace emu::api
