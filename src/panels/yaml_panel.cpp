// SPDX-License-Identifier: Apache-2.0
#include "yaml_panel.h"

#include "ui_yaml_panel.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/document_validator.h"
#include "document/object_text.h"
#include "document/selection_model.h"

#include "emulator/sim/project_validation.h"

#include <QFileInfo>
#include <QKeyEvent>
#include <QShortcut>
#include <QTimer>

namespace app::panels {

using namespace app::document;

namespace {

// Long enough not to apply half a word, short enough to feel live.
constexpr int kDefaultApplyDelayMs = 700;

std::vector<YamlEditor::LineProblem> lineProblems(const emu::api::Diagnostics &diagnostics)
{
    std::vector<YamlEditor::LineProblem> out;
    for (const emu::api::Diagnostic &d : diagnostics) {
        const QString text = QString::fromStdString(d.path.empty() ? d.message : d.path + ": " + d.message);
        out.push_back({int(qMax(1u, d.pos.line)), int(d.pos.column),
                       d.severity == emu::api::Severity::Error, text});
    }
    return out;
}

} // namespace

YamlPanel::YamlPanel(DocumentController *controller, DocumentValidator *validator,
                     SelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::YamlPanel>())
    , m_controller(controller)
    , m_document(controller->document())
    , m_validator(validator)
    , m_idleTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(kDefaultApplyDelayMs);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        checkDraft();
        if (m_ui->autoApplyCheck->isChecked())
            apply();
    });
    connect(m_ui->yamlEditor, &QPlainTextEdit::textChanged, this, &YamlPanel::onTextEdited);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &YamlPanel::apply);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &YamlPanel::revert);
    auto *applyShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_ui->yamlEditor);
    applyShortcut->setContext(Qt::WidgetShortcut);
    connect(applyShortcut, &QShortcut::activated, this, &YamlPanel::apply);
    m_ui->yamlEditor->installEventFilter(this);
    connect(selection, &SelectionModel::selectionChanged, this,
            [this, selection] { showObject(selection->current()); });
    connect(m_document, &Document::objectChanged, this, &YamlPanel::onObjectChanged);
    connect(m_document, &Document::objectRemoved, this, [this](ObjectUid uid) {
        m_drafts.remove(uid);
        if (uid == m_uid)
            showObject(kNoObject);
    });
    connect(m_document, &Document::modelReset, this, [this] {
        m_drafts.clear();
        showObject(kNoObject);
    });
    connect(m_validator, &DocumentValidator::problemsChanged, this, &YamlPanel::showValidatorProblems);
    connect(m_document, &Document::saved, this, &YamlPanel::updateTitle);
}

YamlPanel::~YamlPanel() = default;

YamlEditor *YamlPanel::editor() const
{
    return m_ui->yamlEditor;
}

bool YamlPanel::hasPendingEdits() const
{
    return m_uid != kNoObject && m_ui->yamlEditor->toPlainText() != m_appliedText;
}

void YamlPanel::setApplyDelay(int milliseconds)
{
    m_idleTimer->setInterval(milliseconds);
}

void YamlPanel::showObject(ObjectUid uid)
{
    if (uid == m_uid)
        return;
    if (hasPendingEdits() && m_document->entry(m_uid)) {
        // Valid edits are applied on the way out; others wait as a draft for the user's return
        // (unless the object is gone: deleted, or undone away).
        if (!(m_ui->autoApplyCheck->isChecked() && apply()))
            m_drafts.insert(m_uid, m_ui->yamlEditor->toPlainText());
    }
    m_idleTimer->stop();
    m_uid = uid;
    m_changedElsewhere = false;
    const ManifestEntry *e = m_document->entry(uid);
    const QSignalBlocker blocker(m_ui->yamlEditor);
    m_ui->yamlEditor->setEnabled(e != nullptr);
    m_appliedText = e ? QString::fromStdString(e->text()) : QString();
    const QString draft = m_drafts.take(uid);
    m_ui->yamlEditor->setPlainText(draft.isNull() ? m_appliedText : draft);
    updateTitle();
    if (hasPendingEdits())
        checkDraft();
    else
        showValidatorProblems();
}

void YamlPanel::updateTitle()
{
    const ManifestEntry *e = m_document->entry(m_uid);
    if (!e) {
        m_ui->titleLabel->setText(tr("No object selected"));
        return;
    }
    // Where the text is in its file (as `validate` counts lines), until it is edited.
    QString where;
    if (!e->file.isEmpty() && e->lineInFile > 0)
        where = QStringLiteral("%1:%2").arg(QFileInfo(e->file).fileName()).arg(e->lineInFile);
    else if (e->dirty)
        where = tr("edited, not saved");
    m_ui->titleLabel->setText(QStringLiteral("<b>%1</b>%2").arg(
        e->identity.displayName().toHtmlEscaped(),
        where.isEmpty() ? QString() : QStringLiteral(" &nbsp;<span style=\"color:gray\">%1</span>").arg(where.toHtmlEscaped())));
}

