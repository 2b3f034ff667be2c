// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocfilter.h"
#include "ui/iocfilterproxymodel.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

/// The filter bar above the IOC table: a line edit for the language of `iocctl ps --filter`
/// (key completion, inline error with a red frame and the parser's message below it) and
/// one-click status toggles. It parses with IocFilter; it never filters itself.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_lineEdit; }
    QString text() const;
    void setText(const QString &text);
    /// The last valid filter (an invalid text does not replace it).
    IocFilter filter() const { return m_filter; }
    bool isTextValid() const { return m_valid; }
    QString errorText() const;

    /// The filter language explained (rich text): every key with its values, operators,
    /// alternatives, globs, quoting, examples. What the help button and Help ▸ Filter Language
    /// show.
    static QString helpText();
    /// Shows helpText() in a bubble below the filter bar (closes with a click or Esc).
    void showHelp();
    QToolButton *helpButton() const { return m_helpButton; }

    IocFilterProxyModel::StatusToggle statusToggle() const { return m_toggle; }
    void setStatusToggle(IocFilterProxyModel::StatusToggle toggle);

    /// Saved filters ("views"): the file shared with `iocctl -f @NAME` (SavedFilters);
    /// SavedFilters::defaultPath() unless set.
    QString savedFiltersPath() const { return m_savedFiltersPath; }
    void setSavedFiltersPath(const QString &path) { m_savedFiltersPath = path; }
    /// The "Views" button's menu: the saved filters (picking one sets the text and the status
    /// toggle), "Save Current Filter…" and "Remove" (read from the file each time it opens).
    QToolButton *savedFiltersButton() const { return m_savedButton; }
    /// Saves the current text and status toggle as @p name (replacing one of that name).
    /// False with *error for a bad name, an invalid text or a file that cannot be written.
    bool saveCurrentFilter(const QString &name, QString *error = nullptr);
    /// Sets the text and status toggle of the saved filter @p name; false with *error.
    bool applySavedFilter(const QString &name, QString *error = nullptr);
    /// Asks for a name (non-modal), then saveCurrentFilter(); errors go to errorOccurred().
    void showSaveFilterDialog();
    /// The status toggle as SavedFilters stores it ("", "running", "not-running", "failed").
    static QString statusName(IocFilterProxyModel::StatusToggle toggle);

signals:
    /// A valid filter was entered.
    void filterChanged(const IocFilter &filter);
    void statusToggleChanged(IocFilterProxyModel::StatusToggle toggle);
    /// A saved filter could not be read, saved or removed; for the message bar.
    void errorOccurred(const QString &message);

private:
    void handleTextChanged(const QString &text);
    void fillSavedMenu();
    void removeSavedFilter(const QString &name);
    QToolButton *addToggle(const QString &text, const QString &toolTip,
                           IocFilterProxyModel::StatusToggle toggle);

    QLineEdit *m_lineEdit;
    QLabel *m_errorLabel;
    QButtonGroup *m_toggleGroup;
    QToolButton *m_helpButton;
    QToolButton *m_savedButton;
    QMenu *m_savedMenu;
    QString m_savedFiltersPath;
    IocFilter m_filter;
    bool m_valid = true;
    IocFilterProxyModel::StatusToggle m_toggle = IocFilterProxyModel::StatusToggle::All;
};
