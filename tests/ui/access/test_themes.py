"""Themes, large type and traditional characters: applied to the palette, the article and the lists, and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from healthreader.ui.access import theme
from healthreader.ui.access.controller import LARGE_TEXT_FACTOR, LARGE_UI_FACTOR

BASE = QPalette.ColorRole.Base


def _close(window) -> None:
    window.close()  # saves its state; pytest-qt deletes it at the end of the test


def test_each_theme_sets_the_palette_and_the_article_colours(make_window) -> None:
    window = make_window("alpha")
    assert theme.PALETTES[theme.LIGHT].base in QApplication.palette().color(BASE).name()
    window.actions_["theme_dark"].trigger()
    assert QApplication.palette().color(BASE).name() == theme.PALETTES[theme.DARK].base
    assert "#a8d4f0" in window.viewer.document().defaultStyleSheet()  # headings in light blue on dark
    window.actions_["theme_contrast"].trigger()
    assert QApplication.palette().color(BASE).name() == "#000000"
    assert QApplication.palette().color(QPalette.ColorRole.Text).name() == "#ffffff"
    assert "#0b3d5c" not in window.viewer.document().defaultStyleSheet()
    assert ":focus" in QApplication.instance().styleSheet()  # the focus ring
    assert window.settings.get("theme") == "contrast"
    assert window.actions_["theme_contrast"].isChecked() and not window.actions_["theme_dark"].isChecked()


def test_the_system_colour_scheme_is_followed_until_the_reader_picks(make_window, monkeypatch) -> None:
    from healthreader.ui.access.controller import AccessibilityController

    window = make_window("alpha")
    controller = window.findChild(AccessibilityController)
    # The offscreen platform has no colour scheme of its own: pretend the desktop switched to dark.
    monkeypatch.setattr(controller, "system_scheme", lambda: Qt.ColorScheme.Dark)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().color(BASE).name() == theme.PALETTES[theme.DARK].base
    window.actions_["theme_light"].trigger()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().color(BASE).name() == theme.PALETTES[theme.LIGHT].base


def test_large_type_grows_menus_and_article_together_and_is_remembered(make_window) -> None:
    window = make_window("alpha")
    ui_before = QApplication.font().pointSizeF()
    text_before = window.viewer.base_font().pointSizeF()
    window.actions_["large_type"].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(ui_before * LARGE_UI_FACTOR)
    assert window.viewer.base_font().pointSizeF() == pytest.approx(text_before * LARGE_TEXT_FACTOR)
    assert window.search_box.font().pointSizeF() == pytest.approx(ui_before * LARGE_UI_FACTOR)
    _close(window)
    again = make_window("alpha")
    assert again.actions_["large_type"].isChecked()
    assert again.viewer.base_font().pointSizeF() == pytest.approx(text_before * LARGE_TEXT_FACTOR)


def test_traditional_characters_convert_the_text_but_not_the_links(make_window) -> None:
    window = make_window("alpha")
    anchors = window.viewer.section_anchors()
    sections = [window.sidebar.sections.item(i).text() for i in range(window.sidebar.sections.count())]
    window.actions_["traditional"].trigger()
    text = window.viewer.toPlainText()
    assert "面部肌肉萎縮測試文章" in text and "萎缩" not in text
    assert window.viewer.section_anchors() == anchors  # ids and hrefs keep their simplified spelling
    assert "萎縮" in window.windowTitle()
    assert window.sidebar.sections.item(0).text() != sections[0] or sections[0].isascii()
    window.sidebar.sections.setCurrentRow(1)
    window.sidebar.sections.itemClicked.emit(window.sidebar.sections.item(1))
    assert window.viewer.current_section() == anchors[1]
    window.actions_["traditional"].trigger()
    assert "面部肌肉萎缩测试文章" in window.viewer.toPlainText()
    assert [window.sidebar.sections.item(i).text() for i in range(window.sidebar.sections.count())] == sections
    assert window.settings.get("traditional") is False


def test_traditional_setting_chooses_the_zh_tw_interface(make_window) -> None:
    from healthreader.ui.common.i18n import choose_language

    assert choose_language("auto", "zh-Hans", traditional=True) in ("zh_TW", "en")
    window = make_window("alpha")
    window.actions_["traditional"].trigger()
    _close(window)
    again = make_window("alpha")
    assert again.menuBar().actions()[0].text() == "檔案(&F)"


@pytest.mark.parametrize("action", ["theme_dark", "theme_contrast"])
def test_the_info_bar_is_in_the_themes_colours(qtbot, make_window, action) -> None:
    """The bar above the article (已收藏：…) kept its cream background in the dark and high-contrast
    themes: a bright stripe over a dark window, its dark 关闭 button on cream (Xvfb journeys)."""
    from PySide6.QtGui import QColor, QImage

    window = make_window("alpha", size=(1000, 700))
    window.actions_[action].trigger()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    bar = window.infobar
    assert bar.isVisible() and ("已收藏" in bar.text() or "Bookmarked" in bar.text())
    QApplication.processEvents()
    image = bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # Between the text and the button: the bar's own background.
    label = bar.label.geometry()
    background = QColor(image.pixel(label.right() - 2, bar.height() // 2))
    window_colour = QColor(theme.PALETTES[theme.DARK if action == "theme_dark" else theme.CONTRAST].window)
    assert background.lightnessF() < 0.35, (background.name(), window_colour.name())
    # The text as drawn: the label's pixel farthest from the background.
    drawn = {QColor(image.pixel(x, y)).name() for x in range(label.left(), label.right(), 2)
             for y in range(label.top(), label.bottom(), 2)}  # fmt: skip
    text = max(drawn, key=lambda c: theme.contrast_ratio(c, background.name()))
    ratio = theme.contrast_ratio(text, background.name())
    assert ratio >= (7.0 if action == "theme_contrast" else 4.5), (text, background.name(), ratio)


def _max_contrast(image, rect, against: str) -> float:
    from PySide6.QtGui import QColor

    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1, 2)
    }
    return max(theme.contrast_ratio(c, against) for c in colours)


def test_in_high_contrast_scroll_bars_and_the_chosen_tab_stand_out(qtbot, make_window) -> None:
    """Fusion draws scroll bars and tab frames in shades of the window's colour: on black, black, so
    a high-contrast reader saw neither where a list was scrolled to nor which sidebar tab was open."""
    from PySide6.QtGui import QColor, QImage

    from tests.conftest import REAL_LIBRARY

    window = make_window("facial-muscle-atrophy", dirs=[REAL_LIBRARY], size=(1000, 700))
    window.actions_["theme_contrast"].trigger()
    qtbot.wait(50)
    bar = window.viewer.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    image = bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # Between the arrows (white already): the groove and the slider, which shows where the page is.
    track = bar.rect().adjusted(0, bar.width(), -1, -bar.width() - 1)
    assert _max_contrast(image, track, "#000000") >= 7.0

    tabs = window.sidebar.tabBar()
    image = tabs.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    chosen, other = tabs.tabRect(tabs.currentIndex()), tabs.tabRect(1 - tabs.currentIndex())
    # A point in each tab's padding, clear of its label: the chosen one is another colour.
    chosen_colour = QColor(image.pixel(chosen.left() + 4, chosen.center().y())).name()
    other_colour = QColor(image.pixel(other.left() + 4, other.center().y())).name()
    assert theme.contrast_ratio(chosen_colour, other_colour) >= 3.0, (chosen_colour, other_colour)
