// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/messagebar.h"

#include "ui/themecolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
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
    setFrameShape(QFrame::NoFrame); // paintEvent draws the frame in the kind's colour

    m_textLabel->setObjectName(QStringLiteral("messageLabel"));
    m_textLabel->setWordWrap(false);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_textLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_iconLabel->setFixedSize(iconSize, iconSize);

    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolTip(tr("Close message"));
    m_closeButton->setAccessibleName(tr("Close message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 2, 2);
    layout->addWidget(m_iconLabel, 0, Qt::AlignVCenter);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignVCenter);

    // One line high, and the same space taken while hidden: nothing around it moves.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);

    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &MessageBar::hideMessage);
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBar::hideMessage);

    hide();
}

void MessageBar::showMessage(const QString &text, Kind kind, const QString &subject,
                             const QString &action)
{
    m_kind = kind;
    m_text = text;
    updateText();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (kind == Kind::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (kind == Kind::Error)
        icon = QStyle::SP_MessageBoxCritical;
    m_iconLabel->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    show();
    update();
    m_hideTimer->stop();
    if (kind == Kind::Success && m_autoHideInterval > 0)
        m_hideTimer->start(m_autoHideInterval);

    const Entry entry{ QDateTime::currentDateTime(), kind, text, subject, action };
    m_history << entry;
    if (m_history.size() > MaximumHistory)
        m_history.removeFirst();
    emit messageAdded(entry);
}

void MessageBar::hideMessage()
{
    m_hideTimer->stop();
    if (isHidden())
        return;
    hide();
    emit closed();
}

QString MessageBar::shownText() const
{
    return m_textLabel->text();
}

void MessageBar::updateText()
{
    // Several lines (a list of failures) become one; the tool tip and the history keep them.
    QString line = m_text;
    line.replace(QLatin1Char('\n'), QStringLiteral(" · "));
    const int width = qMax(0, m_textLabel->contentsRect().width());
    m_textLabel->setText(m_textLabel->fontMetrics().elidedText(line, Qt::ElideRight, width));
    m_textLabel->setToolTip(m_text);
}

void MessageBar::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateText();
}

QColor MessageBar::frameColor() const
{
    // Stands out from the window's background, light or dark.
    switch (m_kind) {
    case Kind::Information:
        return ThemeColors::accent(ThemeColors::Tone::Information, palette());
    case Kind::Success:
        return ThemeColors::accent(ThemeColors::Tone::Success, palette());
    case Kind::Warning:
        return ThemeColors::accent(ThemeColors::Tone::Warning, palette());
    case Kind::Error:
        return ThemeColors::accent(ThemeColors::Tone::Error, palette());
    }
    return {};
}

QColor MessageBar::backgroundColor() const
{
    // A light tint of the frame colour over the window background keeps the text readable
    // with light and dark palettes alike. The base is the palette's, which nothing here
    // changes: no colour carries over from one message to the next.
    const QColor base = palette().color(QPalette::Window);
    const QColor frame = frameColor();
    QColor tint;
    tint.setRgbF(base.redF() * 0.85 + frame.redF() * 0.15,
                 base.greenF() * 0.85 + frame.greenF() * 0.15,
                 base.blueF() * 0.85 + frame.blueF() * 0.15);
    return tint;
}

void MessageBar::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(frameColor());
    painter.setBrush(backgroundColor());
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

QString MessageBar::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Information:
        return tr("Information");
    case Kind::Success:
        return tr("Done");
    case Kind::Warning:
        return tr("Warning");
    case Kind::Error:
        return tr("Error");
    }
    return {};
}
