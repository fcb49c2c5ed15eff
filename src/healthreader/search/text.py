"""Text folding and character-level tokens shared by indexing, querying, suggestions and snippets.

Everything search compares goes through ``fold`` first, on both sides: NFKC (full-width letters and
digits become ASCII), lower case, and traditional Chinese folded to simplified with OpenCC ``t2s``.

>>> fold("肌肉萎縮 ＥＭＧ")
'肌肉萎缩 emg'
>>> cjk_bigrams("肌肉萎缩")
['肌肉', '肉萎', '萎缩']
>>> [t for t, _ in index_tokens(fold("维生素D3，肌"))]
['维生', '生素', '素', 'd3', '肌']
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator

import opencc

# Han ideographs: the unified blocks, extensions A to H and the compatibility block.
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR_RE = re.compile(f"[{CJK_RANGES}]")
# A run is either Han characters, or letters and digits of any other script (never '_').
RUN_RE = re.compile(f"(?P<cjk>[{CJK_RANGES}]+)|(?P<word>[^\\W_{CJK_RANGES}]+)")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# Markdown markers that are not text a reader sees: list bullets, heading hashes, emphasis, code
# ticks, link targets.  Removing them keeps "**面瘫**" searchable and snippets clean.
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_LINE_PREFIX_RE = re.compile(r"^\s*(?:#{1,6}\s*|>\s*|[-*+]\s+|\d+[.)]\s+|\|)+", re.MULTILINE)
_MD_MARK_RE = re.compile(r"\*\*|__|[*`|]|\{#[^}]*\}")

_converter: opencc.OpenCC | None = None
_converter_lock = threading.Lock()


def _t2s() -> opencc.OpenCC:
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                _converter = opencc.OpenCC("t2s")
    return _converter


def is_cjk(ch: str) -> bool:
    return bool(_CJK_CHAR_RE.match(ch))


def has_cjk(text: str) -> bool:
    return bool(_CJK_CHAR_RE.search(text))


def fold(text: str) -> str:
    """The form search compares: NFKC, lower case, simplified Chinese."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _t2s().convert(text) if has_cjk(text) else text


def clean_input(text: str, max_chars: int) -> str:
    """User input made harmless: control and bidi characters and lone surrogates out, length capped."""
    text = _CONTROL_RE.sub(" ", text[: max_chars * 4])
    return " ".join(text.split())[:max_chars]


def plain_text(markdown: str) -> str:
    """Markdown reduced to the words a reader sees (good enough for indexing and snippets)."""
    text = _MD_LINK_RE.sub(r"\1", markdown)
    text = _MD_LINE_PREFIX_RE.sub("", text)
    return _MD_MARK_RE.sub("", text)


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a Han run; a run of one character is that character."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def runs(folded: str) -> Iterator[tuple[bool, str, int]]:
    """(is_cjk, run, start offset) for each Han run and each run of other letters and digits."""
    for m in RUN_RE.finditer(folded):
        yield m.lastgroup == "cjk", m.group(), m.start()


def index_tokens(folded: str) -> Iterator[tuple[str, int]]:
    """Index-side tokens with their start offsets: a Han run's bigrams plus its last character, and
    other words whole.

    The extra last character makes every single character findable: a query of one character ``c``
    looks for the term ``c`` or any bigram starting with ``c``, and every occurrence of ``c`` is either
    followed by another Han character (a bigram ``c?``) or ends its run (the term ``c``).
    """
    for cjk, run, start in runs(folded):
        if not cjk:
            yield run, start
            continue
        for i in range(len(run) - 1):
            yield run[i : i + 2], start + i
        yield run[-1], start + len(run) - 1
