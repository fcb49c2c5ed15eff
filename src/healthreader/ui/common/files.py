"""File dialogs: where they start, how large they open, and asking for a file name without blocking.

Where: one folder for every feature (saving a PDF, exporting and importing bookmarks).  A fresh account
often has no Documents folder yet; Qt's dialog then falls back to the process's working directory, so
each dialog opened somewhere else.  The folder is made instead, and home is the fallback.

How large: Qt's widget dialog (the same on every desktop, and translated by the Qt translations we
ship) opens at about 630 x 410 pixels whatever the font, with its columns sized for a Latin font at
normal type: the 修改日期 column and the places on the left come out cut, more so with large type.
``fit_file_dialog`` sizes the columns from the current font and the dialog from them and the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMimeDatabase, QStandardPaths, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QListView,
    QSplitter,
    QStyle,
    QTreeView,
    QWidget,
)

log = logging.getLogger(__name__)

# Of the reader's window: a file dialog is a place to look around in, not a pop-up.
WINDOW_SHARE = 0.8
SCREEN_SHARE = 0.95  # never off the screen, however large the columns are at large type
MIN_LINES = 24  # rows of the folder list a small window still gets
NAME_EMS = 16  # the name column: a handout's name (面部肌肉萎缩是怎么回事.pdf) in full
MIN_NAME_EMS = 6  # what it keeps when the screen has no room for that

_NAME, _SIZE, _TYPE, _DATE = range(4)


def documents_folder() -> Path:
    """The user's Documents folder (made if missing); the home folder if it cannot be made."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not location:
        return Path.home()
    folder = Path(location)
    try:
        folder.mkdir(parents=True, exist_ok=True)  # a file of that name raises FileExistsError too
    except OSError as exc:
        log.info("no Documents folder (%s): file dialogs start in the home folder", exc)
        return Path.home()
    return folder


def _samples(column: int) -> list[str]:
    """The widest texts the folder list may show in ``column``, before it has read the folder.

    QFileSystemModel formats sizes and dates in the system's locale; the UI language may differ."""
    locales = [QLocale.system(), QLocale()]
    if column == _SIZE:
        sizes = (1023 * 1024 + 1000, 999 * 1024**2 + 999_000, 999 * 1024**3 + 999_000_000)
        return [locale.formattedDataSize(n) for locale in locales for n in sizes]
    if column == _DATE:
        late = QDateTime(QDate(2026, 12, 28), QTime(22, 58, 59))  # two-digit month, day and hour
        return [locale.toString(late, QLocale.FormatType.ShortFormat) for locale in locales]
    mime = QMimeDatabase()
    names = ("application/pdf", "application/json", "text/plain", "application/octet-stream")
    # Qt's own string, from its translations (qt_supplement): the context is a variable so that our
    # translation files do not collect it as one of ours.
    icon_provider = "QAbstractFileIconProvider"
    return [QCoreApplication.translate(icon_provider, "Folder")] + [
        mime.mimeTypeForName(name).comment() for name in names
    ]


def _column_widths(tree: QTreeView, *, measured: bool) -> dict[int, int]:
    """Size, type and date columns wide enough for their heading (with its sort arrow) and their texts:
    the samples before the folder is read, the texts themselves (``measured``) once it is."""
    header = tree.header()
    metrics = tree.fontMetrics()
    # The item's text margins on both sides, and a character's room so a column never looks crammed.
    pad = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    pad += metrics.averageCharWidth()
    widths = {}
    for column in (_SIZE, _TYPE, _DATE):
        texts = max((metrics.horizontalAdvance(text) for text in _samples(column)), default=0) + pad
        if measured:
            texts = max(texts, tree.sizeHintForColumn(column))
        widths[column] = max(header.sectionSizeHint(column), texts)
    return widths


def _chrome(inner: QWidget, outer: QWidget) -> int:
    """The width that layouts and frames add around ``inner`` up to (not including) ``outer``."""
    total = 0
    widget = inner.parentWidget()
    while widget is not None and widget is not outer:
        layout = widget.layout()
        if layout is not None:
            margins = layout.contentsMargins()
            total += margins.left() + margins.right()
        if isinstance(widget, QFrame):
            total += 2 * widget.frameWidth()
        widget = widget.parentWidget()
    return total


