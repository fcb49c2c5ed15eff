"""The UI follows the system locale, and falls back to the library's language on a C locale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from healthreader.config import Settings
from healthreader.paths import DataPaths
from healthreader.ui.common.i18n import choose_language


def test_choose_language() -> None:
    c = QLocale(QLocale.Language.C)
    assert choose_language("auto", "zh-Hans", c) == "zh_CN"
    assert choose_language("auto", "en", c) == "en"
    assert choose_language("auto", "zh-Hans", QLocale("zh_TW")) == "zh_TW"  # Taiwan writes traditional characters
    assert choose_language("auto", "zh-Hans", QLocale("en_US")) == "en"
    assert choose_language("en", "zh-Hans", QLocale("zh_CN")) == "en"


def test_chinese_ui(make_window, data_dir) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", "zh_CN")
    window = make_window("alpha")
    assert window.actions_["back"].text() == "后退"
    assert window.sidebar.sections_label.text() == "本文目录"
    text = window.viewer.toPlainText()
    assert "什么情况需要就医" in text and "免责声明" in text and "审核日期" in text
    # Each warning tier is named in words, not only by its colour.
    assert "立即拨打120" in text and "当天就医" in text and "尽快就诊（几天内）" in text
    assert "审核人：测试编辑组（神经内科）" in text and "下次复审" in text


def test_english_ui(make_window, data_dir) -> None:
    Settings(DataPaths.at(data_dir)).set("ui_language", "en")
    window = make_window("alpha")
    assert window.actions_["back"].text() == "Back"
    text = window.viewer.toPlainText()
    assert "When to get medical help" in text
    assert "Call 120 now" in text and "See a doctor today" in text and "See a doctor within a few days" in text


@pytest.mark.parametrize(
    ("language", "look_in", "file_type", "folder"),
    [("zh_CN", "查找范围(&L)：", "文件类型(&T)：", "文件夹"), ("zh_TW", "尋找於(&L)：", "檔案類型(&T)：", "資料夾")],
)
def test_qt_file_dialog_speaks_the_ui_language(
    make_window, qtbot, data_dir, language, look_in, file_type, folder
) -> None:
    """Qt's own dialog labels ("Look in:", "Files of type:") follow the Chinese UI, not only our strings."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    Settings(DataPaths.at(data_dir)).set("ui_language", language)
    window = make_window("alpha")
    (data_dir / "reports").mkdir()
    dialog = QFileDialog(window, "导出", str(data_dir), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    try:
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        assert look_in in labels and file_type in labels, labels
        assert not any("Look in" in text or "Files of" in text for text in labels), labels
        # The type column of the folder list: "Folder" was English too.
        view = dialog.findChild(QTreeView, "treeView")
        model = view.model()

        def type_of_reports() -> str:
            root = view.rootIndex()
            for row in range(model.rowCount(root)):
                if model.index(row, 0, root).data() == "reports":
                    return str(model.index(row, 2, root).data())
            return ""

        qtbot.waitUntil(lambda: type_of_reports() != "", timeout=5000)
        assert type_of_reports() == folder
    finally:
        dialog.close()
