"""Stylesheet arithmetic shared by the screen and print: Qt's CSS has no relative font units."""

from __future__ import annotations

import re

_PT_RE = re.compile(r"(\d+(?:\.\d+)?)pt")


def scale_stylesheet(css: str, factor: float) -> str:
    """Scale every ``Npt`` size in a stylesheet.

    >>> scale_stylesheet("body { font-size: 12pt; }", 1.5)
    'body { font-size: 18.0pt; }'
    """
    return _PT_RE.sub(lambda m: f"{float(m[1]) * factor:.1f}pt", css)
