"""The warning tiers as a reader sees them: named in words, in order, each box painted in its own colours."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor

from healthreader.config import Settings
from healthreader.paths import DataPaths
from healthreader.ui.access import theme

TIERS = ("emergency", "same-day", "soon")


def painted_colours(window) -> Counter[str]:
    image = window.viewer.viewport().grab().toImage()
    return Counter(
        QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    )


@pytest.mark.parametrize("name", theme.THEMES)
def test_each_tier_shows_its_name_and_its_own_colours(make_window, data_dir, name: str) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", "en")
    window = make_window("alpha", size=(900, 1000))
    window.actions_[f"theme_{name}"].trigger()
    text = window.viewer.toPlainText()
    # The tier is text, not only colour: each name comes before its signs, most urgent first.
    at = [
        text.index(s)
        for s in (
            "Call 120 now",
            "突然口角歪斜",
            "See a doctor today",
            "眼睛闭不上",
            "See a doctor within a few days",
            "小水疱",
        )
    ]
    assert at == sorted(at)
    rules = theme.css_rules(window.viewer.document().defaultStyleSheet())  # the theme's, as applied
    colours = painted_colours(window)
    for tier in TIERS:
        box = rules[f"table.flags-{tier}"]
        # A box's edge and fill are on screen, not just in the stylesheet (a page-wide border-collapse
        # once kept every box's fill from being painted).
        assert colours[box["border-color"]] > 0, (tier, box["border-color"])
        if box["background-color"] != theme.PALETTES[name].base:
            assert colours[box["background-color"]] > 50, (tier, box["background-color"])


def test_an_entry_past_its_review_date_says_so_under_its_title(make_window, data_dir, tiny_library) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", "zh_CN")
    gamma = tiny_library / "articles" / "gamma.md"
    gamma.write_text(gamma.read_text("utf-8").replace("next_review: 2099-11-02", "next_review: 2026-11-30"), "utf-8")
    window = make_window("gamma")
    text = window.viewer.toPlainText()
    assert "内容待复审" in text
    assert text.index("康复训练测试文章") < text.index("审核人：测试编辑组（康复科）") < text.index("内容待复审")
    assert text.index("内容待复审") < text.index("第二篇测试文章。")  # before the summary
    window.open_location(type(window.current_location())("alpha"))
    assert "内容待复审" not in window.viewer.toPlainText()  # alpha's next review is still ahead
