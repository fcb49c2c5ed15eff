"""``--library DIR --watch``: the entry on screen follows its file as a writer saves it."""

from __future__ import annotations

import os
from pathlib import Path

from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
from healthreader.ui.reader.navigation import Location
from healthreader.ui.reader.watch import EntryWatcher


def test_the_entry_on_screen_reloads_when_its_file_is_saved(qtbot, data_dir: Path, tiny_library: Path) -> None:
    window = create_main_window(DataPaths.at(data_dir), [tiny_library], "gamma", search=False, watch=True)
    qtbot.addWidget(window)
    window.resize(780, 580)
    with qtbot.waitExposed(window):
        window.show()
    watcher = window.findChild(EntryWatcher)
    assert watcher is not None
    path = tiny_library / "articles" / "gamma.md"
    assert watcher.watched() == [str(path)]
    assert "新写的一段" not in window.viewer.toPlainText()

    # The writer adds a section and saves in place.
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n## 新写的一节\n新写的一段话。\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "新写的一段话" in window.viewer.toPlainText(), timeout=5000)
    assert "新写的一节" in [window.sidebar.sections.item(i).text() for i in range(window.sidebar.sections.count())]

    # A save that breaks the front matter: the last good version stays, the problem is shown.
    path.write_text(text.replace("title: 康复训练测试文章", "title: [unclosed"), encoding="utf-8")
    qtbot.waitUntil(lambda: window.infobar.isVisible(), timeout=5000)
    # (The UI may be in Chinese: the problem's own words, which come from the content loader, are checked.)
    assert "gamma.md:4: invalid YAML" in window.infobar.label.text()
    assert "新写的一段话" in window.viewer.toPlainText()

    # An editor that saves by writing a new file and renaming it over the old one; a new title.
    tmp = path.with_name(".gamma.md.swp")
    tmp.write_text(text.replace("title: 康复训练测试文章", "title: 改过标题的文章"), encoding="utf-8")
    os.replace(tmp, path)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("改过标题的文章"), timeout=5000)
    assert not window.infobar.isVisible()
    assert "新写的一段话" not in window.viewer.toPlainText()

    # Another entry opened: the watch follows it.
    window.open_location(Location("alpha"))
    assert watcher.watched() == [str(tiny_library / "articles" / "alpha.md")]
