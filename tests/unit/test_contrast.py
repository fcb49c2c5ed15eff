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


TIERS = ("emergency", "same-day", "soon")
PRINT_CSS = (ROOT / "resources" / "print.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", theme.THEMES)
def test_each_warning_tier_has_its_own_colours_and_readable_text(name: str) -> None:
    rules = theme.css_rules(theme.article_css(CSS, name))
    base = theme.PALETTES[name].base
    borders = [rules[f"table.flags-{t}"]["border-color"] for t in TIERS]
    titles = [rules[f"p.flags-{t}-title"]["color"] for t in TIERS]
    assert len(set(borders)) == 3 and len(set(titles)) == 3, (borders, titles)
    for tier, border in zip(TIERS, borders, strict=True):
        box = rules[f"table.flags-{tier}"]["background-color"]
        # WCAG 1.4.11: a box's edge is a graphic that carries meaning, at least 3:1 against what is around it.
        assert theme.contrast_ratio(border, base) >= 3.0, f"{name} {tier} border on the page"
        assert theme.contrast_ratio(border, box) >= 3.0, f"{name} {tier} border on its box"
    # The tier's name and its warning signs are text on the box's colour: in the checked pairs.
    checked = {what for what, _, _ in theme.text_pairs(CSS, name)}
    for tier in TIERS:
        assert f"article p.flags-{tier}-title" in checked and f"article ul.flags-{tier} li" in checked


def test_printed_tiers_differ_without_colour_and_stay_dark_on_paper() -> None:
    rules = theme.css_rules(PRINT_CSS)
    edges = {(rules[f"table.flags-{t}"]["border-width"], rules[f"table.flags-{t}"]["border-style"]) for t in TIERS}
    assert len(edges) == 3  # a grey-scale printer keeps widths and dashes, not hues
    for tier in TIERS:
        title = rules[f"p.flags-{tier}-title"]["color"]
        box = rules[f"table.flags-{tier}"]["background-color"]
        assert theme.contrast_ratio(title, box) >= 7.0, tier
