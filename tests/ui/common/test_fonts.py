"""Without a Simplified Chinese font Qt draws empty boxes and every other test still passes: not this one."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QImage, QPainter

from healthreader.ui.common.fonts import chinese_families, covers_chinese, pick_chinese_family


def test_a_simplified_chinese_font_is_installed_and_draws_glyphs(qapp) -> None:
    assert chinese_families(), "no font for Simplified Chinese: install fonts-noto-cjk or fonts-wqy-microhei"
    family = pick_chinese_family()
    assert family and covers_chinese(family)
    # Two different characters must draw differently (tofu boxes would be identical).
    images = []
    for ch in "面肌":
        img = QImage(64, 64, QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        font = QFont(family)
        font.setPixelSize(48)
        p.setFont(font)
        p.setPen(QColor("black"))
        p.drawText(4, 52, ch)
        p.end()
        images.append(img)
    assert images[0] != images[1]
    assert any(images[0].pixelColor(x, y) != QColor("white") for x in range(64) for y in range(64))


def test_window_uses_the_chinese_font(make_window) -> None:
    window = make_window("alpha")
    assert window.viewer.base_font().family() == pick_chinese_family()
