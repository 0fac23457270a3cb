// SPDX-License-Identifier: Apache-2.0
#include "document_validator.h"

#include "cross_object_checks.h"
#include "document.h"

#include "emulator/api/manifest.h"
#include "emulator/sim/project_validation.h"

#include <QTimer>

#include <algorithm>

namespace app::document {

using emu::api::Severity;

namespace {

std::vector<Problem> checkEntry(const ManifestEntry &e)
{
    emu::api::Diagnostics diagnostics = e.content.parseDiagnostics;
    if (e.content.isObject()) {
        // The same checks as `kubecanvas-cli validate`, one object at a time.
        const std::vector<emu::api::Manifest> one{{e.object(), e.file.toStdString(), {}, {}}};
        emu::sim::validateProject(one, diagnostics);
    }
    std::vector<Problem> problems;
    problems.reserve(diagnostics.size());
    for (emu::api::Diagnostic &d : diagnostics)
        problems.push_back({e.uid, d.severity, d.pos, std::move(d.path), std::move(d.message), false});
    return problems;
}

} // namespace

DocumentValidator::DocumentValidator(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    connect(document, &Document::objectAdded, this, &DocumentValidator::invalidate);
    connect(document, &Document::objectChanged, this, &DocumentValidator::invalidate);
    connect(document, &Document::objectRemoved, this, [this](ObjectUid uid) {
        m_ownProblems.erase(uid);
        schedule();
    });
    connect(document, &Document::modelReset, this, [this] {
        m_ownProblems.clear();
        schedule();
    });
    validateNow();
}

std::vector<Problem> DocumentValidator::problemsFor(ObjectUid uid) const
{
    std::vector<Problem> out;
    for (const Problem &p : m_problems)
        if (p.uid == uid)
            out.push_back(p);
    return out;
}

int DocumentValidator::errorCount() const
{
    return int(std::count_if(m_problems.begin(), m_problems.end(),
                             [](const Problem &p) { return p.isError(); }));
}

int DocumentValidator::warningCount() const
{
    return int(m_problems.size()) - errorCount();
}

void DocumentValidator::invalidate(ObjectUid uid)
{
    m_ownProblems.erase(uid);
    schedule();
}

void DocumentValidator::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_scheduled)
            validateNow();
    });
}

const std::vector<Problem> &DocumentValidator::ownProblems(ObjectUid uid)
{
    auto it = m_ownProblems.find(uid);
    if (it == m_ownProblems.end())
        it = m_ownProblems.emplace(uid, checkEntry(*m_document->entry(uid))).first;
    return it->second;
}

void DocumentValidator::validateNow()
{
    m_scheduled = false;
    std::unordered_map<ObjectUid, std::vector<Problem>> cross;
    for (Problem &p : CrossObjectChecks::run(*m_document, m_scheduling))
        cross[p.uid].push_back(std::move(p));
    std::vector<Problem> all;
    for (const ManifestEntry &e : m_document->entries()) {
        const std::vector<Problem> &own = ownProblems(e.uid);
        all.insert(all.end(), own.begin(), own.end());
        if (const auto it = cross.find(e.uid); it != cross.end())
            all.insert(all.end(), it->second.begin(), it->second.end());
    }
    m_problems = std::move(all);
    emit problemsChanged();
}

} // namespace app::document
