// SPDX-License-Identifier: Apache-2.0
#include "object_validator.h"

#include "kind_registry.h"
#include "kubecanvas_validation.h"
#include "names.h"
#include "schemas/k8s_schemas.h"
#include "validation_context.h"

namespace emu::api {

namespace {

/// apiVersion and kind: present, non-null, non-empty strings. Without them nothing else
/// about the object can be interpreted, so they are errors even for unknown kinds.
const Value *typeField(const Value &object, std::string_view name, ValidationContext &context)
{
    const Value *value = object.find(name);
    const std::string path(name);
    const std::string required = "Required value: " + path + " is required";
    if (!value || value->isNull()) {
        context.error(path, value ? value->pos() : object.pos(), required);
        return nullptr;
    }
    if (!value->isString()) {
        context.error(path, value->pos(),
                      "expected a string, got " + ValidationContext::describeValue(*value));
        return nullptr;
    }
    if (value->text().empty()) {
        context.error(path, value->pos(), required);
        return nullptr;
    }
    return value;
}

std::string joined(const std::vector<std::string> &messages)
{
    std::string text;
    for (const std::string &m : messages)
        text += (text.empty() ? "" : "; ") + m;
    return text;
}

void validateName(const Value &object, const KindInfo *info, ValidationContext &context)
{
    // Objects of unknown kinds may be tool configuration (kind's Cluster, the scheduler's
    // Policy) rather than API objects: a missing name is only a warning there.
    const auto missingName = [&](SourcePos pos) {
        const std::string message = "Required value: name or generateName is required";
        if (info)
            context.error("metadata.name", pos, message);
        else
            context.warning("metadata.name", pos, message);
    };
    const Value *metadata = object.find("metadata");
    if (!metadata || metadata->isNull()) {
        missingName(metadata ? metadata->pos() : object.pos());
        return;
    }
    if (!metadata->isMapping())
        return; // already reported by the schema
    const Value *name = metadata->find("name");
    const Value *generateName = metadata->find("generateName");
    const bool generated = generateName && generateName->isString() && !generateName->text().empty();
    if (!name || name->isNull() || (name->isString() && name->text().empty())) {
        if (!generated)
            missingName(name ? name->pos() : metadata->pos());
        return;
    }
    if (!name->isString() || !info)
        return;
    // Real manifests sometimes bend the naming rules the API server enforces per kind;
    // they are reported but not fatal.
    std::vector<std::string> problems;
    if (info->nameRule == NameRule::Subdomain)
        problems = isDns1123Subdomain(name->text());
    else if (info->nameRule == NameRule::Label)
        problems = isDns1123Label(name->text());
    else if (info->nameRule == NameRule::Dns1035Label)
        problems = isDns1035Label(name->text());
    if (!problems.empty())
        context.warning("metadata.name", name->pos(),
                        "Invalid value: " + ValidationContext::quoted(name->text()) + ": "
                            + joined(problems));
}

void validateScope(const Value &object, const KindInfo &info, ValidationContext &context)
{
    const Value *metadata = object.find("metadata");
    const Value *ns = metadata && metadata->isMapping() ? metadata->find("namespace") : nullptr;
    if (!info.namespaced && ns && ns->isString() && !ns->text().empty())
        context.warning("metadata.namespace", ns->pos(),
                        std::string(info.kind) + " is cluster-scoped: the namespace is ignored");
}

/// Reports a removed or unknown API version. Returns true when the object should be checked
/// leniently, as its shape may be the old one.
bool checkVersion(const Value &apiVersion, const KindInfo &info, std::string_view version,
                  ValidationContext &context)
{
    const std::string subject = apiVersion.text() + " " + std::string(info.kind);
    if (const RemovedVersion *removed = info.findRemoved(version)) {
        std::string message = subject
            + (removed->removedIn.empty()
                   ? std::string(" is no longer served")
                   : " was removed in Kubernetes " + std::string(removed->removedIn));
        if (!removed->replacement.empty())
            message += "; use " + std::string(removed->replacement);
        context.warning("apiVersion", apiVersion.pos(), message);
        return true;
    }
    if (info.serves(version))
        return false;
    std::string message = "unknown API version " + ValidationContext::quoted(apiVersion.text())
        + " for " + std::string(info.kind);
    if (!info.servedVersions.empty()) {
        std::string served = std::string(info.group) + (info.group.empty() ? "" : "/")
            + std::string(info.servedVersions.front());
        message += "; use " + served;
    }
    context.warning("apiVersion", apiVersion.pos(), message);
    return true;
}

} // namespace

void validateObject(const Value &object, const std::string &file, Diagnostics &out)
{
    ValidationContext context(file, out);
    if (!object.isMapping()) {
        context.error({}, object.pos(),
                      "expected a Kubernetes object (a mapping), got "
                          + ValidationContext::describeValue(object));
        return;
    }
    const Value *apiVersion = typeField(object, "apiVersion", context);
    const Value *kind = typeField(object, "kind", context);
    if (!apiVersion || !kind)
        return;

    const GroupVersion gv = splitApiVersion(apiVersion->text());
    if (gv.group == "kubecanvas.io") {
        validateKubeCanvasObject(object, file, out);
        return;
    }
    // Lists are expanded by the loader before validation; one that reaches here has no
    // name of its own to check.
    if (gv.group.empty() && kind->text() == "List")
        return;

    const KindInfo *info = findKind(gv.group, kind->text());
    if (!info || !info->schema) {
        context.warning("kind", kind->pos(),
                        "unknown kind " + kind->text() + " (" + apiVersion->text()
                            + "): kept as is, not validated");
        schemas::looseTopLevel()->validate(object, {}, context);
        validateName(object, nullptr, context);
        return;
    }
    context.setLenient(checkVersion(*apiVersion, *info, gv.version, context));
    info->schema()->validate(object, {}, context);
    context.setLenient(false);
    validateName(object, info, context);
    validateScope(object, *info, context);
}

} // namespace emu::api
