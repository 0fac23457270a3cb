// SPDX-License-Identifier: Apache-2.0
#include "field_path.h"

#include <cctype>

namespace app::document {

using emu::api::Value;

namespace {

bool isIndex(std::string_view text)
{
    if (text.empty() || text.size() > 9)
        return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

bool needsBrackets(const std::string &key)
{
    return key.empty() || key.find_first_of(".[]") != std::string::npos || isIndex(key);
}

} // namespace

std::optional<FieldPath> FieldPath::parse(std::string_view text)
{
    std::vector<Segment> segments;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '[') {
            const std::size_t close = text.find(']', i + 1);
            if (close == std::string_view::npos || close == i + 1)
                return std::nullopt;
            const std::string_view inside = text.substr(i + 1, close - i - 1);
            if (isIndex(inside))
                segments.emplace_back(static_cast<std::size_t>(std::stoul(std::string(inside))));
            else
                segments.emplace_back(std::string(inside));
            i = close + 1;
            if (i < text.size() && text[i] == '.')
                ++i;
            continue;
        }
        const std::size_t end = text.find_first_of(".[", i);
        const std::string_view key = text.substr(i, end == std::string_view::npos ? end : end - i);
        if (key.empty())
            return std::nullopt;
        segments.emplace_back(std::string(key));
        if (end == std::string_view::npos)
            break;
        i = text[end] == '.' ? end + 1 : end;
        if (text[end] == '.' && i == text.size())
            return std::nullopt; // trailing dot
    }
    if (segments.empty())
        return std::nullopt;
    return FieldPath(std::move(segments));
}

FieldPath FieldPath::parent() const
{
    std::vector<Segment> s = m_segments;
    if (!s.empty())
        s.pop_back();
    return FieldPath(std::move(s));
}

FieldPath FieldPath::child(Segment segment) const
{
    std::vector<Segment> s = m_segments;
    s.push_back(std::move(segment));
    return FieldPath(std::move(s));
}

std::string FieldPath::toString() const
{
    std::string out;
    for (const Segment &segment : m_segments) {
        if (const auto *index = std::get_if<std::size_t>(&segment)) {
            out += '[' + std::to_string(*index) + ']';
            continue;
        }
        const std::string &key = std::get<std::string>(segment);
        if (needsBrackets(key)) {
            out += '[' + key + ']';
        } else {
            if (!out.empty())
                out += '.';
            out += key;
        }
    }
    return out;
}

const Value *FieldPath::find(const Value &root) const
{
    const Value *current = &root;
    for (const Segment &segment : m_segments) {
        if (const auto *index = std::get_if<std::size_t>(&segment)) {
            if (!current->isSequence() || *index >= current->size())
                return nullptr;
            current = &current->at(*index);
        } else {
            if (!current->isMapping())
                return nullptr;
            current = current->find(std::get<std::string>(segment));
            if (!current)
                return nullptr;
        }
    }
    return current;
}

Value *FieldPath::find(Value &root) const
{
    // The const lookup never modifies; root is ours to modify.
    return const_cast<Value *>(find(static_cast<const Value &>(root)));
}

bool FieldPath::set(Value &root, Value value) const
{
    if (m_segments.empty()) {
        root = std::move(value);
        return true;
    }
    Value *current = &root;
    for (std::size_t i = 0; i + 1 < m_segments.size(); ++i) {
        const Segment &segment = m_segments[i];
        const bool nextIsIndex = std::holds_alternative<std::size_t>(m_segments[i + 1]);
        Value fresh = nextIsIndex ? Value::sequence() : Value::mapping();
        if (const auto *index = std::get_if<std::size_t>(&segment)) {
            if (!current->isSequence() || *index > current->size())
                return false;
            if (*index == current->size())
                current->append(std::move(fresh));
            current = &current->at(*index);
        } else {
            if (current->isNull())
                *current = Value::mapping();
            if (!current->isMapping())
                return false;
            const std::string &key = std::get<std::string>(segment);
            Value *next = current->find(key);
            if (!next || next->isNull())
                next = &current->set(key, std::move(fresh));
            current = next;
        }
    }
    const Segment &last = m_segments.back();
    if (const auto *index = std::get_if<std::size_t>(&last)) {
        if (current->isNull())
            *current = Value::sequence();
        if (!current->isSequence() || *index > current->size())
            return false;
        if (*index == current->size())
            current->append(std::move(value));
        else
            current->at(*index) = std::move(value);
        return true;
    }
    if (current->isNull())
        *current = Value::mapping();
    if (!current->isMapping())
        return false;
    current->set(std::get<std::string>(last), std::move(value));
    return true;
}

bool FieldPath::remove(Value &root) const
{
    if (m_segments.empty())
        return false;
    Value *parentValue = parent().find(root);
    if (!parentValue)
        return false;
    const Segment &last = m_segments.back();
    if (const auto *index = std::get_if<std::size_t>(&last)) {
        if (!parentValue->isSequence() || *index >= parentValue->size())
            return false;
        Value rebuilt = Value::sequence(parentValue->pos());
        for (std::size_t i = 0; i < parentValue->size(); ++i)
            if (i != *index)
                rebuilt.append(parentValue->at(i));
        *parentValue = std::move(rebuilt);
        return true;
    }
    return parentValue->isMapping() && parentValue->remove(std::get<std::string>(last));
}

} // namespace app::document
