"""Loading a library: fields, lazy bodies, the catalogue cache, and problems named by file:line."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from healthreader.content import EntryType, load_library
from healthreader.content.validate import check_references


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """---
id: delta
type: qa
title: 测试问题
summary: 测试摘要。
category: 神经与肌肉
reviewed: 2026-11-05
---
回答正文。
"""


def test_loads_entries_with_their_fields(tiny_library: Path) -> None:
    lib = load_library([tiny_library])
    assert lib.problems == []
    assert sorted(e.id for e in lib) == ["alpha", "gamma", "qa-beta"]
    alpha = lib.get("alpha")
    assert alpha.type is EntryType.ARTICLE
    assert alpha.title == "面部肌肉萎缩测试文章"
    assert alpha.related == ("qa-beta", "gamma")
    assert alpha.reviewed == dt.date(2026, 11, 1)
    assert alpha.red_flags.emergency and "120" in alpha.red_flags.emergency[0]
    assert [t.value for t, _ in alpha.red_flags.tiers()] == ["emergency", "same_day", "soon"]
    assert alpha.reviewer == "测试编辑组（神经内科）" and alpha.next_review == dt.date(2099, 11, 1)
    assert [e.id for e in lib.related(alpha)] == ["qa-beta", "gamma"]
    assert lib.title == "测试读本"
    assert "不能代替" in lib.disclaimer_for(alpha)


def test_body_is_read_from_the_right_line(tiny_library: Path) -> None:
    lib = load_library([tiny_library])
    body = lib.get("alpha").read_body()
    assert body.startswith("这是一段引言")
    assert "id: alpha" not in body


def test_categories_grouped_in_library_order(tiny_library: Path) -> None:
    lib = load_library([tiny_library])
    groups = lib.by_category()
    assert [c.name for c, _ in groups] == ["神经与肌肉", "康复与护理"]
    # Articles come before questions within a category.
    assert [e.id for e in groups[0][1]] == ["alpha", "qa-beta"]


def test_broken_entry_is_reported_by_line_and_skipped(tiny_library: Path) -> None:
    bad = write(tiny_library / "qa" / "broken.md", "---\nid: broken\ntype: qa\ntitle: [unclosed\n---\nbody\n")
    lib = load_library([tiny_library])
    assert "broken" not in lib
    assert len(lib) == 3  # the others still load
    [problem] = lib.problems
    assert problem.path == bad
    assert problem.line == 4
    assert str(problem).startswith(f"{bad}:4: invalid YAML")


def test_missing_fields_and_bad_values_are_named(tiny_library: Path) -> None:
    bad = write(
        tiny_library / "articles" / "bad.md",
        "---\nid: Bad_Id\ntype: essay\ntitle: 标题\ncategory: 神经与肌肉\nreviewed: yesterday\ntags: 3\n---\n正文\n",
    )
    lib = load_library([tiny_library])
    messages = {(p.line, p.message.split(" ")[0]) for p in lib.problems if p.path == bad}
    text = "\n".join(str(p) for p in lib.problems)
    assert "missing required field 'summary'" in text
    assert f"{bad}:2: id 'Bad_Id'" in text
    assert f"{bad}:3: type must be" in text
    assert f"{bad}:6: field 'reviewed' must be a real date like 2026-11-01, not 'yesterday'" in text
    assert f"{bad}:7: field 'tags' must be a list" in text
    assert messages
    assert "Bad_Id" not in lib


def test_no_front_matter(tiny_library: Path) -> None:
    bad = write(tiny_library / "qa" / "plain.md", "## 只有正文\n")
    lib = load_library([tiny_library])
    assert any(p.path == bad and p.line == 1 and "must start with a '---'" in p.message for p in lib.problems)


def test_duplicate_id_in_a_later_folder_does_not_replace(tiny_library: Path, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    write(clinic / "library.yaml", "id: clinic\ntitle: 诊所资料\ndisclaimer: 仅供参考\n")
    dup = write(clinic / "qa" / "alpha.md", GOOD.replace("delta", "alpha"))
    write(clinic / "qa" / "delta.md", GOOD)
    lib = load_library([tiny_library, clinic])
    assert lib.get("alpha").title == "面部肌肉萎缩测试文章"  # the first definition wins
    assert "delta" in lib  # a later folder may add entries
    assert any(p.path == dup and "duplicate id 'alpha'" in p.message for p in lib.problems)


def test_unknown_related_and_category_are_reported(tiny_library: Path) -> None:
    path = write(
        tiny_library / "qa" / "delta.md",
        GOOD.replace("reviewed:", "related: [nowhere]\nreviewed:").replace("神经与肌肉", "不存在的分类"),
    )
    lib = load_library([tiny_library])
    problems = [str(p) for p in check_references(lib)]
    assert f"{path}:7: related id 'nowhere' does not exist" in problems
    assert f"{path}:6: category '不存在的分类' is not declared in library.yaml" in problems


def test_catalogue_cache_is_used_and_refreshed(tiny_library: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "catalogue.bin"
    first = load_library([tiny_library], cache_file=cache)
    assert cache.is_file()
    second = load_library([tiny_library], cache_file=cache)
    assert [e.title for e in second] == [e.title for e in first]
    # A changed file is read again, not served stale from the cache.
    path = tiny_library / "qa" / "qa-beta.md"
    path.write_text(path.read_text("utf-8").replace("脸部肌肉萎缩是什么原因引起的", "新的标题"), "utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
    third = load_library([tiny_library], cache_file=cache)
    assert third.get("qa-beta").title == "新的标题"


def test_corrupt_catalogue_cache_is_ignored(tiny_library: Path, tmp_path: Path) -> None:
    cache = tmp_path / "catalogue.bin"
    cache.write_bytes(b"\x00garbage{not marshal")
    lib = load_library([tiny_library], cache_file=cache)
    assert len(lib) == 3 and lib.problems == []


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    lib = load_library([tmp_path / "nowhere"])
    assert len(lib) == 0
    assert "library folder not found" in str(lib.problems[0])


def test_featured_entries_come_in_order_and_unknown_ones_are_reported(tiny_library: Path) -> None:
    lib = load_library([tiny_library])
    assert [e.id for e in lib.featured()] == ["alpha"]
    yaml_file = tiny_library / "library.yaml"
    yaml_file.write_text(
        yaml_file.read_text("utf-8").replace("featured: [alpha]", "featured: [gamma, nowhere]"), "utf-8"
    )
    lib = load_library([tiny_library])
    assert [e.id for e in lib.featured()] == ["gamma"]
    assert f"{yaml_file}:1: featured id 'nowhere' does not exist" in [str(p) for p in check_references(lib)]


def test_red_flags_must_be_tiered_and_non_empty(tiny_library: Path) -> None:
    plain = write(
        tiny_library / "qa" / "plain.md",
        GOOD.replace("delta", "plain").replace("reviewed:", "red_flags:\n  - 胸痛\nreviewed:"),
    )
    empty = write(
        tiny_library / "qa" / "empty.md",
        GOOD.replace("delta", "empty").replace("reviewed:", "red_flags: {}\nreviewed:"),
    )
    tiers = write(
        tiny_library / "qa" / "tiers.md",
        GOOD.replace("delta", "tiers").replace(
            "reviewed:", "red_flags:\n  emergency: []\n  someday:\n    - 以后再说\n  soon:\n    - 几天内复查\nreviewed:"
        ),
    )
    lib = load_library([tiny_library])
    text = [str(p) for p in lib.problems]
    assert any(t.startswith(f"{plain}:7: red_flags must be in tiers") for t in text), text
    assert any(t.startswith(f"{empty}:7: red_flags is empty") for t in text), text
    assert any(t.startswith(f"{tiers}:8: red_flags: tier 'emergency' must be a non-empty list") for t in text), text
    assert any(t.startswith(f"{tiers}:9: red_flags: unknown tier 'someday'") for t in text), text
    # Each costs only itself: the entries load, with the tiers that were right.
    assert lib.get("tiers").red_flags.soon == ("几天内复查",) and not lib.get("tiers").red_flags.emergency
    assert not lib.get("plain").red_flags and "empty" in lib


def test_bad_values_are_named_by_line_and_cost_only_themselves(tiny_library: Path) -> None:
    bad = write(
        tiny_library / "qa" / "dates.md",
        GOOD.replace("delta", "dates")
        .replace("reviewed: 2026-11-05", "reviewed: 2026-13-45\nnext_review: 0000-01-01\nreviewer: [一, 二]")
        .replace("title: 测试问题", 'title: "测试\\u202e问题\\x1b"'),
    )
    lib = load_library([tiny_library])
    text = [str(p) for p in lib.problems if p.path == bad]
    assert f"{bad}:7: field 'reviewed' must be a real date like 2026-11-01, not '2026-13-45'" in text
    assert (
        f"{bad}:8: field 'next_review': the year 0 is not between 1990 and 2100" not in text
    )  # not a real date either
    assert any(t.startswith(f"{bad}:8: field 'next_review' must be a real date") for t in text), text
    assert f"{bad}:9: field 'reviewer' must be text: a name and role, or the editorial board" in text
    assert f"{bad}:4: field 'title': removed 2 control character(s) or bidirectional override(s)" in text
    entry = lib.get("dates")
    assert entry.title == "测试问题" and entry.reviewed is None and entry.next_review is None
    assert len(lib) == 4


def test_next_review_must_come_after_reviewed(tiny_library: Path) -> None:
    bad = write(
        tiny_library / "qa" / "back.md",
        GOOD.replace("delta", "back").replace("reviewed: 2026-11-05", "reviewed: 2026-11-05\nnext_review: 2026-01-01"),
    )
    lib = load_library([tiny_library])
    assert f"{bad}:8: field 'next_review' (2026-01-01) must come after 'reviewed' (2026-11-05)" in [
        str(p) for p in lib.problems
    ]


def test_library_yaml_values_are_checked_and_entries_still_load(tiny_library: Path) -> None:
    yaml_file = tiny_library / "library.yaml"
    text = yaml_file.read_text("utf-8")
    text = text.replace("featured: [alpha]", "featured: {a: 1}")
    text = text[: text.index("categories:")] + "categories: 5\nupdated: 2026-13-45\n"
    yaml_file.write_text(text, "utf-8")
    lib = load_library([tiny_library])
    problems = [str(p) for p in lib.problems]
    lines = text.splitlines()
    assert (
        f"{yaml_file}:{lines.index('featured: {a: 1}') + 1}: library.yaml: 'featured' must be a list of entry ids"
        in problems
    )
    assert (
        f"{yaml_file}:{lines.index('categories: 5') + 1}: library.yaml: 'categories' must be a list of names"
        in problems
    )
    assert f"{yaml_file}:{len(lines)}: library.yaml: unknown field 'updated'" in problems
    assert len(lib) == 3 and lib.title == "测试读本"


def test_duplicate_keys_are_refused_with_their_line(tiny_library: Path) -> None:
    bad = write(
        tiny_library / "qa" / "dup.md",
        GOOD.replace("delta", "dup").replace("reviewed:", "title: 第二个标题\nreviewed:"),
    )
    lib = load_library([tiny_library])
    assert f"{bad}:7: invalid YAML: the key 'title' appears twice" in [str(p) for p in lib.problems]


def test_new_fields_survive_the_catalogue_cache(tiny_library: Path, tmp_path: Path) -> None:
    cache = tmp_path / "catalogue.bin"
    first = load_library([tiny_library], cache_file=cache).get("alpha")
    second = load_library([tiny_library], cache_file=cache).get("alpha")
    assert second.red_flags == first.red_flags and second.red_flags.same_day
    assert (second.reviewer, second.next_review) == (first.reviewer, first.next_review)


def test_a_folder_that_cannot_be_listed_is_a_problem_and_costs_only_itself(tiny_library: Path, monkeypatch) -> None:
    # Root reads a mode-000 folder anyway, so the refusal is simulated where the walk meets it.
    locked = tiny_library / "qa" / "locked"
    write(locked / "hidden.md", GOOD.replace("delta", "hidden"))
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    lib = load_library([tiny_library])
    assert f"{locked}:1: cannot list the folder: Permission denied" in [str(p) for p in lib.problems]
    assert sorted(e.id for e in lib) == ["alpha", "gamma", "qa-beta"]


@pytest.mark.parametrize(
    "files",
    [[1, 2], {"x": 5}, "text", None],
    ids=["files a list", "a record a number", "files text", "files None"],
)
def test_a_catalogue_cache_of_the_wrong_shape_is_read_again_not_a_crash(
    tiny_library: Path, tmp_path: Path, files: object
) -> None:
    """The cache carries the right header but not what this version writes (another program, a hand
    edit, a bug): the library is read from its files, as with a cache that cannot be read at all."""
    import marshal

    from healthreader.content.loader import _CACHE_HEADER

    cache = tmp_path / "cache" / "catalogue.bin"
    cache.parent.mkdir()
    library = load_library([tiny_library], cache_file=cache)  # a good cache, for the file names
    good = marshal.loads(cache.read_bytes())["files"]
    if files == {"x": 5}:
        files = dict.fromkeys(good, 5)
    cache.write_bytes(marshal.dumps({"version": _CACHE_HEADER, "files": files}))
    again = load_library([tiny_library], cache_file=cache)
    assert sorted(e.id for e in again) == sorted(e.id for e in library)
