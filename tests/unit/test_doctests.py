"""The examples in the core modules' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "healthreader.content.frontmatter",
    "healthreader.render.body",
    "healthreader.commands.content",
    "healthreader.render.results",
    "healthreader.render.stylesheet",
    "healthreader.chinese.traditional",
    "healthreader.config.bounded",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
