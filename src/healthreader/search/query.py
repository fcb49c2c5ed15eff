"""From what a reader typed to the units a hit must contain, without Whoosh's query parser.

Nothing typed is syntax: quotes only group characters into a phrase, and AND/OR/NOT, brackets, ``*``,
``?`` and ``:`` are ordinary characters (punctuation separates words, letters are searched as words).
Matching (``engine``) works from these analysed units, so no input can raise or recurse.

Each space-separated part, and each run of Han characters or of letters and digits in it, is a *unit*
that every hit must contain (in any field) when the query is searched as keywords; a unit that is a
synonym, or contains one, also matches the other words of its group: 面瘫 finds 面神经麻痹.

The same text is also cut into *pieces* for best-match search and ranking: the library's words (user
dictionary and synonyms), the question words, particles and fillers of ``questions``, and words the
library's text uses (``known``, the index's vocabulary), longest first; what is left between them is a
piece of its own.  Question words, fillers and particles never have to match (see ``questions``).

>>> from healthreader.search.lexicon import Lexicon
>>> q = parse_query('面瘫怎么治 "肌肉 萎缩" OR', Lexicon(groups=[("面瘫", "面神经麻痹")]))
>>> [(u.alternatives, u.phrase) for u in q.units]
[(('面瘫', '面神经麻痹'), False), (('怎么治',), False), (('肌肉',), True), (('萎缩',), True)]
>>> [(p.text, p.kind) for p in parse_query("面瘫多久能好", Lexicon(groups=[("面瘫", "面神经麻痹")])).pieces]
[('面瘫', 'medical'), ('多久', 'question'), ('能好', 'question')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from healthreader.search import questions
from healthreader.search.lexicon import Lexicon
from healthreader.search.text import fold, runs

_QUOTED_RE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
_OPERATORS = {"AND", "OR", "NOT", "&&", "||"}
MAX_RUN_AS_WORD = 4
MAX_KNOWN_WORD = 4  # longest word looked up in the index's vocabulary (its words are jieba's, mostly 2-4)
CONTENT_KINDS = ("medical", "word", "other")


@dataclass(frozen=True)
class Unit:
    """Text a hit must contain: any one of ``alternatives`` (folded; the typed form first)."""

    alternatives: tuple[str, ...]
    phrase: bool = False


@dataclass(frozen=True)
class Piece:
    """One word of the query for best-match search: ``kind`` is 'medical' (a word of the library's
    dictionary or synonyms), 'word' (a word the library's text uses), 'other' (anything else typed),
    or 'question', 'filler', 'particle' (see ``questions``).  ``span`` numbers the stretches of subject
    words between question words, so a homophone slip is corrected within its stretch."""

    text: str
    alternatives: tuple[str, ...]  # the text and its synonyms (folded)
    kind: str
    span: int
    phrase: bool = False

    @property
    def content(self) -> bool:
        """What the question is about (as opposed to how it asks)."""
        return self.kind in CONTENT_KINDS


@dataclass(frozen=True)
class ParsedQuery:
    units: tuple[Unit, ...]
    words: tuple[str, ...]  # whole words, for ranking word matches above character matches
    pieces: tuple[Piece, ...] = ()
    intents: tuple[str, ...] = ()  # what the question asks for (questions.INTENTS)
    longest_run: int = 0  # the longest run of Han characters typed (outside quotes)
    glued: bool = False  # a run of Han characters holds two or more words (腰疼腿麻)

    @property
    def asks(self) -> bool:
        """Typed as a question (question words, fillers or particles), not as keywords."""
        return any(not p.content for p in self.pieces)

    @property
    def sentence(self) -> bool:
        """Typed as a question or a sentence (a run of Han characters longer than a word), so a best
        match is wanted when no entry has all of it; keywords (面瘫 针灸, 肌肉xyz) need every one.
        The run as typed, not its units: a synonym inside it (没劲 of 脖子没劲抬不起头) splits it into
        units of a word's length, and the sentence is no less a sentence for that.  Two words typed
        together (腰疼腿麻) are one too: typed with a space between them (腰疼 腿麻) they are keywords."""
        return self.asks or self.glued or self.longest_run > MAX_RUN_AS_WORD

    @property
    def content(self) -> tuple[Piece, ...]:
        return tuple(p for p in self.pieces if p.content)

    @property
    def terms(self) -> tuple[str, ...]:
        """Everything to highlight, longest first (so 肌肉萎缩 is marked whole, not as 肌肉 + 萎缩)."""
        seen = dict.fromkeys(a for u in self.units for a in u.alternatives)
        return tuple(sorted(seen, key=lambda t: (-len(t), t)))

    @property
    def content_terms(self) -> tuple[str, ...]:
        """The subject words and their synonyms, to highlight in a question's hits (not its particles)."""
        seen = dict.fromkeys(a for p in self.content for a in p.alternatives if a)
        return tuple(sorted(seen, key=lambda t: (-len(t), t)))


def _alternatives(typed: str, group: tuple[str, ...]) -> Unit:
    """The typed word and its synonyms, minus any that contain another (特发性面神经麻痹 contains
    面神经麻痹, so every hit of the longer word is already a hit of the shorter): fewer term lookups."""
    words = [typed, *(w for w in group if w != typed)]
    kept = [w for w in words if w == typed or not any(o != w and o in w for o in words)]
    return Unit(tuple(kept))


def _units_of_run(run: str, cjk: bool, lexicon: Lexicon) -> list[Unit]:
    group = lexicon.synonyms_of(run)
    if group:
        return [_alternatives(run, group)]
    if not cjk:
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
    for cjk, run, _ in runs(folded):
        if not cjk:
            words.append(run)
            continue
        if 1 < len(run) <= MAX_RUN_AS_WORD:
            words.append(run)
        words.extend(w for w, known in lexicon.scan(run) if known)
    return words


def _cut_run(run: str, lexicon: Lexicon, known: Callable[[str], bool] | None) -> list[tuple[str, str]]:
    """A Han run cut into (piece, kind), longest word first, left to right."""
    vocabulary = frozenset(range(2, MAX_KNOWN_WORD + 1)) if known is not None else frozenset()
    out: list[tuple[str, str]] = []
    pending = ""
    i = 0
    while i < len(run):
        found: tuple[str, str] | None = None
        ch = run[i]
        # Only the lengths some word starting here can have (a title is cut on every keystroke).
        lengths = vocabulary.union(lexicon.lengths_from(ch), questions.LENGTHS_FROM.get(ch, ()))
        for length in sorted((n for n in lengths if n <= len(run) - i), reverse=True):
            w = run[i : i + length]
            kind = questions.word_kind(w)
            if length > 1 and lexicon.is_word(w):
                found = (w, "medical")
            elif kind is not None:
                found = (w, kind)
            elif 1 < length <= MAX_KNOWN_WORD and known is not None and known(w):
                found = (w, "medical" if lexicon.is_medical(w) else "word")
            if found:
                break
        if found is None:
            pending += run[i]
            i += 1
            continue
        if pending:
            out.append((pending, "other"))
            pending = ""
        out.append(found)
        i += len(found[0])
    if pending:
        out.append((pending, "other"))
    return out


def analyse(text: str, lexicon: Lexicon, known: Callable[[str], bool] | None = None) -> tuple[Piece, ...]:
    """``text`` as pieces (see the module docstring); ``known(word)`` says whether the library's text
    uses a word (the index's vocabulary), or ``None`` to cut by the word lists alone."""
    pieces: list[Piece] = []
    span = 0

    def add(word: str, kind: str, phrase: bool = False) -> None:
        nonlocal span
        if kind not in CONTENT_KINDS:
            span += 1
        group = () if phrase else lexicon.synonyms_of(word)
        alternatives = _alternatives(word, group).alternatives if group else (word,)
        pieces.append(Piece(word, alternatives, "medical" if group else kind, span, phrase))

    for part, quoted in _parts(text):
        folded = fold(part)
        if not quoted and lexicon.synonyms_of(folded):
            add(folded, "medical")  # a whole part that is a synonym, letters and Han mixed (维生素D)
        else:
            for cjk, run, _ in runs(folded):
                if quoted:
                    add(run, "word", phrase=True)
                elif not cjk:
                    add(run, "medical" if lexicon.is_word(run) else "word")
                else:
                    for word, kind in _cut_run(run, lexicon, known):
                        add(word, kind)
                span += 1  # punctuation or a change of script ends a stretch of words
        span += 1
    return tuple(pieces)


def _parts(text: str) -> list[tuple[str, bool]]:
    """Space-separated parts and quoted phrases: (text, quoted)."""
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
    return parts


def parse_query(text: str, lexicon: Lexicon, known: Callable[[str], bool] | None = None) -> ParsedQuery:
    parts = _parts(text)
    units: list[Unit] = []
    words: list[str] = []
    longest = 0
    glued = False
    for part, quoted in parts:
        folded = fold(part)
        if not quoted:
            longest = max([longest, *(len(run) for cjk, run, _ in runs(folded) if cjk)])
        group = () if quoted else lexicon.synonyms_of(folded)
        if group:  # a whole part that is a synonym, letters and Han mixed (维生素D, CT检查)
            units.append(_alternatives(folded, group))
        else:
            for cjk, run, _ in runs(folded):
                found = [Unit((run,), True)] if quoted else _units_of_run(run, cjk, lexicon)
                glued = glued or (cjk and len(found) > 1)
                units.extend(found)
        words.extend(_ranking_words(folded, lexicon))
    for u in units:
        words.extend(a for a in u.alternatives[1:] if " " not in a)
    pieces = analyse(text, lexicon, known)
    intents = questions.intents_of(" ".join(fold(p) for p, _ in parts))
    return ParsedQuery(tuple(dict.fromkeys(units)), tuple(dict.fromkeys(words)), pieces, intents, longest, glued)
