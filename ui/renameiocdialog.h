// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/iocwriter.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

/// Asks for an IOC's new name and shows what renaming does (IocWriter::planRename(): the
/// folder and unit moved, the config rewritten, the systemd calls), planned again ~200 ms after
/// the last key; Rename is enabled only for a plan without errors that matches the name typed.
class RenameIocDialog : public QDialog
{
    Q_OBJECT
public:
    RenameIocDialog(const Ioc &ioc, const IocWriter &writer, QWidget *parent = nullptr);

    Ioc ioc() const { return m_ioc; }
    IocPlan plan() const { return m_plan; }
    QLineEdit *nameLineEdit() const { return m_nameEdit; }
    QString previewText() const;
    QString errorText() const;
    QPushButton *renameButton() const { return m_renameButton; }

signals:
    void planUpdated();

private:
    void replan();

    Ioc m_ioc;
    IocWriter m_writer;
    IocPlan m_plan;
    QLineEdit *m_nameEdit;
    QPlainTextEdit *m_preview;
    QLabel *m_errorLabel;
    QPushButton *m_renameButton;
    QTimer *m_replanTimer;
};
