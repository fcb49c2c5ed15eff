"""The reader's view settings: theme, large type, traditional characters, read aloud, and the keyboard.

One controller, created by the composition root after the main window, that:
- applies the theme (following the desktop's colour scheme unless the reader picks one) to the
  application palette, the focus ring and the article stylesheet;
- applies large type to the interface font and the article text together;
- shows the library in traditional characters (page text, sidebar lists and the window title);
- adds these, read aloud and Help > Keyboard shortcuts to the window's menus and toolbar;
- names every control for screen readers and sets a tab order that follows the reading order.
Everything is remembered through the options registry (``config/settings.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QStyleFactory,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from healthreader.chinese.traditional import TAIWAN, to_traditional, to_traditional_html
from healthreader.ui.access import theme
from healthreader.ui.access.focus import SelectAfterFocus
from healthreader.ui.access.read_aloud import ReadAloud
from healthreader.ui.common.actions import specs
from healthreader.ui.common.announce import announce
from healthreader.ui.common.i18n import traditional_variant
from healthreader.ui.common.labels import simplified_words
from healthreader.ui.common.scale import LARGE_UI_FACTOR, ScaledStyle
from healthreader.ui.reader.main_window import MainWindow
from healthreader.ui.reader.sidebar import SUMMARY_ROLE

log = logging.getLogger(__name__)

LARGE_TEXT_FACTOR = 1.3  # on top of the reader's zoom (the interface grows by LARGE_UI_FACTOR)
THEME_ACTIONS = {"theme_system": theme.SYSTEM, "theme_light": theme.LIGHT, "theme_dark": theme.DARK,
                 "theme_contrast": theme.CONTRAST}  # fmt: skip
ORIGINAL_ROLE = Qt.ItemDataRole.UserRole + 20  # (title, summary) before conversion to traditional
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QTabBar, QAbstractSpinBox)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The widgets a reader can focus or press, below ``root`` (itself included)."""
    found = [root] if isinstance(root, INTERACTIVE) else []
    return found + [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE)]  # type: ignore[return-value]


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def name_controls(root: QWidget) -> None:
    """Give every interactive widget without an accessible name one: its label, text, tooltip or hint.

    The explicit names set by the widgets themselves win; this fills the gaps so a screen reader
    never announces just "button" or "edit".
    """
    labels = {id(label.buddy()): label.text() for label in root.findChildren(QLabel) if label.buddy() is not None}
    for w in interactive_widgets(root):
        if not w.accessibleName():
            text = labels.get(id(w), "") or _qt_part_name(w)
            if not text and isinstance(w, QAbstractButton):
                text = w.text()
            if not text and isinstance(w, QLineEdit):
                text = w.placeholderText()
            text = text or w.toolTip() or w.statusTip()
            if text:
                w.setAccessibleName(_plain(text))
        if not w.accessibleDescription() and w.toolTip() and _plain(w.toolTip()) != w.accessibleName():
            w.setAccessibleDescription(w.toolTip())


def _qt_part_name(w: QWidget) -> str:
    """Names for the parts Qt adds by itself (clear buttons, overflow arrows, headers, popups)."""
    parent = w.parentWidget()
    if w.objectName() == "qt_toolbar_ext_button":
        return QCoreApplication.translate("AccessibilityController", "More buttons")
    if w.objectName() == "qt_menubar_ext_button":
        return QCoreApplication.translate("AccessibilityController", "More menus")
    if w.objectName() == "qt_tableview_cornerbutton":
        return QCoreApplication.translate("AccessibilityController", "Select all")
    if isinstance(w, QAbstractButton) and isinstance(parent, QLineEdit):
        return QCoreApplication.translate("AccessibilityController", "Clear")
    if isinstance(w, QHeaderView):
        return QCoreApplication.translate("AccessibilityController", "Column headings")
    if isinstance(w, QAbstractItemView) and parent is not None and parent.inherits("QComboBoxPrivateContainer"):
        return QCoreApplication.translate("AccessibilityController", "List of choices")
    if isinstance(w, QAbstractItemView) and w.windowFlags() & Qt.WindowType.Popup:
        return QCoreApplication.translate("AccessibilityController", "Suggestions")
    return ""


