"""A generated corpus of hostile library folders: every class of file that once crashed or froze the app.

Each ``Case`` writes one library folder: the same two good entries every time, plus the hostile part.
The expectation is the same for all of them: a clear ``path:line: message`` naming what is wrong, the
two good entries still load, no traceback, and no hang.  Nothing here is committed as a blob; the
files are written by ``Case.build`` into a temporary folder.

Used by ``test_corpus.py`` (the loader, ``healthreader content check`` and the app's start) and by
``measure.py`` (the before/after table for issue 14).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD_IDS = ("good-article", "good-qa")

LIBRARY_YAML = """\
id: hostile-test
title: 测试资料库
language: zh-Hans
version: "1.0"
publisher: 测试编辑组
disclaimer: 本资料仅供参考，不能代替医生的诊断和治疗。
featured: [good-article]
categories:
  - name: 神经与肌肉
    description: 测试用分类。
"""


def entry_text(
    entry_id: str,
    *,
    kind: str = "article",
    title: str = "测试条目",
    extra: str = "",
    body: str = "## 第一节\n\n正文。\n",
    red_flags: str = "red_flags:\n  emergency:\n    - 突然说话不清、一侧肢体无力\n  soon:\n    - 几周里越来越无力\n",
) -> str:
    return (
        f"---\nid: {entry_id}\ntype: {kind}\ntitle: {title}\nsummary: 测试摘要。\ncategory: 神经与肌肉\n"
        f"reviewed: 2026-11-01\nreviewer: 测试编辑组\nnext_review: 2030-11-01\n{red_flags}{extra}---\n{body}"
    )


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def base_library(folder: Path) -> Path:
    """A valid library with two entries: what must survive every case."""
    write(folder / "library.yaml", LIBRARY_YAML)
    write(folder / "articles" / "good-article.md", entry_text("good-article", title="好的文章"))
    write(folder / "qa" / "good-qa.md", entry_text("good-qa", kind="qa", title="好的问答"))
    return folder


@dataclass(frozen=True)
class Case:
    name: str
    cls: str  # the row of the table: values, yaml-bounds, walk, markdown, control
    build: Callable[[Path], None]  # adds the hostile part to a base library
    expect: tuple[str, ...]  # each must appear in one of the problems (the message part)
    open_id: str | None = None  # the entry to open in the app, when the danger is in rendering it
    seconds: float = 5.0  # time bound for the loader, the check and the body render
    loads: tuple[str, ...] = field(default=GOOD_IDS)  # entries that must load
    clean: bool = False  # True: no problem at all is expected (inputs at the limits)


def _entry(name: str, text: str | bytes, sub: str = "articles") -> Callable[[Path], None]:
    def build(lib: Path) -> None:
        write(lib / sub / f"{name}.md", text)

    return build


def _library_yaml(text: str | bytes) -> Callable[[Path], None]:
    def build(lib: Path) -> None:
        write(lib / "library.yaml", text)

    return build


def _laughs(levels: int = 9, width: int = 10) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# --- values: types and ranges -------------------------------------------------------------------


def _values() -> list[Case]:
    return [
        Case(
            "entry-impossible-date",
            "values",
            _entry("bad-date", entry_text("bad-date").replace("reviewed: 2026-11-01", "reviewed: 2026-13-45")),
            ("'reviewed'",),
            loads=(*GOOD_IDS, "bad-date"),
        ),
        Case(
            "entry-february-30",
            "values",
            _entry("feb", entry_text("feb").replace("next_review: 2030-11-01", "next_review: 2027-02-30")),
            ("'next_review'",),
        ),
        Case(
            "entry-year-zero",
            "values",
            _entry("year-zero", entry_text("year-zero").replace("reviewed: 2026-11-01", "reviewed: 0000-01-01")),
            ("'reviewed'",),
        ),
        Case(
            "entry-next-review-before-reviewed",
            "values",
            _entry("backwards", entry_text("backwards").replace("next_review: 2030-11-01", "next_review: 2020-01-01")),
            ("'next_review'",),
        ),
        Case(
            "entry-5000-digit-number",
            "values",
            _entry("digits", entry_text("digits", title="9" * 5000)),
            ("digits",),
        ),
        Case(
            "entry-infinite-number",
            "values",
            _entry("inf", entry_text("inf", title=".inf")),
            ("'title'",),
        ),
        Case(
            "entry-wrong-types",
            "values",
            _entry(
                "types",
                entry_text("types", title="[一, 二]", extra="tags: 5\nrelated: {a: 1}\nsources: [[嵌套]]\n")
                .replace("summary: 测试摘要。", "summary: {a: 1}")
                .replace("category: 神经与肌肉", "category: [神经与肌肉]"),
            ),
            ("'title'", "'summary'", "'category'"),
        ),
        Case(
            "entry-binary-and-set",
            "values",
            _entry(
                "binset",
                entry_text("binset", extra="tags: !!set {a, b}\n").replace(
                    "summary: 测试摘要。", "summary: !!binary aGVsbG8="
                ),
            ),
            ("'summary'",),
        ),
        Case(
            "entry-python-tag",
            "values",
            _entry("pytag", entry_text("pytag", extra='aliases: !!python/object/apply:os.system ["true"]\n')),
            ("invalid YAML",),
        ),
        Case(
            "entry-odd-keys",
            "values",
            _entry("keys", entry_text("keys", extra="1: 数字键\nnull: 空键\n? [a, b]\n: 列表键\n")),
            ("invalid YAML",),
        ),
        Case(
            "entry-front-matter-not-a-mapping",
            "values",
            _entry("alist", "---\n- id\n- type\n---\n正文\n"),
            ("must be a mapping",),
        ),
        Case(
            "entry-untiered-red-flags",
            "values",
            _entry("untiered", entry_text("untiered", red_flags="red_flags:\n  - 一条没有分级的警示\n")),
            ("red_flags",),
        ),
        Case(
            "entry-empty-red-flags",
            "values",
            _entry(
                "emptyflags",
                entry_text("emptyflags", red_flags='red_flags:\n  emergency: []\n  same_day:\n  soon: [""]\n'),
            ),
            ("red_flags",),
        ),
        Case(
            "entry-unknown-tier",
            "values",
            _entry("tier", entry_text("tier", red_flags="red_flags:\n  urgent:\n    - 不认识的级别\n")),
            ("red_flags",),
        ),
        Case(
            "entry-not-utf8-with-nul",
            "values",
            _entry("bytes", b"---\nid: bytes\ntitle: \xff\xfe\x00\x00\n---\n\x00\x00"),
            ("UTF-8",),
        ),
        Case(
            "library-categories-int",
            "values",
            _library_yaml(LIBRARY_YAML.split("categories:")[0] + "categories: 5\n"),
            ("categories",),
        ),
        Case(
            "library-wrong-types",
            "values",
            _library_yaml(
                "id: [x]\ntitle: {a: 1}\ndisclaimer: [仅供参考]\nversion: [1, 2]\nfeatured: 5\n"
                "categories:\n  - name: [1]\n  - 3\n  - null\n  - {name: 神经与肌肉, description: [x]}\n"
            ),
            ("'id'", "'title'", "'disclaimer'", "'featured'", "category"),
        ),
        Case("library-is-a-list", "values", _library_yaml("- id\n- title\n"), ("mapping",)),
        Case("library-not-utf8", "values", _library_yaml(b"id: x\ntitle: \xff\xfe\n"), ("UTF-8",)),
        Case("library-bad-date-value", "values", _library_yaml(LIBRARY_YAML + "updated: 2026-13-45\n"), ("updated",)),
    ]


# --- YAML bounds: size, aliases, depth, before anything is expanded ------------------------------


def _yaml_bounds() -> list[Case]:
    deep = "[" * 100_000 + "]" * 100_000
    return [
        Case(
            "library-billion-laughs",
            "yaml-bounds",
            _library_yaml(LIBRARY_YAML.split("categories:")[0] + _laughs() + "categories: *a9\n"),
            ("alias",),
            seconds=1.0,
        ),
        Case(
            "entry-billion-laughs",
            "yaml-bounds",
            _entry("laughs", entry_text("laughs", extra=_laughs() + "tags: *a9\n")),
            ("alias",),
            seconds=1.0,
        ),
        Case(
            "entry-ten-thousand-aliases",
            "yaml-bounds",
            _entry(
                "aliases",
                entry_text("aliases", extra="x: &x 同一个词\ntags: [" + ", ".join(["*x"] * 10_000) + "]\n"),
            ),
            ("alias",),
            seconds=1.0,
        ),
        Case(
            "library-100000-deep",
            "yaml-bounds",
            _library_yaml(LIBRARY_YAML + f"extra: {deep}\n"),
            ("deep",),
            seconds=1.0,
        ),
        Case(
            "entry-100000-deep",
            "yaml-bounds",
            _entry("deep", entry_text("deep", extra="tags: " + "[" * 5000 + "]" * 5000 + "\n")),
            ("deep",),
            seconds=1.0,
        ),
        Case(
            "library-50-mb",
            "yaml-bounds",
            _library_yaml(LIBRARY_YAML + "description: " + "长" * 17_000_000 + "\n"),
            ("library.yaml is",),
            seconds=1.0,
        ),
        Case(
            "entry-100-kb-front-matter",
            "yaml-bounds",
            _entry("bigfm", entry_text("bigfm", extra="tags:\n" + "  - 标签\n" * 9_000)),
            ("front matter",),
            seconds=1.0,
        ),
        Case(
            "entry-5-mb-file",
            "yaml-bounds",
            _entry("bigfile", entry_text("bigfile", extra="tags:\n" + "  - 标签\n" * 500_000)),
            ("entry file is",),
            seconds=1.0,
        ),
    ]


# --- the folder walk: loops, links out, things that are not files --------------------------------


def _symlink_loops(lib: Path) -> None:
    os.symlink(".", lib / "articles" / "a")
    os.symlink(".", lib / "articles" / "b")
    os.symlink("..", lib / "qa" / "up")


def _self_loop(lib: Path) -> None:
    os.symlink("loop.md", lib / "articles" / "loop.md")
    write(lib / "articles" / "second-article.md", entry_text("second-article"))


def _dangling(lib: Path) -> None:
    os.symlink("nowhere.md", lib / "qa" / "dangling.md")


def _link_out_file(lib: Path) -> None:
    os.symlink("/etc/passwd", lib / "qa" / "passwd.md")


def _link_out_dir(lib: Path) -> None:
    outside = lib.parent / f"{lib.name}-outside"
    write(outside / "secret.md", entry_text("secret"))
    os.symlink(outside, lib / "articles" / "outside")


def _entry_dir_links_out(lib: Path) -> None:
    outside = lib.parent / f"{lib.name}-elsewhere"
    write(outside / "elsewhere.md", entry_text("elsewhere"))
    os.symlink(outside, lib / "guides")  # not an entry folder: must not matter
    (lib / "qa" / "good-qa.md").rename(lib / "good-qa.md.keep")
    os.rmdir(lib / "qa")
    os.symlink(outside, lib / "qa")
    (lib / "good-qa.md.keep").rename(lib / "articles" / "good-qa.md")


def _fifo(lib: Path) -> None:
    os.mkfifo(lib / "articles" / "pipe.md")


def _dev_zero(lib: Path) -> None:
    os.symlink("/dev/zero", lib / "articles" / "zero.md")


def _md_directory(lib: Path) -> None:
    write(lib / "articles" / "folder.md" / "inner.md", entry_text("inner"))


def _deep_dirs(lib: Path) -> None:
    d = lib / "articles"
    for i in range(200):
        d = d / f"d{i}"
    write(d / "deep-entry.md", entry_text("deep-entry"))


def _library_yaml_link_out(lib: Path) -> None:
    (lib / "library.yaml").unlink()
    os.symlink("/etc/passwd", lib / "library.yaml")


def _library_yaml_fifo(lib: Path) -> None:
    (lib / "library.yaml").unlink()
    os.mkfifo(lib / "library.yaml")


def _unreadable(lib: Path) -> None:
    path = write(lib / "articles" / "locked.md", entry_text("locked"))
    path.chmod(0)
    locked = lib / "qa" / "locked-folder"
    write(locked / "hidden.md", entry_text("hidden", kind="qa"))
    locked.chmod(0)


def _walk() -> list[Case]:
    cases = [
        Case("two-links-to-the-folder-itself", "walk", _symlink_loops, ("loop",)),
        Case(
            "file-link-to-itself",
            "walk",
            _self_loop,
            ("loop.md",),
            loads=(*GOOD_IDS, "second-article"),
        ),
        Case("dangling-link", "walk", _dangling, ("dangling.md",)),
        Case("file-link-to-etc-passwd", "walk", _link_out_file, ("outside the library",)),
        Case("folder-link-out-of-the-library", "walk", _link_out_dir, ("outside the library",)),
        Case(
            "entry-folder-is-a-link-out",
            "walk",
            _entry_dir_links_out,
            ("outside the library",),
        ),
        Case("fifo-named-like-an-entry", "walk", _fifo, ("not a regular file",), seconds=2.0),
        Case("link-to-dev-zero", "walk", _dev_zero, ("outside the library",), seconds=2.0),
        Case("folder-named-like-an-entry", "walk", _md_directory, (), loads=(*GOOD_IDS, "inner"), clean=True),
        Case("200-nested-folders", "walk", _deep_dirs, (), loads=(*GOOD_IDS, "deep-entry"), clean=True),
        Case("library-yaml-links-to-etc-passwd", "walk", _library_yaml_link_out, ("outside the library",)),
        Case("library-yaml-is-a-fifo", "walk", _library_yaml_fifo, ("not a regular file",), seconds=2.0),
    ]
    if os.geteuid() != 0:  # root reads a mode-000 file: the case would prove nothing
        cases.append(Case("unreadable-file-and-folder", "walk", _unreadable, ("locked.md", "locked-folder")))
    return cases


# --- Markdown: nesting, brackets, headings, sizes ------------------------------------------------


def _markdown() -> list[Case]:
    lists400 = "".join("    " * i + "- 层\n" for i in range(400))
    emphasis = "*" * 3000 + "字" + "*" * 3000 + "\n"
    headings = "".join(f"## 标题{i}\n\n正文{i}。\n\n" for i in range(10_000))
    chain = "- " * 2000 + "字\n"
    return [
        Case(
            "400-deep-lists",
            "markdown",
            _entry("lists", entry_text("lists", body=lists400)),
            ("deep",),
            "lists",
            loads=(*GOOD_IDS, "lists"),
        ),
        Case(
            "3000-deep-emphasis",
            "markdown",
            _entry("emph", entry_text("emph", body=emphasis)),
            ("emphasis",),
            "emph",
            loads=(*GOOD_IDS, "emph"),
        ),
        Case(
            "20000-brackets",
            "markdown",
            _entry("brackets", entry_text("brackets", body="[" * 20_000 + "\n")),
            ("bracket",),
            "brackets",
            loads=(*GOOD_IDS, "brackets"),
        ),
        Case(
            "2000-list-markers-on-one-line",
            "markdown",
            _entry("chain", entry_text("chain", body=chain)),
            ("deep",),
            "chain",
            loads=(*GOOD_IDS, "chain"),
        ),
        Case(
            "2-mb-title",
            "markdown",
            _entry("bigtitle", entry_text("bigtitle", title="长" * 700_000)),
            ("entry file is",),
        ),
        Case(
            "15000-character-title",
            "markdown",
            _entry("longtitle", entry_text("longtitle", title="长" * 15_000)),
            ("'title'",),
            "longtitle",
            loads=(*GOOD_IDS, "longtitle"),
        ),
        Case(
            "10000-headings",
            "markdown",
            _entry("headings", entry_text("headings", body=headings)),
            ("heading",),
            "headings",
            loads=(*GOOD_IDS, "headings"),
        ),
        Case(
            "heading-of-20000-hashes-and-brackets",
            "markdown",
            _entry("hashes", entry_text("hashes", body="## " + "#[" * 10_000 + "x\n")),
            ("heading",),
            "hashes",
            loads=(*GOOD_IDS, "hashes"),
        ),
        Case(
            "20-mb-entry",
            "markdown",
            _entry("huge", entry_text("huge", body="正文很长。\n\n" * 1_500_000)),
            ("entry file is",),
        ),
        Case(
            "1000-deep-block-quotes",
            "markdown",
            _entry("quotes", entry_text("quotes", body=">" * 1000 + " 引用\n")),
            ("deep",),
            "quotes",
            loads=(*GOOD_IDS, "quotes"),
        ),
        Case(
            "body-at-the-limits",
            "markdown",
            lambda lib: write(lib / "articles" / "limits.md", entry_text("limits", body=at_the_limits())),
            (),
            "limits",
            loads=(*GOOD_IDS, "limits"),
            clean=True,
        ),
    ]


def at_the_limits() -> str:
    """A body just inside every limit, built to be slow: what the limits must still render quickly."""
    from healthreader.content import limits

    blocks = []
    # Unmatched brackets are the slowest thing Python-Markdown does (it scans ahead for each '[').
    per_block = limits.MAX_BRACKETS_PER_BLOCK
    n_blocks = limits.MAX_BRACKETS // per_block
    for _ in range(n_blocks):
        filler = "字" * (limits.MAX_BLOCK_CHARS - per_block - 10)
        blocks.append("[" * per_block + filler)
    blocks.append("*" * (limits.MAX_EMPHASIS_PER_BLOCK // 2) + "字" + "*" * (limits.MAX_EMPHASIS_PER_BLOCK // 2))
    blocks.append("".join("    " * i + "- 层\n" for i in range(limits.MAX_NESTING)))
    blocks.append(">" * limits.MAX_NESTING + " 引用")
    for i in range(limits.MAX_HEADINGS):
        blocks.append(f"## 标题{i}")
    body = "\n\n".join(blocks) + "\n"
    return body[: limits.MAX_BODY_CHARS]


# --- control characters and bidirectional overrides ----------------------------------------------


def _control() -> list[Case]:
    bidi_title = '"面瘫\\u202e须知\\u2066"'
    controls = '"面瘫\\x00\\x1b[31m\\x07须知"'
    return [
        Case(
            "bidi-override-in-title-and-tags",
            "control",
            _entry("bidi", entry_text("bidi", title=bidi_title, extra='tags: ["\\u202e反转"]\n')),
            ("control",),
            "bidi",
            loads=(*GOOD_IDS, "bidi"),
        ),
        Case(
            "c0-controls-in-title",
            "control",
            _entry("ctl", entry_text("ctl", title=controls)),
            ("control",),
            "ctl",
            loads=(*GOOD_IDS, "ctl"),
        ),
        Case(
            "controls-in-library-yaml",
            "control",
            _library_yaml(LIBRARY_YAML.replace("title: 测试资料库", 'title: "测试\\u202e资料库\\x1b"')),
            ("control",),
        ),
        Case(
            "bidi-override-in-body",
            "control",
            _entry("bidibody", entry_text("bidibody", body="## 第一节\n\n正文\u202e反转\u0007。\n")),
            ("control",),
            "bidibody",
            loads=(*GOOD_IDS, "bidibody"),
        ),
    ]


def cases() -> list[Case]:
    return [*_values(), *_yaml_bounds(), *_walk(), *_markdown(), *_control()]


def build(case: Case, root: Path) -> Path:
    """Write ``case``'s library folder under ``root``; returns the folder."""
    lib = base_library(root / case.name)
    case.build(lib)
    return lib
