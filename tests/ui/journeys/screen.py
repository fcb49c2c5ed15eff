"""What a person sees and does in the reader window, as functions the journeys and their tests share.

Reading the screen: the viewer's visible text (only what is scrolled into view), how many rows of a
list are fully on screen, how much of the window the article column gets.  Acting on it: clicking a
link in the viewer where it is drawn, a toolbar button, a list row, typing as an input method commits
Chinese.  ``driver`` is pytest-qt's ``qtbot`` in the tests and ``tools/journeys.py``'s QTest driver
under Xvfb: both have ``mouseClick``, ``keyClick``, ``keyClicks`` and ``waitUntil``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QWidget,
)

from healthreader.ui.access.theme import contrast_ratio


def visible_text(viewer: QTextBrowser) -> str:
    """The text drawn in the viewer's viewport now: what a person can read without scrolling."""
    area = viewer.viewport().rect()
    start = viewer.cursorForPosition(area.topLeft()).position()
    end = viewer.cursorForPosition(area.bottomRight()).position()
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return drawn(cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n"))


def drawn(text: str) -> str:
    """Text as a person reads it: without the word joiners that keep a link on one line (drawn as nothing)."""
    return text.replace("\u2060", "")


def page_text(viewer: QTextBrowser) -> str:
    """The whole page's text as drawn, scrolled into view or not."""
    return drawn(viewer.toPlainText())


def first_line(viewer: QTextBrowser) -> str:
    """The first non-empty line on screen (a page's title when it is scrolled to the top)."""
    return next((line.strip() for line in visible_text(viewer).splitlines() if line.strip()), "")


def _link_cursor(viewer: QTextBrowser, href: str | None, text: str | None) -> QTextCursor:
    """A cursor inside the link whose address is ``href`` (else the first that starts with it), or the
    first whose text holds ``text``."""
    for exact in (True, False):
        block = viewer.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                target = fmt.anchorHref()
                if target and fmt.isAnchor():
                    by_href = href is not None and (target == href if exact else target.startswith(href))
                    if by_href or (text is not None and text in fragment.text()):
                        cursor = QTextCursor(viewer.document())
                        offset = fragment.text().find(text) if text is not None and text in fragment.text() else 0
                        cursor.setPosition(fragment.position() + max(offset, 0) + 1)
                        return cursor
                it += 1
            block = block.next()
    raise AssertionError(f"no link {href or text!r} on the page")


def link_position(viewer: QTextBrowser, *, href: str | None = None, text: str | None = None) -> QPoint:
    """Where the link is drawn, in viewport coordinates, after scrolling it into view as a reader would."""
    cursor = _link_cursor(viewer, href, text)
    rect = viewer.cursorRect(cursor)
    if not viewer.viewport().rect().contains(rect.center()):
        bar = viewer.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - viewer.viewport().height() // 3)
        rect = viewer.cursorRect(cursor)
    assert viewer.viewport().rect().contains(rect.center()), "the link cannot be scrolled into view"
    assert viewer.anchorAt(rect.center()), "no link is drawn where the link's text is"
    return rect.center()


def click_link(driver: Any, viewer: QTextBrowser, *, href: str | None = None, text: str | None = None) -> None:
    """Click a link in the viewer where it is drawn on screen."""
    pos = link_position(viewer, href=href, text=text)
    driver.mouseClick(viewer.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def tool_button(toolbar: QToolBar, action: Any) -> QAbstractButton:
    button = toolbar.widgetForAction(action)
    assert isinstance(button, QAbstractButton), f"{action.text()} is not on the toolbar"
    return button


def click_tool(driver: Any, toolbar: QToolBar, action: Any) -> None:
    button = tool_button(toolbar, action)
    assert button.isVisible() and button.isEnabled(), f"{action.text()} cannot be pressed"
    driver.mouseClick(button, Qt.MouseButton.LeftButton)


def fully_visible_rows(view: QListWidget) -> int:
    """Rows of a list drawn whole inside its viewport (a row cut off at the bottom does not count)."""
    area = view.viewport().rect()
    return sum(1 for i in range(view.count()) if area.contains(view.visualItemRect(view.item(i))))


def links_broken_across_lines(viewer: QTextBrowser, prefix: str = "") -> list[str]:
    """The links (whose address starts with ``prefix``) that the viewer draws over two lines, as
    "营养与饮" at the end of one line and "食" at the start of the next; each as the text drawn."""
    broken = []
    block = viewer.document().begin()
    while block.isValid():
        layout = block.layout()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if fragment.isValid() and href.startswith(prefix) and href and fragment.length() > 1:
                start = fragment.position() - block.position()
                end = start + fragment.length() - 1
                if layout.lineForTextPosition(start).lineNumber() != layout.lineForTextPosition(end).lineNumber():
                    broken.append(fragment.text())
            it += 1
        block = block.next()
    return broken


def click_row(driver: Any, view: QListWidget, row: int) -> None:
    item = view.item(row)
    view.scrollToItem(item)
    driver.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center())


def width_fraction(widget: QWidget, window: QWidget) -> float:
    return widget.width() / max(window.width(), 1)


def is_shown(widget: QWidget) -> bool:
    """Visible on screen and not squashed to nothing."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def type_text(driver: Any, widget: QWidget, text: str) -> None:
    """Type as a reader does: ASCII on the keys, Chinese committed one character at a time by the input method."""
    for ch in text:
        if ch.isascii():
            driver.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def search_for(driver: Any, window: Any, text: str) -> None:
    """Ctrl+K, type ``text`` as a person does, Enter, and wait for the results page."""
    driver.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    window.search_box.clear()
    type_text(driver, window.search_box, text)
    driver.keyClick(window.search_box, Qt.Key.Key_Return)
    driver.waitUntil(lambda: window._results is not None, timeout=10_000)


def icon_contrast(button: QToolButton) -> float:
    """The strongest contrast between the icon's pixels and the button's background, as drawn."""
    QApplication.processEvents()
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    background = QColor(image.pixel(1, image.height() // 2)).name()
    size = button.iconSize()
    assert not button.icon().isNull(), f"{button.text()} has no icon"
    # Fusion draws the icon at the left, the text after it, or the icon alone in the middle: look at the
    # icon's columns only, so that a button's text never stands in for a missing icon.
    right = (
        size.width() + 4
        if button.text() and button.toolButtonStyle() != button.toolButtonStyle().ToolButtonIconOnly
        else image.width()
    )
    best = 1.0
    for x in range(0, min(right, image.width())):
        for y in range(0, image.height()):
            colour = QColor(image.pixel(x, y)).name()
            if colour != background:
                best = max(best, contrast_ratio(colour, background))
    return best


def answer_file_dialog(driver: Any, path: Path | str | None) -> QTimer:
    """Answer the next file dialog as a person does: paste ``path`` over the suggested name and click
    Save or Open, or press Escape for None.  Start it before the command that opens the dialog (the
    dialog runs its own event loop); the timer it returns must be kept until the dialog has been used."""
    timer = QTimer(QApplication.instance())
    timer.setInterval(50)
    typed: list[QFileDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if typed and dialog is not typed[0]:
            timer.stop()  # closed, or it asks something else (replace the file?): the test answers that
            return
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            return
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if path is None:
            timer.stop()
            driver.keyClick(dialog, Qt.Key.Key_Escape)
            return
        if not typed:
            # Pasted, as a path usually is: typed a key at a time, Qt's dialog moves into each folder as
            # its "/" is typed, and a path through a file (a hostile case) loses its first part.
            QApplication.clipboard().setText(str(path))
            edit.setFocus()
            driver.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            driver.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
            typed.append(dialog)
            return
        completer = edit.completer()
        if completer is not None and completer.popup().isVisible():
            # The folder-name completion list a typed path opens takes the next click: close it first.
            driver.keyClick(completer.popup(), Qt.Key.Key_Escape)
            return
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        standard = QDialogButtonBox.StandardButton
        button = buttons.button(standard.Save) or buttons.button(standard.Open)
        driver.mouseClick(button, Qt.MouseButton.LeftButton)

    timer.timeout.connect(answer)
    timer.start()
    return timer
