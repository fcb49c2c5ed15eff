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


# Where OpenCC's phrase tables go wrong in a health text (found by converting the whole library):
# - 和面 is "knead the dough" to them, so 和面部, 和面瘫, 和面肌 ("and the face...") came out 和麵部,
#   和麵癱, 和麵肌; 多只需 ("mostly only needs") came out 多隻需 ("many animals");
# - Taiwan's phrases are a software glossary: 类型 became 型別, 局部(麻醉) 區域性, 扩展 擴充套件,
#   社区(卫生) 社群, 拷贝(数) 複製數, 消息 訊息, 审核(人) 稽核 ("audit"), where a health text in Taiwan
#   writes 類型, 局部, 擴展, 社區, 拷貝, 消息, 審核.
# These words are converted on their own, as written here; the text around them as OpenCC does.
_KEEP = {
    "类型": "類型",
    "局部": "局部",
    "扩展": "擴展",
    "社区": "社區",
    "拷贝": "拷貝",
    "消息": "消息",
    "审核": "審核",
    "只需": "只需",
}
# A break between 和 and 面, unless the 面 is dough (面团, 面粉, 面条): 面 alone stays 面.
_PIECES = re.compile("(" + "|".join(_KEEP) + ")|(?<=和)(?=面[^团粉条])")


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
    >>> to_traditional("面瘫后遗症和面肌痉挛"), to_traditional("在局部麻醉下，查明类型")
    ('面癱後遺症和面肌痙攣', '在局部麻醉下，查明類型')
    """
    if not text:
        return text
    convert = _converter(variant).convert
    parts: list[str] = []
    start = 0
    for match in _PIECES.finditer(text):
        if match.start() > start:
            parts.append(convert(text[start : match.start()]))
        if match.group(1):
            parts.append(_KEEP[match.group(1)])
        start = match.end()
    parts.append(convert(text[start:]) if start < len(text) else "")
    return "".join(parts)


def to_traditional_html(html: str, variant: str = TAIWAN) -> str:
    """The HTML with its text converted and every tag, attribute and entity left as it was.

    >>> to_traditional_html('<a href="entry:头痛#发热">头痛与发热</a>')
    '<a href="entry:头痛#发热">頭痛與發熱</a>'
    """
    parts = _MARKUP.split(html)
    # split() with one group alternates text, markup, text, ...: convert the even-numbered parts.
    return "".join(to_traditional(p, variant) if i % 2 == 0 else p for i, p in enumerate(parts))
