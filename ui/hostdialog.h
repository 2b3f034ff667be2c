#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Asks for a host to add: `[USER@]HOST[:PORT]` and whether to show the remote user's own
/// systemd manager instead of the system manager. Validation is Host::isValidSpec(); OK is
/// enabled only for a valid spec, and the reason is shown inline otherwise.
class HostDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HostDialog(QWidget *parent = nullptr);

    /// The host spec for Host::fromSpec(), "/user" appended when asked for.
    QString spec() const;
    void setSpec(const QString &spec);
    /// Ids of hosts already shown: adding one of them again is refused.
    void setExistingIds(const QStringList &ids) { m_existing = ids; }

private:
    void validate();

    QLineEdit *m_hostEdit;
    QCheckBox *m_userCheck;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QStringList m_existing;
};
