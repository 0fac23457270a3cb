// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace app::panels {

/// YAML syntax colouring for the object editor: keys, strings, numbers and booleans,
/// comments, document markers, anchors and block scalar indicators. Line-based (YAML
/// tokens never span lines except block scalars, whose content is left plain).
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &text, int start, int end);

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_comment;
    QTextCharFormat m_marker;
};

} // namespace app::panels
