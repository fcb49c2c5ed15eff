"""Hypothesis fuzzes the front-matter loader, ``library.yaml`` and the Markdown renderer.

Whatever the text, the loader returns problems (never raises), every problem names a line inside the
file, what it keeps is clean text within the limits, and the renderer ends quickly with sanitised
HTML.  A few hundred examples each, built from the characters YAML and Markdown give meaning to.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthreader.content import limits
from healthreader.content.frontmatter import entry_from_text
from healthreader.content.loader import load_library_info
from healthreader.render import PageLabels, entry_page, render_markdown

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_CHARS = "\n :-[]{},&*!|>'\"#%@`?~0123456789.eE+_\\\t\u202e\x00\x1b面瘫急诊"
MD_CHARS = "\n\n  [](){}*_`#>-+=|!<>&\\.1234567890:\t面瘫急诊\u202e"
KEYS = ["id", "type", "title", "summary", "category", "tags", "aliases", "related", "sources", "red_flags",
        "reviewed", "next_review", "reviewer", "moved_from"]  # fmt: skip
GOOD = {
    "id": "fuzz",
    "type": "qa",
    "title": "标题",
    "summary": "摘要",
    "category": "神经与肌肉",
    "reviewed": "2026-11-01",
}
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
    st.dates().map(str),
    st.sampled_from(["2026-13-45", "0000-01-01", "2027-02-30", "emergency", "same_day", "soon"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=30,
)


def _check_result(text: str, entry, problems) -> None:  # type: ignore[no-untyped-def]
    n_lines = text.count("\n") + 2
    for p in problems:
        assert 1 <= p.line <= n_lines, p
        assert p.message
    if entry is not None:
        for field in (entry.title, entry.summary, entry.category, entry.reviewer):
            assert limits.clean_text(field)[1] == 0  # no control character or override survives
        assert len(entry.title) <= limits.MAX_FIELD_CHARS["title"]
        assert len(entry.summary) <= limits.MAX_FIELD_CHARS["summary"]
        for item in (*entry.tags, *entry.aliases, *entry.sources, *entry.red_flags):
            assert item and len(item) <= limits.MAX_FIELD_CHARS["item"]
        page = entry_page(entry, "", "", PageLabels())
        assert "<script" not in page


@FUZZ
@given(st.text(alphabet=YAML_CHARS, max_size=400))
def test_front_matter_of_any_characters(fm: str) -> None:
    text = f"---\n{fm}\n---\n正文\n"
    entry, problems, _ = entry_from_text(text, Path("fuzz.md"), "lib")
    _check_result(text, entry, problems)


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS)))
def test_front_matter_of_any_values(fields: dict[str, object]) -> None:
    data = {**GOOD, **fields}
    try:
        fm = yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return
    text = f"---\n{fm}---\n正文\n"
    started = time.perf_counter()
    entry, problems, _ = entry_from_text(text, Path("fuzz.md"), "lib")
    assert time.perf_counter() - started < 1.0
    _check_result(text, entry, problems)


@FUZZ
@given(
    st.one_of(st.text(alphabet=YAML_CHARS, max_size=400), values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)))
)
def test_library_yaml_of_anything(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "library.yaml").write_text(text, "utf-8")
        info, problems = load_library_info(folder)
    assert isinstance(info.title, str) and limits.clean_text(info.title)[1] == 0
    for p in problems:
        assert p.line >= 1 and p.message


@FUZZ
@given(st.text(alphabet=MD_CHARS, max_size=3000))
def test_markdown_of_any_characters(body: str) -> None:
    started = time.perf_counter()
    r = render_markdown(body, sources=2)
    assert time.perf_counter() - started < 2.0
    assert "<script" not in r.html and "\u202e" not in r.html
    for s in r.sections:
        assert s.anchor


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            ["[", "]", "(", ")", "*", "_", "`", "> ", "- ", "    ", "1. ", "#", "\n", "\n\n", "字", "![", "<b>"]
        ),
        min_size=100,
        max_size=4000,
    )
)
def test_markdown_built_from_its_own_syntax(tokens: list[str]) -> None:
    """Sequences of Markdown's own markers: the inputs that made it recurse or scan for ever."""
    started = time.perf_counter()
    render_markdown("".join(tokens))
    assert time.perf_counter() - started < 2.0
