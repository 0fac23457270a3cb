// SPDX-License-Identifier: Apache-2.0
// kubecanvas: the desktop modeler. `kubecanvas [PROJECT] [--select OBJECT] [--run-until DURATION]
// [--screenshot FILE.png] [--size WxH]`.
#include "app/main_window.h"
#include "document/document.h"
#include "document/selection_model.h"
#include "run/run_controller.h"
#include "run/run_docks.h"
#include "run/run_model.h"

#include "emulator/api/go_duration.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <optional>

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName("KubeCanvas");
    QApplication::setOrganizationName("KubeCanvas");
    QApplication::setApplicationVersion(KUBECANVAS_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("KubeCanvas: a visual modeler and emulator for Kubernetes.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", "Project or manifest file to open (default: the demo).");
    QCommandLineOption screenshotOption("screenshot", "Render the window to FILE and exit.", "FILE");
    QCommandLineOption sizeOption("size", "Window size for --screenshot, e.g. 1600x1000.", "WxH",
                                  "1440x900");
    QCommandLineOption selectOption("select", "Select an object first, e.g. Deployment/shop/web "
                                              "(KIND/NAME for cluster-scoped kinds).", "KIND/[NAMESPACE/]NAME");
    QCommandLineOption runUntilOption("run-until", "Run the project's scenario to this simulated time first "
                                                   "(e.g. 6m), showing the events, charts and inspector.",
                                      "DURATION");
    parser.addOption(selectOption);
    parser.addOption(runUntilOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.process(application);

    app::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        window.openSample(QStringLiteral(":/samples/demo.yaml"));
    } else {
        QString error;
        if (!window.openProject(positional.first(), &error)) {
            std::fprintf(stderr, "kubecanvas: cannot open %s\n%s\n", qPrintable(positional.first()),
                         qPrintable(error));
            return 1;
        }
    }
    std::optional<std::int64_t> runUntilNs;
    if (parser.isSet(runUntilOption)) {
        runUntilNs = emu::api::parseGoDuration(parser.value(runUntilOption).toStdString());
        if (!runUntilNs || *runUntilNs < 0) {
            std::fprintf(stderr, "kubecanvas: --run-until: invalid duration \"%s\"\n",
                         qPrintable(parser.value(runUntilOption)));
            return 2;
        }
    }
    // KIND/[NAMESPACE/]NAME: selected in the document, or (objects that exist only in the run,
    // such as a NodePool's nodes and a Deployment's pods) in the run after --run-until.
    app::run::RunObject runSelection;
    if (parser.isSet(selectOption)) {
        const QStringList parts = parser.value(selectOption).split('/');
        const QString ns = parts.size() > 2 ? parts.value(1) : QString();
        const auto uid = window.document()->find(parts.value(0).toStdString(), ns.toStdString(),
                                                 parts.last().toStdString());
        if (uid != app::document::kNoObject)
            window.selectionModel()->select(uid);
        else if (runUntilNs)
            runSelection = {parts.value(0), parts.value(0) == QLatin1String("Pod") && ns.isEmpty() ? QStringLiteral("default") : ns,
                            parts.last()};
        else {
            std::fprintf(stderr, "kubecanvas: no object %s\n", qPrintable(parser.value(selectOption)));
            return 1;
        }
    }
    if (parser.isSet(screenshotOption)) {
        const QStringList size = parser.value(sizeOption).split('x');
        if (size.size() == 2)
            window.resize(size[0].toInt(), size[1].toInt());
        window.show();
        int status = 0;
        QTimer::singleShot(0, &window, [&] {
            if (runUntilNs) {
                app::run::RunController *run = window.runController();
                if (!run->runToSync(emu::SimTime::fromNs(*runUntilNs))) {
                    std::fprintf(stderr, "kubecanvas: cannot run the project:\n%s\n", qPrintable(run->lastError()));
                    status = 1;
                    QApplication::quit();
                    return;
                }
                if (!runSelection.isNull())
                    run->model()->selectObject(runSelection);
                QApplication::processEvents(); // lay the docks out, then scroll and draw
                window.runDocks()->refreshNow();
            }
            if (!window.saveScreenshot(parser.value(screenshotOption))) {
                std::fprintf(stderr, "kubecanvas: cannot write %s\n",
                             qPrintable(parser.value(screenshotOption)));
                status = 1;
            }
            QApplication::quit();
        });
        QApplication::exec();
        return status;
    }
    window.show();
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    if (runUntilNs)
        QTimer::singleShot(0, &window, [&] {
            if (window.runController()->runToSync(emu::SimTime::fromNs(*runUntilNs)) && !runSelection.isNull())
                window.runController()->model()->selectObject(runSelection);
        });
    return QApplication::exec();
}
