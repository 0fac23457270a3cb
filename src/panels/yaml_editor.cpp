// SPDX-License-Identifier: Apache-2.0
#include "yaml_editor.h"

#include "yaml_highlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace app::panels {

namespace {

const QColor errorColor(0xd3, 0x2f, 0x2f);
const QColor warningColor(0xe0, 0x8e, 0x00);

class Gutter : public QWidget
{
public:
    explicit Gutter(YamlEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    YamlEditor *m_editor;
};

} // namespace

YamlEditor::YamlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
    , m_highlighter(new YamlHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    // YAML forbids tabs for indentation: Tab inserts two spaces.
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int YamlEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void YamlEditor::setProblems(std::vector<LineProblem> problems)
{
    m_problems = std::move(problems);
    updateUnderlines();
    m_gutter->update();
}

const YamlEditor::LineProblem *YamlEditor::problemAt(int line) const
{
    const LineProblem *found = nullptr;
    for (const LineProblem &p : m_problems)
        if (p.line == line && (!found || (p.error && !found->error)))
            found = &p;
    return found;
}

void YamlEditor::updateUnderlines()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const LineProblem &p : m_problems) {
        const QTextBlock block = document()->findBlockByNumber(p.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        const int start = p.column > 0 ? qMin(p.column - 1, block.length() - 1) : 0;
        s.cursor.setPosition(block.position() + start);
        s.cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(p.error ? errorColor : warningColor);
        s.format.setToolTip(p.message);
        selections << s;
    }
    setExtraSelections(selections);
}

void YamlEditor::replaceTextKeepingCursor(const QString &text)
{
    const QString old = toPlainText();
    if (old == text)
        return;
    // Replace only the part between the common prefix and the common suffix.
    int prefix = 0;
    const int max = int(qMin(old.size(), text.size()));
    while (prefix < max && old[prefix] == text[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < max - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(document());
    cursor.setPosition(prefix);
    cursor.setPosition(int(old.size()) - suffix, QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
}

void YamlEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

bool YamlEditor::event(QEvent *event)
{
    // Tab inserts two spaces: YAML forbids tabs for indentation.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier && !isReadOnly()) {
            insertPlainText(QStringLiteral("  "));
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier && !isReadOnly()) {
            insertPlainText(QStringLiteral("\n") + QString(nextLineIndent(), QLatin1Char(' ')));
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

int YamlEditor::nextLineIndent() const
{
    // The new line continues the current one's block: as indented, deeper after `key:`,
    // and under the item's first key after `- `.
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    int indent = 0;
    while (indent < before.size() && before[indent] == QLatin1Char(' '))
        ++indent;
    QString content = before.mid(indent);
    if (const int comment = int(content.indexOf(QLatin1String(" #"))); comment >= 0)
        content.truncate(comment);
    content = content.trimmed();
    if (content.startsWith(QLatin1String("- ")))
        indent += 2;
    if (content.endsWith(QLatin1Char(':')))
        indent += 2;
    return indent;
}

void YamlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible()) {
            const int line = block.blockNumber() + 1;
            if (const LineProblem *p = problemAt(line)) {
                painter.setBrush(p->error ? errorColor : warningColor);
                painter.setPen(Qt::NoPen);
                painter.drawEllipse(QPointF(6, top + lineHeight / 2.0), 3.5, 3.5);
            }
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 4, lineHeight, Qt::AlignRight,
                             QString::number(line));
        }
        top += qRound(blockBoundingRect(block).height());
        block = block.next();
    }
}

} // namespace app::panels
