// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "document/object_uid.h"

#include "emulator/api/value.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLineEdit;
class QSpinBox;
class QComboBox;

namespace Ui { class PropertyPanel; }

namespace app::document {
class Document;
class DocumentController;
class SelectionModel;
} // namespace app::document

namespace app::panels {

class KeyValueTable;
class RecordTable;

/// The common fields of the selected object, by kind: name, namespace and labels; replicas
/// and selector; the container's image, requests, limits and ports; node selector and
/// tolerations; a Service's type, selector and ports; node capacity, zone and taints (Node
/// and NodePool); a claim's class and size.
///
/// Input is validated as typed with the API server's rules: an invalid value is shown red
/// with the reason and is not applied; a valid one is applied at once through
/// DocumentController::setField (typing in one field is one undo step), which keeps the
/// rest of the object's YAML, comments and unknown fields included.
class PropertyPanel : public QWidget
{
    Q_OBJECT

public:
    PropertyPanel(document::DocumentController *controller, document::SelectionModel *selection,
                  QWidget *parent = nullptr);
    ~PropertyPanel() override;

    document::ObjectUid object() const { return m_uid; }
    /// The problem shown for the last invalid input, "" when all input is valid.
    QString problem() const;

private:
    using PathFn = std::function<QString()>;
    struct LineBinding
    {
        QLineEdit *edit;
        PathFn path;
        std::function<QString(const QString &)> validate; ///< the problem, "" if valid
        std::function<std::optional<emu::api::Value>(const QString &)> toValue; ///< nullopt: remove
        std::function<QString(const emu::api::Value *)> toText;
    };

    void showObject(document::ObjectUid uid);
    void refresh();
    void updateVisibility();
    void refreshNamespaces();
    void refreshContainers();
    const emu::api::Value *valueAt(const QString &path) const;
    void apply(const QString &path, const std::optional<emu::api::Value> &value);
    void showProblem(QWidget *widget, const QString &problem);

    // Bindings (property_bindings.cpp)
    void createBindings();
    void bindLine(QLineEdit *edit, PathFn path, std::function<QString(const QString &)> validate,
                  std::function<std::optional<emu::api::Value>(const QString &)> toValue,
                  std::function<QString(const emu::api::Value *)> toText);
    void bindQuantity(QLineEdit *edit, PathFn path, bool wholeNumber = false);
    void bindKeyValue(KeyValueTable *table, PathFn path);
    void bindRecords(RecordTable *table, PathFn path);
    void bindSpin(QSpinBox *spin, PathFn path);
    void bindIdentity();
    void bindCombos();
    QString podSpecPath() const;
    QString containerPath() const;
    bool isKind(std::initializer_list<const char *> kinds) const;

    std::unique_ptr<Ui::PropertyPanel> m_ui;
    document::DocumentController *m_controller;
    document::Document *m_document;
    document::ObjectUid m_uid = document::kNoObject;
    std::string m_kind;
    int m_container = 0;
    std::vector<LineBinding> m_lines;
    std::vector<std::pair<KeyValueTable *, PathFn>> m_keyValues;
    std::vector<std::pair<RecordTable *, PathFn>> m_records;
    std::vector<std::pair<QSpinBox *, PathFn>> m_spins;
    std::vector<std::pair<QWidget *, QString>> m_problems; ///< invalid inputs, by widget
    bool m_refreshing = false;
};

} // namespace app::panels
