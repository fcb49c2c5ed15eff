"""``healthreader bookmarks ...`` run in-process on the tiny library and a temporary data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthreader.cli import main
from tests.conftest import TINY_LIBRARY


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--no-bundled", "--library", str(TINY_LIBRARY), "bookmarks", *args])


def test_add_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "add", "alpha", "--note", "问医生", "--folder", "面部") == 0
    assert capsys.readouterr().out == "added alpha: 面部肌肉萎缩测试文章\n"
    assert run(tmp_path, "add", "alpha", "--section", "日常护理") == 0
    assert "alpha#日常护理: 面部肌肉萎缩测试文章 › 日常护理" in capsys.readouterr().out
    assert run(tmp_path, "add", "alpha", "--note", "改过的笔记") == 0
    assert capsys.readouterr().out.startswith("updated alpha")
    assert run(tmp_path, "list") == 0
    assert capsys.readouterr().out.splitlines() == [
        "alpha#日常护理\t面部肌肉萎缩测试文章 › 日常护理",
        "alpha\t面部肌肉萎缩测试文章\t[面部]\t改过的笔记",
    ]
    assert run(tmp_path, "list", "--filter", "改过") == 0
    assert capsys.readouterr().out.count("\n") == 1
    assert run(tmp_path, "remove", "alpha", "--section", "日常护理") == 0
    assert run(tmp_path, "remove", "alpha", "--section", "日常护理") == 1
    assert "is not bookmarked" in capsys.readouterr().err


def test_unknown_entry_or_section_is_an_error_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "add", "no-such-entry") == 2
    assert "there is no entry 'no-such-entry' in the library" in capsys.readouterr().err
    assert run(tmp_path, "add", "alpha", "--section", "没有这一节") == 2
    assert "'alpha' has no section '没有这一节'" in capsys.readouterr().err
    assert run(tmp_path, "list") == 0
    assert capsys.readouterr().out == ""


def test_export_wipe_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(data, "add", "alpha", "--note", "笔记一", "--folder", "面部")
    run(data, "add", "gamma")
    out = tmp_path / "书签.json"
    assert run(data, "export", str(out)) == 0
    assert "exported 2 bookmark(s)" in capsys.readouterr().out
    (data / "userdata.sqlite3").unlink()
    for side in ("-wal", "-shm"):
        Path(str(data / "userdata.sqlite3") + side).unlink(missing_ok=True)
    assert run(data, "import", str(out)) == 0
    assert "2 added, 0 updated, 0 already there, 1 new folder(s)" in capsys.readouterr().out
    assert run(data, "import", str(out)) == 0
    assert "0 added, 0 updated, 2 already there" in capsys.readouterr().out
    assert run(data, "list", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert {(b["entry_id"], b["note"], b["folder"]) for b in doc["bookmarks"]} == {
        ("alpha", "笔记一", "面部"),
        ("gamma", "", ""),
    }


def test_invalid_import_file_imports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, "add", "alpha")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "healthreader-bookmarks", "version": 1, "bookmarks": [{"entry_id": "x", "title": 1}]}')
    assert run(tmp_path, "import", str(bad)) == 2
    assert "nothing was imported" in capsys.readouterr().err
    run(tmp_path, "list")
    assert capsys.readouterr().out.count("\n") == 1


def test_damaged_store_is_set_aside_and_the_user_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "userdata.sqlite3").write_text("garbage")
    assert run(tmp_path, "list") == 0
    err = capsys.readouterr().err
    assert "was not a bookmarks file" in err and "userdata.sqlite3.broken-" in err
