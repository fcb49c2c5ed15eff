"""Every UI string has a zh_CN translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def test_translations_are_complete_and_built() -> None:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    problems = tool.check()
    assert problems == [], "\n".join(problems)
