"""What a screen reader gets from HealthReader, asserted from the AT-SPI bus (see conftest.py)."""

from __future__ import annotations

from tests.a11y.conftest import App, find


def test_the_article_is_a_text_document_with_a_caret(app: App) -> None:
    viewer = find(app.tree(), name="文章")
    assert viewer["role"] == "text", viewer["role"]  # not "label": Orca reviews text by line, word, character
    assert "read-only" in viewer["states"] and "focusable" in viewer["states"] and "multi-line" in viewer["states"]
    assert "Text" in viewer["interfaces"]
    assert viewer["text"].startswith("面部肌肉萎缩是怎么回事")
    assert "日常护理" in viewer["text"]


def test_the_search_box_is_not_described_as_still_preparing_once_search_is_ready(app: App) -> None:
    tree = app.tree()
    box = find(tree, role="text", name="搜索")
    assert "正在准备" not in box["description"], box["description"]
    assert box["description"]