def _fit_columns(tree: QTreeView, viewport_width: int, *, measured: bool) -> None:
    """The other columns as wide as they need; the name column the rest."""
    widths = _column_widths(tree, measured=measured)
    header = tree.header()
    for column, width in widths.items():
        header.resizeSection(column, width)
    em = tree.fontMetrics().horizontalAdvance("字")
    # On a small screen at large type the name column gives way first: a name also shows whole in
    # the file-name box when picked, a date cut short shows nowhere else.
    header.resizeSection(_NAME, max(MIN_NAME_EMS * em, viewport_width - sum(widths.values())))


def fit_file_dialog(dialog: QFileDialog, window: QWidget | None) -> None:
    """Size Qt's widget file dialog so that every column and every place on the left shows whole at
    the current font, and the dialog itself is most of ``window`` (at least ``MIN_LINES`` rows high),
    on its screen.  Sizes Qt restored from its settings file are replaced: they were for another font."""
    tree = dialog.findChild(QTreeView, "treeView")
    sidebar = dialog.findChild(QListView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    if tree is None or sidebar is None or splitter is None or dialog.layout() is None:
        log.warning("this Qt's file dialog has no treeView/sidebar/splitter: it opens at Qt's own size")
        return
    style = tree.style()
    places = sidebar.model()
    # The delegate's own measure of a place's row: its icon, its text and the style's margins.
    widest_place = max(
        (sidebar.sizeHintForIndex(places.index(row, 0)).width() for row in range(places.rowCount())), default=0
    )
    sidebar_width = widest_place + 2 * sidebar.frameWidth() + sidebar.fontMetrics().averageCharWidth()
    scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, tree)
    tree_chrome = 2 * tree.frameWidth() + scroll_bar  # room for the scroll bar a long folder needs
    em = tree.fontMetrics().horizontalAdvance("字")
    columns = sum(_column_widths(tree, measured=False).values()) + NAME_EMS * em
    grid = dialog.layout().contentsMargins()
    outer = grid.left() + grid.right()
    right_chrome = _chrome(tree, splitter)
    needed = outer + sidebar_width + splitter.handleWidth() + right_chrome + tree_chrome + columns

    host = window.window() if window is not None else None
    screen = (host.screen() if host is not None else dialog.screen()).availableGeometry()
    width = max(needed, round(WINDOW_SHARE * host.width()) if host is not None else 0)
    width = min(width, round(SCREEN_SHARE * screen.width()))
    lines = MIN_LINES * tree.fontMetrics().height()
    height = max(lines, round(WINDOW_SHARE * host.height()) if host is not None else 0, dialog.sizeHint().height())
    height = min(height, round(SCREEN_SHARE * screen.height()))
    dialog.resize(width, height)

    right = width - outer - splitter.handleWidth() - sidebar_width
    splitter.setSizes([sidebar_width, right])
    viewport = right - right_chrome - tree_chrome
    _fit_columns(tree, viewport, measured=False)
    model = tree.model()
    loaded = getattr(model, "directoryLoaded", None)
    if loaded is not None:
        # A type or date wider than the samples (a long file type's name) takes from the name column.
        loaded.connect(lambda _path: _fit_columns(tree, tree.viewport().width(), measured=True))


def ask_file_name(parent: QWidget, title: str, start: Path, filters: str, *, save: bool) -> Path | None:
    """Ask for a file to save (``save``) or open, in Qt's widget dialog sized by ``fit_file_dialog``;
    ``start`` is a folder, or a file name in one to suggest.  None when the reader cancels.

    The dialog runs its own event loop: the window behind keeps repainting and its timers keep running
    (read aloud goes on speaking) while the reader looks for a folder."""
    dialog = QFileDialog(parent, title, str(start), filters)
    # Qt's own dialog, not the desktop's: sized by us, translated by us, the same on every desktop.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the view with the date column
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # another reader window stays usable
    fit_file_dialog(dialog, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen else None
    finally:
        dialog.deleteLater()
