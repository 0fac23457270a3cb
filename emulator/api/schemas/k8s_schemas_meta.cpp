// SPDX-License-Identifier: Apache-2.0
// ObjectMeta, selectors and references shared by all kinds (apimachinery meta/v1, core/v1).
#include "k8s_schemas.h"

#include "../names.h"
#include "../validation_context.h"
#include "../value.h"

namespace emu::api::schemas {

using S = Schema;

namespace {

std::string joinedMessages(const std::vector<std::string> &messages)
{
    std::string text;
    for (const std::string &m : messages)
        text += (text.empty() ? "" : "; ") + m;
    return text;
}

// Label syntax is enforced by the API server, but a bad label only limits what selects the
// object: reported, not fatal.
void checkLabels(const Value &labels, const std::string &path, ValidationContext &context)
{
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Value &key = labels.keyAt(i);
        const Value &value = labels.valueAt(i);
        const std::string labelPath = childPath(path, key.text());
        if (const auto problems = isQualifiedName(key.text()); !problems.empty())
            context.warning(labelPath, key.pos(),
                            "Invalid value: " + ValidationContext::quoted(key.text()) + ": "
                                + joinedMessages(problems));
        if (!value.isScalar() || value.isNull())
            continue;
        if (const auto problems = isValidLabelValue(value.text()); !problems.empty())
            context.warning(labelPath, value.pos(),
                            "Invalid value: " + ValidationContext::quoted(value.text()) + ": "
                                + joinedMessages(problems));
    }
}

} // namespace

SchemaRef objectMeta()
{
    static const SchemaRef s = S::object({
        S::field("name", S::identity()),
        S::field("generateName", S::string()),
        S::field("namespace", S::identity()),
        S::field("labels", S::withCheck(S::stringMap(), checkLabels)),
        S::field("annotations", S::stringMap()),
        S::field("uid", S::string()),
        S::field("resourceVersion", S::string()),
        S::field("generation", S::int64()),
        // Written as `creationTimestamp: null` by kubectl create --dry-run -o yaml.
        S::field("creationTimestamp", S::string()),
        S::field("deletionTimestamp", S::string()),
        S::field("deletionGracePeriodSeconds", S::int64()),
        S::field("ownerReferences", S::listOf(S::object({
                     S::required("apiVersion", S::string()),
                     S::required("kind", S::string()),
                     S::required("name", S::string()),
                     S::required("uid", S::string()),
                     S::field("controller", S::boolean()),
                     S::field("blockOwnerDeletion", S::boolean()),
                 }))),
        S::field("finalizers", S::stringList()),
        S::field("managedFields", S::any()),
        S::field("selfLink", S::string()),
        S::removed("clusterName", "1.25", ""),
        S::removed("initializers", "1.14", ""),
    });
    return s;
}

SchemaRef labelSelector()
{
    static const SchemaRef s = S::object({
        S::field("matchLabels", S::withCheck(S::stringMap(), checkLabels)),
        S::field("matchExpressions", S::listOf(S::object({
                     S::required("key", S::string()),
                     S::required("operator", S::oneOf({"In", "NotIn", "Exists", "DoesNotExist"})),
                     S::field("values", S::stringList()),
                 }))),
    });
    return s;
}

SchemaRef nodeSelectorTerm()
{
    static const SchemaRef s = [] {
        const SchemaRef requirements = S::listOf(S::object({
            S::required("key", S::string()),
            S::required("operator",
                        S::oneOf({"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"})),
            S::field("values", S::stringList()),
        }));
        return S::object({
            S::field("matchExpressions", requirements),
            S::field("matchFields", requirements),
        });
    }();
    return s;
}

SchemaRef nodeSelector()
{
    static const SchemaRef s = S::object({
        S::required("nodeSelectorTerms", S::listOf(nodeSelectorTerm())),
    });
    return s;
}

SchemaRef localObjectReference()
{
    static const SchemaRef s = S::object({S::field("name", S::string())});
    return s;
}

SchemaRef objectReference()
{
    static const SchemaRef s = S::object({
        S::field("kind", S::string()),
        S::field("namespace", S::string()),
        S::field("name", S::string()),
        S::field("uid", S::string()),
        S::field("apiVersion", S::string()),
        S::field("resourceVersion", S::string()),
        S::field("fieldPath", S::string()),
    });
    return s;
}

SchemaRef typedLocalObjectReference()
{
    static const SchemaRef s = S::object({
        S::field("apiGroup", S::string()),
        S::required("kind", S::string()),
        S::required("name", S::string()),
    });
    return s;
}

SchemaRef conditions()
{
    static const SchemaRef s = S::listOf(S::any());
    return s;
}

SchemaRef topLevel(std::initializer_list<SchemaField> fields)
{
    static const SchemaRef header = S::object({
        S::field("apiVersion", S::identity()),
        S::field("kind", S::identity()),
        S::field("metadata", objectMeta()),
    });
    return S::extend(header, fields);
}

SchemaRef looseTopLevel()
{
    static const SchemaRef s = S::looseObject({
        S::field("apiVersion", S::identity()),
        S::field("kind", S::identity()),
        S::field("metadata", objectMeta()),
    });
    return s;
}

} // namespace emu::api::schemas