void YamlPanel::onTextEdited()
{
    if (m_updating || m_uid == kNoObject)
        return;
    m_idleTimer->start();
    updateStatus();
}

bool YamlPanel::apply()
{
    m_idleTimer->stop();
    if (!hasPendingEdits())
        return true;
    if (!m_document->entry(m_uid))
        return false;
    emu::api::Diagnostics errors;
    const std::string text = m_ui->yamlEditor->toPlainText().toStdString();
    const ObjectUid uid = m_uid;
    m_appliedText = m_ui->yamlEditor->toPlainText(); // what the document will hold
    if (!m_controller->editObject(uid, text, &errors)) {
        m_appliedText = QString::fromStdString(m_document->entry(uid)->text());
        m_ui->yamlEditor->setProblems(lineProblems(errors));
        updateStatus(tr("Not applied: the text is not one valid YAML object."));
        return false;
    }
    m_changedElsewhere = false;
    updateStatus(tr("Applied."));
    return true;
}

void YamlPanel::revert()
{
    m_idleTimer->stop();
    m_changedElsewhere = false;
    const ManifestEntry *e = m_document->entry(m_uid);
    m_appliedText = e ? QString::fromStdString(e->text()) : QString();
    m_updating = true;
    m_ui->yamlEditor->replaceTextKeepingCursor(m_appliedText);
    m_updating = false;
    showValidatorProblems();
}

void YamlPanel::showLine(ObjectUid uid, int line, int column)
{
    showObject(uid);
    if (uid == m_uid)
        m_ui->yamlEditor->goToLine(line, column);
}

void YamlPanel::onObjectChanged(ObjectUid uid)
{
    if (uid != m_uid)
        return;
    const ManifestEntry *e = m_document->entry(uid);
    const QString text = QString::fromStdString(e->text());
    updateTitle();
    if (text == m_appliedText && !hasPendingEdits())
        return;
    if (hasPendingEdits() && m_ui->yamlEditor->toPlainText() != text) {
        // The user's unapplied edits win until they apply or revert.
        m_changedElsewhere = true;
        m_appliedText = text;
        updateStatus();
        return;
    }
    m_appliedText = text;
    m_updating = true;
    m_ui->yamlEditor->replaceTextKeepingCursor(text);
    m_updating = false;
    updateStatus();
}

void YamlPanel::checkDraft()
{
    const ManifestEntry *e = m_document->entry(m_uid);
    if (!e)
        return;
    ObjectContent content = ObjectText::parse(m_ui->yamlEditor->toPlainText().toStdString(),
                                              e->file.toStdString());
    emu::api::Diagnostics diagnostics = content.parseDiagnostics;
    if (content.isObject())
        emu::sim::validateProject({{content.object, e->file.toStdString(), {}, {}}}, diagnostics);
    m_ui->yamlEditor->setProblems(lineProblems(diagnostics));
    updateStatus();
}

void YamlPanel::showValidatorProblems()
{
    if (hasPendingEdits())
        return; // the draft's own check is shown
    std::vector<YamlEditor::LineProblem> problems;
    for (const Problem &p : m_validator->problemsFor(m_uid))
        problems.push_back({int(qMax(1u, p.pos.line)), int(p.pos.column), p.isError(), p.text()});
    m_ui->yamlEditor->setProblems(std::move(problems));
    updateStatus();
}

void YamlPanel::updateStatus(const QString &message)
{
    const bool pending = hasPendingEdits();
    m_ui->applyButton->setEnabled(pending);
    m_ui->revertButton->setEnabled(pending);
    int errors = 0;
    int warnings = 0;
    for (const auto &p : m_ui->yamlEditor->problems())
        (p.error ? errors : warnings)++;
    QStringList parts;
    if (!message.isEmpty())
        parts << message;
    if (m_changedElsewhere)
        parts << tr("Changed elsewhere: Apply overwrites, Revert reloads.");
    else if (pending)
        parts << tr("Edited, not applied yet.");
    if (errors || warnings)
        parts << tr("%n error(s)", nullptr, errors) + QStringLiteral(", ")
                     + tr("%n warning(s)", nullptr, warnings);
    m_ui->statusLabel->setText(parts.join(QStringLiteral("  ")));
}

bool YamlPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Without pending edits, Undo and Redo in the editor are the project's (Edit menu):
    // the text's own history would only re-apply old states as new edits.
    if (watched == m_ui->yamlEditor && event->type() == QEvent::ShortcutOverride && !hasPendingEdits()) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace app::panels
