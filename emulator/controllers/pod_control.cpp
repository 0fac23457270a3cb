// SPDX-License-Identifier: Apache-2.0
#include "pod_control.h"

#include "pod_deletion.h"

#include "emulator/api/names.h"
#include "emulator/sim/pod_decoder.h"

namespace emu::ctrl {

namespace {

// kube-apiserver RetryGenerateName: a generated name that is taken is drawn again.
constexpr int generateNameAttempts = 8;

// ValidatePodName(prefix, true): a prefix may end in "-" (maskTrailingDash).
bool isValidNamePrefix(std::string prefix)
{
    if (!prefix.empty() && prefix.back() == '-')
        prefix.back() = 'a';
    return api::isDns1123Subdomain(prefix).empty();
}

} // namespace

api::Value PodControl::podManifest(const ControllerOwner &owner, const store::PodTemplate &podTemplate)
{
    api::Value metadata = api::Value::mapping();
    const api::Value *templateMetadata = podTemplate.value.find("metadata");
    for (const char *key : {"labels", "annotations", "finalizers"})
        if (const api::Value *v = templateMetadata ? templateMetadata->find(key) : nullptr)
            metadata.set(key, *v);
    // getPodsPrefix: "<controller>-", or the bare name when that would not be a valid prefix.
    std::string prefix = owner.name + "-";
    if (!isValidNamePrefix(prefix))
        prefix = owner.name;
    metadata.set("generateName", api::Value::string(prefix));
    metadata.set("namespace", api::Value::string(owner.namespaceName));
    api::Value manifest = api::Value::mapping();
    manifest.set("apiVersion", api::Value::string("v1"));
    manifest.set("kind", api::Value::string("Pod"));
    manifest.set("metadata", std::move(metadata));
    const api::Value *spec = podTemplate.podSpec();
    manifest.set("spec", spec ? *spec : api::Value::mapping());
    return manifest;
}

store::StoreResult PodControl::createPod(const ControllerOwner &owner, const store::PodTemplate &podTemplate,
                                         const Customize &customize)
{
    api::Value manifest = podManifest(owner, podTemplate);
    if (customize)
        customize(manifest);
    store::StoreResult result;
    if (podTemplate.labels.empty()) {
        // createPods: a pod without labels could never be found again by a selector.
        result = {store::StoreError::Invalid, "unable to create pods, no labels", 0};
    } else {
        store::Pod pod = sim::decodePod(manifest);
        pod.meta.ownerReferences = {owner.controllerRef()};
        const api::Value *metadata = manifest.find("metadata");
        const api::Value *fixedName = metadata ? metadata->find("name") : nullptr;
        pod.meta.generateName = fixedName ? std::string() : metadata->find("generateName")->text();
        for (int attempt = 0; attempt < (fixedName ? 1 : generateNameAttempts); ++attempt) {
            if (!fixedName)
                pod.meta.name = api::generateName(pod.meta.generateName, m_rng.next());
            result = m_context.store.pods().create(pod);
            if (result.error != store::StoreError::AlreadyExists)
                break;
        }
        if (result.ok()) {
            m_context.events.record("Normal", "SuccessfulCreate", owner.kind, owner.namespaceName, owner.name,
                                    "Created pod: " + pod.meta.name);
            return result;
        }
    }
    m_context.events.record("Warning", "FailedCreate", owner.kind, owner.namespaceName, owner.name,
                            "Error creating: " + result.message);
    return result;
}

store::StoreResult PodControl::deletePod(const ControllerOwner &owner, const std::string &podKey)
{
    const store::StoreResult result = ctrl::deletePod(m_context.store, podKey);
    const std::string name = podKey.substr(podKey.find('/') + 1);
    if (result.ok())
        m_context.events.record("Normal", "SuccessfulDelete", owner.kind, owner.namespaceName, owner.name,
                                "Deleted pod: " + name);
    else if (result.error != store::StoreError::NotFound)
        m_context.events.record("Warning", "FailedDelete", owner.kind, owner.namespaceName, owner.name,
                                "Error deleting: " + result.message);
    return result;
}

} // namespace emu::ctrl
