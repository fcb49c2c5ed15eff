"""Show the library in traditional characters: convert page text (never markup) at display time.

The library is written in simplified characters and stays so on disk, in the index and in the
render cache; conversion happens only on the way to the screen.  Search already folds traditional to
simplified, so a reader finds an entry whichever form they type.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# A tag, a comment or an entity is markup: its ids, anchors and hrefs must keep their exact spelling.
_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>|&[#\w]+;)", re.S)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    # Loading the dictionaries takes tens of milliseconds: once per process is enough.
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Plain text in traditional characters.

    >>> to_traditional("面部肌肉萎缩是怎么回事")
    '面部肌肉萎縮是怎麼回事'
    """
    return _converter().convert(text) if text else text


def to_traditional_html(html: str) -> str:
    """The HTML with its text converted and every tag, attribute and entity left as it was.

    >>> to_traditional_html('<a href="entry:头痛#发热">头痛与发热</a>')
    '<a href="entry:头痛#发热">頭痛與發熱</a>'
    """
    parts = _MARKUP.split(html)
    # split() with one group alternates text, markup, text, ...: convert the even-numbered parts.
    return "".join(to_traditional(p) if i % 2 == 0 else p for i, p in enumerate(parts))
