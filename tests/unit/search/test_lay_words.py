"""Everyday words for what a body does (脸歪, 腿细了, 手没劲), typed alone or in a sentence, on the real
library: the synonym table and the entries' aliases lead them to the entries about it."""

from __future__ import annotations

import pytest

from healthreader.content import Library
from healthreader.search import SearchService


def ids(results) -> list[str]:
    return [h.entry_id for h in results.hits]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("脸歪", "facial-palsy"),
        ("脸歪了", "facial-palsy"),
        ("嘴歪眼斜", "facial-palsy"),
        ("口角歪", "facial-palsy"),
        ("眼睛闭不上", "facial-palsy"),
        ("看东西重影", "myasthenia-gravis"),
    ],
)
def test_a_lay_word_alone_opens_the_entry_about_it(service: SearchService, typed: str, first: str) -> None:
    r = service.search(typed)
    assert ids(r)[:1] == [first], (typed, ids(r)[:3])
    assert not r.not_found, r.not_found


ATROPHY = {"qa-muscle-atrophy-symptoms", "qa-muscle-atrophy-what-now", "qa-muscle-atrophy-recovery"}
WEAK = {"qa-muscle-atrophy-symptoms", "sarcopenia", "qa-sarcopenia-self-check", "guillain-barre-syndrome"}
SPEECH = {"motor-neuron-disease", "stroke-rehabilitation", "dysphagia"}


@pytest.mark.parametrize(
    ("typed", "first", "about"),
    [
        # Thinner legs or arms (细了 is the library's 变细, next to the body part), flesh "gone": atrophy.
        ("腿细了", {"qa-disc-herniation-muscle-atrophy", "qa-sarcopenia-self-check", "sarcopenia"}, ("萎缩", "变细")),
        ("胳膊细了", {"qa-arm-muscle-atrophy-causes"}, ("萎缩", "变细")),
        ("肉掉了", ATROPHY, ("萎缩",)),
        # 没劲 is the library's 无力 (weakness), joined to the body part typed with it.
        ("手没劲", WEAK | {"carpal-cubital-tunnel", "motor-neuron-disease"}, ("无力", "没劲")),
        ("走路没劲", WEAK, ("无力", "没劲")),
        ("说话不清楚", SPEECH, ("说话不清", "说话含糊", "口齿不清")),
        ("大舌头", SPEECH, ("说话不清", "说话含糊", "口齿不清")),
    ],
)
def test_a_lay_word_finds_entries_in_the_librarys_words(
    service: SearchService, real_library: Library, typed: str, first: set[str], about: tuple[str, ...]
) -> None:
    r = service.search(typed)
    assert ids(r)[:1] and ids(r)[0] in first, (typed, ids(r)[:3])
    assert not r.not_found, r.not_found
    for eid in ids(r)[:3]:
        text = real_library.get(eid).path.read_text(encoding="utf-8")
        assert any(word in text for word in about), (typed, eid)


def test_a_sentence_split_by_a_lay_word_still_finds_its_best_match(service: SearchService) -> None:
    # 没劲 and 抽筋 are synonyms, so these runs are cut around them into units no longer than a word;
    # no entry has every unit, yet what was typed is still a sentence: best match, not an empty page.
    for typed, wanted in (
        ("脖子没劲抬不起头", {"qa-baby-floppy-sma", "spinal-muscular-atrophy", "myasthenia-gravis"}),
        ("腿肚子抽筋", {"qa-hand-grip-wont-release", "motor-neuron-disease"}),
    ):
        r = service.search(typed)
        assert wanted & set(ids(r)[:3]), (typed, ids(r)[:5])
    # Keywords typed as keywords still need every word: 面瘫 针灸 is not a sentence.
    assert all("针灸" in h.terms or "针灸治疗" in h.terms for h in service.search("面瘫 针灸").hits)


def test_two_words_typed_together_that_no_entry_has_both_of_find_the_best_match(service: SearchService) -> None:
    # 腰疼腿麻: two of the library's words with no space; no entry says both, and an empty page for the
    # topic of 腰椎间盘突出症 would be wrong: best match, the entries with either.
    r = service.search("腰疼腿麻")
    assert r.hits, r
    assert {"lumbar-disc-herniation", "peripheral-neuropathy"} & set(ids(r)[:3]), ids(r)[:5]
    # The same words with a space are keywords, both needed; found together, both still are.
    assert service.search("腰疼 腿麻").hits == []
    together = service.search("面瘫针灸")
    assert together.hits and not together.not_found
