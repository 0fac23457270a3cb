// SPDX-License-Identifier: Apache-2.0
#include "edit_actions.h"

#include "document/document.h"
#include "document/document_controller.h"
#include "document/object_templates.h"
#include "document/object_text.h"
#include "document/relation_resolver.h"
#include "document/selection_model.h"
#include "panels/kind_icon.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace app {

using namespace app::document;

namespace {

// The clipboard holds plain YAML (for text editors) and the same text under our own type.
const QString kObjectsMimeType = QStringLiteral("application/x-kubecanvas-yaml");
// More references than this are summarised, so the question stays readable.
constexpr int kMaxListedReferences = 12;

QAction *makeAction(QObject *parent, const QString &text, QKeySequence::StandardKey key)
{
    auto *action = new QAction(text, parent);
    action->setShortcut(key);
    return action;
}

} // namespace

EditActions::EditActions(DocumentController *controller, SelectionModel *selection, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_selection(selection)
    , m_window(window)
    , m_cut(makeAction(this, tr("Cu&t"), QKeySequence::Cut))
    , m_copy(makeAction(this, tr("&Copy"), QKeySequence::Copy))
    , m_paste(makeAction(this, tr("&Paste"), QKeySequence::Paste))
    , m_duplicate(new QAction(tr("D&uplicate"), this))
    , m_delete(makeAction(this, tr("&Delete"), QKeySequence::Delete))
    , m_selectAll(makeAction(this, tr("Select &All"), QKeySequence::SelectAll))
{
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_cut, &QAction::triggered, this, &EditActions::cut);
    connect(m_copy, &QAction::triggered, this, &EditActions::copy);
    connect(m_paste, &QAction::triggered, this, &EditActions::paste);
    connect(m_duplicate, &QAction::triggered, this, &EditActions::duplicate);
    connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelection);
    connect(m_selectAll, &QAction::triggered, this, &EditActions::selectAll);
    connect(m_selection, &SelectionModel::selectionChanged, this, &EditActions::updateEnabled);
    m_confirm = [this](const QString &question, const QString &details) {
        QMessageBox box(QMessageBox::Warning, tr("Delete"), question,
                        QMessageBox::Cancel, m_window);
        box.setInformativeText(details);
        box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        return box.exec() != QMessageBox::Cancel;
    };
    updateEnabled();
}

QWidget *EditActions::textFocus() const
{
    QWidget *w = QApplication::focusWidget();
    if (qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w)
        || qobject_cast<QTextEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w))
        return w;
    return nullptr;
}

void EditActions::updateEnabled()
{
    // Cut, copy and delete stay enabled: with a text field focused they act on its text.
    m_duplicate->setEnabled(!m_selection->selection().isEmpty());
}

void EditActions::copy()
{
    if (QWidget *text = textFocus()) {
        QMetaObject::invokeMethod(text, "copy");
        return;
    }
    std::string yaml;
    for (ObjectUid uid : m_selection->selection()) {
        const ManifestEntry *e = m_controller->document()->entry(uid);
        if (!e)
            continue;
        if (!yaml.empty())
            yaml += yaml.back() == '\n' ? "---\n" : "\n---\n";
        yaml += e->text();
    }
    if (yaml.empty())
        return;
    auto *mime = new QMimeData;
    mime->setText(QString::fromStdString(yaml));
    mime->setData(kObjectsMimeType, QByteArray::fromStdString(yaml));
    QGuiApplication::clipboard()->setMimeData(mime);
}

void EditActions::cut()
{
    if (QWidget *text = textFocus()) {
        QMetaObject::invokeMethod(text, "cut");
        return;
    }
    copy();
    deleteSelection();
}

ObjectUids EditActions::paste()
{
    if (QWidget *text = textFocus()) {
        QMetaObject::invokeMethod(text, "paste");
        return {};
    }
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return {};
    const QByteArray yaml = mime->hasFormat(kObjectsMimeType) ? mime->data(kObjectsMimeType)
                                                              : mime->text().toUtf8();
    QString error;
    const ObjectUids uids = m_controller->addObjectsFromText(yaml.toStdString(), tr("Paste"), {}, true, &error);
    if (uids.isEmpty() && !error.isEmpty())
        QMessageBox::information(m_window, tr("Paste"), tr("Nothing pasted: %1").arg(error));
    m_selection->select(uids);
    return uids;
}

ObjectUids EditActions::duplicate()
{
    const ObjectUids uids = m_controller->duplicateObjects(m_selection->selection());
    m_selection->select(uids);
    return uids;
}

bool EditActions::deleteSelection()
{
    if (QWidget *text = textFocus()) {
        if (auto *line = qobject_cast<QLineEdit *>(text))
            line->del();
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(text))
            plain->textCursor().deleteChar();
        return false;
    }
    const ObjectUids uids = m_selection->selection();
    if (uids.isEmpty())
        return false;
    const Document &document = *m_controller->document();
    const std::vector<Relation> references = RelationResolver::referencesTo(document, uids);
    if (!references.empty()) {
        QStringList lines;
        for (const Relation &r : references) {
            if (lines.size() == kMaxListedReferences) {
                lines << tr("… and %n more", nullptr, int(references.size()) - kMaxListedReferences);
                break;
            }
            lines << QStringLiteral("%1 %2 %3 (%4)")
                         .arg(document.entry(r.from)->identity.displayName(),
                              RelationResolver::describe(r.kind),
                              document.entry(r.to)->identity.displayName(),
                              QString::fromStdString(r.field));
        }
        const QString question = tr("Other objects refer to what you are deleting. They are kept, "
                                    "and will refer to nothing:");
        if (!m_confirm(question, lines.join('\n')))
            return false;
    }
    return m_controller->removeObjects(uids);
}

void EditActions::selectAll()
{
    if (QWidget *text = textFocus()) {
        QMetaObject::invokeMethod(text, "selectAll");
        return;
    }
    m_selection->select(m_controller->document()->uids());
}

ObjectUid EditActions::addObject(const QString &kind)
{
    const Document &document = *m_controller->document();
    std::string ns;
    if (const ManifestEntry *current = document.entry(m_selection->current()))
        ns = current->identity.namespaceName;
    const std::string base = ObjectTemplates::suggestedName(kind);
    const ObjectIdentity identity =
        ObjectIdentity::fromObject(ObjectText::parse(ObjectTemplates::text(kind, base, ns)).object);
    const std::string text = ObjectTemplates::text(kind, m_controller->freeName(identity), ns);
    const ObjectUids uids = m_controller->addObjectsFromText(text, tr("Add %1").arg(kind), {}, false);
    m_selection->select(uids);
    return uids.isEmpty() ? kNoObject : uids.first();
}

void EditActions::fillAddMenu(QMenu *menu)
{
    for (const QString &kind : ObjectTemplates::kinds()) {
        QAction *action = menu->addAction(panels::kindIcon(kind), tr("New %1").arg(kind));
        action->setObjectName(QStringLiteral("actionAdd") + kind);
        connect(action, &QAction::triggered, this, [this, kind] { addObject(kind); });
    }
}

} // namespace app
