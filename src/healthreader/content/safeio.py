"""Read content files with a bound: regular files only, never more than the limit, never blocking.

A named pipe called ``entry.md`` would block a plain ``open()`` for ever, a link to ``/dev/zero``
would never end, and a 2 GB file would be read whole before anyone looked at its size.  Here the
file is opened without blocking, checked to be a regular file, and read up to one byte past the
limit, so its real size never matters.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from healthreader.content.limits import MAX_ENTRY_BYTES
from healthreader.content.model import ContentReadError

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{max(n // 1024, 1)} KB"


def read_bounded(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of ``path``; ``ContentReadError`` when it is not a regular file or is over ``limit``."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise ContentReadError(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ContentReadError(f"not a regular file (a folder, pipe or device): {what} skipped")
        if st.st_size > limit:
            raise ContentReadError(f"the {what} is {_size(st.st_size)}; at most {_size(limit)} is read")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while we read it
            raise ContentReadError(f"the {what} is more than {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        if isinstance(exc, ContentReadError):
            raise
        raise ContentReadError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def decode(data: bytes) -> str:
    """UTF-8 text, a byte-order mark dropped; ``UnicodeDecodeError`` otherwise."""
    return data.decode("utf-8-sig")


def read_entry_text(path: str | Path) -> str:
    return decode(read_bounded(path, MAX_ENTRY_BYTES, "entry file"))


def inside(path: str, root: str) -> bool:
    """True when the real path ``path`` is ``root`` or lies under it (both already resolved)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
