// SPDX-License-Identifier: Apache-2.0
#include "taint.h"

#include "names.h"
#include "value.h"

namespace emu::api {

std::string_view taintEffectName(TaintEffect effect)
{
    switch (effect) {
    case TaintEffect::NoSchedule: return "NoSchedule";
    case TaintEffect::PreferNoSchedule: return "PreferNoSchedule";
    case TaintEffect::NoExecute: return "NoExecute";
    }
    return {};
}

std::optional<TaintEffect> parseTaintEffect(std::string_view name)
{
    for (const auto effect : {TaintEffect::NoSchedule, TaintEffect::PreferNoSchedule, TaintEffect::NoExecute}) {
        if (taintEffectName(effect) == name)
            return effect;
    }
    return std::nullopt;
}

std::string Taint::toString() const
{
    if (value.empty())
        return key + ":" + std::string(taintEffectName(effect));
    return key + "=" + value + ":" + std::string(taintEffectName(effect));
}

ParseResult<Taint> Taint::fromValue(const Value &value)
{
    // upstream: pkg/apis/core/validation validateNodeTaints and validateTaintEffect
    using Result = ParseResult<Taint>;
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
    Taint taint;
    taint.key = stringField("key");
    taint.value = stringField("value");
    const std::string effect = stringField("effect");
    if (const Value *t = value.find("timeAdded"); t && !t->isNull())
        taint.timeAdded = t->text();
    if (!errors.empty())
        return Result::failure(std::move(errors));

    for (const auto &msg : isQualifiedName(taint.key))
        errors.push_back(field::invalid("key", field::quote(taint.key), msg, value.pos()));
    if (const auto errs = isValidLabelValue(taint.value); !errs.empty()) {
        std::string joined;
        for (const auto &e : errs)
            joined += (joined.empty() ? "" : ";") + e;
        errors.push_back(field::invalid("value", field::quote(taint.value), joined, value.pos()));
    }
    if (effect.empty()) {
        errors.push_back(field::required("effect", {}, value.pos()));
    } else if (const auto parsed = parseTaintEffect(effect)) {
        taint.effect = *parsed;
    } else {
        errors.push_back(field::notSupported("effect", field::quote(effect),
                                             {"NoSchedule", "PreferNoSchedule", "NoExecute"}, value.pos()));
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(taint));
}

ParseResult<std::vector<Taint>> taintsFromValue(const Value &value)
{
    using Result = ParseResult<std::vector<Taint>>;
    std::vector<Taint> taints;
    if (value.isNull())
        return Result::success(std::move(taints));
    if (!value.isSequence())
        return Result::failure(field::typeError({}, value, "a list"));
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string path = field::index({}, i);
        auto taint = Taint::fromValue(value.at(i));
        for (auto &e : taint.errors) {
            e.path = e.path.empty() ? path : path + "." + e.path;
            errors.push_back(std::move(e));
        }
        if (!taint)
            continue;
        bool duplicate = false;
        for (const auto &t : taints)
            duplicate = duplicate || t.matches(*taint);
        if (duplicate) {
            errors.push_back({path,
                              "Duplicate value: " + field::quote(taint->toString())
                                  + ": taints must be unique by key and effect pair",
                              value.at(i).pos()});
            continue;
        }
        taints.push_back(std::move(*taint.value));
    }
    if (!errors.empty())
        return Result::failure(std::move(errors));
    return Result::success(std::move(taints));
}

} // namespace emu::api
