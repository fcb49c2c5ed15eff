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
    assert "1. 对着镜子坐好" in viewer["text"]  # list numbers are in the text, not only drawn


def test_the_search_box_is_not_described_as_still_preparing_once_search_is_ready(app: App) -> None:
    tree = app.tree()
    box = find(tree, role="text", name="搜索")
    assert "正在准备" not in box["description"], box["description"]
    assert box["description"]


def announcements(steps: list[dict]) -> list[str]:
    """What the app had the screen reader say: notifications shown (Orca 43, Debian 12's, hears no
    ``object:announcement``; every Orca speaks a notification that appears)."""
    return [
        e["name"]
        for s in steps
        for e in s["events"]
        if e["type"] == "object:state-changed:showing" and e["role"] == "notification"
    ]


def test_ctrl_d_announces_the_bookmark_added_and_again_removed(app: App) -> None:
    said = announcements(app.keys("ctrl+d", wait=0.8))
    assert "已收藏：面部肌肉萎缩是怎么回事" in said, said
    said = announcements(app.keys("ctrl+d", wait=0.8))
    assert "已取消收藏：面部肌肉萎缩是怎么回事 撤销" in said, said  # with the undo button it offers


def test_a_search_announces_how_many_results_and_enter_on_a_sidebar_result_opens_it(app: App) -> None:
    app.keys("ctrl+k")
    app.set_text("搜索", "面瘫")
    steps = app.keys("Return", wait=2.0)
    said = announcements(steps)
    assert any(s.startswith("共 ") and s.endswith(" 条结果") for s in said), said
    sidebar = find(app.tree(), role="list", name="搜索结果")
    second = sidebar["children"][1]["name"]
    # To the sidebar's result list by Tab, down to the second result, Enter.
    ring = [s["focus"] and s["focus"]["name"] for s in app.keys(*["Tab"] * 5)]
    assert ring == ["缩小字号", "默认字号", "放大字号", "目录", "搜索结果"], ring  # from search to the results list
    steps = app.keys("Down", "Return", wait=1.0)
    viewer = find(app.tree(), name="文章")
    assert viewer["text"].startswith(second), (second, viewer["text"][:80])
    assert any(second in s for s in announcements(steps)), announcements(steps)


def test_tab_through_the_article_names_each_link_and_where_it_leads(app: App) -> None:
    app.keys("ctrl+k")
    ring = [s["focus"] and s["focus"]["name"] for s in app.keys(*["Tab"] * 7)]
    assert ring[-1] == "文章", ring
    steps = app.keys("Tab", "Tab", "Tab", wait=0.5)
    said = announcements(steps)
    assert len(said) == 3 and all(s.startswith("链接：") for s in said), said
    assert any("打开" in s for s in said), said  # where it leads: "打开 <entry title>"
    moved = [e for s in steps for e in s["events"] if e["type"] == "object:text-caret-moved"]
    assert len(moved) >= 3, moved  # Orca's review follows the link


def focus_ring(app: App, presses: int) -> list[str]:
    """The objects Tab lands on, in order (a stop inside the article, a link, raises no new focus)."""
    steps = app.keys(*["Tab"] * presses)
    return [s["focus"]["name"] for s in steps if s["focus"]]


def test_tab_goes_round_toolbar_search_sidebar_article_and_back_to_the_toolbar(app: App) -> None:
    # The reader starts in the article: Tab leaves it for the toolbar's first button, then goes round.
    ring = focus_ring(app, 30)
    assert ring[:3] == ["侧栏", "首页", "收藏"], ring
    start = ring.index("搜索")
    walk = ring[start : start + 8]
    assert walk == ["搜索", "缩小字号", "默认字号", "放大字号", "目录", "本文的各个小节", "相关问答与文章", "文章"], (
        ring
    )


def test_tab_reaches_every_control_of_the_bookmarks_panel(app: App) -> None:
    steps = app.keys("ctrl+d", "ctrl+b", wait=0.6)  # one bookmark, so its list and buttons are there
    landed = steps[1]["focus"]
    assert landed and landed["name"] in ("书签", "面部肌肉萎缩是怎么回事"), landed  # Ctrl+B: in the list
    # Back from the list: every control above it, then the panel's tabs.
    back = [s["focus"]["name"] for s in app.keys(*["shift+Tab"] * 5) if s["focus"]]
    # The combo boxes are named on the bus by the choice they show, as Qt reports them.
    assert back == ["全部文件夹", "最新在前", "按标题、笔记或文件夹筛选", "书签", "书签和阅读记录"], back
    # On from the list, with its bookmark chosen: its buttons, then the article.
    app.keys(*["Tab"] * 5)
    ahead = [s["focus"]["name"] for s in app.keys("Tab", "Tab", "Tab", "Tab", "Tab") if s["focus"]]
    assert ahead[:2] == ["打开", "编辑笔记"] and "文章" in ahead, ahead


def test_status_messages_are_said_and_the_status_bar_is_named(app: App) -> None:
    said = announcements(app.keys("ctrl+equal", wait=0.6))
    assert any(s.startswith("字号") or "%" in s for s in said), said  # the new text size, as the status bar shows it
    assert find(app.tree(), role="status bar")["name"] == "状态栏"


def test_h_jumps_from_heading_to_heading_saying_each_level(app: App) -> None:
    app.keys("ctrl+k")
    steps = app.keys(*["Tab"] * 7, "h", "h", "shift+h", wait=0.5)
    assert steps[6]["focus"]["name"] == "文章"
    said = announcements(steps[7:])
    assert said[0].startswith("2 级标题，") and said[1].startswith("2 级标题，"), said
    assert said[2] == said[0], said  # Shift+H goes back to the one before
    moved = [e for s in steps[7:] for e in s["events"] if e["type"] == "object:text-caret-moved"]
    assert len(moved) >= 3, moved  # the caret, which Orca follows, is on the heading


def test_h_past_the_last_heading_says_there_is_none_further(app: App) -> None:
    app.keys("ctrl+k")
    steps = app.keys(*["Tab"] * 7, "ctrl+End", "h", "shift+h", wait=0.5)
    assert steps[6]["focus"]["name"] == "文章"
    said = announcements(steps[8:])
    assert said[0] == "后面没有标题了", said  # not silence: the reader knows the key was heard
    assert said[1].startswith("4 级标题，") or said[1].startswith("2 级标题，"), said  # back to the last one


def test_the_caret_entering_a_warning_box_or_the_disclaimer_says_which(app: App) -> None:
    app.keys("ctrl+k")
    steps = app.keys(*["Tab"] * 7, "ctrl+Home", *["Down"] * 16, wait=0.3)
    assert steps[6]["focus"]["name"] == "文章"
    said = announcements(steps[7:])
    assert "警示框：▲ 立即拨打120" in said, said  # the most urgent tier, said as the box begins
    assert "警示框：◆ 当天就医" in said, said  # and the next box, as the caret goes on into it
    said = announcements(app.keys("ctrl+End", "Up", "Up", "Up", wait=0.4))
    assert "说明框：免责声明" in said, said
