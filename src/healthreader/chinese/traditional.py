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


TAIWAN = "tw"
HONG_KONG = "hk"
# Taiwan's standard forms with its own words (軟體, 連結), or Hong Kong's forms (説, 裏).  Plain s2t
# gives OpenCC's generic forms (審覈, 表現爲, 喫) that neither place writes.
CONFIGS = {TAIWAN: "s2twp", HONG_KONG: "s2hk"}


@lru_cache(maxsize=len(CONFIGS))
def _converter(variant: str) -> opencc.OpenCC:
    # Loading the dictionaries takes tens of milliseconds: once per process and variant is enough.
    return opencc.OpenCC(CONFIGS[variant])


def to_traditional(text: str, variant: str = TAIWAN) -> str:
    """Plain text in traditional characters, as Taiwan (the default) or Hong Kong writes them.

    >>> to_traditional("面部肌肉萎缩是怎么回事")
    '面部肌肉萎縮是怎麼回事'
    >>> to_traditional("外部链接说明"), to_traditional("外部链接说明", HONG_KONG)
    ('外部連結說明', '外部鏈接説明')
    """
    return _converter(variant).convert(text) if text else text


def to_traditional_html(html: str, variant: str = TAIWAN) -> str:
    """The HTML with its text converted and every tag, attribute and entity left as it was.

    >>> to_traditional_html('<a href="entry:头痛#发热">头痛与发热</a>')
    '<a href="entry:头痛#发热">頭痛與發熱</a>'
    """
    parts = _MARKUP.split(html)
    # split() with one group alternates text, markup, text, ...: convert the even-numbered parts.
    return "".join(to_traditional(p, variant) if i % 2 == 0 else p for i, p in enumerate(parts))
