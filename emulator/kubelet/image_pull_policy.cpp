// SPDX-License-Identifier: Apache-2.0
// upstream: pkg/kubelet/images/image_manager.go shouldPullImage, EnsureImageExists
#include "image_pull_policy.h"

#include "emulator/api/defaulter.h"

namespace emu::kubelet {

std::string_view effectiveImagePullPolicy(const store::Container &container)
{
    if (!container.imagePullPolicy.empty())
        return container.imagePullPolicy;
    return api::defaultImagePullPolicy(container.image);
}

ImagePullAction imagePullAction(std::string_view policy, bool imagePresent)
{
    if (policy == "Never")
        return imagePresent ? ImagePullAction::UseLocal : ImagePullAction::ErrNeverPull;
    if (policy == "Always" || !imagePresent)
        return ImagePullAction::Pull;
    return ImagePullAction::UseLocal;
}

ImagePullAction imagePullAction(const store::Container &container, bool imagePresent)
{
    return imagePullAction(effectiveImagePullPolicy(container), imagePresent);
}

} // namespace emu::kubelet
