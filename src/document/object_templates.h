// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace app::document {

/// Starting points for new objects (the "Add" menu, the canvas palette): small, valid,
/// commented manifests that a platform engineer would write first.
namespace ObjectTemplates {

/// The kinds there is a template for, in menu order.
QStringList kinds();
/// The template's YAML with the given name and namespace (ignored for cluster-scoped
/// kinds); "" for a kind without a template.
std::string text(const QString &kind, const std::string &name, const std::string &namespaceName);
/// A name for a new object of the kind: "web" for a Deployment, "data" for a claim, ...
std::string suggestedName(const QString &kind);

} // namespace ObjectTemplates

} // namespace app::document
