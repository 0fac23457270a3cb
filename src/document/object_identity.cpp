// SPDX-License-Identifier: Apache-2.0
#include "object_identity.h"

#include "emulator/api/kind_registry.h"

namespace app::document {

using emu::api::Value;

namespace {

std::string scalarText(const Value *value)
{
    return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

} // namespace

ObjectIdentity ObjectIdentity::fromObject(const Value &object)
{
    ObjectIdentity id;
    if (!object.isMapping())
        return id;
    id.apiVersion = scalarText(object.find("apiVersion"));
    id.kind = scalarText(object.find("kind"));
    if (const Value *metadata = object.find("metadata"); metadata && metadata->isMapping()) {
        id.namespaceName = scalarText(metadata->find("namespace"));
        id.name = scalarText(metadata->find("name"));
        if (id.name.empty())
            id.name = scalarText(metadata->find("generateName"));
    }
    return id;
}

std::string ObjectIdentity::group() const
{
    return std::string(emu::api::splitApiVersion(apiVersion).group);
}

bool ObjectIdentity::isNamespaced() const
{
    return emu::api::isNamespaced(group(), kind);
}

std::string ObjectIdentity::effectiveNamespace() const
{
    if (!isNamespaced())
        return {};
    return namespaceName.empty() ? std::string("default") : namespaceName;
}

QString ObjectIdentity::displayName() const
{
    const QString k = kind.empty() ? QStringLiteral("(no kind)") : QString::fromStdString(kind);
    const QString n = name.empty() ? QStringLiteral("(no name)") : QString::fromStdString(name);
    if (namespaceName.empty())
        return k + ' ' + n;
    return k + ' ' + QString::fromStdString(namespaceName) + '/' + n;
}

std::string ObjectIdentity::key() const
{
    return group() + '\n' + kind + '\n' + effectiveNamespace() + '\n' + name;
}

} // namespace app::document
