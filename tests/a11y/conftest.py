"""The accessibility tier: the real app on a virtual screen, read from the AT-SPI bus as Orca reads it.

Each session gets its own X server (Xvfb), its own D-Bus session bus and its own AT-SPI bus, so a
developer's desktop and its screen reader are never touched.  The app runs with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 (Qt otherwise waits for a screen reader to announce itself);
the client, ``atspi_client.py``, runs under the system Python, which has Debian's pyatspi.

When the bus cannot start, the tests are skipped with the reason, and fail instead under CI=true:
a CI machine without the bus would otherwise pass without checking anything.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.a11y

SYSTEM_PYTHON = "/usr/bin/python3"
CLIENT = Path(__file__).with_name("atspi_client.py")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
ARTICLE = "facial-muscle-atrophy"


def _unavailable(reason: str) -> None:
    message = f"accessibility bus unavailable: {reason} (tools/setup.sh installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _missing() -> str:
    for tool in ("Xvfb", "dbus-daemon"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi2-core is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"],
        capture_output=True,
        text=True,
    )
    if check.returncode:
        return f"python3-pyatspi (gir1.2-atspi-2.0) is not usable: {check.stderr.strip().splitlines()[-1:]}"
    return ""


class Bus:
    """A private X display, session bus and accessibility bus, and the processes started on them."""

    def __init__(self, env: dict[str, str], procs: list[subprocess.Popen[bytes]]) -> None:
        self.env = env
        self.procs = procs

    def client(self, *args: str, timeout: float = 60) -> object:
        proc = subprocess.run(
            [SYSTEM_PYTHON, str(CLIENT), *args], capture_output=True, text=True, timeout=timeout, env=self.env
        )
        out = proc.stdout.strip() or proc.stderr.strip()
        try:
            return json.loads(out.splitlines()[-1])
        except (json.JSONDecodeError, IndexError):
            raise AssertionError(f"the bus client failed ({proc.returncode}): {proc.stderr[-2000:]}") from None


@pytest.fixture(scope="session")
def bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bus]:
    reason = _missing()
    if reason:
        _unavailable(reason)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stderr=subprocess.DEVNULL,
        )
        procs.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        if not display:
            _unavailable("Xvfb did not start")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI", "WAYLAND"))}
        env["DISPLAY"] = f":{display}"
        # The bus daemons must see DISPLAY: the registry synthesises key presses on that X server.
        dbus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        procs.append(dbus)
        assert dbus.stdout is not None
        address = dbus.stdout.readline().decode().strip()
        if not address:
            _unavailable("dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env, stderr=subprocess.DEVNULL)
        procs.append(launcher)
        time.sleep(0.5)
        if launcher.poll() is not None:
            _unavailable(f"at-spi-bus-launcher exited with {launcher.returncode}")
        yield Bus(env, procs)
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


class App:
    """The healthreader process on the bus, and what a screen reader can ask of it."""

    def __init__(self, bus: Bus, proc: subprocess.Popen[bytes], data_dir: Path) -> None:
        self.bus, self.proc, self.data_dir = bus, proc, data_dir

    def tree(self) -> dict:
        return self.bus.client("tree")  # type: ignore[return-value]

    def keys(self, *specs: str, wait: float = 0.35) -> list[dict]:
        return self.bus.client("keys", str(wait), *specs)  # type: ignore[return-value]

    def set_text(self, name: str, text: str) -> None:
        self.bus.client("settext", name, text)

    def log(self) -> str:
        path = self.data_dir / "healthreader.log"
        return path.read_text("utf-8") if path.exists() else ""


def objects(node: dict) -> Iterator[dict]:
    yield node
    for child in node.get("children", []):
        yield from objects(child)


def find(node: dict, **want: str) -> dict:
    for obj in objects(node):
        if all(obj.get(k) == v for k, v in want.items()):
            return obj
    raise AssertionError(f"nothing on the bus with {want}")


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The library's search index, built once: every test's app starts with a copy, as after a first run."""
    data = tmp_path_factory.mktemp("index-data")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HOME=str(data))
    subprocess.run(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data), "index", "build"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return data / "index"


