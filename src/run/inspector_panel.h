// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace app::run {

class RunModel;

/// The Inspector dock: the run's selected object as `kubectl describe` shows it
/// (ObjectDescriber), refreshed live a few times per second while the run advances.
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(RunModel *model, QWidget *parent = nullptr);

    QString text() const;
    /// Describes the selected object now (the refresh timer calls it).
    void refresh();

private:
    RunModel *m_model;
    QLabel *m_title;
    QPlainTextEdit *m_text;
    QTimer *m_refresh;
};

} // namespace app::run
