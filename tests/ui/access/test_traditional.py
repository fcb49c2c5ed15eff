"""Traditional characters as readers in Taiwan and Hong Kong write them: the Taiwan standard with its
phrases (OpenCC s2twp) or Hong Kong's (s2hk), chosen by the system; on such a system the content is
traditional from the first start, not only the menus; suggestions and bookmark titles follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from healthreader.ui.common import i18n
from tests.conftest import REAL_LIBRARY
from tests.ui.journeys.screen import first_line, type_text, visible_text

TAIWAN = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan)
HONG_KONG = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.HongKong)
CHINA = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


@pytest.fixture
def system(monkeypatch):
    def use(locale: QLocale) -> None:
        monkeypatch.setattr(i18n, "system_locale", lambda: locale)

    return use


def test_a_taiwan_system_shows_the_content_in_taiwan_characters_and_phrases(system, make_window) -> None:
    system(TAIWAN)
    window = make_window("alpha")
    text = window.viewer.toPlainText()
    assert "面部肌肉萎縮測試文章" in text
    assert "外部連結" in text and "多吃" in text  # Taiwan's words; generic OpenCC says 鏈接 and 喫
    assert "喫" not in text and "萎缩" not in text
    assert window.menuBar().actions()[0].text() == "檔案(&F)"
    assert window.actions_["traditional"].isChecked()
    assert "萎縮" in window.windowTitle()
    assert window.sidebar.related.item(0).text() == "臉部肌肉萎縮是什麼原因引起的"


def test_a_hong_kong_system_uses_hong_kong_forms(system, make_window) -> None:
    system(HONG_KONG)
    window = make_window("alpha")
    text = window.viewer.toPlainText()
    assert "説明" in text and "外部鏈接" in text and "喫" not in text


def test_turned_on_by_hand_on_a_mainland_system_it_is_the_taiwan_standard(system, make_window) -> None:
    system(CHINA)
    window = make_window("alpha")
    assert "萎缩" in window.viewer.toPlainText() and not window.actions_["traditional"].isChecked()
    window.actions_["traditional"].trigger()
    text = window.viewer.toPlainText()
    assert "外部連結" in text and "喫" not in text


def test_the_reader_can_turn_it_off_on_a_taiwan_system_and_it_stays_off(system, make_window) -> None:
    system(TAIWAN)
    window = make_window("alpha")
    window.actions_["traditional"].trigger()
    assert "面部肌肉萎缩测试文章" in window.viewer.toPlainText()
    window.close()
    again = make_window("alpha")
    assert "面部肌肉萎缩测试文章" in again.viewer.toPlainText()
    assert not again.actions_["traditional"].isChecked()


def test_bookmark_titles_and_messages_follow(system, qtbot, make_window) -> None:
    system(TAIWAN)
    window = make_window("alpha")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "面部肌肉萎縮測試文章" in window.infobar.text()
    window.show_bookmarks()
    panel = window.bookmarks
    qtbot.waitUntil(lambda: panel.view.model().rowCount() == 1)
    shown = panel.view.model().index(0, 0).data()
    assert "萎縮" in shown and "萎缩" not in shown


def test_suggestions_follow(system, qtbot, make_window) -> None:
    system(TAIWAN)
    window = make_window("alpha", search=True)
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30_000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.search_box, "面部")
    popup = window.search_box.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    labels = window.search_box.suggestion_labels()
    assert any("面部肌肉萎縮測試文章" in label for label in labels), labels
    assert not any("萎缩" in label for label in labels), labels


@pytest.mark.parametrize("locale", [TAIWAN, HONG_KONG], ids=["zh_TW", "zh_HK"])
def test_and_the_face_is_never_knead_the_dough(system, make_window, locale) -> None:
    """OpenCC reads 和面 as "knead dough" (和麵/和麪): 面瘫后遗症和面肌痉挛 came out 和麵肌痙攣."""
    system(locale)
    window = make_window("facial-palsy-sequelae", dirs=[REAL_LIBRARY])
    assert first_line(window.viewer) == "面癱後遺症和面肌痙攣"
    assert "面肌痙攣" in window.windowTitle() and "麵" not in window.windowTitle()
    text = window.viewer.toPlainText()
    assert "麵" not in text and "麪" not in text


def test_taiwan_words_not_its_software_words(system, make_window) -> None:
    """s2twp's phrase table is made for software: 类型 becomes 型別, 局部 區域性, 扩展 擴充套件,
    社区 社群, 审核 稽核; a health text in Taiwan says 類型, 局部麻醉, 擴展, 社區, 審核."""
    system(TAIWAN)
    window = make_window("muscle-biopsy-genetic-testing", dirs=[REAL_LIBRARY], size=(1366, 800))
    shown = visible_text(window.viewer)
    assert "局部麻醉" in shown and "類型" in shown, shown[:300]
    text = window.viewer.toPlainText()
    for wrong in ("區域性", "型別", "擴充套件", "社群", "稽核"):
        assert wrong not in text, wrong
    assert "切片" in text or "活檢" in text  # the rest is still Taiwan's (s2twp), not plain s2t


def test_turned_on_by_hand_the_reviewer_line_says_shen_he(system, make_window) -> None:
    """On a mainland system with traditional characters turned on, the page's own labels (审核人,
    审核日期) are converted too: 審核, not s2twp's 稽核 ("audit"), seen in the kiosk's screenshots."""
    system(CHINA)
    window = make_window("alpha")
    window.actions_["traditional"].trigger()
    shown = visible_text(window.viewer)
    assert "審核" in shown and "稽核" not in shown, shown[:300]


def test_turned_off_on_a_taiwan_system_the_pages_own_labels_are_simplified_too(system, qtbot, make_window) -> None:
    """The labels the page is made with (什么情况需要就医, 尽快就诊（几天内）, 审核人) come from the
    UI's translation, which is zh_TW on a Taiwan system: with the content turned to simplified they
    followed the menus, and a simplified article had traditional headings in the middle of it."""
    system(TAIWAN)
    window = make_window("qa-face-atrophy-causes", dirs=[REAL_LIBRARY], size=(1366, 800))
    assert "什麼情況需要就醫" in window.viewer.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.actions_["traditional"].isChecked()
    assert first_line(window.viewer) == "脸部肌肉萎缩症状什么原因引起的"
    shown = visible_text(window.viewer)
    assert "审核人" in shown and "審核人" not in shown, shown[:300]
    text = window.viewer.toPlainText()
    for label in ("什么情况需要就医", "尽快就诊（几天内）"):
        assert label in text, label
    for label in ("什麼情況需要就醫", "儘快就診", "審核"):
        assert label not in text, label
    assert window.menuBar().actions()[0].text() == "檔案(&F)"  # the menus stay as the system has them
    window.close()

    again = make_window("qa-face-atrophy-causes", dirs=[REAL_LIBRARY], size=(1366, 800))  # and after a restart
    assert "什么情况需要就医" in again.viewer.toPlainText() and "什麼" not in again.viewer.toPlainText()


def test_a_message_on_screen_follows_when_the_characters_change(system, qtbot, make_window) -> None:
    """The info bar's 已收藏 line kept the script it was shown in, beside a page in the other one
    (seen in the Xvfb journeys: 已收藏：臉部…什麼 over a simplified page)."""
    system(TAIWAN)
    window = make_window("qa-face-atrophy-causes", dirs=[REAL_LIBRARY], size=(1366, 800))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.infobar.isVisible() and "臉部肌肉萎縮症狀什麼原因引起的" in window.infobar.text()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert first_line(window.viewer) == "脸部肌肉萎缩症状什么原因引起的"
    assert window.infobar.isVisible()
    assert "脸部肌肉萎缩症状什么原因引起的" in window.infobar.text(), window.infobar.text()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "臉部肌肉萎縮症狀什麼原因引起的" in window.infobar.text(), window.infobar.text()

    # The bookmark list's undo line too: Remove, then the characters change while it is shown.
    window.show_bookmarks()
    panel = window.bookmarks
    qtbot.waitUntil(lambda: panel.view.model().rowCount() == 1)
    panel.view.setCurrentIndex(panel.view.model().index(0, 0))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.message.isVisible() and "臉部肌肉萎縮" in panel.message.label.text()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "脸部肌肉萎缩症状什么原因引起的" in panel.message.label.text(), panel.message.label.text()
