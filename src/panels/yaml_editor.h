// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>

#include <vector>

namespace app::panels {

class YamlHighlighter;

/// A plain-text YAML editor with a gutter: line numbers, and a mark on the lines that have
/// a problem (red for errors, amber for warnings; the message is the line's tooltip and is
/// shown underlined in the text).
class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    struct LineProblem
    {
        int line = 0;   ///< 1-based
        int column = 0; ///< 1-based; 0 marks the whole line
        bool error = true;
        QString message;
    };

    explicit YamlEditor(QWidget *parent = nullptr);

    void setProblems(std::vector<LineProblem> problems);
    const std::vector<LineProblem> &problems() const { return m_problems; }
    /// Replaces the text with as small an edit as possible, so that the cursor, the selection
    /// and the scroll position stay where they are when the change is elsewhere.
    void replaceTextKeepingCursor(const QString &text);
    /// Puts the cursor on a line (1-based) and column, and shows it.
    void goToLine(int line, int column = 1);

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    int nextLineIndent() const;
    void updateGutter(const QRect &rect, int dy);
    void updateUnderlines();
    const LineProblem *problemAt(int line) const;

    QWidget *m_gutter;
    YamlHighlighter *m_highlighter;
    std::vector<LineProblem> m_problems;
};

} // namespace app::panels
