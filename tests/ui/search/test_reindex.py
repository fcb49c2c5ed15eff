"""A clinic edits ten files of the library between two starts: the next start brings the index up to
date by indexing only those (a second segment, not a rebuild), and what a patient types finds the new
state on the results page and in the dropdown: new words found, removed words gone, deleted entries
never listed, added entries listed, edited titles and sections shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from whoosh.filedb.filestore import FileStorage

from healthreader.config import Settings
from healthreader.paths import DataPaths
from tests.conftest import REAL_LIBRARY
from tests.ui.journeys.screen import search_for, type_text

EDITED = {
    "articles/facial-palsy.md": "面神经麻痹（面瘫）",
    "articles/dysphagia.md": "吞咽障碍（吞咽困难）",
    "articles/cervical-spondylosis.md": "颈椎病：手臂发麻、手上的肉变少",
}
RETITLED = ("articles/carpal-cubital-tunnel.md", "腕管综合征和肘管综合征（手麻、手上的肉变少）", "鼠标手和肘管综合征")
DELETED = {
    "qa/qa-vitamin-b-numbness.md": "手脚麻吃维生素B管用吗？",
    "qa/qa-water-swallow-test.md": "洼田饮水试验是什么，在家能自己做吗",
    "qa/qa-thickened-liquids.md": "吞咽障碍喝水要加增稠剂吗，怎么调",
}
ADDED = {
    "qa-zebrafish-bath": "泡脚水温多少合适，斑马鱼疗法有用吗",
    "qa-heel-crack": "脚后跟干裂怎么办",
    "qa-night-cramp-old": "老人半夜小腿抽筋是缺钙吗",
}
NEW_SECTION = "\n## 斑马鱼疗法靠谱吗\n\n所谓斑马鱼疗法没有可靠证据，不要因此耽误正规治疗。\n"


def _add(lib: Path, entry_id: str, title: str) -> None:
    (lib / "qa" / f"{entry_id}.md").write_text(
        f"---\nid: {entry_id}\ntype: qa\ntitle: {title}\nsummary: {title}：简短回答。\ncategory: 康复与护理\n"
        f"tags: [{title[:4]}]\naliases: []\nreviewed: 2026-12-03\n---\n{title}？先看简短回答。\n\n"
        f"## 要点\n\n这是新加的一篇，讲{title[:4]}。\n",
        encoding="utf-8",
    )


def edit_ten_files(lib: Path) -> None:
    for name in EDITED:
        path = lib / name
        path.write_text(path.read_text(encoding="utf-8") + NEW_SECTION, encoding="utf-8")
    path = lib / RETITLED[0]
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {RETITLED[1]}", f"title: {RETITLED[2]}"), "utf-8")
    for name in DELETED:
        (lib / name).unlink()
    for entry_id, title in ADDED.items():
        _add(lib, entry_id, title)


def _segments(index_dir: Path) -> int:
    ix = FileStorage(str(index_dir), readonly=True).open_index()
    try:
        return len(ix._segments())
    finally:
        ix.close()


def dropdown(window) -> list[str]:
    """The suggestions on screen: none while the drop-down is hidden."""
    popup = window.search_box.completer_.popup()
    return list(window.search_box.suggestion_labels()) if popup.isVisible() else []


def listed(window) -> str:
    """The results page below its heading (which repeats what was typed)."""
    page = window.viewer.toPlainText()
    return page.split("条结果", 1)[1] if "条结果" in page else ""


def _result_titles(window) -> list[str]:
    return [h.title for h in window._results.hits]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    dest = tmp_path / "content"
    shutil.copytree(REAL_LIBRARY, dest)
    return dest


def test_ten_files_edited_between_starts_reach_the_results_page_and_the_dropdown(
    make_window, qtbot, data_dir: Path, library: Path
) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", "zh_CN")
    first = make_window(dirs=[library], search=True, real_index=True, size=(1366, 800))
    qtbot.waitUntil(lambda: first.search is not None and first.search.is_ready, timeout=60_000)
    search_for(qtbot, first, "斑马鱼")
    assert first._results.total == 0
    search_for(qtbot, first, "洼田饮水试验")
    assert DELETED["qa/qa-water-swallow-test.md"] in listed(first)
    first.close()
    index_dir = DataPaths.at(data_dir).index_dir
    assert _segments(index_dir) == 1

    edit_ten_files(library)
    window = make_window(dirs=[library], search=True, real_index=True, size=(1366, 800))
    # Search may open the index as at the last start at once; the check of the files after the first
    # paint finds the ten changes and search updates the index: the big segment kept, the changes in a
    # small one (a rebuild would leave one segment).
    qtbot.waitUntil(
        lambda: window.search is not None and window.search.is_ready and _segments(index_dir) == 2, timeout=60_000
    )

    # A word only the edits brought: the three edited entries and the added one, with the new section.
    search_for(qtbot, window, "斑马鱼")
    page = window.viewer.toPlainText()
    for title in [*EDITED.values(), ADDED["qa-zebrafish-bath"]]:
        assert title in page, page[:400]
    assert set(_result_titles(window)) == {*EDITED.values(), ADDED["qa-zebrafish-bath"]}
    search_for(qtbot, window, "斑马鱼疗法靠谱吗")
    assert "斑马鱼疗法靠谱吗" in window.viewer.toPlainText()  # the hits' section is the new one
    assert {h.section_title for h in window._results.hits if h.title in EDITED.values()} == {"斑马鱼疗法靠谱吗"}

    # A whole question, as a patient types it, finds an added entry.
    search_for(qtbot, window, "脚后跟干裂了怎么办")
    assert _result_titles(window)[0] == ADDED["qa-heel-crack"]
    assert ADDED["qa-heel-crack"] in window.viewer.toPlainText()

    # Deleted entries are never listed, even for the words of their own titles.
    for title in DELETED.values():
        search_for(qtbot, window, title.rstrip("？"))
        assert title not in listed(window)
        assert title not in _result_titles(window)
    search_for(qtbot, window, "洼田饮水试验")
    assert window._results.total and DELETED["qa/qa-water-swallow-test.md"] not in listed(window)

    # The renamed entry: found and shown by its new title, its old one gone from the page.
    search_for(qtbot, window, "鼠标手")
    assert RETITLED[2] in listed(window) and RETITLED[1] not in listed(window)

    # The dropdown: an added entry by its first characters and by its pinyin initials; the deleted
    # entry's title no longer offered.
    box = window.search_box
    for typed, wanted in (("老人半夜", ADDED["qa-night-cramp-old"]), ("jhg", ADDED["qa-heel-crack"])):
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        box.clear()
        type_text(qtbot, box, typed)
        qtbot.waitUntil(lambda w=wanted: any(w in t for t in dropdown(window)), timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box.clear()
    type_text(qtbot, box, "洼田")
    qtbot.waitUntil(lambda: bool(dropdown(window)), timeout=10_000)
    assert not [t for t in dropdown(window) if DELETED["qa/qa-water-swallow-test.md"] in t]
