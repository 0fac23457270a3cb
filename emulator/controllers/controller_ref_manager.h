// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_owner.h"
#include "informer.h"

#include "emulator/store/workload_common.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace emu::ctrl {

/// upstream ControllerRefManager.Claim* (pkg/controller/controller_ref_manager.go): which of
/// the candidates a controller owns, after adopting orphans its selector matches and
/// releasing what it owns but no longer matches. Candidates are the objects it owns and the
/// orphans of its namespace, as the informer indexes them; `filter` drops some first (the
/// ReplicaSet controller claims active pods only). While the owner is being deleted it
/// neither adopts nor releases. `canAdopt` is asked once, before the first adoption
/// (upstream RecheckDeletionTimestamp: a fresh read of the owner).
template<class T>
class ControllerRefManager
{
public:
    using Ptr = std::shared_ptr<const T>;

    ControllerRefManager(store::ObjectTable<T> &table, const Informer<T> &informer, ControllerOwner owner,
                         const store::WorkloadSelector &selector, bool ownerDeleting,
                         std::function<bool()> canAdopt)
        : m_table(table), m_informer(informer), m_owner(std::move(owner)), m_selector(selector),
          m_ownerDeleting(ownerDeleting), m_canAdopt(std::move(canAdopt))
    {}

    std::vector<Ptr> claim(const std::function<bool(const T &)> &filter = {})
    {
        std::vector<Ptr> candidates = m_informer.ownedBy(m_owner.uid);
        const std::vector<Ptr> orphans = m_informer.orphans(m_owner.namespaceName);
        candidates.insert(candidates.end(), orphans.begin(), orphans.end());
        std::sort(candidates.begin(), candidates.end(),
                  [](const Ptr &a, const Ptr &b) { return a->meta.name < b->meta.name; });
        std::vector<Ptr> claimed;
        for (const Ptr &object : candidates)
            if ((!filter || filter(*object)) && claimObject(*object))
                claimed.push_back(object);
        return claimed;
    }

private:
    // BaseControllerRefManager.ClaimObject
    bool claimObject(const T &object)
    {
        const bool match = m_selector.matches(object.meta.labels);
        if (const store::OwnerReference *ref = object.meta.controllerRef()) {
            if (ref->uid != m_owner.uid)
                return false; // owned by someone else
            if (match)
                return true;
            if (!m_ownerDeleting)
                release(object);
            return false;
        }
        if (m_ownerDeleting || !match || object.meta.deletionTimestamp)
            return false;
        if (object.meta.namespaceName != m_owner.namespaceName)
            return false;
        return adopt(object);
    }

    bool adopt(const T &object)
    {
        if (!m_adoptionAllowed)
            m_adoptionAllowed = !m_canAdopt || m_canAdopt();
        if (!*m_adoptionAllowed)
            return false;
        // The patch carries the object's uid: it fails if the object was replaced or someone
        // else became its controller meanwhile.
        const Ptr current = m_table.get(object.meta.key());
        if (!current || current->meta.uid != object.meta.uid || current->meta.controllerRef())
            return false;
        return m_table.patch(object.meta.key(), [&](T &updated) {
            updated.meta.ownerReferences.push_back(m_owner.controllerRef());
        }).ok();
    }

    void release(const T &object)
    {
        m_table.patch(object.meta.key(), [&](T &current) {
            std::erase_if(current.meta.ownerReferences,
                          [&](const store::OwnerReference &r) { return r.uid == m_owner.uid; });
        });
    }

    store::ObjectTable<T> &m_table;
    const Informer<T> &m_informer;
    ControllerOwner m_owner;
    const store::WorkloadSelector &m_selector;
    bool m_ownerDeleting;
    std::function<bool()> m_canAdopt;
    std::optional<bool> m_adoptionAllowed;
};

} // namespace emu::ctrl
