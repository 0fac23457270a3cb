// SPDX-License-Identifier: Apache-2.0
#include "project_validation.h"

#include "emulator/api/manifest_loader.h"
#include "emulator/kubelet/pod_behavior.h"

namespace emu::sim {

namespace {

std::vector<std::string> containerNames(const api::Value *podSpec)
{
    std::vector<std::string> names;
    for (const char *list : {"initContainers", "containers"}) {
        const api::Value *containers = podSpec ? podSpec->find(list) : nullptr;
        if (!containers || !containers->isSequence())
            continue;
        for (const api::Value &c : containers->items())
            if (const api::Value *name = c.find("name"); name && name->isScalar())
                names.push_back(name->text());
    }
    return names;
}

} // namespace

void validateProject(const std::vector<api::Manifest> &manifests, api::Diagnostics &diagnostics)
{
    api::ManifestLoader::validate(manifests, diagnostics);
    for (const api::Manifest &m : manifests) {
        const api::Value &o = m.object;
        if (m.kind() == "Pod" && m.group().empty()) {
            if (const api::Value *metadata = o.find("metadata"))
                kubelet::validateBehaviorAnnotation(*metadata, containerNames(o.find("spec")), m.file,
                                                    diagnostics, m.pathPrefix + "metadata");
            continue;
        }
        // Workloads: spec.template (CronJob: spec.jobTemplate.spec.template).
        const api::Value *spec = o.find("spec");
        if (spec && m.kind() == "CronJob")
            if (const api::Value *job = spec->find("jobTemplate"))
                spec = job->find("spec");
        const api::Value *tmpl = spec ? spec->find("template") : nullptr;
        const api::Value *metadata = tmpl ? tmpl->find("metadata") : nullptr;
        if (!metadata)
            continue;
        const std::string path = m.kind() == "CronJob" ? "spec.jobTemplate.spec.template.metadata"
                                                       : "spec.template.metadata";
        kubelet::validateBehaviorAnnotation(*metadata, containerNames(tmpl->find("spec")), m.file,
                                            diagnostics, m.pathPrefix + path);
    }
}

} // namespace emu::sim
