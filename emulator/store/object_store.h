// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lease.h"
#include "node.h"
#include "pod.h"
#include "object_table.h"
#include "unstructured_object.h"

namespace emu::store {

/// The emulated API server's storage: one table per emulated kind, one global revision
/// counter (resourceVersion) shared by all of them, as etcd's. Every component reads and
/// writes through it, so what a component sees is what the user sees. Engine thread only.
class ObjectStore
{
public:
    explicit ObjectStore(Engine &engine)
        : m_nodes(engine, m_revision, m_uids)
        , m_leases(engine, m_revision, m_uids)
        , m_pods(engine, m_revision, m_uids)
        , m_others(engine, m_revision, m_uids)
    {}
    ObjectStore(const ObjectStore &) = delete;
    ObjectStore &operator=(const ObjectStore &) = delete;

    ObjectTable<Node> &nodes() { return m_nodes; }
    const ObjectTable<Node> &nodes() const { return m_nodes; }
    ObjectTable<Lease> &leases() { return m_leases; }
    const ObjectTable<Lease> &leases() const { return m_leases; }
    ObjectTable<Pod> &pods() { return m_pods; }
    const ObjectTable<Pod> &pods() const { return m_pods; }
    /// Objects of kinds not emulated yet, keyed by "kind/namespace/name".
    ObjectTable<UnstructuredObject> &others() { return m_others; }
    const ObjectTable<UnstructuredObject> &others() const { return m_others; }

    std::uint64_t revision() const { return m_revision; }

private:
    std::uint64_t m_revision = 0;
    std::uint64_t m_uids = 0;
    ObjectTable<Node> m_nodes;
    ObjectTable<Lease> m_leases;
    ObjectTable<Pod> m_pods;
    ObjectTable<UnstructuredObject> m_others;
};

} // namespace emu::store
