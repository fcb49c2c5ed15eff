"""``healthreader search … | head``: the reader of our output leaves early; we end without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, TINY_LIBRARY
from tests.hostile.faults import run_cli


def test_search_piped_into_head_ends_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run_cli("index", "build", "-q", data=data).assert_clear(0)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = (
        f"yes 肌肉 | head -2000 | {sys.executable} -m healthreader --data-dir {data} --no-bundled "
        f"--library {TINY_LIBRARY} search --stdin | head -1"
    )
    ran = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert ran.stdout.startswith("[")
    assert "Traceback" not in ran.stderr and "BrokenPipeError" not in ran.stderr, ran.stderr[-1500:]
