// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "problem.h"
#include "scheduling_check.h"

#include <QObject>

#include <unordered_map>
#include <vector>

namespace app::document {

class Document;

/// Keeps the problems of a Document up to date: each object checked as `kubecanvas-cli
/// validate` does (re-checked only when it changes), then the checks that look at several
/// objects (the same object twice, selectors that select nothing, missing references,
/// workloads no node can take). Changes are gathered and checked once control returns to
/// the event loop; validateNow() checks at once (tests, screenshots).
class DocumentValidator : public QObject
{
    Q_OBJECT

public:
    explicit DocumentValidator(Document *document, QObject *parent = nullptr);

    /// All problems, in document order (per object: errors and warnings as found).
    const std::vector<Problem> &problems() const { return m_problems; }
    std::vector<Problem> problemsFor(ObjectUid uid) const;
    int errorCount() const;
    int warningCount() const;

    void validateNow();

signals:
    void problemsChanged();

private:
    void invalidate(ObjectUid uid);
    void schedule();
    const std::vector<Problem> &ownProblems(ObjectUid uid);

    Document *m_document;
    std::unordered_map<ObjectUid, std::vector<Problem>> m_ownProblems; ///< per object, cached
    std::vector<Problem> m_problems;
    SchedulingCheck m_scheduling;
    bool m_scheduled = false;
};

} // namespace app::document
