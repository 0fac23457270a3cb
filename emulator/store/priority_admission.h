// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_table.h"
#include "pod.h"
#include "store_result.h"
#include "unstructured_object.h"

#include <cstdint>
#include <optional>
#include <string>

namespace emu::store {

/// upstream pkg/apis/scheduling/types.go.
namespace priority {
inline constexpr std::int32_t HighestUserDefinablePriority = 1'000'000'000;
inline constexpr std::int32_t SystemCriticalPriority = 2'000'000'000;
inline constexpr std::int32_t DefaultPriorityWhenNoDefaultClassExists = 0;
inline constexpr const char *SystemClusterCritical = "system-cluster-critical";
inline constexpr const char *SystemNodeCritical = "system-node-critical";
inline constexpr const char *PreemptLowerPriority = "PreemptLowerPriority";
/// The store key prefix of scheduling.k8s.io/v1 PriorityClass objects in the shared table.
inline constexpr const char *ClassKeyPrefix = "scheduling.k8s.io/v1/PriorityClass/";
} // namespace priority

/// A PriorityClass as the admission plugin reads it.
struct PriorityClassInfo
{
    std::string name;
    std::int32_t value = 0;
    bool globalDefault = false;
    std::string preemptionPolicy = priority::PreemptLowerPriority;
};

/// upstream admission plugin Priority (plugin/pkg/admission/priority). Pods: the priority
/// and preemptionPolicy come from spec.priorityClassName, else from the globalDefault class
/// (the lowest value if several), else 0; an unknown class or a spec.priority /
/// preemptionPolicy that differs from the class's is Forbidden. PriorityClasses: a value
/// above 1000000000, a reserved system- name or a second globalDefault is Forbidden. The
/// built-in classes system-cluster-critical (2000000000) and system-node-critical
/// (2000001000), which the API server creates at start-up, are always known.
class PriorityAdmission
{
public:
    explicit PriorityAdmission(const ObjectTable<UnstructuredObject> &objects) : m_objects(objects) {}

    StoreResult admitPod(Pod &pod) const;
    StoreResult validatePriorityClass(const UnstructuredObject &object) const;

    /// The class named `name` (a built-in one or an object), if it exists.
    std::optional<PriorityClassInfo> find(const std::string &name) const;
    /// upstream getDefaultPriorityClass: the globalDefault class with the lowest value.
    std::optional<PriorityClassInfo> defaultClass() const;

private:
    const ObjectTable<UnstructuredObject> &m_objects;
};

/// A PriorityClass object's fields (value, globalDefault, preemptionPolicy).
PriorityClassInfo priorityClassInfo(const UnstructuredObject &object);

/// upstream corev1helpers.PodPriority: spec.priority, 0 when unset.
inline std::int32_t podPriority(const Pod &pod)
{
    return pod.spec.priority.value_or(0);
}

} // namespace emu::store
