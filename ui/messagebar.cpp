#include "ui/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_closeButton(new QToolButton(this))
    , m_hideTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_textLabel->setObjectName(QStringLiteral("messageLabel"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_textLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolTip(tr("Close message"));
    m_closeButton->setAccessibleName(tr("Close message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);

    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &MessageBar::hideMessage);
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBar::hideMessage);

    hide();
}

void MessageBar::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    m_textLabel->setText(text);
    applyColours();
    show();
    m_hideTimer->stop();
    if (kind == Kind::Success && m_autoHideInterval > 0)
        m_hideTimer->start(m_autoHideInterval);
}

void MessageBar::hideMessage()
{
    m_hideTimer->stop();
    if (isHidden())
        return;
    hide();
    emit closed();
}

QString MessageBar::text() const
{
    return m_textLabel->text();
}

void MessageBar::applyColours()
{
    QColor frame;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Information:
        frame = QColor(0x2f, 0x7f, 0xc1);
        break;
    case Kind::Success:
        frame = QColor(0x2e, 0x9b, 0x4a);
        break;
    case Kind::Warning:
        frame = QColor(0xe5, 0x9a, 0x1c);
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        frame = QColor(0xd0, 0x45, 0x3a);
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    // A light tint of the frame colour over the window background keeps the text readable
    // with light and dark palettes alike.
    const QColor base = palette().color(QPalette::Window);
    QColor tint;
    tint.setRgbF(base.redF() * 0.85 + frame.redF() * 0.15,
                 base.greenF() * 0.85 + frame.greenF() * 0.15,
                 base.blueF() * 0.85 + frame.blueF() * 0.15);
    setStyleSheet(QStringLiteral("QFrame#messageBar { border: 1px solid %1; border-radius: 4px;"
                                 " background-color: %2; }")
                          .arg(frame.name(), tint.name()));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_iconLabel->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
}
