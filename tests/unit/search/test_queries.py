"""Each kind of query a reader types, on the real library in ``content/``."""

from __future__ import annotations

import re
import time

import pytest

from healthreader.content import Library
from healthreader.render import render_markdown
from healthreader.search import HINT_EMPTY_QUERY, HINT_NO_MATCH, SearchService
from healthreader.search.schema import entry_fields


def ids(results) -> list[str]:
    return [h.entry_id for h in results.hits]


def test_lay_name_finds_the_entry_and_its_formal_name(service: SearchService, real_library: Library) -> None:
    r = service.search("面瘫")
    assert ids(r)[0] == "facial-palsy"
    # Found by its tag 面神经麻痹; only entries named 面瘫 or 面神经麻痹 too rank above it (the library
    # now has several: 面瘫后遗症, 面瘫三个月了还没好 …).
    rank = ids(r).index("facial-muscle-atrophy")
    for eid in ids(r)[:rank]:
        entry = real_library.get(eid)
        names = (entry.title, *entry.aliases, *entry.tags)
        assert any(w in name for name in names for w in ("面瘫", "面神经麻痹")), eid
    assert "面神经麻痹" in r.hits[0].terms  # the synonym is searched and highlighted too


def test_synonym_only_in_the_group_still_finds_the_entry(service: SearchService) -> None:
    # 吊线风 is a folk name for facial palsy: an alias of the entry and a synonym of 面瘫.
    assert ids(service.search("吊线风"))[0] == "facial-palsy"
    # 脑血管意外 appears in the synonym group of 中风, so the stroke article is found through it.
    assert "stroke-rehabilitation" in ids(service.search("脑血管意外"))


def test_two_words_must_both_match(service: SearchService, real_library: Library) -> None:
    r = service.search("腰突 萎缩")
    assert r.hits
    assert ids(r)[0] in {"qa-disc-bedrest-prevent-atrophy", "qa-disc-herniation-muscle-atrophy"}
    for hit in r.hits:
        entry = real_library.get(hit.entry_id)
        text = entry.path.read_text(encoding="utf-8")
        assert "萎缩" in text
        assert any(w in text for w in ("腰突", "腰椎间盘突出", "腰间盘突出", "腰椎间盘脱出"))


def test_word_matches_rank_above_entries_named_otherwise(service: SearchService) -> None:
    top = service.search("肌肉萎缩").hits[:5]
    assert all("肌肉萎缩" in h.title for h in top)


def test_traditional_characters_fold_to_simplified(service: SearchService) -> None:
    assert ids(service.search("肌肉萎縮")) == ids(service.search("肌肉萎缩"))
    assert ids(service.search("麵神經麻痺"))[0] == "facial-palsy"


def test_homophone_slip_is_corrected_and_says_so(service: SearchService) -> None:
    r = service.search("肌肉委缩")
    assert r.corrected_from == "肌肉委缩"
    assert r.effective_query == "肌肉萎缩"
    assert ids(r) == ids(service.search("肌肉萎缩"))
    exact = service.search("肌肉委缩", exact=True)
    assert exact.corrected_from is None and exact.effective_query == "肌肉委缩"
    assert exact.total < r.total


def test_pinyin_typed_into_search_is_read_as_the_word(service: SearchService) -> None:
    for typed in ("jirouweisuo", "jrws"):
        r = service.search(typed)
        assert r.corrected_from == typed and r.effective_query == "肌肉萎缩"


def test_hits_carry_section_anchors_the_viewer_knows(service: SearchService, real_library: Library) -> None:
    seen_section = False
    for query in ("面瘫", "卧床", "肌电图", "蛋白质", "腰突 萎缩", "呛咳"):
        for hit in service.search(query).hits:
            anchors = {s.anchor for s in render_markdown(real_library.get(hit.entry_id).read_body()).sections}
            assert hit.anchor == "" or hit.anchor in anchors
            seen_section = seen_section or bool(hit.anchor)
            if hit.anchor:
                assert hit.section_title
    assert seen_section


def test_snippets_mark_matches_and_escape_the_rest(service: SearchService) -> None:
    for hit in service.search("肌电图").hits:
        assert '<b class="match">' in hit.snippet_html or hit.anchor == ""
        outside = re.sub(r'<b class="match">[^<]*</b>', "", hit.snippet_html)
        assert "<" not in outside and ">" not in outside
    hit = service.search("肌电图").hits[0]
    assert hit.entry_id == "emg-guide" and "肌电图" in hit.terms


def test_filters_by_type_and_category(service: SearchService, real_library: Library) -> None:
    assert {h.type for h in service.search("肌肉萎缩", type="qa").hits} == {"qa"}
    assert {h.type for h in service.search("肌肉萎缩", type="article").hits} == {"article"}
    cats = {h.category for h in service.search("肌肉萎缩", category="营养与饮食").hits}
    assert cats == {"营养与饮食"}


