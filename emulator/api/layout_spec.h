// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <string>
#include <vector>

namespace emu::api {

/// The typed `spec` of a `kubecanvas.io/v1alpha1` Layout: where the GUI draws each object.
/// It has no effect on the emulation, so it is checked only lightly: items that cannot be
/// used are dropped, and extra item fields are left for newer GUI versions.
struct LayoutSpec
{
    struct Item
    {
        std::string kind;
        std::string namespaceName; ///< "" for cluster-scoped objects
        std::string name;
        double x = 0;
        double y = 0;
    };

    std::vector<Item> items;

    static LayoutSpec fromObject(const Value &object, const std::string &file, Diagnostics &out);
};

} // namespace emu::api
