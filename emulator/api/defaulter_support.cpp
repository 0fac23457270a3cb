// SPDX-License-Identifier: Apache-2.0
#include "defaulter_support.h"

#include <string>

namespace emu::api::defaulting {

bool isUnset(const Value *value)
{
    return value == nullptr || value->isNull();
}

bool isZero(const Value *value)
{
    if (isUnset(value))
        return true;
    if (value->isString())
        return value->text().empty();
    if (value->kind() == ValueKind::Int)
        return value->asInt() == 0;
    return false;
}

std::string_view stringOf(const Value *value)
{
    if (value == nullptr || !value->isString())
        return {};
    return value->text();
}

std::size_t lengthOf(const Value *value)
{
    if (value == nullptr || !value->isSequence())
        return 0;
    return value->size();
}

static std::size_t indexOfKey(const Value &map, std::string_view key)
{
    for (std::size_t i = 0; i < map.size(); ++i) {
        if (map.keyAt(i).text() == key)
            return i;
    }
    return map.size();
}

Value &put(Value &map, std::string_view key, Value value, Place place)
{
    if (map.contains(key))
        return map.set(key, std::move(value)); // replaced in place: the user's order stays
    switch (place.mode) {
    case Place::Mode::End:
        break;
    case Place::Mode::Front:
        return map.insertAfter({}, key, std::move(value));
    case Place::Mode::After:
        if (map.contains(place.anchor))
            return map.insertAfter(place.anchor, key, std::move(value));
        break;
    case Place::Mode::Before: {
        const std::size_t index = indexOfKey(map, place.anchor);
        if (index == map.size())
            break;
        if (index == 0)
            return map.insertAfter({}, key, std::move(value));
        // Copy the anchor's text first: inserting may move the key it lives in.
        const std::string previous = map.keyAt(index - 1).text();
        return map.insertAfter(previous, key, std::move(value));
    }
    }
    return map.set(key, std::move(value));
}

Value *fillUnset(Value &map, std::string_view key, Value value, Place place)
{
    if (!map.isMapping())
        return nullptr;
    Value *existing = map.find(key);
    if (!isUnset(existing))
        return existing;
    return &put(map, key, std::move(value), place);
}

Value *fillZero(Value &map, std::string_view key, Value value, Place place)
{
    if (!map.isMapping())
        return nullptr;
    Value *existing = map.find(key);
    if (!isZero(existing))
        return existing;
    return &put(map, key, std::move(value), place);
}

Value *ensureMapping(Value &map, std::string_view key, Place place)
{
    Value *child = fillUnset(map, key, Value::mapping(), place);
    return child != nullptr && child->isMapping() ? child : nullptr;
}

Value *mappingAt(Value &map, std::string_view key)
{
    Value *child = map.isMapping() ? map.find(key) : nullptr;
    return child != nullptr && child->isMapping() ? child : nullptr;
}

Value *sequenceAt(Value &map, std::string_view key)
{
    Value *child = map.isMapping() ? map.find(key) : nullptr;
    return child != nullptr && child->isSequence() ? child : nullptr;
}

Value str(std::string_view text)
{
    return Value::string(std::string(text));
}

Value num(std::int64_t number)
{
    return Value::integer(number);
}

} // namespace emu::api::defaulting
