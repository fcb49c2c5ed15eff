"""The app's icons: one set of stroke SVGs in ``resources/icons``, drawn in the palette's colours.

The SVGs say ``currentColor`` wherever they draw; the engine below fills that in with the
application palette's text colour at the moment the icon is painted (the disabled text colour for a
greyed action, the highlighted-text colour in a selected menu row).  So an icon follows a theme
change by itself: Qt's own icons and fixed-colour pictures were black on black in the dark and
high-contrast themes.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from healthreader.paths import resource

PREFIX = "healthreader:"  # QIcon.name() of our icons, so a test can tell them from Qt's


@lru_cache(maxsize=128)
def _svg_text(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=512)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_svg_text(name).replace("currentColor", colour).encode("utf-8")))


def icon_colour(palette: QPalette, mode: QIcon.Mode) -> str:
    """The colour an icon is drawn in: that of the text beside it."""
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()


class PaletteIconEngine(QIconEngine):
    """Paints ``off`` (or ``on``, for a checked action) in the current palette's colours, at any size."""

    def __init__(self, off: str, on: str | None = None) -> None:
        super().__init__()
        self._off = off
        self._on = on or off

    def _name(self, state: QIcon.State) -> str:
        return self._on if state == QIcon.State.On else self._off

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = icon_colour(QGuiApplication.palette(), mode)
        _renderer(self._name(state), colour).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        device = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        image = QImage(device, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), device), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def iconName(self) -> str:
        return PREFIX + self._off

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self._off, self._on)


def themed_icon(name: str, checked: str | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; ``checked`` names the picture for the On state."""
    return QIcon(PaletteIconEngine(name, checked))
