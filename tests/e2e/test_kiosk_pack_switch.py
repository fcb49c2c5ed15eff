"""The real kiosk process moves to a pack dropped in its watched folder: it installs it, and being
idle, restarts itself (same process, new library) and shows the new version."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader.packs import PackStore, SigningKey, build_pack
from tests.conftest import ROOT, TINY_LIBRARY
from tests.unit.packs.conftest import set_version

pytestmark = pytest.mark.e2e


def _pack(tmp_path: Path, key: SigningKey, version: str) -> Path:
    src = tmp_path / f"src-{version}"
    shutil.copytree(TINY_LIBRARY, src)
    set_version(src, version)
    out = tmp_path / f"test-library-{version}.hrpack"
    build_pack(src, key, out)
    return out


def _wait_for(log: Path, text: str, proc: subprocess.Popen[str], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = log.read_text(encoding="utf-8") if log.exists() else ""
        if text in content:
            return content
        if proc.poll() is not None:
            raise AssertionError(f"the app ended ({proc.returncode}) before logging {text!r}:\n{content}")
        time.sleep(0.2)
    raise AssertionError(f"no {text!r} in the log within {timeout} s:\n{content}")


def test_an_idle_kiosk_installs_a_dropped_pack_and_restarts_into_it(tmp_path: Path) -> None:
    key = SigningKey.generate("clinic")
    # An install whose bundled library is the tiny one at 0.9; the packs folder has 1.0 of it.
    install_root = tmp_path / "opt"
    shutil.copytree(TINY_LIBRARY, install_root / "content")
    set_version(install_root / "content", "0.9")
    (install_root / "resources").symlink_to(ROOT / "resources")
    packs = tmp_path / "packs"
    PackStore(packs).install(_pack(tmp_path, key, "1.0"), {key.public.id: key.public})
    drop = tmp_path / "usb"
    drop.mkdir()
    policy = tmp_path / "kiosk.toml"
    policy.write_text(
        f'ui_language = "en"\npack_folder = "{drop}"\ntrusted_keys = ["{key.public.line()}"]\n', encoding="utf-8"
    )
    data = tmp_path / "data"
    (tmp_path / "run").mkdir(mode=0o700)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT / "src"),
        HEALTHREADER_ROOT=str(install_root),
        HEALTHREADER_PACKS_DIR=str(packs),
        HEALTHREADER_KIOSK_POLICY=str(policy),
        HEALTHREADER_PACK_SCAN_SECONDS="1",
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data)],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    log = data / "healthreader.log"
    try:
        _wait_for(log, "kiosk: library packs in use: test-library 1.0", proc)
        _wait_for(log, "window shown", proc)
        shutil.copy(_pack(tmp_path, key, "1.1"), drop / "new-library.hrpack")
        _wait_for(log, "restarting:", proc)
        _wait_for(log, "kiosk: library packs in use: test-library 1.1", proc)
        deadline = time.monotonic() + 30
        while log.read_text(encoding="utf-8").count("window shown") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        text = log.read_text(encoding="utf-8")
        assert text.count("window shown") == 2, text
        assert "installed test-library 1.1 (was 1.0)" in text
        assert proc.poll() is None, "the same process goes on (exec), so the session's supervisor sees no exit"
        assert PackStore(packs).current("test-library").version == "1.1"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
