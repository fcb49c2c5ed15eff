"""Reading the small files the app trusts least (settings, the kiosk policy, bookmark imports), bounded
before they are parsed.

``json`` and ``tomllib`` recurse once per level of nesting, so 100,000 brackets raise RecursionError,
which nothing above them expects; a 5,000-digit number raises ValueError; JSON keeps the last of two
equal keys without a word; and a file of many megabytes takes the UI thread with it.  Every reader
here therefore checks the size first, then the nesting depth with a scan that does not recurse, and
only then parses, turning every way a file can be wrong into one ``BoundedFileError`` with a
sentence for the log and a ``reason`` the UI words for the reader.

    >>> loads_json('{"a": [1, 2]}', max_depth=4)
    {'a': [1, 2]}
    >>> loads_json("[" * 100_000 + "]" * 100_000, max_depth=16)
    Traceback (most recent call last):
    ...
    healthreader.config.bounded.BoundedFileError: nested more than 16 levels deep
    >>> loads_json('{"a": 1, "a": 2}', max_depth=4)
    Traceback (most recent call last):
    ...
    healthreader.config.bounded.BoundedFileError: the key 'a' appears twice
    >>> loads_toml('\\ufeffname = "康复门诊"', max_depth=4)
    {'name': '康复门诊'}
"""

from __future__ import annotations

import enum
import errno
import json
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

#: Digits a whole number may have.  Python refuses more than 4,300 with a ValueError of its own, and no
#: setting or bookmark field needs more than a handful.
MAX_DIGITS = 20


class Reason(enum.StrEnum):
    UNREADABLE = "unreadable"  # cannot be opened or read
    TOO_LARGE = "too-large"
    TOO_DEEP = "too-deep"
    NOT_TEXT = "not-text"  # not UTF-8
    SYNTAX = "syntax"  # not JSON / not TOML
    DUPLICATE_KEY = "duplicate-key"
    BAD_VALUE = "bad-value"  # a number too long, NaN, a lone surrogate


class BoundedFileError(ValueError):
    """A file refused before or while parsing; ``str()`` is one plain sentence (without the path)."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, never reading more than ``max_bytes`` + 1 of them.

    ``FileNotFoundError`` passes through (a missing file usually means "use the defaults"); any other
    failure to read, and a file over the limit, is a ``BoundedFileError``.
    """
    try:
        # O_NONBLOCK: opening a named pipe to read would wait for a writer, forever (and a window stuck
        # in that open does not even end on SIGTERM).  It is not a file to read: refused like one.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise BoundedFileError(Reason.UNREADABLE, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            code = errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL
            why = os.strerror(code) if code == errno.EISDIR else "not a regular file: a named pipe, socket or device"
            raise OSError(code, why, str(path))
        with os.fdopen(fd, "rb") as f:
            fd = -1  # closed by the file object now
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise BoundedFileError(Reason.UNREADABLE, f"cannot be read ({exc.strerror or exc})") from exc
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise BoundedFileError(Reason.TOO_LARGE, f"is larger than {_size(max_bytes)}")
    return data


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def decode_text(data: bytes) -> str:
    """UTF-8, with or without the byte-order mark Windows Notepad writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BoundedFileError(Reason.NOT_TEXT, f"is not UTF-8 text (byte {exc.start})") from exc


# Strings first (so brackets inside them do not count), then every bracket: one regular-expression
# pass each, no recursion, linear in the file's size.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # "unrolled": no alternation per character
_BRACKETS = re.compile(r"[\[\]{}]")


def _check_depth(structure: str, max_depth: int) -> None:
    depth = 0
    for m in _BRACKETS.finditer(structure):
        if m.group() in "[{":
            depth += 1
            if depth > max_depth:
                raise BoundedFileError(Reason.TOO_DEEP, f"nested more than {max_depth} levels deep")
        else:
            depth -= 1


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BoundedFileError(Reason.DUPLICATE_KEY, f"the key {_shown(key)} appears twice")
        result[key] = value
    return result


def _shown(text: str, limit: int = 40) -> str:
    # repr() escapes lone surrogates and control characters, so the sentence itself is always printable.
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise BoundedFileError(Reason.BAD_VALUE, f"has a number of {len(digits.lstrip('-'))} digits")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise BoundedFileError(Reason.BAD_VALUE, f"has {name}, which is not a number JSON allows")


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (JSON's ``"\\ud800"``): it cannot be written as UTF-8."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def _check_strings(value: Any) -> None:
    stack = [value]
    while stack:  # a loop, not recursion: the depth was bounded, but the width was not
        v = stack.pop()
        if isinstance(v, str):
            if has_surrogates(v):
                raise BoundedFileError(Reason.BAD_VALUE, f"has text that is not valid Unicode: {_shown(v)}")
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)


def loads_json(text: str, *, max_depth: int) -> Any:
    """Parse JSON that is at most ``max_depth`` levels deep, has no repeated key in an object, no
    number over ``MAX_DIGITS`` digits, no NaN or Infinity and no lone surrogate."""
    _check_depth(_JSON_STRING.sub('""', text), max_depth)
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BoundedFileError(Reason.SYNTAX, f"is not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:  # only if the depth check and the parser ever disagree
        raise BoundedFileError(Reason.TOO_DEEP, "is nested too deeply") from exc
    _check_strings(value)
    return value


def read_json(path: Path, *, max_bytes: int, max_depth: int) -> Any:
    """``loads_json`` of a file read with ``read_bounded`` and ``decode_text``."""
    return loads_json(decode_text(read_bounded(path, max_bytes)), max_depth=max_depth)


def _toml_depth(text: str, max_depth: int) -> None:
    """The deepest nesting of arrays and inline tables, by one pass that skips strings, comments and
    table headers (``[a]`` and ``[[a]]`` at the start of a line are names, not nesting).  A loop by
    hand, not a regular expression: an unclosed multi-line string must not cost a scan per quote."""
    i, n, depth, line_start = 0, len(text), 0, True
    while i < n:
        c = text[i]
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c in " \t\r":
            i += 1
            continue
        if c == "#" or (c == "[" and line_start and depth == 0):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith(('"""', "'''"), i):
            quote = text[i : i + 3]
            j = i + 3
            while j < n and not text.startswith(quote, j):
                j += 2 if quote == '"""' and text[j] == "\\" else 1
            i = j + 3
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if c == '"' and text[j] == "\\" else 1
            i = j + 1
        else:
            if c in "[{":
                depth += 1
                if depth > max_depth:
                    raise BoundedFileError(Reason.TOO_DEEP, f"nested more than {max_depth} levels deep")
            elif c in "]}":
                depth -= 1
            i += 1
        line_start = False


def loads_toml(text: str, *, max_depth: int) -> dict[str, Any]:
    """Parse TOML (a leading byte-order mark allowed) at most ``max_depth`` levels deep."""
    text = text.removeprefix("\ufeff")
    _toml_depth(text, max_depth)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BoundedFileError(Reason.SYNTAX, f"is not valid TOML ({exc})") from exc
    except ValueError as exc:  # tomllib's int() of a number of more than 4,300 digits
        raise BoundedFileError(Reason.BAD_VALUE, "has a number with far too many digits") from exc
    except RecursionError as exc:
        raise BoundedFileError(Reason.TOO_DEEP, "is nested too deeply") from exc
    return doc
