"""How much larger large type makes the interface, and a style that scales what fonts do not.

A bigger application font grows text, but Qt draws icons, check boxes and scroll bars at fixed pixel
sizes; older readers need those larger too.  ``ScaledStyle`` is Fusion with those sizes multiplied.
The kiosk, whose stylesheet fixes its own type sizes, scales those by the same factor; its touch
targets' pixel minimums are already a finger's size and stay (text that grows grows its button).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

LARGE_UI_FACTOR = 1.3  # 11 pt menus become 14.3 pt; 24 px toolbar icons become 31 px

_PM = QStyle.PixelMetric
SCALED_METRICS = frozenset(
    {
        _PM.PM_SmallIconSize,  # menus, lists, line edits
        _PM.PM_ToolBarIconSize,
        _PM.PM_ButtonIconSize,
        _PM.PM_TabBarIconSize,
        _PM.PM_ListViewIconSize,
        _PM.PM_LargeIconSize,
        _PM.PM_MessageBoxIconSize,
        _PM.PM_ScrollBarExtent,
        _PM.PM_IndicatorWidth,  # check boxes
        _PM.PM_IndicatorHeight,
        _PM.PM_ExclusiveIndicatorWidth,  # radio buttons
        _PM.PM_ExclusiveIndicatorHeight,
        _PM.PM_SplitterWidth,
        _PM.PM_TabBarTabHSpace,  # the room around a tab's text
        _PM.PM_TabBarTabVSpace,
    }
)


class ScaledStyle(QProxyStyle):
    """Fusion with icons, indicators and scroll bars ``factor`` times their size."""

    def __init__(self, factor: float) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.factor = factor

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        return round(value * self.factor) if metric in SCALED_METRICS else value


_SIZE_RE = re.compile(r"(\d+(?:\.\d+)?)(pt|px)\b")


def scale_sizes(sheet: str, factor: float, units: tuple[str, ...] = ("pt", "px")) -> str:
    """Every size in ``units`` of a widget stylesheet times ``factor`` (Qt's CSS has no ``em``).

    >>> scale_sizes("QWidget { font-size: 15pt; min-height: 44px; }", 1.3)
    'QWidget { font-size: 19.5pt; min-height: 57px; }'
    >>> scale_sizes("QWidget { font-size: 15pt; min-height: 44px; }", 1.3, units=("pt",))
    'QWidget { font-size: 19.5pt; min-height: 44px; }'
    """
    if factor == 1.0:
        return sheet

    def scaled(m: re.Match[str]) -> str:
        if m[2] not in units:
            return m[0]
        value = float(m[1]) * factor
        return f"{value:.1f}pt" if m[2] == "pt" else f"{round(value)}px"

    return _SIZE_RE.sub(scaled, sheet)
