"""The layering is checked, not hoped for: nothing below ui/ imports PySide6."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the test dependencies"
    proc = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 2 kept, 0 broken" in proc.stdout or "0 broken" in proc.stdout


def test_core_imports_without_qt() -> None:
    code = (
        "import sys, healthreader.content, healthreader.render, healthreader.config, healthreader.cli;"
        "from healthreader.cli import build_parser; build_parser();"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'PySide6 imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
