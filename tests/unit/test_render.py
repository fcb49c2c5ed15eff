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
    assert "flags-emergency" in page and "请立即拨打120" in page
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


def _entry(**fields):
    import datetime as dt
    from pathlib import Path

    from healthreader.content import Entry, EntryType

    base = dict(reviewed=dt.date(2026, 12, 1), reviewer="编辑委员会（神经内科）", next_review=dt.date(2027, 12, 1))
    base.update(fields)
    return Entry("x", EntryType.ARTICLE, "标题", "摘要", "分类", Path("x.md"), 1, "lib", **base)


def test_tiers_show_in_order_each_named_in_text_with_its_shape() -> None:
    from healthreader.content.model import RedFlags

    flags = RedFlags(emergency=("胸痛",), same_day=("眼睛闭不上",), soon=("几周不好转",))
    labels = PageLabels(tier_emergency="立即拨打120", tier_same_day="当天就医", tier_soon="尽快就诊（几天内）")
    page = entry_page(_entry(red_flags=flags), "", "", labels)
    at = [
        page.index(x)
        for x in ("▲ 立即拨打120", "胸痛", "◆ 当天就医", "眼睛闭不上", "● 尽快就诊（几天内）", "几周不好转")
    ]
    assert at == sorted(at)
    assert page.count('<table class="flags-') == 3
    # A tier with no signs gets no box.
    page = entry_page(_entry(red_flags=RedFlags(soon=("几周不好转",))), "", "", labels)
    assert "flags-emergency" not in page and "flags-soon" in page


def test_provenance_under_the_title_and_due_for_review_once_the_date_has_passed() -> None:
    import datetime as dt

    labels = PageLabels(review_due="内容待复审")
    page = entry_page(_entry(), "<p>正文</p>", "", labels, today=dt.date(2027, 1, 1))
    assert page.index("标题") < page.index("编辑委员会（神经内科）") < page.index("摘要")
    assert "2026-12-01" in page and "2027-12-01" in page
    assert "内容待复审" not in page
    page = entry_page(_entry(), "<p>正文</p>", "", labels, today=dt.date(2027, 12, 2))
    assert "内容待复审" in page and page.index("内容待复审") < page.index("摘要")


def test_citations_point_to_the_numbered_sources() -> None:
    body = "多数人完全恢复[1]。康复训练有帮助[1, 2]。`[3]`不是引用，[2](entry:x)是链接，[9]超出范围。\n"
    r = render_markdown(body, sources=2)
    assert '完全恢复<sup class="citation">[1]</sup>。' in r.html
    assert '有帮助<sup class="citation">[1, 2]</sup>。' in r.html
    assert "<code>[3]</code>" in r.html and '<a href="entry:x">2</a>' in r.html and "[9]超出范围" in r.html
    page = entry_page(_entry(sources=("指南（2016）", "《神经病学》（第9版）")), r.html, "", PageLabels())
    assert '<ol class="sources"><li>指南（2016）</li><li>《神经病学》（第9版）</li></ol>' in page
    # No anchor but the sections': the viewer takes every anchor for one.
    assert "<a name=" not in page.replace('<a name="top">', "")


def test_a_body_over_the_limits_is_shown_as_plain_text_with_a_notice() -> None:
    r = render_markdown("## 标题\n\n" + "[" * 20_000 + "\n\n<b>粗</b>\n")
    assert r.limits and r.sections == ()
    assert "&lt;b&gt;粗" in r.html and "<b>" not in r.html
    page = entry_page(_entry(), r.html, "", PageLabels(plain_text="以纯文本显示"))
    assert '<p class="plain-text-notice">以纯文本显示</p>' in page


def test_control_characters_and_bidi_overrides_never_reach_the_page() -> None:
    r = render_markdown("正文\u202e反转\x07。\n")
    assert "\u202e" not in r.html and "\x07" not in r.html and "正文反转。" in r.html


def test_list_numbers_and_bullets_are_in_the_text_a_screen_reader_reads() -> None:
    # Qt draws list markers without putting them in the text: a screen reader read "1. 对着镜子坐好"
    # as "对着镜子坐好".  The marker is text, and the list style is none so it is not drawn twice.
    from PySide6.QtGui import QTextDocument

    out = render_markdown("步骤：\n\n1. 坐好\n2. 呼吸\n\n3. 放松\n\n另外：\n\n- 防寒\n    1. 戴口罩\n- 饮食\n").html
    doc = QTextDocument()
    doc.setHtml(out)
    lines = [line.strip() for line in doc.toPlainText().splitlines() if line.strip()]
    assert lines == ["步骤：", "1. 坐好", "2. 呼吸", "3. 放松", "另外：", "• 防寒", "1. 戴口罩", "• 饮食"], lines
    started = render_markdown("4. 第四步\n5. 第五步\n").html
    assert "4. 第四步" in started and "5. 第五步" in started
