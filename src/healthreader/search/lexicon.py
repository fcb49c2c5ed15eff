"""The library's own words: its user dictionary, its synonym groups, segmentation and pinyin.

Each library folder may have ``search/userdict.txt`` (jieba format: ``word [freq] [tag]`` per line)
and ``search/synonyms.txt`` (one group per line, space-separated, ``#`` comments).  rjieba accepts
words one by one (``add_word``), so the user dictionary is fed to it word by word; medical terms such
as 直腿抬高试验 then come out whole.

>>> lex = Lexicon(userdict={"面部肌肉萎缩": 2000}, groups=[("面瘫", "面神经麻痹")])
>>> lex.cut("面部肌肉萎缩怎么办")
['面部肌肉萎缩', '怎么办']
>>> lex.synonyms_of("面神经麻痹")
('面瘫', '面神经麻痹')
>>> lex.syllables("肌肉萎缩")
['ji', 'rou', 'wei', 'suo']
>>> lex.scan("面瘫怎么治")
[('面瘫', True), ('怎么治', False)]

Queries are not segmented with rjieba: the library's words are found in them by dictionary lookup
(``scan``), so a reader's process loads rjieba (0.2 s) and pypinyin (0.2 s) only to build an index or
to try a homophone correction.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from healthreader.content import Library
from healthreader.search.text import fold, is_cjk, runs

if TYPE_CHECKING:
    import rjieba

log = logging.getLogger(__name__)

SEARCH_DIR = "search"
USERDICT_FILE = "userdict.txt"
SYNONYMS_FILE = "synonyms.txt"
DEFAULT_FREQ = 1000


def lexicon_files(library: Library) -> list[Path]:
    """The word lists of every library folder that has them, in library order."""
    files: list[Path] = []
    for info in library.infos:
        for name in (USERDICT_FILE, SYNONYMS_FILE):
            path = info.path / SEARCH_DIR / name
            if path.is_file():
                files.append(path)
    return files


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("cannot read %s: %s", path, exc)
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class Lexicon:
    """Word lists, a segmenter that knows them, and pinyin.  Safe to share between threads."""

    def __init__(self, userdict: dict[str, int] | None = None, groups: Iterable[Sequence[str]] = ()) -> None:
        self.userdict: dict[str, int] = {fold(w): f for w, f in (userdict or {}).items() if w.strip()}
        self._groups: dict[str, tuple[str, ...]] = {}
        for group in groups:
            members = tuple(dict.fromkeys(fold(w) for w in group if w.strip()))
            if len(members) < 2:
                continue
            for word in members:
                # A word listed in two groups gets the union, so neither group loses it.
                old = self._groups.get(word, ())
                self._groups[word] = tuple(dict.fromkeys(old + members))
        self._jieba: rjieba.Jieba | None = None
        self._pinyin_memo: dict[str, list[str]] = {}
        self._words = set(self.userdict) | set(self._groups)
        self._max_word = max((len(w) for w in self._words), default=0)
        lengths: dict[str, set[int]] = {}
        for w in self._words:
            lengths.setdefault(w[0], set()).add(len(w))
        self._lengths = {ch: tuple(sorted(n, reverse=True)) for ch, n in lengths.items()}
        # Parts of the declared words (萎缩 of 肌肉萎缩, 手术 of 胸腺手术): medical vocabulary too.
        self._parts = {w[i:j] for w in self._words for i in range(len(w)) for j in range(i + 2, len(w) + 1)}
        self._lock = threading.Lock()

    @classmethod
    def from_library(cls, library: Library) -> Lexicon:
        return cls.from_files(lexicon_files(library))

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> Lexicon:
        """From word list files (``lexicon_files``), in order."""
        userdict: dict[str, int] = {}
        groups: list[list[str]] = []
        for path in paths:
            for line in _read_lines(path):
                parts = line.split()
                if path.name == USERDICT_FILE:
                    freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else DEFAULT_FREQ
                    userdict[parts[0]] = max(freq, userdict.get(parts[0], 0))
                else:
                    groups.append(parts)
        return cls(userdict, groups)

    # --- words --------------------------------------------------------------------------------

    @property
    def words(self) -> set[str]:
        """Every word the library declares: user dictionary and synonym words."""
        return set(self._words)

    @property
    def max_word(self) -> int:
        """Length of the longest word the library declares."""
        return self._max_word

    def lengths_from(self, ch: str) -> tuple[int, ...]:
        """The lengths of the declared words that start with ``ch``, longest first."""
        return self._lengths.get(ch, ())

    def is_word(self, word: str) -> bool:
        """Whether the library declares ``word`` (user dictionary or synonyms), folded."""
        return word in self._words

    def is_medical(self, word: str) -> bool:
        """A declared word, or two or more characters of one (萎缩 in 肌肉萎缩)."""
        return word in self._parts

    def synonyms_of(self, word: str) -> tuple[str, ...]:
        """The word's synonym group (itself included), or ``()`` when it has none."""
        return self._groups.get(word, ())

    def scan(self, run: str) -> list[tuple[str, bool]]:
        """``run`` cut into the library's words (longest first, left to right) and the text between
        them: (piece, is a library word)."""
        words = self._words
        out: list[tuple[str, bool]] = []
        pending = ""
        i = 0
        while i < len(run):
            for length in range(min(self._max_word, len(run) - i), 1, -1):
                if run[i : i + length] in words:
                    if pending:
                        out.append((pending, False))
                        pending = ""
                    out.append((run[i : i + length], True))
                    i += length
                    break
            else:
                pending += run[i]
                i += 1
        if pending:
            out.append((pending, False))
        return out

    def _segmenter(self) -> rjieba.Jieba:
        if self._jieba is None:
            import rjieba  # here, not at the top: a reader's process never needs it (see scan)

            with self._lock:
                if self._jieba is None:
                    jieba = rjieba.Jieba()
                    # Synonyms are words too: cutting 面瘫怎么治 must yield 面瘫 so it can be expanded.
                    for word in self._groups:
                        if all(is_cjk(ch) for ch in word) and len(word) > 1:
                            jieba.add_word(word, DEFAULT_FREQ, None)
                    for word, freq in self.userdict.items():
                        jieba.add_word(word, freq, None)
                    self._jieba = jieba
        return self._jieba

    def cut(self, folded: str) -> list[str]:
        """Words of folded text (letters and digits only; punctuation and spaces dropped)."""
        out: list[str] = []
        jieba = self._segmenter()
        for cjk, run, _ in runs(folded):
            out.extend(jieba.cut(run, False) if cjk else [run])
        return out

    def index_words(self, folded: str) -> list[str]:
        """Words to index for ranking: search-mode cut (long words and their parts), 2+ Han chars."""
        out: list[str] = []
        jieba = self._segmenter()
        for cjk, run, _ in runs(folded):
            if cjk:
                out.extend(w for w in jieba.cut_for_search(run, False) if len(w) > 1)
            else:
                out.append(run)
        return out

    # --- pinyin -------------------------------------------------------------------------------

    def _word_syllables(self, word: str) -> list[str]:
        memo = self._pinyin_memo.get(word)
        if memo is None:
            import pypinyin  # slow to import (0.2 s): only for index builds and homophone corrections

            memo = [s.lower() for s in pypinyin.lazy_pinyin(word, errors="ignore")]
            self._pinyin_memo[word] = memo
        return memo

    def syllables(self, run: str) -> list[str]:
        """Toneless pinyin of a run of Han characters, one syllable per character (pypinyin's own
        phrase table picks the reading of characters with several)."""
        return self._word_syllables(run)

    def pinyin_words(self, text: str) -> list[list[str]]:
        """Pinyin grouped by word (jieba words for Han text), so suggestions can match at word starts."""
        out: list[list[str]] = []
        for word in self.cut(fold(text)):
            if is_cjk(word[0]):
                syl = self._word_syllables(word)
                if len(syl) == len(word):
                    out.append(syl)
            else:
                out.append([word])
        return out
