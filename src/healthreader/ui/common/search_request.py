"""What the reader asks the search feature for: the words and the results page's filters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchRequest:
    text: str
    type: str = ""  # '' | 'article' | 'qa'
    category: str = ""
    exact: bool = False
    limit: int = 50
