// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "layout_record.h"

#include "emulator/api/value.h"

#include <string>
#include <vector>

namespace app::document {

/// The project file's `kubecanvas.io/v1alpha1` Layout document: canvas positions keyed by
/// the objects' Kubernetes identity (kind, namespace, name), so that they survive a reload
/// (internal uids do not) and stay out of exported manifests.
namespace LayoutDocument {

struct Item
{
    std::string kind;
    std::string namespaceName;
    std::string name;
    LayoutRecord record;
};

bool isLayout(const emu::api::Value &object);
/// Reads `spec.items`; items without kind, name, x or y are skipped (the Layout is checked
/// only lightly, see docs/formats.md), and unknown item fields are ignored.
std::vector<Item> read(const emu::api::Value &object);
/// The Layout document's text (without a leading `---`), items in the given order.
std::string write(const std::vector<Item> &items);

} // namespace LayoutDocument

} // namespace app::document
