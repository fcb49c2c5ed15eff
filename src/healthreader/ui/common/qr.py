"""QR codes as Qt images: segno draws the code (pure Python, no image library), Qt shows or prints it.

Whole modules only and a quiet zone of four modules, which is what phone cameras need to read a code
off a screen or a sheet of paper.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage


def qr_image(text: str, module_px: int) -> QImage:
    """``text`` as a black-on-white QR code (error correction M: a glare, smudge or fold still reads)."""
    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=module_px, border=4, dark="#000000", light="#ffffff")
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image
