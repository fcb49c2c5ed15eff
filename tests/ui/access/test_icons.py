"""Every action has an icon of our own set, drawn in the theme's text colour: the toolbar's icons stand
out from its background in the light, dark and high-contrast themes, on screen, not only in a file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton

from healthreader.paths import resource
from healthreader.ui.common.actions import specs
from tests.ui.journeys.screen import icon_contrast

TEXT_ONLY = {"zoom_in", "zoom_out", "zoom_reset"}  # A+, A, A− on the toolbar: letters are their picture


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
