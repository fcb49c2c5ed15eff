"""A screen reader can name every control, the keyboard reaches every action, and Help lists the shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton, QStackedWidget, QToolButton, QWidget

from healthreader.ui.access.controller import (
    AccessibilityController,
    ShortcutsDialog,
    interactive_widgets,
    name_controls,
)
from healthreader.ui.common.actions import specs


@pytest.fixture(autouse=True)
def _english_again_afterwards():
    """create_main_window installs the Chinese translators on the application; later tests that build
    widgets on their own expect English, so take them off again."""
    yield
    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def _hidden_on_purpose(w: QWidget, root: QWidget) -> bool:
    """Hidden by its owner, as opposed to sitting on a tab that is not the current one."""
    while w is not None and w is not root:
        if w.isHidden() and not isinstance(w.parentWidget(), QStackedWidget):
            return True
        w = w.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for w in interactive_widgets(root):
        if _hidden_on_purpose(w, root):
            continue  # e.g. a message bar's button, named when the message comes: not in the tree till then
        iface = QAccessible.queryAccessibleInterface(w)
        assert iface is not None and iface.isValid(), w
        if not iface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}")
    return missing


def test_every_interactive_widget_has_an_accessible_name(make_window) -> None:
    window = make_window("alpha")
    window.find_bar.open_bar()
    assert window.bookmarks is not None  # the bookmarks panel's lists and buttons are walked too
    assert _unnamed(window) == []


def test_toolbar_buttons_are_named_by_their_action_not_their_short_label(make_window) -> None:
    window = make_window("alpha")
    button = window.toolbar.widgetForAction(window.actions_["zoom_in"])
    iface = QAccessible.queryAccessibleInterface(button)
    assert iface.text(QAccessible.Text.Name) == window.actions_["zoom_in"].text().replace("&", "")
    assert button.accessibleDescription()  # the tooltip, with the shortcut


def test_every_action_is_in_a_menu(make_window) -> None:
    window = make_window("alpha")
    in_menus: set[str] = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            in_menus.add(action.objectName())

    for top in window.menuBar().actions():
        walk(top.menu())
    missing = [s.id for s in specs() if f"action_{s.id}" not in in_menus]
    assert missing == []


def test_shortcuts_dialog_lists_every_shortcut_and_is_named(make_window, qtbot) -> None:
    window = make_window("alpha")
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    name_controls(dialog)
    with_keys = [s for s in specs() if window.actions_[s.id].shortcuts()]
    assert dialog.table.rowCount() == len(with_keys)
    rows = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert "Find in page" in rows or "页内查找" in rows
    assert _unnamed(dialog) == []


def test_f1_opens_the_shortcuts_from_the_help_menu(make_window, qtbot) -> None:
    window = make_window("alpha")
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.close()

    QTimer.singleShot(50, close_it)
    window.actions_["shortcuts"].trigger()
    assert seen == ["ShortcutsDialog"]


def test_tab_order_follows_the_reading_order(make_window) -> None:
    window = make_window("alpha")
    order = []
    w: QWidget = window.search_box
    for _ in range(60):
        order.append(w)
        w = w.nextInFocusChain()
        if w is window.search_box:
            break
    positions = {
        name: order.index(widget)
        for name, widget in (
            ("search", window.search_box),
            ("sections", window.sidebar.sections),
            ("related", window.sidebar.related),
            ("find", window.find_bar.field),
            ("viewer", window.viewer),
        )
    }
    assert positions["search"] < positions["sections"] < positions["related"] < positions["find"] < positions["viewer"]


def test_focus_is_visible(make_window) -> None:
    window = make_window("alpha")
    controller = window.findChild(AccessibilityController)
    sheet = QApplication.instance().styleSheet()
    assert "QLineEdit:focus" in sheet and "solid" in sheet
    assert controller.theme in ("light", "dark", "contrast")
    assert window.viewer.focusPolicy() != Qt.FocusPolicy.NoFocus


def _ink(button: QToolButton) -> int:
    """How many of the button's pixels are drawn in its text colour: its label's strokes, as seen."""
    QApplication.processEvents()
    image = button.grab().toImage()
    text = button.palette().color(button.foregroundRole())
    count = 0
    for x in range(image.width()):
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            if abs(c.red() - text.red()) + abs(c.green() - text.green()) + abs(c.blue() - text.blue()) < 60:
                count += 1
    return count


@pytest.mark.parametrize("theme_action", ["theme_light", "theme_dark", "theme_contrast"])
def test_a_focused_toolbar_button_keeps_its_label(qtbot, make_window, theme_action) -> None:
    """The focus ring must not squeeze the label: on a fresh start Home has the focus, and its ring's
    padding cut 首页 down to "…" (seen in the Xvfb journeys)."""
    window = make_window(size=(1366, 800))
    window.actions_[theme_action].trigger()
    home = window.toolbar.widgetForAction(window.actions_["home"])
    assert isinstance(home, QToolButton) and home.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    window.viewer.setFocus()
    qtbot.waitUntil(lambda: not home.hasFocus())
    plain = _ink(home)
    home.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(home.hasFocus)
    assert _ink(home) >= 0.8 * plain, f"the focused button's label lost its strokes ({_ink(home)} of {plain})"


class _LongStrings(QTranslator):
    """A pseudo-locale: every string 40 % longer (translators' languages often are), markers kept."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source or source.isspace():
            return source
        return f"[{source}{'~' * max(2, round(len(source) * 0.4))}]"

    def isEmpty(self) -> bool:
        return False


def _clipped(window: QWidget) -> list[str]:
    """Visible labels and buttons whose one-line text is wider than the widget."""
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 1:
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.text():
            text, room = w.text(), w.contentsRect().width()
        elif isinstance(w, QToolButton) and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            continue  # its text is its tooltip and accessible name, never drawn
        elif isinstance(w, (QPushButton, QToolButton)) and w.text():
            drawn = not w.icon().isNull() and not (
                isinstance(w, QToolButton) and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
            )
            text, room = w.text(), w.width() - (w.iconSize().width() if drawn else 0)
        else:
            continue
        if "<" in text:
            continue  # rich text lays itself out
        need = w.fontMetrics().horizontalAdvance(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
        if need > room:
            found.append(f"{type(w).__name__} {text!r}: needs {need} px, has {room}")
    return found


def test_no_label_or_button_is_clipped_with_40_percent_longer_strings(make_window, data_dir, tmp_path) -> None:
    import os

    from healthreader.config import Settings
    from healthreader.paths import DataPaths

    Settings(DataPaths.at(data_dir)).set("ui_language", "en")  # the pseudo strings, not Chinese on top
    pseudo = _LongStrings()
    app = QApplication.instance()
    app.installTranslator(pseudo)
    try:
        window = make_window("alpha", size=(1100, 760))
        window.find_bar.open_bar()
        assert window.find_bar.prev_button.text().startswith("[")  # the pseudo-locale is in use
        QApplication.processEvents()
        shot = os.environ.get("HEALTHREADER_PSEUDO_SHOT") or str(tmp_path / "pseudo.png")
        assert window.grab().save(shot)
        assert _clipped(window) == []
    finally:
        app.removeTranslator(pseudo)


def test_the_clipping_check_sees_a_clipped_button(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    button = QPushButton("A button with a long label", holder)
    button.setFixedWidth(40)
    holder.show()
    assert len(_clipped(holder)) == 1


def test_no_two_actions_share_a_key(make_window) -> None:
    window = make_window("alpha")
    owner: dict[str, str] = {}
    clashes = []
    for spec in specs():
        for key in window.actions_[spec.id].shortcuts():
            text = key.toString()
            if text in owner:
                clashes.append(f"{text}: {owner[text]} and {spec.id}")
            owner[text] = spec.id
    assert clashes == []
