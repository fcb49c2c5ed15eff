"""Every text colour in every theme meets its WCAG contrast target (AA in light/dark, AAA in high contrast).

The ratios are computed from the palettes and the generated article stylesheets, not trusted.
"""

from __future__ import annotations

import re

import pytest

from healthreader.ui.access import theme
from tests.conftest import ROOT

CSS = (ROOT / "resources" / "article.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", theme.THEMES)
def test_every_text_colour_meets_the_target(name: str) -> None:
    target = theme.MINIMUM_RATIO[name]
    failing = [
        f"{what}: {fg} on {bg} is {theme.contrast_ratio(fg, bg):.2f}:1"
        for what, fg, bg in theme.text_pairs(CSS, name)
        if theme.contrast_ratio(fg, bg) < target
    ]
    assert not failing, f"{name} below {target}:1\n" + "\n".join(failing)


def test_every_article_colour_has_a_dark_and_high_contrast_counterpart() -> None:
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", CSS)}
    assert used <= set(theme.ARTICLE_COLOURS), (
        f"add to theme.ARTICLE_COLOURS: {sorted(used - set(theme.ARTICLE_COLOURS))}"
    )


def test_high_contrast_article_is_light_on_black() -> None:
    css = theme.article_css(CSS, theme.CONTRAST)
    assert "#0b3d5c" not in css and "#fff3e0" not in css
    assert theme.contrast_ratio(
        theme.PALETTES[theme.CONTRAST].text, theme.PALETTES[theme.CONTRAST].base
    ) == pytest.approx(21.0)


def test_the_system_scheme_is_followed_unless_the_user_picks() -> None:
    assert theme.resolve("system", system_is_dark=True) == "dark"
    assert theme.resolve("system", system_is_dark=False) == "light"
    assert theme.resolve("light", system_is_dark=True) == "light"


def test_contrast_report() -> None:
    """The lowest ratio per theme, printed with -s for the record."""
    for name in theme.THEMES:
        worst = min(theme.text_pairs(CSS, name), key=lambda p: theme.contrast_ratio(p[1], p[2]))
        print(name, worst[0], f"{theme.contrast_ratio(worst[1], worst[2]):.2f}")
