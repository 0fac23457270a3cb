// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "field_error.h"
#include "label_requirement.h"
#include "labels.h"

#include <string>
#include <string_view>
#include <vector>

namespace emu::api {

class Value;

/// A label selector (upstream labels.Selector): requirements ANDed, kept sorted by key.
///
/// Three shapes are read, as upstream does: metav1.LabelSelector (matchLabels +
/// matchExpressions, via LabelSelectorAsSelector), the plain map of ReplicationController
/// and Service `selector: {a: b}` (labels.SelectorFromSet) and the string form
/// "a=b,c in (x,y),!d" (labels.Parse). The default-constructed selector is empty and matches
/// everything; nothing() matches no object at all (a null metav1.LabelSelector).
class LabelSelector
{
public:
    LabelSelector() = default;
    static LabelSelector everything() { return {}; }
    static LabelSelector nothing();

    /// metav1.LabelSelector. A null value gives nothing(); `{}` gives everything().
    static ParseResult<LabelSelector> fromValue(const Value &value);
    /// The map-only form. An empty or null map gives everything(): a Service without a
    /// selector is the caller's special case, not this one's.
    static ParseResult<LabelSelector> fromMap(const Value &value);
    /// labels.SelectorFromSet, without validation.
    static LabelSelector fromLabels(const Labels &labels);
    /// labels.Parse, with upstream's messages ("found '(', expected: identifier").
    static ParseResult<LabelSelector> parse(std::string_view text);

    bool matches(const Labels &labels) const;
    bool matchesNothing() const { return m_nothing; }
    /// Selects everything (no requirements and not nothing()).
    bool isEmpty() const { return !m_nothing && m_requirements.empty(); }
    const std::vector<LabelRequirement> &requirements() const { return m_requirements; }
    /// Adds a requirement, keeping the list sorted by key (upstream internalSelector.Add).
    void add(LabelRequirement requirement);

    /// upstream internalSelector.String: requirements joined by ",". "" for everything() and
    /// for nothing() (as upstream nothingSelector).
    std::string toString() const;

private:
    std::vector<LabelRequirement> m_requirements;
    bool m_nothing = false;
};

/// Reads a labels map (`metadata.labels`, `nodeSelector`, `matchLabels`): string values,
/// null meaning "" as encoding/json does; keys and values validated as upstream ValidateLabels.
ParseResult<Labels> labelsFromValue(const Value &value);

} // namespace emu::api
