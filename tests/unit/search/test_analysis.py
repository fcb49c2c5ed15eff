"""Folding, tokens, the library's words and section anchors: the pieces the index is made of."""

from __future__ import annotations

from pathlib import Path

from healthreader.content import Library
from healthreader.content.sections import split_sections
from healthreader.render import render_markdown
from healthreader.search.lexicon import Lexicon
from healthreader.search.text import clean_input, fold, index_tokens, plain_text

TRICKY_BODY = """导语
## A {#my-anchor}
### sub
## A
## **粗体** 与 [链接](entry:x)
## A
## sub
## a_b.c
## my-anchor
# 一级
## 标题 ##
"""


def test_sections_agree_with_the_renderer(real_library: Library) -> None:
    bodies = [e.read_body() for e in real_library] + [TRICKY_BODY]
    for body in bodies:
        rendered = [(s.anchor, s.title) for s in render_markdown(body).sections]
        assert [(s.anchor, s.title) for s in split_sections(body)[1:]] == rendered


def test_folding() -> None:
    assert fold("肌肉萎縮，ＥＭＧ") == "肌肉萎缩,emg"
    assert fold("麵神經麻痹 醫療") == "面神经麻痹 医疗"
    assert clean_input("面\x00瘫\u202e  \t萎缩" + "x" * 500, 10) == "面 瘫 萎缩xxxx"


def test_tokens_cover_every_character() -> None:
    tokens = [t for t, _ in index_tokens("肌肉萎缩 emg 肌")]
    assert tokens == ["肌肉", "肉萎", "萎缩", "缩", "emg", "肌"]


def test_plain_text_drops_markdown_markers() -> None:
    assert plain_text("## 标题\n- **加粗**和[链接](entry:x)\n1. `代码`") == "标题\n加粗和链接\n代码"


def test_the_library_dictionary_keeps_medical_terms_whole(real_library: Library) -> None:
    lexicon = Lexicon.from_library(real_library)
    assert "直腿抬高试验" in lexicon.cut("做直腿抬高试验")
    assert "腰椎间盘突出症" in lexicon.index_words("腰椎间盘突出症")
    assert "面神经麻痹" in lexicon.synonyms_of("面瘫")


def test_lexicon_reads_word_lists(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "synonyms.txt").write_text("# 注释\n甲 乙 丙\n乙 丁\n", encoding="utf-8")
    (tmp_path / "search" / "userdict.txt").write_text("特别词 5 n\n另一词\n", encoding="utf-8")
    from healthreader.content import load_library

    library = load_library([tmp_path])
    lexicon = Lexicon.from_library(library)
    assert lexicon.userdict == {"特别词": 5, "另一词": 1000}
    assert set(lexicon.synonyms_of("乙")) == {"甲", "乙", "丙", "丁"}
    assert lexicon.synonyms_of("戊") == ()