def _on_keyboard(key: QKeySequence) -> bool:
    """Whether a reader can type it: standard keys also bind media keys (Back, Zoom In) few keyboards have."""
    # Qt numbers the media and browser keys from Key_Back (0x01000061) up.
    return not key.isEmpty() and key[0].key().value < Qt.Key.Key_Back.value  # type: ignore[index]


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every action and its keys, generated from the action registry."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(self.tr("Each command and the keys that run it"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for spec in specs():
            action = window.actions_[spec.id]
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if _on_keyboard(k)]
            if not keys or not action.isVisible():
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(_plain(spec.text)))
            self.table.setItem(row, 1, QTableWidgetItem(self.tr(", ").join(keys)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(680, 560)


class AccessibilityController(QObject):
    """Theme, large type, traditional characters, read aloud and keyboard access for one window."""

    def __init__(self, window: MainWindow, stylesheet: str, *, speech_engine: str | None = None) -> None:
        super().__init__(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        SelectAfterFocus(app, self)  # Tab into a text field is said, as into any control
        self.app = app
        self.window = window
        self.settings = window.settings
        self._css = stylesheet
        self._base_font = QFont(QApplication.font())
        self._simplified_title = ""
        self.theme = theme.LIGHT
        # After a switch of characters, say that menus and buttons follow at the next start (a kiosk
        # turns this off: its patients never restart it).
        self.restart_note = True
        # The window's own locale, not the default one: the default is C while the speech engine starts
        # (see read_aloud.py), which may be long when the speech service is stuck.
        window.setLocale(QLocale())
        a = window.actions_
        self.read_aloud = ReadAloud(
            window.viewer,
            self.settings,
            {k: a[k] for k in ("read_aloud", "read_pause", "read_stop", "read_faster", "read_slower")},
            self,
            engine=speech_engine,
        )
        self.read_aloud.explain.connect(lambda text: window.infobar.show_message(text))
        self.read_aloud.status.connect(lambda text: window.statusBar().showMessage(text, 3000))
        # Status messages last a few seconds at the bottom of the window: a screen reader says them.
        status = window.statusBar()
        status.setAccessibleName(self.tr("Status"))
        status.messageChanged.connect(lambda text: announce(status, text))

        group = QActionGroup(self)
        group.setExclusive(True)
        for action_id, choice in THEME_ACTIONS.items():
            group.addAction(a[action_id])
            a[action_id].setChecked(self.settings.get("theme") == choice)
            a[action_id].triggered.connect(lambda _=False, c=choice: self.set_theme(c))
        a["large_type"].setChecked(bool(self.settings.get("large_type")))
        a["large_type"].toggled.connect(self.set_large_type)
        # Hong Kong's forms on a Hong Kong system, else Taiwan's; on either kind of system the library
        # is shown in traditional characters until the reader says otherwise.
        system_variant = traditional_variant()
        self._variant = system_variant or TAIWAN
        self._traditional = (
            bool(self.settings.get("traditional"))
            if self.settings.is_set("traditional")
            else system_variant is not None
        )
        a["traditional"].setChecked(self._traditional)
        a["traditional"].toggled.connect(self.set_traditional)
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        self._build_menus()
        self._build_toolbar()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        window.locationChanged.connect(lambda _loc: self._convert_chrome())
        window.locationChanged.connect(lambda _loc: self.read_aloud.stop())
        window.destroyed.connect(_restorer(app))
        # The speech thread ends with the window (or the app), never left running behind it.
        read_aloud = self.read_aloud
        window.destroyed.connect(lambda *_: read_aloud.shutdown())
        app.aboutToQuit.connect(read_aloud.shutdown)

        self.apply_theme()
        self.set_large_type(bool(self.settings.get("large_type")))
        self._show_traditional(self._traditional)
        self.set_tab_order()
        self.name_known_controls()
        name_controls(window)

    # --- menus and toolbar --------------------------------------------------------------------
    def _menu_holding(self, action: QAction) -> QMenu | None:
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and action in menu.actions():
                return menu
        return None

    def _build_menus(self) -> None:
        a = self.window.actions_
        view = self._menu_holding(a["zoom_in"]) or self.window.menuBar().addMenu(self.tr("&View"))
        view.addSeparator()
        colours = view.addMenu(self.tr("&Colours"))
        for action_id in THEME_ACTIONS:
            colours.addAction(a[action_id])
        view.addAction(a["large_type"])
        view.addAction(a["traditional"])
        view.addSeparator()
        speech = view.addMenu(self.tr("&Read aloud"))
        for action_id in ("read_aloud", "read_pause", "read_stop"):
            speech.addAction(a[action_id])
        speech.addSeparator()
        for action_id in ("read_faster", "read_slower"):
            speech.addAction(a[action_id])
        help_menu = self._menu_holding(a["about"]) or self.window.menuBar().addMenu(self.tr("&Help"))
        help_menu.insertAction(a["about"], a["shortcuts"])

    def _build_toolbar(self) -> None:
        bar = self.window.toolbar
        actions = bar.actions()
        search = next((x for x in actions if bar.widgetForAction(x) is self.window.search_box), None)
        # Before the separator that precedes the search box, so the search box stays last.
        i = actions.index(search) if search is not None else len(actions)
        before = actions[i - 1] if i > 0 and actions[i - 1].isSeparator() else search
        a = self.window.actions_
        # One button, so the search box keeps its room: press to read, its arrow for pause, stop, speed.
        bar.insertAction(before, a["read_aloud"])  # type: ignore[arg-type]
        bar.insertSeparator(a["read_aloud"])
        button = bar.widgetForAction(a["read_aloud"])
        if isinstance(button, QToolButton):
            menu = QMenu(button)
            for action_id in ("read_pause", "read_stop", "read_faster", "read_slower"):
                menu.addAction(a[action_id])
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.window)
        name_controls(dialog)
        dialog.exec()
        dialog.deleteLater()

    # --- theme --------------------------------------------------------------------------------
    def set_theme(self, choice: str) -> None:
        self.settings.set("theme", choice)
        self.apply_theme()

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.settings.get("theme") == theme.SYSTEM:
            self.apply_theme()

    def system_scheme(self) -> Qt.ColorScheme:
        return QGuiApplication.styleHints().colorScheme()

    def apply_theme(self) -> None:
        self.theme = theme.resolve(self.settings.get("theme"), theme.is_system_dark(self.system_scheme()))
        self._apply_style()
        self.app.setPalette(theme.palette(self.theme))
        self._set_app_stylesheet(theme.chrome_stylesheet(self.theme, bool(self.settings.get("large_type"))))
        self._restyle_viewer()
        log.info("theme %s (chosen: %s)", self.theme, self.settings.get("theme"))

    def _set_app_stylesheet(self, sheet: str) -> None:
        # Restyling every widget costs about 50 ms; at start the same sheet would be set twice.
        if self.app.styleSheet() != sheet:
            self.app.setStyleSheet(sheet)

    def _restyle_viewer(self) -> None:
        scale = LARGE_TEXT_FACTOR if self.settings.get("large_type") else 1.0
        self.window.viewer.restyle(theme.article_css(self._css, self.theme), scale)

    # --- large type ---------------------------------------------------------------------------
    def set_large_type(self, on: bool) -> None:
        self.settings.set("large_type", on)
        font = QFont(self._base_font)
        if on:
            font.setPointSizeF(self._base_font.pointSizeF() * LARGE_UI_FACTOR)
        QApplication.setFont(font)
        if self._apply_style():
            self.app.setPalette(theme.palette(self.theme))  # a new style starts from its own palette
        self._set_app_stylesheet(theme.chrome_stylesheet(self.theme, on))
        self._restyle_viewer()

    def _apply_style(self) -> bool:
        """Fusion (it draws with the palette on every platform, native styles may not), scaled up for
        large type: icons, check boxes and scroll bars do not grow with the font.  True if it changed."""
        factor = LARGE_UI_FACTOR if self.settings.get("large_type") else 1.0
        current = self.app.style()
        if isinstance(current, ScaledStyle) and current.factor == factor:
            return False
        if factor == 1.0 and not isinstance(current, ScaledStyle) and current.name().lower() == "fusion":
            return False
        self.app.setStyle(ScaledStyle(factor) if factor != 1.0 else QStyleFactory.create("Fusion"))
        return True

    # --- traditional characters ---------------------------------------------------------------
    def set_traditional(self, on: bool, announce: bool = True) -> None:
        """The reader's choice: remembered, and then it overrides what the system suggests."""
        self.settings.set("traditional", on)
        self._show_traditional(on)
        if announce and self.restart_note:
            self.window.statusBar().showMessage(
                self.tr("Menus and buttons change to the new characters the next time HealthReader starts."), 8000
            )

    def _show_traditional(self, on: bool) -> None:
        self._traditional = on
        variant = self._variant
        self.window.set_text_conversion(
            (lambda text: to_traditional(text, variant)) if on else None,
            (lambda html: to_traditional_html(html, variant)) if on else None,
        )
        # The page's own labels in the library's script: traditional ones are converted with the page,
        # simplified ones come from the simplified translation when the UI is traditional.
        self.window.set_page_words(None if on else simplified_words())
        self._convert_chrome()

    def _convert_chrome(self) -> None:
        """Library text outside the page: the sidebar's lists and the window title.

        The simplified originals are kept beside the converted text, so turning the setting off
        puts them back without rebuilding the lists.
        """
        on, variant = self._traditional, self._variant
        sidebar = self.window.sidebar
        lists: tuple[QListWidget, ...] = (sidebar.sections, sidebar.related)
        for widget in lists:
            for row in range(widget.count()):
                item = widget.item(row)
                original = item.data(ORIGINAL_ROLE)
                if original is None:
                    original = (item.text(), item.data(SUMMARY_ROLE) or "")
                    item.setData(ORIGINAL_ROLE, original)
                title, summary = original
                item.setText(to_traditional(title, variant) if on else title)
                if summary:
                    item.setData(SUMMARY_ROLE, to_traditional(summary, variant) if on else summary)
        title = self.window.windowTitle()
        if on:
            self._simplified_title = title
            self.window.setWindowTitle(to_traditional(title, variant))
        elif self._simplified_title and to_traditional(self._simplified_title, variant) == title:
            self.window.setWindowTitle(self._simplified_title)

    def name_known_controls(self) -> None:
        """Names a screen reader should say instead of a button's short label or a list's first item."""
        w = self.window
        for action in w.toolbar.actions():
            button = w.toolbar.widgetForAction(action)
            if isinstance(button, QAbstractButton) and not action.isSeparator():
                button.setAccessibleName(_plain(action.text()))
                if action.toolTip():
                    button.setAccessibleDescription(action.toolTip())
        w.search_box.setAccessibleDescription(w.search_box.placeholderText() or w.search_box.toolTip())
        if w.search_box.completer() is not None:
            w.search_box.completer().popup().setAccessibleName(self.tr("Suggestions"))
        panel = w.bookmarks
        if panel is not None:
            panel.view.setAccessibleName(self.tr("Bookmarks"))
            panel.history_tree.setAccessibleName(self.tr("Reading history"))
            panel.order_combo.setAccessibleName(self.tr("Bookmark order"))
            panel.folder_combo.setAccessibleName(self.tr("Folder"))
            panel.filter_edit.setAccessibleName(panel.filter_edit.placeholderText())

    # --- keyboard -----------------------------------------------------------------------------
    def set_tab_order(self) -> None:
        """Top-left to bottom-right, in a ring: the toolbar, search, the sidebar's tabs and the controls
        of each of its panels, the info and find bars, the article, and from there the toolbar again.

        Qt skips what is hidden (the panels of the other tabs, a closed find bar), so one ring serves
        every tab.  Toolbar buttons take no focus in Qt unless asked; a keyboard-only reader needs them.
        """
        w = self.window
        chain: list[QWidget] = []
        for action in w.toolbar.actions():
            widget = w.toolbar.widgetForAction(action)
            if isinstance(widget, QToolButton) and not action.isSeparator():
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                chain.append(widget)
            elif widget is w.search_box:
                chain.append(widget)
        if w.search_box not in chain:
            chain.append(w.search_box)
        # A tab widget is a Tab stop of its own that hands focus to its tab bar (its focus proxy): left
        # out of the ring, it lands after its panel's last control and starts that panel again, a
        # loop that never reaches the article.  So it goes in the ring just before its tab bar.
        chain += [w.sidebar, w.sidebar.tabBar(), w.sidebar.sections, w.sidebar.related]
        panel = w.bookmarks
        if panel is not None:
            chain += [
                panel.tabs,
                panel.tabs.tabBar(),
                panel.filter_edit,
                panel.order_combo,
                panel.folder_combo,
                panel.view,
            ]
            # Its buttons and the rest, in the order they were laid out (not its combos' pop-up lists).
            chain += [b for b in interactive_widgets(panel) if b not in chain and b.window() is panel.window()]
        chain += [w.infobar.copy_button, w.infobar.action_button, w.infobar.close_button]
        chain += [w.find_bar.field, w.find_bar.prev_button, w.find_bar.next_button, w.find_bar.close_button]
        chain.append(w.viewer)
        chain.append(chain[0])
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)


def _restorer(app: QApplication) -> Callable[..., None]:
    """Put back the application's palette, font and stylesheet when the window goes.

    They belong to the application, which outlives the window (several windows in one test
    process, or the kiosk's fresh window for the next reader).
    """
    palette, font, sheet = QPalette(QApplication.palette()), QFont(QApplication.font()), app.styleSheet()
    style = app.style().name() or "Fusion"

    def restore(*_: object) -> None:
        try:
            if isinstance(app.style(), ScaledStyle):
                app.setStyle(style)  # by name: the style object itself was replaced, and deleted, by ours
            QApplication.setPalette(palette)
            QApplication.setFont(font)
            app.setStyleSheet(sheet)
        except RuntimeError:  # the application is already gone at exit
            pass

    return restore