def test_nothing_found_offers_the_nearest_titles(service: SearchService) -> None:
    r = service.search("肌肉xyzqw")
    assert r.hits == [] and r.total == 0 and r.hint == HINT_NO_MATCH
    assert r.nearest_titles and all("肌" in title or "肉" in title for _, title in r.nearest_titles)
    assert service.search("？！。、").hint == HINT_EMPTY_QUERY


def test_total_counts_beyond_the_limit(service: SearchService) -> None:
    r = service.search("肌肉", limit=3)
    assert len(r.hits) == 3 and r.total > 3


def test_quoted_phrase_needs_adjacent_characters(service: SearchService, real_library: Library) -> None:
    loose = service.search("肌肉 萎缩", limit=len(real_library))
    phrase = service.search('"肌肉萎缩"')
    assert phrase.hits and set(ids(phrase)) <= set(ids(loose))
    for query, text in (('"康复训练"', "康复训练"), ('"神经 根"', "神经")):
        for hit in service.search(query, limit=50).hits:
            entry = real_library.get(hit.entry_id)
            assert any(text in f for f in entry_fields(entry, entry.read_body()).values())


def test_suggestions_by_characters_pinyin_and_initials(service: SearchService) -> None:
    for typed in ("肌肉萎", "jirouweisuo", "jrws", "JRWS"):
        labels = [s.label for s in service.suggest(typed)]
        assert labels and all("肌肉萎缩" in label for label in labels[:3]), (typed, labels)
    labels = [s.label for s in service.suggest("ji rou")]  # 肌肉 and no more: 肌肉活检… too
    assert labels and all(label.startswith("肌肉") for label in labels[:3]), labels
    first = service.suggest("面瘫")[0]
    assert first.entry_id == "facial-palsy" and first.kind in ("title", "alias")
    assert service.suggest("mianbu")[0].title.startswith("面部")


def test_suggestions_reach_headings_with_their_anchor(service: SearchService) -> None:
    hits = [s for s in service.suggest("肌无力危象") if s.kind == "heading"]
    assert hits and hits[0].entry_id == "myasthenia-gravis"
    assert hits[0].anchor == "肌无力危象要当急症处理"
    assert hits[0].label == "重症肌无力 › 肌无力危象：要当急症处理"


def test_suggestions_find_characters_inside_names(service: SearchService) -> None:
    assert any(s.entry_id == "emg-guide" for s in service.suggest("电图"))
    assert any(s.kind == "title" for s in service.suggest("萎缩"))


def test_suggestions_are_instant(service: SearchService) -> None:
    service.prepare()
    started = time.perf_counter()
    for typed in ("肌", "肌肉", "肌肉萎", "j", "jr", "jrw", "m", "面"):
        for _ in range(20):
            service.suggest(typed)
    per_call_ms = (time.perf_counter() - started) * 1000 / 160
    assert per_call_ms < 5


@pytest.mark.parametrize("typed", ["肌肉萎缩症状", "面部神经", "xyz腰疼", "重症肌", "吞咽", "眼睛干"])
def test_the_nearest_titles_are_those_a_scan_of_every_title_finds(service: SearchService, typed: str) -> None:
    # The catalogue's title index must give what comparing the typed text with every title gives.
    from healthreader.search.text import fold, runs

    q = "".join(run for _, run, _ in runs(fold(typed)))
    chars, pairs = set(q), {q[i : i + 2] for i in range(len(q) - 1)}
    scored = []
    for n, entry in enumerate(service.library):
        title = fold(entry.title)
        if not chars.isdisjoint(title):
            score = 2 * sum(1 for p in pairs if p in title) + sum(1 for c in chars if c in title)
            scored.append((-score, n, entry.id))
    assert [eid for eid, _ in service.nearest_titles(typed)] == [eid for _, _, eid in sorted(scored)[:5]]


def test_what_a_service_remembers_about_entries_is_bounded(
    real_library: Library, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kiosk searching all day must not end up holding a copy of the library: with room for only
    # a few entries the memos stay that small, and the results do not change.
    from healthreader.search import service as service_module

    queries = ["面瘫", "肌肉萎缩怎么办", "腰突 萎缩", "吞咽困难吃什么", "康复", "肌电图疼不疼"]
    roomy = SearchService.open(real_library, tmp_path / "ix", prebuilt_dirs=[])
    expected = [[(h.entry_id, h.anchor, h.snippet_html) for h in roomy.search(q).hits] for q in queries]
    roomy.close()
    monkeypatch.setattr(service_module, "MEMO_ITEMS", 5)
    tight = SearchService.open(real_library, tmp_path / "ix", prebuilt_dirs=[])
    assert [[(h.entry_id, h.anchor, h.snippet_html) for h in tight.search(q).hits] for q in queries] == expected
    memos = (tight._names, tight._names_memo, tight._grams_memo, tight._headings_memo)
    assert max(len(m) for m in memos) <= 5
    tight.close()
