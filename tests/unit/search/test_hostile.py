"""Whatever is typed, search and suggestions answer (results or a hint) and never raise."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthreader.search import HINT_UNAVAILABLE, SearchService

NASTY = [
    '"', '""', '"面瘫', "面瘫\"", "(", ")", "(面瘫", "[面瘫]", "{面瘫}", "面瘫 AND", "AND", "OR", "NOT",
    "NOT 面瘫", "面瘫 OR OR 萎缩", "*", "?", "面*", "*瘫", "面?", ":", "title:面瘫", "id:facial-palsy",
    "面瘫^5", "面瘫~2", "[a TO z]", "\x00", "面\x00瘫", "\x1b[31m", "\u202e面瘫", "\ud800", "🙂", "🙂面瘫",
    "\\", "'", "&&", "||", "-", "+面瘫", "<script>alert(1)</script>", "\t\n\r", "　", "ＡＮＤ",
    "(" * 1000, ")" * 1000, '"' * 999, "面" * 10_000, "a" * 10_000, "面瘫 " * 3000,
]  # fmt: skip


@pytest.mark.parametrize("text", NASTY)
def test_nasty_input_never_raises(service: SearchService, text: str) -> None:
    started = time.perf_counter()
    r = service.search(text)
    assert r.hint is not None or r.hits
    assert len(r.query) <= 100
    service.suggest(text)
    assert time.perf_counter() - started < 2.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_never_raises(service: SearchService, text: str) -> None:
    r = service.search(text, limit=5)
    assert r.total >= len(r.hits)
    assert r.hint is None or not r.hits
    service.suggest(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list('面瘫肌肉萎缩 "()*?:ANDORT\\')), max_size=40))
def test_syntax_soup_never_raises(service: SearchService, text: str) -> None:
    service.search(text, limit=5, type="qa")
    service.search(text, limit=5, category="神经与肌肉", exact=True)


def test_a_failing_index_gives_a_hint_not_an_exception(service: SearchService, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise EOFError("segment truncated")

    monkeypatch.setattr(service._engine.reader, "postings", broken)
    monkeypatch.setattr(service._engine, "_cache", type(service._engine._cache)())  # nothing decoded yet
    try:
        r = service.search("面瘫")
        assert r.hits == [] and r.hint == HINT_UNAVAILABLE and service.damaged
    finally:
        monkeypatch.undo()
        service.damaged = False
    assert service.search("面瘫").hits
