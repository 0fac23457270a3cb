// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "object_uid.h"

#include <QString>

#include <string>
#include <vector>

namespace app::document {

class Document;

/// How one object refers to another. Relations are derived from the objects' fields, never
/// stored: the canvas draws them as edges, the delete command warns about them.
enum class RelationKind {
    Selects,     ///< Service, PodDisruptionBudget, NetworkPolicy -> the workloads their selector matches
    RoutesTo,    ///< Ingress -> Service
    Mounts,      ///< workload or Pod -> PersistentVolumeClaim, ConfigMap or Secret it mounts
    References,  ///< workload or Pod -> ConfigMap or Secret of its env, envFrom, imagePullSecrets
    Uses,        ///< -> ServiceAccount, PriorityClass, StorageClass, IngressClass it names
    Scales,      ///< HorizontalPodAutoscaler -> its scale target
    Governs,     ///< StatefulSet -> its headless Service (serviceName)
    Binds,       ///< PersistentVolumeClaim <-> PersistentVolume; RoleBinding -> role and subjects
    InNamespace, ///< a namespaced object -> its Namespace
    Targets,     ///< Scenario action -> the object or NodePool it acts on
};

struct Relation
{
    ObjectUid from = kNoObject;
    ObjectUid to = kNoObject;
    RelationKind kind = RelationKind::Selects;
    std::string field; ///< the field of `from` that makes the relation, e.g. spec.selector
};

/// Derives the relations between the objects of a Document.
namespace RelationResolver {

std::vector<Relation> resolve(const Document &document);
/// The relations from `from` only.
std::vector<Relation> relationsFrom(const Document &document, ObjectUid from);
/// Relations into any of `targets` from objects that are not among them (what would point
/// at nothing once they are deleted).
std::vector<Relation> referencesTo(const Document &document, const ObjectUids &targets);
/// "selects", "routes to", ... for messages.
QString describe(RelationKind kind);

} // namespace RelationResolver

} // namespace app::document
