// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/labels.h"
#include "emulator/api/value.h"

#include <initializer_list>
#include <string>
#include <string_view>

namespace app::document {

/// Small readers for the fields views and checks look at. Objects may be invalid (the user
/// is editing them), so a missing or odd field reads as empty rather than failing.
namespace ObjectFields {

std::string text(const emu::api::Value *value);
/// The value at a chain of mapping keys, or null.
const emu::api::Value *at(const emu::api::Value &root, std::initializer_list<std::string_view> keys);
/// A string map (metadata.labels, nodeSelector, matchLabels); non-string values as written.
emu::api::Labels stringMap(const emu::api::Value *map);
emu::api::Labels labels(const emu::api::Value &object);

/// Kinds that create pods from a template: Deployment, ReplicaSet, StatefulSet, DaemonSet,
/// Job, CronJob, ReplicationController.
bool isWorkloadKind(std::string_view kind);
/// The mapping with the pods' metadata and spec: a Pod itself, a workload's spec.template
/// (a CronJob's spec.jobTemplate.spec.template); null for other kinds.
const emu::api::Value *podTemplate(const emu::api::Value &object, std::string_view kind);
/// The field path of podTemplate(), "" for a Pod: "spec.template", ...
std::string podTemplatePath(std::string_view kind);
emu::api::Labels podTemplateLabels(const emu::api::Value &object, std::string_view kind);

} // namespace ObjectFields

} // namespace app::document
