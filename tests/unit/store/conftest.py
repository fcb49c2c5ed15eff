"""Fixtures for the store tests: a store in a temporary folder with a clock the test moves by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthreader.store import UserStore


class FakeClock:
    """Starts at a fixed time; every reading advances it a little so times are distinct and ordered."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(milliseconds=5)
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "userdata.sqlite3"


@pytest.fixture
def store(store_path: Path, clock: FakeClock) -> Iterator[UserStore]:
    s = UserStore.open(store_path, clock=clock, tz=dt.UTC)
    yield s
    s.close()
