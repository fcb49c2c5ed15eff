"""The key bookmarks are sorted by when "by title" is chosen: pinyin for Chinese, case-folded otherwise.

Code point order puts Chinese titles in an order no reader recognises; dictionaries and indexes in
Chinese sort by pinyin (then tone), which is what this key gives.  It is computed once, when a
bookmark is written, and stored, so sorting 10,000 bookmarks is an indexed ``ORDER BY``.
"""

from __future__ import annotations


def title_sort_key(title: str) -> str:
    """``"脑卒中"`` -> ``"nao3 zu2 zhong1"``; ``"EMG 检查"`` -> ``"emg  jian3 cha2"``."""
    # Imported here: pypinyin's dictionaries take ~0.2 s to load, which only writers should pay.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(title, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
    return " ".join(syllables).casefold()
