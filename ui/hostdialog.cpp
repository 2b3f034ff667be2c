#include "ui/hostdialog.h"

#include "core/hosts/host.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

HostDialog::HostDialog(QWidget *parent)
    : QDialog(parent)
    , m_hostEdit(new QLineEdit(this))
    , m_userCheck(new QCheckBox(tr("The remote user's own IOCs (user manager)"), this))
    , m_errorLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Host"));
    m_hostEdit->setObjectName(QStringLiteral("hostLineEdit"));
    m_hostEdit->setPlaceholderText(tr("[user@]host[:port]"));
    m_hostEdit->setToolTip(tr("Reached with your own ssh setup (~/.ssh/config, agent, "
                              "known_hosts). The host key must already be known."));
    m_userCheck->setObjectName(QStringLiteral("userManagerCheckBox"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_errorLabel->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_hostEdit);
    form->addRow(QString(), m_userCheck);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    connect(m_hostEdit, &QLineEdit::textChanged, this, &HostDialog::validate);
    connect(m_userCheck, &QCheckBox::toggled, this, &HostDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString HostDialog::spec() const
{
    QString spec = m_hostEdit->text().trimmed();
    if (m_userCheck->isChecked() && !spec.endsWith(QLatin1String("/user")))
        spec += QStringLiteral("/user");
    return spec;
}

void HostDialog::setSpec(const QString &spec)
{
    QString text = spec;
    const bool user = text.endsWith(QLatin1String("/user"));
    if (user)
        text.chop(5);
    m_hostEdit->setText(text);
    m_userCheck->setChecked(user);
}

void HostDialog::validate()
{
    QString error;
    const QString text = m_hostEdit->text().trimmed();
    bool ok = false;
    if (text.isEmpty()) {
        error.clear(); // nothing typed yet: no complaint, just no OK
    } else if (text == QLatin1String("system") || text == QLatin1String("user")
               || text.startsWith(QLatin1String("bus:"))) {
        error = tr("Enter a remote host; this machine's managers are chosen on the command line.");
    } else if (!Host::isValidSpec(spec(), &error)) {
        // error says why
    } else if (m_existing.contains(spec())) {
        error = tr("%1 is already in the list.").arg(spec());
    } else {
        ok = true;
    }
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}
