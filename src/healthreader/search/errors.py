"""The search package's errors; the UI turns them into words."""

from __future__ import annotations

from typing import Any


class SearchError(Exception):
    """Base of the search package's errors."""


class IndexUnusable(SearchError):
    """An index folder that cannot be used as it is: missing, stale or corrupt (``status``)."""

    def __init__(self, status: Any, reason: str) -> None:
        super().__init__(f"{status}: {reason}")
        self.status = status
        self.reason = reason


class IndexBuildError(SearchError):
    """Building the index failed (no space, no permission...): search is unavailable until fixed."""
