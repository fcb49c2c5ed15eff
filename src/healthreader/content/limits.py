"""Limits no real entry reaches, so that no file can make loading or rendering slow, deep or huge.

Each number is far above what the library's longest entry uses (in brackets), and low enough that
the worst file within every limit still loads and renders in well under a second: the costs were
measured on Python-Markdown 3.11 (``tests/hostile/content`` holds the inputs).

- Files are refused before they are parsed: an entry of more than ``MAX_ENTRY_BYTES`` (real: 9 KB),
  front matter of more than ``MAX_FRONT_MATTER_BYTES`` (2 KB), a ``library.yaml`` of more than
  ``MAX_LIBRARY_YAML_BYTES`` (2 KB).
- YAML is read as events first and refused when it nests deeper than ``MAX_YAML_DEPTH`` (3), has more
  than ``MAX_YAML_EVENTS`` (about 100), or uses an alias at all: nothing in a library needs one, and
  an alias is how a small file expands into a huge value.
- Bodies: Python-Markdown recurses once per level of nesting (400 nested lists or 3,000 emphasis
  marks exhaust the stack) and scans to the end of a paragraph for every unmatched ``[`` (20,000 of
  them took 44 s).  So: at most ``MAX_NESTING`` levels of lists or quotes (real: 1), a paragraph
  (block) of at most ``MAX_BLOCK_CHARS`` characters (real: 490), ``MAX_BRACKETS_PER_BLOCK`` and
  ``MAX_BRACKETS`` brackets (real: 5 in a paragraph, 11 in a whole entry), ``MAX_EMPHASIS_PER_BLOCK`` emphasis
  marks (real: 32), ``MAX_HEADINGS`` headings (real: 10) of ``MAX_HEADING_CHARS`` characters (real: 23).
  The worst body inside every limit renders in about 0.3 s (``tests/hostile/content``).
  A body over any of them is shown as plain text instead, which costs time linear in its length.

>>> [p.message for p in body_problems("- " * 20 + "x\\n")]
['nested 20 levels deep (lists or quotes may nest at most 8 levels)']
>>> clean_text("面瘫\\u202e须知\\x1b[31m")
('面瘫须知[31m', 2)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ENTRY_BYTES = 512 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_LIBRARY_YAML_BYTES = 256 * 1024
MAX_YAML_DEPTH = 10
MAX_YAML_EVENTS = 20_000

MAX_BODY_CHARS = 100_000
MAX_BLOCK_CHARS = 3_000
MAX_BRACKETS_PER_BLOCK = 30
MAX_BRACKETS = 100
MAX_EMPHASIS_PER_BLOCK = 200
MAX_NESTING = 8
MAX_HEADINGS = 100
MAX_HEADING_CHARS = 200

# Field lengths in characters, and how many items a list field may hold.
MAX_FIELD_CHARS = {
    "id": 80,
    "title": 200,
    "summary": 600,
    "category": 60,
    "reviewer": 200,
    "item": 400,  # one tag, alias, source or warning
    "library": 2_000,  # library.yaml's title, description, disclaimer...
}
MAX_LIST_ITEMS = 100

# C0 and C1 control characters (tab, newline and carriage return are whitespace, handled apart),
# DEL, and the bidirectional embeddings, overrides and isolates that can make text read backwards
# (U+202E turns "txt.exe" into "exe.txt").  Zero-width joiners stay: some scripts need them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE_RE = re.compile(r"[\t\n\r]+")
_INDENT_RE = re.compile(r"^[ \t]*")
# Block quote markers and list markers at the start of a line, each possibly followed by spaces.
_OPENERS_RE = re.compile(r"^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+")
_OPENER_RE = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_HEADING_LINE_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_CODE_SPAN_RE = re.compile(r"`[^`\n]*`")
_FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")


def clean_text(text: str, *, one_line: bool = True) -> tuple[str, int]:
    """``text`` without control characters and bidirectional overrides, and how many were removed.

    With ``one_line``, tabs and line breaks become single spaces (a title is one line on screen).
    """
    cleaned, removed = _CONTROL_RE.subn("", text)
    if one_line:
        cleaned = _SPACE_RE.sub(" ", cleaned)
    return cleaned, removed


def control_lines(body: str) -> list[int]:
    """1-based lines of ``body`` that hold a control character or a bidirectional override."""
    if not _CONTROL_RE.search(body):
        return []
    return [n for n, line in enumerate(body.split("\n"), 1) if _CONTROL_RE.search(line)]


def remove_controls(body: str) -> str:
    """The body without control characters and bidirectional overrides; line breaks and tabs kept."""
    return _CONTROL_RE.sub("", body)


@dataclass(frozen=True)
class LimitProblem:
    line: int  # 1-based line of the body
    message: str


def _nesting(line: str) -> int:
    """Levels of list and quote nesting a line opens: its indent (4 columns a level) plus its markers."""
    indent = _INDENT_RE.match(line)
    columns = len(indent.group(0).expandtabs(4)) if indent else 0
    openers = _OPENERS_RE.match(line)
    markers = len(_OPENER_RE.findall(openers.group(0))) if openers else 0
    return columns // 4 + markers


def body_problems(body: str) -> list[LimitProblem]:
    """Every limit a body exceeds, with the line where it first does; ``[]`` when it is within all.

    Linear in the body's length: it is what stands between a hostile file and the Markdown parser.
    """
    problems: list[LimitProblem] = []
    if len(body) > MAX_BODY_CHARS:
        problems.append(
            LimitProblem(1, f"the body has {len(body):,} characters; an entry may have at most {MAX_BODY_CHARS:,}")
        )
        body = body[:MAX_BODY_CHARS]
    headings = brackets = 0
    deepest = (0, 0)  # (levels, line)
    block_start, block_chars, block_brackets, block_emphasis = 1, 0, 0, 0
    reported: set[str] = set()

    def once(key: str, line: int, message: str) -> None:
        if key not in reported:
            reported.add(key)
            problems.append(LimitProblem(line, message))

    in_fence = False
    for n, line in enumerate(body.split("\n"), 1):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        if not line.strip():
            block_start, block_chars, block_brackets, block_emphasis = n + 1, 0, 0, 0
            continue
        block_chars += len(line) + 1
        if block_chars > MAX_BLOCK_CHARS:
            once(
                "block",
                block_start,
                f"a paragraph or list of more than {MAX_BLOCK_CHARS:,} characters without a blank line",
            )
        level = _nesting(line)
        if level > deepest[0]:
            deepest = (level, n)
        if _HEADING_LINE_RE.match(line):
            headings += 1
            if headings > MAX_HEADINGS:
                once("headings", n, f"more than {MAX_HEADINGS} headings")
            if len(line) > MAX_HEADING_CHARS:
                once("heading", n, f"a heading of {len(line):,} characters (at most {MAX_HEADING_CHARS})")
        text = line if in_fence else _CODE_SPAN_RE.sub("", line)
        if in_fence:
            continue
        b = text.count("[")
        block_brackets += b
        brackets += b
        if block_brackets > MAX_BRACKETS_PER_BLOCK:
            once("block-brackets", n, f"more than {MAX_BRACKETS_PER_BLOCK} '[' brackets in one paragraph")
        if brackets > MAX_BRACKETS:
            once("brackets", n, f"more than {MAX_BRACKETS} '[' brackets in the entry")
        block_emphasis += text.count("*") + text.count("_")
        if block_emphasis > MAX_EMPHASIS_PER_BLOCK:
            once("emphasis", n, f"more than {MAX_EMPHASIS_PER_BLOCK} emphasis marks (* or _) in one paragraph")
    if deepest[0] > MAX_NESTING:
        problems.append(
            LimitProblem(
                deepest[1], f"nested {deepest[0]} levels deep (lists or quotes may nest at most {MAX_NESTING} levels)"
            )
        )
    problems.sort(key=lambda p: p.line)
    return problems
