"""The catalogue's precomputed orders for common prefixes give what reading every key gives."""

from __future__ import annotations

import pytest

from healthreader.content import Library
from healthreader.search import catalogue
from healthreader.search.catalogue import PREFIX_CAP, Catalogue, offered_order
from healthreader.search.lexicon import Lexicon
from healthreader.search.schema import suggest_records


def test_common_prefixes_offer_what_reading_every_key_offers(
    real_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small thresholds, so the real library's prefixes (ji, 肌, m...) get precomputed rows, and a
    # keystroke can need more records than a row keeps.
    monkeypatch.setattr(catalogue, "TOP_MIN_KEYS", 3)
    monkeypatch.setattr(catalogue, "TOP_KEEP", 2)
    lexicon = Lexicon.from_library(real_library)
    records = [r for e in real_library for r in suggest_records(e, e.read_body(), lexicon)]
    cat = Catalogue.in_memory([e.id for e in real_library], records)
    precomputed = cat.db.execute("SELECT kind, prefix FROM tops").fetchall()
    assert len(precomputed) > 50
    for kind, prefix in [*precomputed, (0, "jrws"), (3, "zz"), (1, "面")]:
        keyed = cat.db.execute(
            "SELECT key, rid, start, len FROM keys WHERE kind = ? AND key >= ? AND key < ? "
            "ORDER BY key, rid, start LIMIT ?",
            (kind, prefix, prefix + "\U0010ffff", PREFIX_CAP),
        ).fetchall()
        assert list(cat.prefix(kind, prefix)) == offered_order(keyed), (kind, prefix)
