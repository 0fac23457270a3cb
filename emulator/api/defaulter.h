// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "value.h"

#include <string_view>

namespace emu::api {

/// Applies the API server's defaults (Kubernetes v1.32) to one object in place.
///
/// This is what a create through the API server adds before the object is stored: the
/// versioned defaulting functions (pkg/apis/<group>/<version>/defaults.go plus the
/// declarative `+default` markers), the DefaultTolerationSeconds admission plugin (Pods only)
/// and the few fields the registries fill on create (Service ipFamilyPolicy, Namespace
/// finalizers). Kinds it does not know, or whose apiVersion names another group, are left
/// alone; a `List` has each of its items defaulted.
///
/// Only unset fields are filled: absent or null, and also "" or 0 where upstream's field is
/// a plain Go string or int whose zero value means "unset" (e.g. a probe's periodSeconds: 0
/// becomes 10, as on a real server). Explicit values are kept. New keys are inserted at a
/// natural position, so exported YAML reads well. Defaulting is idempotent.
///
/// Deliberately not done: metadata.namespace (kubectl sends the current namespace, so it is
/// not the server's default), status, and everything the server assigns at run time
/// (uid, clusterIP, nodeName, generated Job selectors, service-account volumes). See
/// docs/defaulting.md.
void applyDefaults(Value &object);

/// The imagePullPolicy the server gives a container with this image when none is set:
/// "Always" when the tag is `latest` or there is neither tag nor digest, else "IfNotPresent".
/// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Container, pkg/util/parsers ParseImageName
std::string_view defaultImagePullPolicy(std::string_view image);

} // namespace emu::api
