"""The index's posting format (``search.codec``): what it reads back is exactly what Whoosh's own
format reads back for the same documents, for every kind of field and for postings that stress the
encoding (gaps too wide for two bytes, frequencies too big for one, fractional weights, blocks of one
posting and of exactly the block size); and the project's index uses it, without positions."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC as W3_MAGIC
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from healthreader.content import Library
from healthreader.search import SearchService
from healthreader.search.codec import MAGIC, ArrayCodec, ArrayLeafMatcher

BLOCK = 128


def _schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        tag=KEYWORD(scorable=True, field_boost=2.5),  # fractional weights
        plain=TEXT(phrase=False, field_boost=4.0),  # frequencies, no positions
        phrased=TEXT(),  # positions (variable-size values), as Whoosh's default
        flag=ID(),  # existence only
        n=NUMERIC(stored=True),
    )


def _documents(count: int, seed: int) -> list[dict[str, object]]:
    """Documents whose postings cover the encoding's edge cases.  ``rare`` occurs only in the first
    and last documents (a gap of more than 65,535 when count is large); ``many`` occurs 70,000 times in
    one document (a frequency above two bytes); ``block`` occurs in exactly BLOCK documents."""
    rng = random.Random(seed)
    words = ["肌肉", "萎缩", "无力", "麻木", "alpha", "beta", "gamma"]
    docs: list[dict[str, object]] = []
    for i in range(count):
        plain = " ".join(rng.choices(words, k=rng.randint(0, 12)))
        if i in (0, count - 1):
            plain += " rare"
        if i == 7:
            plain += " many" * 70_000
        if i < BLOCK:
            plain += " block"
        if i < BLOCK + 1:
            plain += " blockplus"
        docs.append(
            {
                "id": f"d{i}",
                "tag": " ".join(rng.sample(words, rng.randint(0, 3))),
                "plain": plain,
                "phrased": " ".join(rng.choices(["alpha", "beta", "gamma", "delta"], k=rng.randint(0, 30))),
                "flag": rng.choice(["yes", "no"]),
                "n": i * 7,
            }
        )
    return docs


def _build(folder: Path, codec: object, docs: list[dict[str, object]]) -> None:
    folder.mkdir()
    index = FileStorage(str(folder)).create_index(_schema())
    writer = index.writer(codec=codec)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit(optimize=True)
    index.close()


def _postings(folder: Path) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    index = FileStorage(str(folder), readonly=True).open_index()
    with index.reader() as reader:
        out = {}
        for field, term in reader.all_terms():
            m = reader.postings(field, term)
            items = []
            while m.is_active():
                items.append((m.id(), m.weight(), m.value()))
                m.next()
            out[(field, term)] = items
    index.close()
    return out


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, object]]]:
    """The same documents indexed by Whoosh's W3 format and by ours."""
    root = tmp_path_factory.mktemp("codec")
    docs = _documents(70_000 // 100 + 300, seed=3)
    _build(root / "w3", W3Codec(), docs)
    _build(root / "ours", ArrayCodec(), docs)
    return root / "w3", root / "ours", docs


def test_every_posting_reads_back_as_whooshs_own_format_reads_it(twins: tuple[Path, Path, list]) -> None:
    w3, ours, _ = twins
    expected, got = _postings(w3), _postings(ours)
    assert got.keys() == expected.keys()
    for key, items in expected.items():
        assert got[key] == items, key
    # The edge cases are really there.
    assert len(expected[("plain", b"block")]) == BLOCK
    assert len(expected[("plain", b"blockplus")]) == BLOCK + 1
    assert expected[("plain", b"many")][0][1] == 70_000 * 4.0
    assert {w for items in expected.values() for _, w, _ in items if w != int(w)}, "no fractional weight"


def test_matchers_skip_and_block_read_as_whooshs_do(twins: tuple[Path, Path, list]) -> None:
    w3, ours, docs = twins
    readers = [FileStorage(str(p), readonly=True).open_index().reader() for p in (w3, ours)]
    try:
        rng = random.Random(5)
        for field, term in [("plain", b"alpha"), ("plain", b"rare"), ("tag", "萎缩".encode()), ("flag", b"yes")]:
            targets = sorted(rng.sample(range(len(docs) + 5), 60))
            seen = []
            for reader in readers:
                m = reader.postings(field, term)
                found = []
                for t in targets:
                    if not m.is_active():
                        break
                    m.skip_to(t)
                    if m.is_active():
                        found.append((t, m.id(), m.weight(), m.block_min_id(), m.block_max_id()))
                seen.append(found)
            assert seen[0] == seen[1], (field, term)
        m = readers[1].postings("plain", b"alpha")
        assert isinstance(m, ArrayLeafMatcher)
        assert list(m.all_ids()) == list(readers[0].postings("plain", b"alpha").all_ids())
    finally:
        for reader in readers:
            reader.close()


def test_queries_give_the_same_documents_and_scores_in_both_formats(twins: tuple[Path, Path, list]) -> None:
    results = []
    for folder in twins[:2]:
        index = FileStorage(str(folder), readonly=True).open_index()
        with index.searcher() as searcher:
            out = []
            for field, text in [
                ("plain", "alpha beta"),
                ("phrased", '"alpha beta gamma"'),
                ("tag", "无力"),
                ("flag", "no"),
            ]:
                q = QueryParser(field, index.schema).parse(text)
                out.append([(h["id"], round(h.score, 6)) for h in searcher.search(q, limit=None)])
            results.append(out)
        index.close()
    assert results[0] == results[1]
    assert all(results[0]), "a query found nothing: the comparison proves nothing"


def test_the_index_is_written_with_the_array_codec_and_no_positions(
    generated_library: Library, generated_service: SearchService
) -> None:
    reader = generated_service.index.searcher.reader()
    assert isinstance(generated_service.index.index._segments()[0].codec(), ArrayCodec)
    schema = generated_service.index.index.schema
    for name in ("names", "body"):
        assert not schema[name].format.supports("positions"), name
    term = next(t for f, t in reader.all_terms() if f == "body")
    assert isinstance(reader.postings("body", term), ArrayLeafMatcher)
    # Every posting list starts with our block header, none with Whoosh's (pickled, zlib) one.
    postings = b"".join(p.read_bytes() for p in generated_service.index.folder.glob("*.pst"))
    assert postings.count(W3_MAGIC) == 0
    assert postings.count(MAGIC) >= sum(1 for _ in reader.all_terms()) // 2
    assert generated_service.index.catalogue.doc_count() == len(generated_library)


def test_field_lengths_read_as_whooshs_do(twins: tuple[Path, Path, list]) -> None:
    w3, ours, docs = twins
    readers = [FileStorage(str(p), readonly=True).open_index().reader() for p in (w3, ours)]
    try:
        for field in ("plain", "phrased", "tag", "flag", "id"):
            lengths = [[r.doc_field_length(n, field, -1) for n in range(len(docs))] for r in readers]
            assert lengths[0] == lengths[1], field
        plain = [readers[1].doc_field_length(n, "plain", -1) for n in range(len(docs))]
        assert None in plain and max(n or 0 for n in plain) > 1000, "no empty or long field: nothing compared"
        with pytest.raises(IndexError):
            readers[1].doc_field_length(len(docs) + 1, "plain")
    finally:
        for reader in readers:
            reader.close()
