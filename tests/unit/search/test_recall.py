"""Recall 1.0: any run of Chinese characters found by a brute-force scan of the entries' text is found
by search, on the real library and on a generated one."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthreader.content import Library
from healthreader.search import SearchService
from healthreader.search.schema import entry_fields
from healthreader.search.text import runs


def corpus(library: Library) -> dict[str, list[str]]:
    """Each entry's searchable text, per field, folded: what the brute-force scan looks through."""
    return {e.id: list(entry_fields(e, e.read_body()).values()) for e in library}


def brute_force(texts: dict[str, list[str]], q: str) -> set[str]:
    return {eid for eid, fields in texts.items() if any(q in f for f in fields)}


def cjk_substrings(texts: dict[str, list[str]], rng: random.Random, count: int) -> list[str]:
    cjk_runs = [run for fields in texts.values() for f in fields for is_cjk, run, _ in runs(f) if is_cjk]
    out = []
    while len(out) < count:
        run = rng.choice(cjk_runs)
        length = min(len(run), rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8)))
        start = rng.randrange(len(run) - length + 1)
        out.append(run[start : start + length])
    return out


def assert_recall(service: SearchService, texts: dict[str, list[str]], queries: list[str]) -> None:
    for q in queries:
        expected = brute_force(texts, q)
        found = {h.entry_id for h in service.search(q, limit=len(texts), exact=True).hits}
        missing = expected - found
        assert not missing, f"{q!r}: not found in {sorted(missing)}"


def test_recall_on_the_real_library(service: SearchService, real_library: Library) -> None:
    texts = corpus(real_library)
    assert_recall(service, texts, cjk_substrings(texts, random.Random(1), 250))


def test_recall_on_a_generated_library(generated_service: SearchService, generated_library: Library) -> None:
    texts = corpus(generated_library)
    assert_recall(generated_service, texts, cjk_substrings(texts, random.Random(2), 250))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_recall_of_hypothesis_chosen_substrings(
    data: st.DataObject, service: SearchService, real_library: Library
) -> None:
    texts = corpus(real_library)
    eid = data.draw(st.sampled_from(sorted(texts)))
    field = data.draw(st.sampled_from(texts[eid]))
    cjk_runs = [run for is_cjk, run, _ in runs(field) if is_cjk]
    run = data.draw(st.sampled_from(cjk_runs))
    start = data.draw(st.integers(0, len(run) - 1))
    q = run[start : data.draw(st.integers(start + 1, min(len(run), start + 10)))]
    assert eid in brute_force(texts, q)
    assert_recall(service, texts, [q])
