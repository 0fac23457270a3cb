// SPDX-License-Identifier: Apache-2.0
#include "run_report.h"

#include "run_controller.h"
#include "run_model.h"

#include "emulator/report/html_report.h"

#include <QObject>

#include <stdexcept>

namespace app::run {

bool saveRunReport(const RunController &controller, const QString &dir, const QStringList &inputFiles,
                   QString *error)
{
    const RunModel &model = *controller.model();
    if (!controller.isPrepared() || !model.hasSnapshot()) {
        if (error)
            *error = QObject::tr("Nothing has run yet.");
        return false;
    }
    // The same input as the CLI's report, value names included.
    emu::report::ReportInput input;
    input.title = "KubeCanvas run report";
    for (const QString &file : inputFiles)
        input.inputFiles.push_back(file.toStdString());
    input.seed = controller.seed();
    input.simulatedDurationNs = model.time().ns();
    input.wallTimeSeconds = controller.wallSeconds();
    input.events = &model.events();
    input.metrics = &model.metrics();
    input.gracePeriodSeconds = controller.gracePeriodSeconds();
    input.valueLabels["node_ready"] = {{-1, "Unknown"}, {0, "False"}, {1, "True"}};
    input.valueLabels["zone_state"] = {{0, "Initial"}, {1, "Normal"}, {2, "PartialDisruption"}, {3, "FullDisruption"}};
    try {
        emu::report::writeHtmlReport(dir.toStdString(), input);
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

} // namespace app::run
