"""The examples in the search modules' docstrings (and the section splitter's) are true."""

from __future__ import annotations

import pytest

from tests.unit.test_doctests import test_docstring_examples as check_docstring_examples

MODULES = [
    "healthreader.content.sections",
    "healthreader.search.text",
    "healthreader.search.lexicon",
    "healthreader.search.query",
    "healthreader.search.catalogue",
    "healthreader.search.suggest",
    "healthreader.search.snippets",
    "healthreader.search.homophones",
]


@pytest.mark.parametrize("name", MODULES)
def test_search_docstring_examples(name: str) -> None:
    check_docstring_examples(name)
