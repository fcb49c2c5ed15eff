"""Every action has an icon of our own set, drawn in the theme's text colour: the toolbar's icons stand
out from its background in the light, dark and high-contrast themes, on screen, not only in a file."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QToolButton

from healthreader.paths import resource
from healthreader.ui.access.theme import contrast_ratio
from healthreader.ui.common.actions import specs

TEXT_ONLY = {"zoom_in", "zoom_out", "zoom_reset"}  # A+, A, A− on the toolbar: letters are their picture


def icon_contrast(button: QToolButton) -> float:
    """The strongest contrast between the icon's pixels and the button's background, as drawn."""
    QApplication.processEvents()
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    background = QColor(image.pixel(1, image.height() // 2)).name()
    size = button.iconSize()
    assert not button.icon().isNull(), f"{button.text()} has no icon"
    # Fusion draws the icon at the left, the text after it, or the icon alone in the middle: look at the
    # icon's columns only, so that a button's text never stands in for a missing icon.
    right = (
        size.width() + 4
        if button.text() and button.toolButtonStyle() != button.toolButtonStyle().ToolButtonIconOnly
        else image.width()
    )
    best = 1.0
    for x in range(0, min(right, image.width())):
        for y in range(0, image.height()):
            colour = QColor(image.pixel(x, y)).name()
            if colour != background:
                best = max(best, contrast_ratio(colour, background))
    return best


def test_every_action_has_an_icon_from_our_own_set(make_window) -> None:
    window = make_window("alpha")
    for spec in specs():
        icon = window.actions_[spec.id].icon()
        assert not icon.isNull(), spec.id
        name = icon.name()
        assert name.startswith("healthreader:"), (spec.id, name)  # never Qt's folder for Home, say
        assert resource("icons", name.split(":", 1)[1] + ".svg").is_file()


@pytest.mark.parametrize("theme_action", ["theme_light", "theme_dark", "theme_contrast"])
def test_toolbar_icons_stand_out_in_every_theme(make_window, theme_action) -> None:
    window = make_window("alpha")
    window.actions_[theme_action].trigger()
    checked = 0
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        if not isinstance(button, QToolButton) or action.isSeparator() or not button.isVisible():
            continue
        spec_id = action.objectName().removeprefix("action_")
        if spec_id in TEXT_ONLY:
            continue
        ratio = icon_contrast(button)
        wanted = 3.0 if action.isEnabled() else 1.8  # WCAG's 3:1 for graphics; a greyed button still shows
        assert ratio >= wanted, f"{spec_id} in {theme_action}: contrast {ratio:.2f}"
        checked += 1
    assert checked >= 5  # sidebar, back, forward, home, star, read aloud
