// SPDX-License-Identifier: Apache-2.0
// kubecanvas: the desktop modeler. `kubecanvas [PROJECT] [--screenshot FILE.png] [--size WxH]`.
#include "app/main_window.h"
#include "document/document.h"
#include "document/selection_model.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

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
    parser.addOption(selectOption);
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
    if (parser.isSet(selectOption)) {
        const QStringList parts = parser.value(selectOption).split('/');
        const auto uid = window.document()->find(parts.value(0).toStdString(),
                                                 parts.size() > 2 ? parts.value(1).toStdString() : std::string(),
                                                 parts.last().toStdString());
        if (uid == app::document::kNoObject) {
            std::fprintf(stderr, "kubecanvas: no object %s\n", qPrintable(parser.value(selectOption)));
            return 1;
        }
        window.selectionModel()->select(uid);
    }
    if (parser.isSet(screenshotOption)) {
        const QStringList size = parser.value(sizeOption).split('x');
        if (size.size() == 2)
            window.resize(size[0].toInt(), size[1].toInt());
        window.show();
        int status = 0;
        QTimer::singleShot(0, &window, [&] {
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
    return QApplication::exec();
}
