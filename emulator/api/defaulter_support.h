// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to the defaulter: the small tree helpers the per-group defaulting files share.

#include "value.h"

#include <cstdint>
#include <string_view>

namespace emu::api::defaulting {

/// Where a defaulted key goes when it is missing. The anchor is a sibling key; when the
/// anchor is absent the key is appended, which keeps the user's own order intact.
struct Place
{
    enum class Mode : std::uint8_t { End, Front, After, Before };
    Mode mode = Mode::End;
    std::string_view anchor;

    static Place end() { return {}; }
    static Place front() { return {Mode::Front, {}}; }
    static Place after(std::string_view key) { return {Mode::After, key}; }
    static Place before(std::string_view key) { return {Mode::Before, key}; }
};

/// Absent or null: how an unset Go pointer, slice or map arrives.
bool isUnset(const Value *value);
/// Unset, or the Go zero value of a plain string or int field ("" or 0).
bool isZero(const Value *value);
/// The text of a string scalar; "" for anything else (absent, null, numbers, collections).
std::string_view stringOf(const Value *value);
/// A sequence's item count, or 0 for anything that is not a non-empty sequence.
std::size_t lengthOf(const Value *value);

/// Puts key = value into map at `place`; an existing (null or zero) entry is replaced where it is.
Value &put(Value &map, std::string_view key, Value value, Place place);
/// Fills a pointer/slice/map field: only when absent or null.
Value *fillUnset(Value &map, std::string_view key, Value value, Place place = {});
/// Fills a plain string/int field: also when "" or 0, as upstream's `if x == ""` checks do.
Value *fillZero(Value &map, std::string_view key, Value value, Place place = {});

/// The child mapping at key; created as {} at `place` when absent or null (a Go struct or a
/// pointer the defaulter allocates). nullptr when the child has another type: that is left
/// for validation to report.
Value *ensureMapping(Value &map, std::string_view key, Place place = {});
/// The child mapping at key if it exists and is a mapping, else nullptr.
Value *mappingAt(Value &map, std::string_view key);
/// The child sequence at key if it exists and is a sequence, else nullptr.
Value *sequenceAt(Value &map, std::string_view key);

Value str(std::string_view text);
Value num(std::int64_t number);

// --- The per-group defaulting functions (one per upstream defaults.go).

enum class PodScope : std::uint8_t { Pod, Template };

/// A PodSpec: SetDefaults_PodSpec and everything below it (containers, volumes, probes).
/// With PodScope::Pod also SetDefaults_Pod and the DefaultTolerationSeconds admission plugin.
void defaultPodSpec(Value &podSpec, PodScope scope);
/// A PodTemplateSpec at `key` of `owner` ({metadata, spec}), if present.
void defaultPodTemplate(Value &owner, std::string_view key);
void defaultPod(Value &pod);
void defaultPvcSpec(Value &pvcSpec);

void defaultDeployment(Value &object);
void defaultReplicaSet(Value &object);
void defaultReplicationController(Value &object);
void defaultStatefulSet(Value &object);
void defaultDaemonSet(Value &object);
void defaultJob(Value &object);
void defaultCronJob(Value &object);

// core/v1 (defaulter_core.cpp)
void defaultService(Value &object);
void defaultEndpoints(Value &object);
void defaultSecret(Value &object);
void defaultNamespace(Value &object);
void defaultPersistentVolume(Value &object);
void defaultPersistentVolumeClaim(Value &object);
void defaultLimitRange(Value &object);
void defaultPodTemplateObject(Value &object);

// other groups (defaulter_groups.cpp)
void defaultEndpointSlice(Value &object);
void defaultNetworkPolicy(Value &object);
void defaultIngressClass(Value &object);
void defaultStorageClass(Value &object);
void defaultCsiDriver(Value &object);
void defaultRoleBinding(Value &object);
void defaultPriorityClass(Value &object);
void defaultHorizontalPodAutoscaler(Value &object, std::string_view apiVersion);

} // namespace emu::api::defaulting