@pytest.fixture
def app(bus: Bus, data_dir: Path, built_index: Path) -> Iterator[App]:
    """The app open at the first article."""
    yield from _run_app(bus, data_dir, built_index, "--open", ARTICLE)


@pytest.fixture
def home_app(bus: Bus, data_dir: Path, built_index: Path) -> Iterator[App]:
    """The app as a reader first starts it: at the library's home page."""
    yield from _run_app(bus, data_dir, built_index)


def _run_app(bus: Bus, data_dir: Path, built_index: Path, *args: str) -> Iterator[App]:
    shutil.copytree(built_index, data_dir / "index")
    env = dict(bus.env, **{k: os.environ[k] for k in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")})
    env.update(
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        PYTHONPATH=str(ROOT / "src"),
        HEALTHREADER_PACKS_DIR=os.environ["HEALTHREADER_PACKS_DIR"],
        HEALTHREADER_KEYS_DIR=os.environ["HEALTHREADER_KEYS_DIR"],
        LANGUAGE="zh_CN",
        LANG="zh_CN.UTF-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data_dir), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    running = App(bus, proc, data_dir)
    try:
        deadline = time.monotonic() + 60  # generous: a loaded CI machine starts Qt slowly
        while "search ready" not in running.log():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the app did not become ready:\n{running.log()[-3000:]}")
            time.sleep(0.2)
        yield running
    finally:
        _stop(proc)  # type: ignore[arg-type]


ORCA_RUNNER = Path(__file__).with_name("orca_speech_log.py")


class Orca:
    """Orca, the screen reader, on the test bus: what it has said, read from its speech log.

    Its speech server is off (``-d speech``: no sound device is needed); Orca still decides and logs
    every utterance exactly as it would speak it, in the UI's language (LANGUAGE=zh_CN).
    """

    def __init__(self, log: Path) -> None:
        self.log = log

    def said(self) -> list[str]:
        if not self.log.exists():
            return []
        lines = self.log.read_text("utf-8", errors="replace").splitlines()
        return [m.group(1).strip() for line in lines if (m := _UTTERANCE.search(line))]

    def after(self, mark: int, until: str = "", timeout: float = 10) -> list[str]:
        """What Orca said since ``mark`` (a count of utterances), waiting until one contains ``until``."""
        deadline = time.monotonic() + timeout  # a bound on a hang, not a speed check
        while True:
            new = self.said()[mark:]
            if (until and any(until in u for u in new)) or (not until and new) or time.monotonic() > deadline:
                time.sleep(0.3)  # the rest of what that key made it say
                return self.said()[mark:]
            time.sleep(0.1)


_UTTERANCE = re.compile(r"SPEECH OUTPUT: '(.*?)' ?(?:\{.*\})?$")


@pytest.fixture
def orca(bus: Bus, tmp_path: Path) -> Iterator[Orca]:
    """Orca running on the bus; start it after the app is ready (it reads the active window at start)."""
    if shutil.which("orca") is None:
        _unavailable("orca is not installed")
    running = subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True, text=True)
    if running.stdout.strip():
        # Orca allows one of itself per user, across displays, and --replace would kill the reader's own.
        _unavailable(f"another Orca of this user is running (pid {running.stdout.split()[0]})")
    log = tmp_path / "orca-speech.log"
    env = dict(bus.env, HOME=str(tmp_path), LANGUAGE="zh_CN", XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.Popen(
        [SYSTEM_PYTHON, str(ORCA_RUNNER), str(log), "-d", "speech", "-u", str(tmp_path / "orca")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    reader = Orca(log)
    try:
        deadline = time.monotonic() + 60
        while "ATSPI registry initialized" not in (log.read_text("utf-8", "replace") if log.exists() else ""):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"Orca did not start (exit {proc.poll()})")
            time.sleep(0.2)
        time.sleep(0.5)  # its first look at the desktop
        yield reader
    finally:
        _stop(proc)  # type: ignore[arg-type]
