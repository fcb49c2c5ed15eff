"""A real CUPS server for the printing tests, started once per session in a temporary folder."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.printjobs.cupsd import CupsServer, CupsUnavailable


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    # Not pytest's tmp_path: its /tmp/pytest-of-root is 0700, and CUPS's filters run as the user lp.
    root = Path(tempfile.mkdtemp(prefix="healthreader-cups-"))
    server = CupsServer(root)
    try:
        server.start()
    except CupsUnavailable as exc:
        message = f"a private cupsd could not start, so printing is untested: {exc}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)  # CI runs as root with cups installed: this is a real failure there
        pytest.skip(message)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


def _point_libcups_at(server: str | None) -> None:
    """Qt's print dialogs use libcups in this process, and libcups reads CUPS_SERVER once, at its
    first call: tell it directly, so a QPrinter made after this fixture asks the test server too."""
    try:
        libcups = ctypes.CDLL(ctypes.util.find_library("cups") or "libcups.so.2")
    except OSError:
        return
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    libcups.cupsSetServer(server.encode() if server else None)


@pytest.fixture
def cups(cups_server: CupsServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[CupsServer]:
    """The session's server, reached through CUPS_SERVER; every queue enabled and accepting, none with jobs."""
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket_path))
    _point_libcups_at(str(cups_server.socket_path))
    monkeypatch.delenv("PRINTER", raising=False)
    monkeypatch.delenv("LPDEST", raising=False)
    cups_server.run("cancel", "-a", check=False)
    for name in ("a4", "a5", "receipt80", "letter"):
        cups_server.run("cupsenable", name, check=False)
        cups_server.run("cupsaccept", name, check=False)
    yield cups_server
    _point_libcups_at(None)  # back to the machine's own (or CUPS_SERVER's) server


@pytest.fixture
def hung_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A print server that accepts connections and never says a word; CUPS_SERVER points at it."""
    path = tmp_path / "hung.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(16)
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not done.is_set():
            try:
                conn, _ = listener.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv("CUPS_SERVER", str(path))
    yield path
    done.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


@pytest.fixture
def no_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "nobody-here.sock"
    monkeypatch.setenv("CUPS_SERVER", str(path))
    return path
