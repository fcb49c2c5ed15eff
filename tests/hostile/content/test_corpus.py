"""Every hostile library folder of the corpus, through the loader, ``content check`` and the app's start.

The expectation is the same for each case: a clear ``path:line: message`` about the hostile file, the
good entries still load, no traceback, and the work ends within the case's time bound.  The check
and the app run as real processes under an address-space cap, so a blow-up fails the test instead of
the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader.commands.content import check_library
from healthreader.content import load_library
from healthreader.render import PageLabels, entry_page, home_page, render_markdown
from tests.conftest import ROOT
from tests.hostile.content import corpus

CASES = corpus.cases()
CHECK_MEMORY = 1 << 30  # 1 GB of address space: Python, libyaml and Markdown need about a third
APP_MEMORY = 6 << 30  # Qt maps a few GB of address space it never touches
PROCESS_START = 3.0  # seconds a Python (or Qt) process may take before it reads anything


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each case's library folder, built once per module on first use."""
    root = tmp_path_factory.mktemp("hostile")
    built: dict[str, Path] = {}

    class Lazy(dict[str, Path]):
        def __missing__(self, name: str) -> Path:
            case = next(c for c in CASES if c.name == name)
            built[name] = corpus.build(case, root)
            self[name] = built[name]
            return built[name]

    yield Lazy()
    for lib in built.values():  # mode-000 files and folders would stop pytest's clean-up
        subprocess.run(["chmod", "-R", "u+rwx", str(lib)], check=False)


def _hostile(problems: list[str]) -> list[str]:
    return [p for p in problems if "good-article.md:" not in p and "good-qa.md:" not in p]


def _expectations_met(case: corpus.Case, problems: list[str]) -> None:
    hostile = _hostile(problems)
    for expected in case.expect:
        assert any(expected in p for p in hostile), f"no problem mentions {expected!r}:\n" + "\n".join(hostile)
    if case.clean:
        assert hostile == [], hostile
    else:
        assert hostile, "the hostile file was not reported"
    for p in hostile:  # path:line: message, with a line number a writer can go to
        path, line, message = p.split(":", 2)
        assert Path(path).is_absolute() and int(line) >= 1 and message.strip(), p


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_loader_and_renderer(case: corpus.Case, libraries: dict[str, Path]) -> None:
    lib = libraries[case.name]
    started = time.perf_counter()
    library = load_library([lib])
    home_page(library, PageLabels())
    for entry in library:
        try:
            body = entry.read_body()
        except (OSError, UnicodeDecodeError):
            continue  # the reader shows "could not be read" for these; nothing to render
        entry_page(entry, render_markdown(body, sources=len(entry.sources)).html, "", PageLabels())
    _, problems = check_library([lib])
    elapsed = time.perf_counter() - started
    assert elapsed < case.seconds, f"{elapsed:.2f} s"
    assert set(case.loads) <= {e.id for e in library}
    _expectations_met(case, [str(p) for p in problems])


def _run(args: list[str], memory: int, timeout: float) -> tuple[subprocess.CompletedProcess[str], float]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "healthreader", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        preexec_fn=limit,
        check=False,
    )
    return proc, time.perf_counter() - started


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_content_check_command(case: corpus.Case, libraries: dict[str, Path]) -> None:
    lib = libraries[case.name]
    proc, elapsed = _run(["content", "check", "--library", str(lib)], CHECK_MEMORY, 60)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == (0 if case.clean else 1), proc.stdout + proc.stderr
    assert elapsed < case.seconds + PROCESS_START, f"{elapsed:.2f} s"
    _expectations_met(case, [line for line in proc.stdout.splitlines() if line.startswith("/")])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_app_starts_with_the_rest_of_the_library(case: corpus.Case, libraries: dict[str, Path], tmp_path: Path) -> None:
    lib = libraries[case.name]
    shot = tmp_path / "window.png"
    args = ["--data-dir", str(tmp_path / "data"), "--no-bundled", "--library", str(lib), "--screenshot", str(shot)]
    if case.open_id:
        args += ["--open", case.open_id]
    proc, elapsed = _run(args, APP_MEMORY, 60)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert shot.is_file()
    assert elapsed < case.seconds + 2 * PROCESS_START, f"{elapsed:.2f} s"
    log = (tmp_path / "data" / "healthreader.log").read_text("utf-8")
    assert len(log) < 200_000, "the log grew with the hostile input"
    if case.open_id and case.open_id in case.loads:
        assert f"opened entry {case.open_id}" in log
