// SPDX-License-Identifier: Apache-2.0
#include "yaml_highlighter.h"

#include <QRegularExpression>

namespace app::panels {

namespace {

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

// Where a `#` comment starts (outside quotes, after a space or at the line start), or -1.
int commentStart(const QString &text)
{
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '#' && (i == 0 || text[i - 1].isSpace()))
            return i;
    }
    return -1;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_key(makeFormat(QColor(0x1f, 0x4e, 0x99), true))
    , m_string(makeFormat(QColor(0x0a, 0x7d, 0x3c)))
    , m_number(makeFormat(QColor(0xa3, 0x4a, 0x00)))
    , m_keyword(makeFormat(QColor(0x8e, 0x24, 0xaa), true))
    , m_comment(makeFormat(QColor(0x7a, 0x7a, 0x7a), false, true))
    , m_marker(makeFormat(QColor(0xc6, 0x28, 0x28), true))
{}

void YamlHighlighter::highlightBlock(const QString &text)
{
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, 3, m_marker);
    }
    const int comment = commentStart(text);
    const int end = comment < 0 ? int(text.size()) : comment;
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, m_comment);
    // `key:` (after indentation and an optional `- `), then its value.
    static const QRegularExpression keyPattern(
        QStringLiteral(R"(^(\s*(?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"{}\[\],][^#{}\[\],]*?)\s*:(?=\s|$))"));
    const QRegularExpressionMatch key = keyPattern.match(text.left(end));
    int valueStart = 0;
    if (key.hasMatch()) {
        setFormat(int(key.capturedStart(2)), int(key.capturedLength(2)), m_key);
        valueStart = int(key.capturedEnd(0));
    } else {
        static const QRegularExpression item(QStringLiteral(R"(^\s*(?:-\s+)+)"));
        const QRegularExpressionMatch m = item.match(text);
        valueStart = m.hasMatch() ? int(m.capturedEnd(0)) : 0;
    }
    highlightValue(text, valueStart, end);
}

void YamlHighlighter::highlightValue(const QString &text, int start, int end)
{
    const QString value = text.mid(start, end - start).trimmed();
    if (value.isEmpty())
        return;
    const int at = int(text.indexOf(value, start));
    static const QRegularExpression number(
        QStringLiteral(R"(^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\.inf|\.nan)$)"));
    static const QRegularExpression keyword(
        QStringLiteral(R"(^(true|false|yes|no|on|off|y|n|null|~|True|False|Yes|No|On|Off|NULL|Null)$)"));
    if (value.startsWith('"') || value.startsWith('\''))
        setFormat(at, int(value.size()), m_string);
    else if (value.startsWith('&') || value.startsWith('*') || value.startsWith('|')
             || value.startsWith('>') || value.startsWith('!'))
        setFormat(at, int(value.size()), m_marker);
    else if (number.match(value).hasMatch())
        setFormat(at, int(value.size()), m_number);
    else if (keyword.match(value).hasMatch())
        setFormat(at, int(value.size()), m_keyword);
}

} // namespace app::panels
