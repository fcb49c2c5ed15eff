"""Homophone slips: 肌肉委缩 typed, 肌肉萎缩 meant.

Pinyin input methods offer every character with the right sound, and readers pick the wrong one.  The
library's own words (titles, aliases, tags, the user dictionary and the synonym groups) are keyed by
their toneless pinyin; a query's Han runs are rewritten, longest stretch first, into library words
that sound the same.  The caller decides whether the rewrite is better (it must find more).

>>> from healthreader.search.lexicon import Lexicon
>>> Homophones(["肌肉萎缩", "面瘫"], Lexicon()).correct("肌肉委缩 面摊")
'肌肉萎缩 面瘫'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from healthreader.search.lexicon import Lexicon
from healthreader.search.text import is_cjk, runs

MAX_WORD = 12


class Homophones:
    def __init__(
        self, words: Iterable[str], lexicon: Lexicon, known_pinyin: Mapping[str, list[str]] | None = None
    ) -> None:
        """``words`` are folded library words, most important first; ``known_pinyin`` saves pypinyin
        calls for words whose syllables were computed when the index was built."""
        self._lexicon = lexicon
        self._words: set[str] = set()
        ordered: list[tuple[str, list[str]]] = []  # most important first
        self._by_sound: dict[str, str] = {}
        self._by_letters: dict[str, str] = {}  # full pinyin, then initials, without spaces
        known = known_pinyin or {}
        for word in words:
            if not (1 < len(word) <= MAX_WORD) or not all(is_cjk(ch) for ch in word) or word in self._words:
                continue
            self._words.add(word)
            syllables = known.get(word) or lexicon.syllables(word)
            if len(syllables) == len(word):
                ordered.append((word, syllables))
                self._by_sound.setdefault(" ".join(syllables), word)
                self._by_letters.setdefault("".join(syllables), word)
        # Initials only after every full spelling, so a full spelling is never shadowed by initials.
        for word, syllables in ordered:
            self._by_letters.setdefault("".join(s[0] for s in syllables), word)

    def correct(self, folded: str) -> str | None:
        """``folded`` with sound-alike stretches replaced by library words; ``None`` if none was found."""
        letters = "".join(folded.split())
        if letters.isascii() and letters.isalpha():
            # Pinyin typed into the search box (jirouweisuo, jrws): the library word it spells.
            return self._by_letters.get(letters)
        out: list[str] = []
        last = 0
        changed = False
        for is_cjk_run, run, start in runs(folded):
            if not is_cjk_run or len(run) < 2:
                continue
            syllables = self._lexicon.syllables(run)
            if len(syllables) != len(run):
                continue
            fixed, run_changed = self._correct_run(run, syllables)
            if run_changed:
                out.append(folded[last:start])
                out.append(fixed)
                last = start + len(run)
                changed = True
        if not changed:
            return None
        out.append(folded[last:])
        return "".join(out)

    def _correct_run(self, run: str, syllables: list[str]) -> tuple[str, bool]:
        pieces: list[str] = []
        changed = False
        i = 0
        while i < len(run):
            for length in range(min(MAX_WORD, len(run) - i), 1, -1):
                piece = run[i : i + length]
                if piece in self._words:
                    break
                word = self._by_sound.get(" ".join(syllables[i : i + length]))
                if word is not None and word != piece:
                    piece, changed = word, True
                    break
            else:
                piece = run[i]
            pieces.append(piece)
            i += len(piece)
        return "".join(pieces), changed
