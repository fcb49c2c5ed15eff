"""Pick a font that draws Simplified Chinese, explicitly (Noto CJK defaults to its Japanese forms)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

# In order of preference; the SC faces first so shared Han characters take Chinese glyph forms.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Droid Sans Fallback",
)
SAMPLE = "面部肌肉萎缩是怎么回事"


def chinese_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def pick_chinese_family() -> str | None:
    """The best installed family that covers Simplified Chinese, or None (Qt would draw boxes)."""
    available = set(chinese_families())
    for name in PREFERRED_FAMILIES:
        if name in available:
            return name
    return sorted(available)[0] if available else None


def covers_chinese(family: str) -> bool:
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(ch)) for ch in SAMPLE)


def resolved_family(font: QFont) -> str:
    return QFontInfo(font).family()
