"""What Orca says on a keyboard-only, eyes-closed walk through HealthReader.

The walk is issue 21's: open the article, jump by heading to 日常护理, follow a related question, go
back, search 面瘫, open the second result, bookmark it, find it in the bookmarks panel.  Each step
asserts on Orca's own words (its speech log), not on what the app sent; the whole transcript is
written beside the test's files and printed (``pytest -s``) for the reader of a closing note.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.a11y.conftest import App, Orca, find

ARTICLE_TITLE = "面部肌肉萎缩是怎么回事"


class Walk:
    def __init__(self, app: App, orca: Orca) -> None:
        self.app, self.orca = app, orca
        self.transcript: list[str] = []

    def press(self, what: str, *keys: str, until: str = "") -> str:
        """Press ``keys`` as the reader does ``what``; what Orca said, joined by " | "."""
        mark = len(self.orca.said())
        self.app.keys(*keys, wait=0.4)
        return self._heard(what, keys, mark, until)

    def type_text(self, what: str, text: str) -> str:
        mark = len(self.orca.said())
        self.app.set_text("搜索", text)  # as an input method commits 面瘫
        return self._heard(what, (text,), mark, "")

    def _heard(self, what: str, keys: tuple[str, ...], mark: int, until: str) -> str:
        said = " | ".join(self.orca.after(mark, until, timeout=8 if until else 1.5))
        self.transcript.append(f"{what} [{' '.join(keys)}]\n    Orca: {said}")
        return said

    def text(self) -> str:
        return "\n\n".join(self.transcript)


def test_an_eyes_closed_walk_heard_through_orca(home_app: App, orca: Orca, tmp_path: Path) -> None:
    walk = Walk(home_app, orca)
    try:
        _walk(walk, home_app)
    finally:
        (tmp_path / "orca-transcript.txt").write_text(walk.text() + "\n", "utf-8")
        print("\n" + walk.text())


def _walk(walk: Walk, app: App) -> None:
    said = walk.press("The window comes up (a click on it)", until="文章")
    assert "文章 只读 文本" in said, said  # the reader starts in the article, not on a toolbar button

    said = walk.press("Tab to the first link of the home page", "Tab", until="链接")
    assert f"链接：{ARTICLE_TITLE}" in said, said
    said = walk.press("Enter opens it", "Return", until="已打开")
    assert f"已打开：{ARTICLE_TITLE}" in said, said
    assert find(app.tree(), name="文章")["text"].startswith(ARTICLE_TITLE)

    for _ in range(20):
        said = walk.press("H: the next heading", "h", until="级标题")
        assert "级标题" in said, said  # every press says where it went
        if "日常护理" in said:
            break
    assert "2 级标题，日常护理" in said, walk.text()

    said = walk.press("Tab: the next link, a related question in 日常护理", "Tab", until="链接")
    related = re.search(r"链接：(.+?)，打开", said)
    assert related, said
    said = walk.press("Enter follows it", "Return", until="已打开")
    assert f"已打开：{related.group(1)}" in said, said

    said = walk.press("Alt+Left goes back", "alt+Left", until=ARTICLE_TITLE)
    assert ARTICLE_TITLE in said, said
    assert find(app.tree(), name="文章")["text"].startswith(ARTICLE_TITLE)

    said = walk.press("Ctrl+K: to the search box", "ctrl+k", until="搜索")
    assert "搜索 文本" in said, said
    walk.type_text("面瘫 typed (committed by the input method)", "面瘫")
    said = walk.press("Enter searches", "Return", until="条结果")
    assert re.search(r"共 \d+ 条结果", said), said

    for _ in range(10):
        said = walk.press("Tab towards the results", "Tab", until="")
        if "搜索结果" in said and "个项目的列表" in said:  # the sidebar's list, not the page's heading
            break
    assert "搜索结果" in said and "个项目的列表" in said, walk.text()
    first = find(app.tree(), role="list", name="搜索结果")["children"][0]["name"]
    assert said.split(" | ")[-1].rstrip(".") == first, said  # the list says where in it the reader is
    said = walk.press("Down: the second result", "Down", until="")
    second = said.split(" | ")[-1].rstrip(".")
    assert second, said
    said = walk.press("Enter opens it", "Return", until="已打开")
    assert f"已打开：{second}" in said, said

    said = walk.press("Ctrl+D bookmarks it", "ctrl+d", until="收藏")
    assert f"已收藏：{second}" in said, said

    said = walk.press("Ctrl+B: the bookmarks", "ctrl+b", until=second)
    assert "书签" in said and second in said, said  # in the panel's list, on the bookmark just made
