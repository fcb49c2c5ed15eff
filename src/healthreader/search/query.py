"""From what a reader typed to the units a hit must contain, without Whoosh's query parser.

Nothing typed is syntax: quotes only group characters into a phrase, and AND/OR/NOT, brackets, ``*``,
``?`` and ``:`` are ordinary characters (punctuation separates words, letters are searched as words).
Matching (``engine``) works from these analysed units, so no input can raise or recurse.

Each space-separated part, and each run of Han characters or of letters and digits in it, is a *unit*
that every hit must contain (in any field); a unit that is a synonym, or contains one, also matches the
other words of its group: 面瘫 finds 面神经麻痹.

>>> from healthreader.search.lexicon import Lexicon
>>> q = parse_query('面瘫怎么治 "肌肉 萎缩" OR', Lexicon(groups=[("面瘫", "面神经麻痹")]))
>>> [(u.alternatives, u.phrase) for u in q.units]
[(('面瘫', '面神经麻痹'), False), (('怎么治',), False), (('肌肉',), True), (('萎缩',), True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthreader.search.lexicon import Lexicon
from healthreader.search.text import fold, runs

_QUOTED_RE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
_OPERATORS = {"AND", "OR", "NOT", "&&", "||"}
MAX_RUN_AS_WORD = 4


@dataclass(frozen=True)
class Unit:
    """Text a hit must contain: any one of ``alternatives`` (folded; the typed form first)."""

    alternatives: tuple[str, ...]
    phrase: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    units: tuple[Unit, ...]
    words: tuple[str, ...]  # whole words, for ranking word matches above character matches

    @property
    def terms(self) -> tuple[str, ...]:
        """Everything to highlight, longest first (so 肌肉萎缩 is marked whole, not as 肌肉 + 萎缩)."""
        seen = dict.fromkeys(a for u in self.units for a in u.alternatives)
        return tuple(sorted(seen, key=lambda t: (-len(t), t)))


def _alternatives(typed: str, group: tuple[str, ...]) -> Unit:
    """The typed word and its synonyms, minus any that contain another (特发性面神经麻痹 contains
    面神经麻痹, so every hit of the longer word is already a hit of the shorter): fewer term lookups."""
    words = [typed, *(w for w in group if w != typed)]
    kept = [w for w in words if w == typed or not any(o != w and o in w for o in words)]
    return Unit(tuple(kept))


def _units_of_run(run: str, is_cjk: bool, lexicon: Lexicon) -> list[Unit]:
    group = lexicon.synonyms_of(run)
    if group:
        return [_alternatives(run, group)]
    if not is_cjk:
        return [Unit((run,))]
    pieces = lexicon.scan(run)
    if not any(known and lexicon.synonyms_of(w) for w, known in pieces):
        return [Unit((run,))]
    # Split only around the synonym words; the rest stays whole so its character pairs still bind.
    units: list[Unit] = []
    pending = ""
    for w, known in pieces:
        syn = lexicon.synonyms_of(w) if known else ()
        if syn:
            if pending:
                units.append(Unit((pending,)))
                pending = ""
            units.append(_alternatives(w, syn))
        else:
            pending += w
    if pending:
        units.append(Unit((pending,)))
    return units


def _ranking_words(folded: str, lexicon: Lexicon) -> list[str]:
    """Words to look up in the ``words`` field: the library's words found in the query, each short
    run whole (what a reader types is usually one word), and letters and digits as typed."""
    words: list[str] = []
    for is_cjk, run, _ in runs(folded):
        if not is_cjk:
            words.append(run)
            continue
        if 1 < len(run) <= MAX_RUN_AS_WORD:
            words.append(run)
        words.extend(w for w, known in lexicon.scan(run) if known)
    return words


def parse_query(text: str, lexicon: Lexicon) -> ParsedQuery:
    parts: list[tuple[str, bool]] = []
    last = 0
    for m in _QUOTED_RE.finditer(text):
        parts.extend((p, False) for p in text[last : m.start()].split())
        parts.append((next(g for g in m.groups() if g is not None), True))
        last = m.end()
    parts.extend((p, False) for p in text[last:].split())
    if len(parts) > 1:
        # Whoosh-style operators mean nothing here; drop them unless they are all that was typed.
        parts = [p for p in parts if p[0] not in _OPERATORS] or parts

    units: list[Unit] = []
    words: list[str] = []
    for part, quoted in parts:
        folded = fold(part)
        group = () if quoted else lexicon.synonyms_of(folded)
        if group:  # a whole part that is a synonym, letters and Han mixed (维生素D, CT检查)
            units.append(_alternatives(folded, group))
        else:
            for is_cjk, run, _ in runs(folded):
                units.extend([Unit((run,), True)] if quoted else _units_of_run(run, is_cjk, lexicon))
        words.extend(_ranking_words(folded, lexicon))
    for u in units:
        words.extend(a for a in u.alternatives[1:] if " " not in a)
    return ParsedQuery(tuple(dict.fromkeys(units)), tuple(dict.fromkeys(words)))
