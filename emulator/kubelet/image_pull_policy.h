// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/pod.h"

#include <string_view>

namespace emu::kubelet {

/// What the kubelet's image manager does before starting a container (spec 5.10).
enum class ImagePullAction {
    UseLocal,       ///< the image is present and the policy does not ask for a pull
    Pull,           ///< pull (Always: resolve the digest every time; IfNotPresent: absent)
    ErrNeverPull,   ///< Never and absent: waiting reason ErrImageNeverPull
};

/// The container's imagePullPolicy, or the server's default for its image when it is empty
/// (api::defaultImagePullPolicy, i.e. SetDefaults_Container: defaulting happens once, at
/// creation, so a defaulted Pod always carries the field).
std::string_view effectiveImagePullPolicy(const store::Container &container);

/// upstream: pkg/kubelet/images/image_manager.go EnsureImageExists / shouldPullImage. An
/// unknown policy is treated as IfNotPresent (validation rejects it earlier).
ImagePullAction imagePullAction(std::string_view policy, bool imagePresent);
ImagePullAction imagePullAction(const store::Container &container, bool imagePresent);

} // namespace emu::kubelet
