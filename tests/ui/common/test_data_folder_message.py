"""The start-up message about a data folder that could not be made says why in the reader's language,
not in the system's English ("Read-only file system" inside a Chinese sentence)."""

from __future__ import annotations

import errno

import pytest

from healthreader.config import Settings
from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window


@pytest.mark.parametrize(
    ("language", "code", "said", "english"),
    [
        ("zh_CN", errno.EROFS, "只读", "Read-only file system"),
        ("zh_TW", errno.EROFS, "唯讀", "Read-only file system"),
        ("zh_CN", errno.EACCES, "没有权限", "Permission denied"),
        ("zh_CN", errno.ENOSPC, "磁盘已满", "No space left on device"),
        ("en", errno.EROFS, "read-only", "Read-only file system"),
    ],
)
def test_the_temporary_folder_message_says_why_in_the_readers_language(
    qtbot, data_dir, tiny_library, language, code, said, english
) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", language)
    data = DataPaths(DataPaths.at(data_dir).root, temporary=True, problem=english, problem_errno=code)
    window = create_main_window(data, [tiny_library], "alpha")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.infobar.isVisible()
    text = window.infobar.text()
    assert said in text, text
    assert english not in text, text
