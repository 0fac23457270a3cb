// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace app::run {

class RunController;

/// Writes the run so far as the HTML report of `kubecanvas-cli run --report DIR`
/// (DIR/index.html, the same page and charts), from the RunModel's events and metrics.
/// `inputFiles` name the project. False with `error` when nothing was run or it cannot write.
bool saveRunReport(const RunController &controller, const QString &dir, const QStringList &inputFiles,
                   QString *error = nullptr);

} // namespace app::run
