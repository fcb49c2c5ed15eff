"""What the reader asks the search feature for: the words and the results page's filters."""

from __future__ import annotations

from dataclasses import dataclass

#: Results asked for at a time: the page shows this many, and "More results" asks for as many again.
PAGE_SIZE = 20


@dataclass(frozen=True)
class SearchRequest:
    text: str
    type: str = ""  # '' | 'article' | 'qa'
    category: str = ""
    exact: bool = False
    limit: int = PAGE_SIZE
