// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/themecolors.h"

#include <QEvent>
#include <QGuiApplication>
#include <QWidget>

#include <array>
#include <cmath>

namespace {

double channel(double value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
            + 0.0722 * channel(rgb.blueF());
}

// The tones' hues, as the message bar and iocctl show them.
QColor hue(ThemeColors::Tone tone)
{
    switch (tone) {
    case ThemeColors::Tone::Information:
        return QColor(0x2f, 0x7f, 0xc1);
    case ThemeColors::Tone::Success:
        return QColor(0x2e, 0x9b, 0x4a);
    case ThemeColors::Tone::Warning:
        return QColor(0xd0, 0x8a, 0x10);
    case ThemeColors::Tone::Error:
        return QColor(0xd0, 0x45, 0x3a);
    }
    return {};
}

// @p color made lighter (on a dark palette) or darker until it reaches @p ratio against
// both backgrounds; its hue stays.
QColor readable(QColor color, const QColor &first, const QColor &second, bool dark, double ratio)
{
    for (int step = 0; step < 40; ++step) {
        if (ThemeColors::contrast(color, first) >= ratio
            && ThemeColors::contrast(color, second) >= ratio)
            break;
        using Component = decltype(color.redF()); // qreal in Qt 5, float in Qt 6
        Component h, s, l, a;
        color.getHslF(&h, &s, &l, &a);
        l = dark ? qMin(Component(1), Component(l + 0.03))
                 : qMax(Component(0), Component(l - 0.03));
        color.setHslF(h, s, l, a);
    }
    return color;
}

/// Keeps a widget's tone colours current when the palette it inherits changes (the desktop
/// switching to dark reaches it as PaletteChange from its window). Setting the colours sends
/// PaletteChange too: the guard and the comparison keep that from starting again.
class ToneKeeper : public QObject
{
    Q_OBJECT
public:
    ToneKeeper(QWidget *widget, ThemeColors::Tone tone, bool filled)
        : QObject(widget)
        , m_widget(widget)
        , m_tone(tone)
        , m_filled(filled)
    {
        widget->installEventFilter(this);
        apply();
    }

    void setTone(ThemeColors::Tone tone, bool filled)
    {
        m_tone = tone;
        m_filled = filled;
        apply();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && !m_applying
            && (event->type() == QEvent::PaletteChange
                || event->type() == QEvent::ApplicationPaletteChange
                || event->type() == QEvent::ParentChange))
            apply();
        return false;
    }

private:
    void apply()
    {
        const QWidget *parent = m_widget->parentWidget();
        const QPalette inherited = parent ? parent->palette() : QGuiApplication::palette();
        QPalette palette; // only the roles set here override what the parent gives
        if (m_filled) {
            palette.setColor(QPalette::Window, ThemeColors::background(m_tone, inherited));
            palette.setColor(QPalette::WindowText, ThemeColors::textOn(m_tone, inherited));
        } else {
            const QColor color = ThemeColors::text(m_tone, inherited);
            palette.setColor(QPalette::WindowText, color);
            palette.setColor(QPalette::Text, color);
        }
        const QPalette shown = m_widget->palette();
        if (shown.color(QPalette::Window) == palette.color(QPalette::Window) && m_filled
            && shown.color(QPalette::WindowText) == palette.color(QPalette::WindowText))
            return;
        if (!m_filled && shown.color(QPalette::WindowText) == palette.color(QPalette::WindowText)
            && shown.color(QPalette::Text) == palette.color(QPalette::Text))
            return;
        m_applying = true;
        m_widget->setPalette(palette);
        m_applying = false;
    }

    QWidget *m_widget;
    ThemeColors::Tone m_tone;
    bool m_filled;
    bool m_applying = false;
};

void keepTone(QWidget *widget, ThemeColors::Tone tone, bool filled)
{
    if (auto *keeper = widget->findChild<ToneKeeper *>(QString(), Qt::FindDirectChildrenOnly))
        keeper->setTone(tone, filled);
    else
        new ToneKeeper(widget, tone, filled);
}

} // namespace

QPalette ThemeColors::darkPalette()
{
    QPalette dark;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x3d, 0x7a, 0xd6);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, disabled);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::red);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    dark.setColor(QPalette::Highlight, highlight);
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    dark.setColor(QPalette::Mid, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    dark.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        dark.setColor(QPalette::Disabled, role, disabled);
    return dark;
}

bool ThemeColors::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window))
            < luminance(palette.color(QPalette::WindowText));
}

double ThemeColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor ThemeColors::text(Tone tone, const QPalette &palette)
{
    return readable(hue(tone), palette.color(QPalette::Base), palette.color(QPalette::Window),
                    isDark(palette), 4.5);
}

QColor ThemeColors::text(Tone tone)
{
    static qint64 key = -1;
    static std::array<QColor, 4> colors;
    const QPalette palette = QGuiApplication::palette();
    if (palette.cacheKey() != key) {
        key = palette.cacheKey();
        for (const Tone each : { Tone::Information, Tone::Success, Tone::Warning, Tone::Error })
            colors[size_t(each)] = text(each, palette);
    }
    return colors[size_t(tone)];
}

QColor ThemeColors::accent(Tone tone, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    return readable(hue(tone), window, window, isDark(palette), 3.0); // non-text: 3:1
}

QColor ThemeColors::background(Tone tone, const QPalette &palette)
{
    // A tint of the tone over the window's background: pale on light, deep on dark.
    const QColor base = palette.color(QPalette::Base);
    const QColor tint = hue(tone);
    const double share = isDark(palette) ? 0.35 : 0.3;
    QColor mixed;
    mixed.setRgbF(base.redF() * (1 - share) + tint.redF() * share,
                  base.greenF() * (1 - share) + tint.greenF() * share,
                  base.blueF() * (1 - share) + tint.blueF() * share);
    return mixed;
}

QColor ThemeColors::textOn(Tone tone, const QPalette &palette)
{
    const QColor back = background(tone, palette);
    const QColor text = palette.color(QPalette::Text);
    if (contrast(text, back) >= 4.5)
        return text;
    return contrast(Qt::black, back) > contrast(Qt::white, back) ? QColor(Qt::black)
                                                                 : QColor(Qt::white);
}

void ThemeColors::setForeground(QWidget *widget, Tone tone)
{
    keepTone(widget, tone, false);
}

void ThemeColors::setBackground(QWidget *widget, Tone tone)
{
    keepTone(widget, tone, true);
}

#include "themecolors.moc"
