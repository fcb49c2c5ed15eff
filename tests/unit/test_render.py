"""Rendering: sections and anchors, links with their lines, and sanitising."""

from __future__ import annotations

from healthreader.content import load_library
from healthreader.render import PageLabels, entry_page, render_markdown, slugify


def test_every_level_two_heading_is_a_section() -> None:
    r = render_markdown("引言\n\n## 面神经麻痹（面瘫）\n文字\n\n### 小节\n\n## 日常护理\n文字\n")
    assert [(s.anchor, s.title) for s in r.sections] == [
        ("面神经麻痹面瘫", "面神经麻痹（面瘫）"),
        ("日常护理", "日常护理"),
    ]
    # The viewer scrolls to <a name>, so each heading carries one.
    assert '<a name="面神经麻痹面瘫"></a>' in r.html
    assert '<a name="日常护理"></a>' in r.html


def test_explicit_and_duplicate_anchors() -> None:
    r = render_markdown("## 治疗 {#treatment}\n\n## 护理\n\n## 护理\n")
    assert [s.anchor for s in r.sections] == ["treatment", "护理", "护理-2"]


def test_slugify_drops_punctuation() -> None:
    assert slugify("1、面神经麻痹：") == "1面神经麻痹"
    assert slugify("When to see a doctor?") == "when-to-see-a-doctor"
    assert slugify("？？") == "section"


def test_links_are_listed_with_their_lines() -> None:
    r = render_markdown("第一行\n\n见[康复](entry:gamma#训练方法)和[另一篇](entry:alpha)\n")
    assert [(link.target, link.anchor, link.line) for link in r.links] == [("gamma", "训练方法", 3), ("alpha", "", 3)]


def test_script_style_and_dangerous_links_are_removed() -> None:
    body = (
        "<script>alert('x')</script>\n\n<style>p {color: red}</style>\n\n"
        "[a](javascript:alert(1)) [b](file:///etc/passwd) [c](entry:alpha) [d](https://example.org)\n\n"
        '![外部图片](https://example.org/x.png)\n\n<img src="file:///etc/x.png">\n\n'
        '<p onclick="evil()">点击</p>\n'
    )
    r = render_markdown(body)
    html = r.html
    for bad in ("<script", "alert(", "<style", "color: red", "javascript:", "file:", "<img", "onclick", "evil("):
        assert bad not in html, bad
    assert 'href="entry:alpha"' in html
    assert 'href="https://example.org"' in html
    assert r.raw_html_lines == (1, 3, 9, 11)


def test_raw_html_inside_code_is_not_flagged() -> None:
    r = render_markdown("用 `<b>` 表示粗体。\n\n```\n<div>代码</div>\n```\n")
    assert r.raw_html_lines == ()


def test_entry_page_has_title_warning_sources_and_disclaimer(tiny_library) -> None:
    lib = load_library([tiny_library])
    alpha = lib.get("alpha")
    page = entry_page(alpha, render_markdown(alpha.read_body()).html, lib.disclaimer_for(alpha), PageLabels())
    assert "面部肌肉萎缩测试文章" in page
    assert "redflags" in page and "请立即拨打120" in page
    assert "《神经病学》" in page
    assert "不能代替医生的诊断和治疗" in page
    assert "2026-11-01" in page


def test_entry_page_escapes_metadata() -> None:
    from pathlib import Path

    from healthreader.content import Entry, EntryType

    e = Entry("x", EntryType.QA, "<b>标题</b>", "<script>", "分类", Path("x.md"), 1, "lib")
    page = entry_page(e, "", "", PageLabels())
    assert "<b>标题</b>" not in page and "&lt;b&gt;标题" in page
    assert "<script>" not in page
