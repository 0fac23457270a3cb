// SPDX-License-Identifier: Apache-2.0
#include "toleration.h"

#include "names.h"
#include "value.h"

#include <algorithm>
#include <iterator>

namespace emu::api {

bool Toleration::toleratesTaint(const Taint &taint) const
{
    // upstream: k8s.io/api/core/v1 toleration.go ToleratesTaint
    if (effect && *effect != taint.effect)
        return false;
    if (!key.empty() && key != taint.key)
        return false;
    return op == Operator::Exists || value == taint.value;
}

ParseResult<Toleration> Toleration::fromValue(const Value &value)
{
    // upstream: pkg/apis/core/validation ValidateTolerations
    using Result = ParseResult<Toleration>;
    if (!value.isMapping())
        return Result::failure(field::typeError({}, value, "a mapping"));
    std::vector<FieldError> errors;
    const auto stringField = [&](std::string_view name) -> std::string {
        const Value *v = value.find(name);
        if (!v || v->isNull())
            return {};
        if (!v->isString()) {
            errors.push_back(field::typeError(std::string(name), *v, "a string"));
            return {};
        }
        return v->text();
    };
    Toleration t;
    t.key = stringField("key");
    const std::string op = stringField("operator");
    t.value = stringField("value");
    const std::string effect = stringField("effect");
    if (const Value *seconds = value.find("tolerationSeconds"); seconds && !seconds->isNull()) {
        const auto i = seconds->kind() == ValueKind::Int || seconds->kind() == ValueKind::Float
                           ? seconds->asInt()
                           : std::nullopt;
        if (!i)
            errors.push_back(field::typeError("tolerationSeconds", *seconds, "an integer"));
        t.tolerationSeconds = i;
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));

    const SourcePos pos = value.pos();
    if (!t.key.empty()) {
        for (const auto &msg : isQualifiedName(t.key))
            errors.push_back(field::invalid("key", field::quote(t.key), msg, pos));
    }
    if (t.key.empty() && op != "Exists") {
        errors.push_back(field::invalid("operator", field::quote(op),
                                        "operator must be Exists when `key` is empty, which means "
                                        "\"match all values and all keys\"",
                                        pos));
    }
    if (t.tolerationSeconds && effect != "NoExecute") {
        errors.push_back(field::invalid("effect", field::quote(effect),
                                        "effect must be 'NoExecute' when `tolerationSeconds` is set", pos));
    }
    if (op.empty() || op == "Equal") {
        t.op = Operator::Equal;
        if (const auto errs = isValidLabelValue(t.value); !errs.empty()) {
            std::string joined;
            for (const auto &e : errs)
                joined += (joined.empty() ? "" : ";") + e;
            errors.push_back(field::invalid("operator", field::quote(t.value), joined, pos));
        }
    } else if (op == "Exists") {
        t.op = Operator::Exists;
        if (!t.value.empty())
            errors.push_back(field::invalid("operator", field::quote(t.value),
                                            "value must be empty when `operator` is 'Exists'", pos));
    } else {
        errors.push_back(field::notSupported("operator", field::quote(op), {"Equal", "Exists"}, pos));
    }
    if (!effect.empty()) {
        if (const auto parsed = parseTaintEffect(effect))
            t.effect = *parsed;
        else
            errors.push_back(field::notSupported("effect", field::quote(effect),
                                                 {"NoSchedule", "PreferNoSchedule", "NoExecute"}, pos));
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(t));
}

ParseResult<std::vector<Toleration>> tolerationsFromValue(const Value &value)
{
    using Result = ParseResult<std::vector<Toleration>>;
    std::vector<Toleration> tolerations;
    if (value.isNull())
        return Result::success(std::move(tolerations));
    if (!value.isSequence())
        return Result::failure(field::typeError({}, value, "a list"));
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < value.size(); ++i) {
        auto t = Toleration::fromValue(value.at(i));
        for (auto &e : t.errors) {
            e.path = field::index({}, i) + (e.path.empty() ? "" : "." + e.path);
            errors.push_back(std::move(e));
        }
        if (t)
            tolerations.push_back(std::move(*t.value));
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(tolerations));
}

bool tolerationsTolerateTaint(const std::vector<Toleration> &tolerations, const Taint &taint)
{
    return std::any_of(tolerations.begin(), tolerations.end(),
                       [&](const Toleration &t) { return t.toleratesTaint(taint); });
}

std::optional<Taint> findUntoleratedTaint(const std::vector<Taint> &taints,
                                          const std::vector<Toleration> &tolerations,
                                          const std::function<bool(const Taint &)> &filter)
{
    for (const auto &taint : taints) {
        if (filter && !filter(taint))
            continue;
        if (!tolerationsTolerateTaint(tolerations, taint))
            return taint;
    }
    return std::nullopt;
}

std::optional<Taint> findUntoleratedTaint(const std::vector<Taint> &taints,
                                          const std::vector<Toleration> &tolerations,
                                          std::initializer_list<TaintEffect> effects)
{
    const std::vector<TaintEffect> wanted(effects);
    return findUntoleratedTaint(taints, tolerations, [&](const Taint &taint) {
        return std::find(wanted.begin(), wanted.end(), taint.effect) != wanted.end();
    });
}

std::optional<std::vector<Toleration>> matchingTolerations(const std::vector<Taint> &taints,
                                                           const std::vector<Toleration> &tolerations)
{
    std::vector<Toleration> result;
    for (const auto &taint : taints) {
        const auto it = std::find_if(tolerations.begin(), tolerations.end(),
                                     [&](const Toleration &t) { return t.toleratesTaint(taint); });
        if (it == tolerations.end())
            return std::nullopt;
        result.push_back(*it); // only the first tolerating toleration counts
    }
    return result;
}

std::optional<std::int64_t> minTolerationSeconds(const std::vector<Toleration> &tolerations)
{
    if (tolerations.empty())
        return 0;
    std::optional<std::int64_t> min;
    for (const auto &t : tolerations) {
        if (!t.tolerationSeconds)
            continue;
        if (*t.tolerationSeconds <= 0)
            return 0;
        if (!min || *t.tolerationSeconds < *min)
            min = t.tolerationSeconds;
    }
    return min; // nullopt: upstream returns -1, "infinite toleration"
}

NoExecuteEviction noExecuteEviction(const std::vector<Taint> &nodeTaints,
                                    const std::vector<Toleration> &tolerations)
{
    std::vector<Taint> noExecute;
    std::copy_if(nodeTaints.begin(), nodeTaints.end(), std::back_inserter(noExecute),
                 [](const Taint &t) { return t.effect == TaintEffect::NoExecute; });
    if (noExecute.empty())
        return {NoExecuteEviction::Kind::None, 0};
    const auto used = matchingTolerations(noExecute, tolerations);
    if (!used)
        return {NoExecuteEviction::Kind::Immediate, 0};
    const auto seconds = minTolerationSeconds(*used);
    if (!seconds)
        return {NoExecuteEviction::Kind::Never, 0};
    return {NoExecuteEviction::Kind::After, *seconds};
}

} // namespace emu::api
