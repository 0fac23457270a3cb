// SPDX-License-Identifier: Apache-2.0
#pragma once
// Manifests and queries shared by the workload controller timeline tests.

#include "support/emulator_fixture.h"

#include "emulator/controllers/pod_util.h"

#include <string>
#include <vector>

namespace workloadtest {

using PodPtr = std::shared_ptr<const emu::store::Pod>;

/// A pod template with label app=NAME, one container "app" (nginx:1.27) and, if given, a
/// kubecanvas.io/behavior annotation and extra pod spec lines (indented for the template).
inline std::string podTemplate(const std::string &app, const std::string &behavior = {},
                               const std::string &image = "nginx:1.27", const std::string &podSpecExtra = {})
{
    std::string t = "  template:\n    metadata:\n      labels:\n        app: " + app + "\n";
    if (!behavior.empty())
        t += "      annotations:\n        kubecanvas.io/behavior: '" + behavior + "'\n";
    t += "    spec:\n" + podSpecExtra + "      containers:\n      - name: app\n        image: " + image + "\n";
    return t;
}

inline std::string replicaSet(const std::string &name, int replicas, const std::string &specExtra = {},
                              const std::string &behavior = {})
{
    return "---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: " + name + "\nspec:\n  replicas: "
           + std::to_string(replicas) + "\n  selector:\n    matchLabels:\n      app: " + name + "\n" + specExtra
           + podTemplate(name, behavior);
}

inline std::string deployment(const std::string &name, int replicas, const std::string &specExtra = {},
                              const std::string &behavior = {}, const std::string &image = "nginx:1.27")
{
    return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: "
           + std::to_string(replicas) + "\n  selector:\n    matchLabels:\n      app: " + name + "\n" + specExtra
           + podTemplate(name, behavior, image);
}

/// The pods of the default namespace whose name starts with `prefix`, in name order.
inline std::vector<PodPtr> podsWithPrefix(const testsupport::EmulatorFixture &f, const std::string &prefix)
{
    std::vector<PodPtr> out;
    for (const auto &pod : f.emulator->store().pods().list())
        if (pod->meta.name.rfind(prefix, 0) == 0)
            out.push_back(pod);
    return out;
}

/// The pods whose controller owner has this uid.
inline std::vector<PodPtr> podsOwnedBy(const testsupport::EmulatorFixture &f, const std::string &uid)
{
    std::vector<PodPtr> out;
    for (const auto &pod : f.emulator->store().pods().list())
        if (const auto *ref = pod->meta.controllerRef(); ref && ref->uid == uid)
            out.push_back(pod);
    return out;
}

inline int countActive(const std::vector<PodPtr> &pods)
{
    int n = 0;
    for (const PodPtr &p : pods)
        n += emu::ctrl::isPodActive(*p) ? 1 : 0;
    return n;
}

inline int countReady(const std::vector<PodPtr> &pods)
{
    int n = 0;
    for (const PodPtr &p : pods)
        n += emu::ctrl::isPodReady(*p) && !p->meta.deletionTimestamp ? 1 : 0;
    return n;
}

inline double seconds(std::int64_t ns)
{
    return static_cast<double>(ns) / 1e9;
}

} // namespace workloadtest
