// SPDX-License-Identifier: Apache-2.0
#include "stateful_pod.h"

namespace emu::ctrl::statefulpod {

namespace {

std::string templateText(const api::Value *value)
{
    return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

api::Value &statefulMappingAt(api::Value &parent, std::string_view key)
{
    api::Value *child = parent.find(key);
    if (!child || !child->isMapping())
        child = &parent.set(key, api::Value::mapping());
    return *child;
}

} // namespace

std::optional<int> ordinalOf(const std::string &setName, const std::string &podName)
{
    if (podName.size() <= setName.size() + 1 || podName.compare(0, setName.size(), setName) != 0
        || podName[setName.size()] != '-')
        return std::nullopt;
    const std::string digits = podName.substr(setName.size() + 1);
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoi(digits);
}

std::string revisionOf(const store::Pod &pod)
{
    const auto it = pod.meta.labels.find(revisionLabel);
    return it == pod.meta.labels.end() ? std::string() : it->second;
}

std::vector<Claim> claimsFor(const store::StatefulSet &set, int ordinal)
{
    std::vector<Claim> claims;
    for (const api::Value &t : set.spec.volumeClaimTemplates.items()) {
        const api::Value *metadata = t.isMapping() ? t.find("metadata") : nullptr;
        const std::string name = templateText(metadata ? metadata->find("name") : nullptr);
        if (!name.empty())
            claims.push_back({name, name + "-" + set.meta.name + "-" + std::to_string(ordinal), t});
    }
    return claims;
}

api::Value podManifest(const store::StatefulSet &set, const api::Value &podTemplate, int ordinal,
                       const std::string &revision)
{
    const std::string name = set.meta.name + "-" + std::to_string(ordinal);
    api::Value manifest = api::Value::mapping();
    manifest.set("apiVersion", api::Value::string("v1"));
    manifest.set("kind", api::Value::string("Pod"));
    api::Value metadata = api::Value::mapping();
    metadata.set("name", api::Value::string(name));
    metadata.set("namespace", api::Value::string(set.meta.namespaceName));
    const api::Value *templateMetadata = podTemplate.find("metadata");
    for (const char *key : {"labels", "annotations", "finalizers"})
        if (const api::Value *v = templateMetadata ? templateMetadata->find(key) : nullptr)
            metadata.set(key, *v);
    api::Value &labels = statefulMappingAt(metadata, "labels");
    labels.set(podNameLabel, api::Value::string(name));
    labels.set(podIndexLabel, api::Value::string(std::to_string(ordinal)));
    labels.set(revisionLabel, api::Value::string(revision));
    manifest.set("metadata", std::move(metadata));

    const api::Value *templateSpec = podTemplate.find("spec");
    api::Value spec = templateSpec && templateSpec->isMapping() ? *templateSpec : api::Value::mapping();
    // updateIdentity
    spec.set("hostname", api::Value::string(name));
    if (!set.spec.serviceName.empty())
        spec.set("subdomain", api::Value::string(set.spec.serviceName));
    // updateStorage: the claim volumes replace template volumes of the same name.
    const std::vector<Claim> claims = claimsFor(set, ordinal);
    if (!claims.empty()) {
        api::Value volumes = api::Value::sequence();
        for (const Claim &c : claims) {
            api::Value source = api::Value::mapping();
            source.set("claimName", api::Value::string(c.claimName));
            api::Value volume = api::Value::mapping();
            volume.set("name", api::Value::string(c.volumeName));
            volume.set("persistentVolumeClaim", std::move(source));
            volumes.append(std::move(volume));
        }
        if (const api::Value *existing = spec.find("volumes"))
            for (const api::Value &v : existing->items()) {
                const std::string volumeName = templateText(v.isMapping() ? v.find("name") : nullptr);
                bool replaced = false;
                for (const Claim &c : claims)
                    replaced = replaced || c.volumeName == volumeName;
                if (!replaced)
                    volumes.append(v);
            }
        spec.set("volumes", std::move(volumes));
    }
    manifest.set("spec", std::move(spec));
    return manifest;
}

api::Value revisionData(const api::Value &podTemplate)
{
    api::Value templateValue = podTemplate;
    templateValue.set("$patch", api::Value::string("replace"));
    api::Value spec = api::Value::mapping();
    spec.set("template", std::move(templateValue));
    api::Value data = api::Value::mapping();
    data.set("spec", std::move(spec));
    return data;
}

api::Value templateOf(const api::Value &revisionData)
{
    const api::Value *spec = revisionData.find("spec");
    const api::Value *templateValue = spec ? spec->find("template") : nullptr;
    api::Value out = templateValue ? *templateValue : api::Value::mapping();
    out.remove("$patch");
    return out;
}

} // namespace emu::ctrl::statefulpod
