"""The examples in the search modules' docstrings (and the section splitter's) are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "healthreader.content.sections",
    "healthreader.search.text",
    "healthreader.search.lexicon",
    "healthreader.search.query",
    "healthreader.search.suggest",
    "healthreader.search.snippets",
    "healthreader.search.homophones",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
