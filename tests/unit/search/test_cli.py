"""``healthreader search`` and ``healthreader index`` through ``cli.main``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from healthreader.cli import main
from healthreader.content import Library


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-data")


def base(data_dir: Path, real_copy: Path) -> list[str]:
    return ["--data-dir", str(data_dir), "--no-bundled", "--library", str(real_copy)]


def test_search_json(data_dir: Path, real_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*base(data_dir, real_copy), "search", "面瘫", "--json", "--limit", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and hits[0]["id"] == "facial-palsy"
    assert {"id", "title", "type", "section", "snippet", "score"} <= set(hits[0])
    assert (data_dir / "index" / "manifest.json").is_file()  # built into the user's data folder


def test_search_table_with_filters(data_dir: Path, real_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*base(data_dir, real_copy), "search", "肌肉萎缩", "--type", "qa", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "[问答]" in out and "[文章]" not in out and "【肌肉萎缩】" in out


def test_search_says_when_it_corrected_and_when_nothing_matched(
    data_dir: Path, real_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*base(data_dir, real_copy), "search", "肌肉委缩", "--limit", "1"]) == 0
    assert "显示 肌肉萎缩 的结果" in capsys.readouterr().out
    assert main([*base(data_dir, real_copy), "search", "肌肉xyzqw"]) == 1
    assert "相近的条目" in capsys.readouterr().out
    assert main([*base(data_dir, real_copy), "search", "((((( ***"]) == 1
    assert "请输入要查找的字词" in capsys.readouterr().out


def test_search_stdin_one_json_array_per_line(
    data_dir: Path, real_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('面瘫\n((("\n\n腰突 萎缩\n肌电图'))
    assert main([*base(data_dir, real_copy), "search", "--stdin", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    arrays = [json.loads(line) for line in lines]
    assert arrays[0][0]["id"] == "facial-palsy"
    assert arrays[1] == [] and arrays[2] == []
    assert arrays[3] and arrays[4][0]["id"] == "emg-guide"


def test_index_build_and_status(
    tmp_path: Path, real_copy: Path, real_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "built"
    assert (
        main(
            ["--data-dir", str(tmp_path / "d"), "index", "build", "--library", str(real_copy), "--out", str(out), "-q"]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert f"{len(real_library)} entries" in printed and str(out) in printed
    assert (out / "manifest.json").is_file()
    # status: the user index does not exist yet for this data folder
    assert (
        main(["--data-dir", str(tmp_path / "d"), "--no-bundled", "--library", str(real_copy), "index", "status"]) == 1
    )
    assert "missing" in capsys.readouterr().out


def test_search_explain_says_why_each_hit_ranks_there(
    data_dir: Path, real_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*base(data_dir, real_copy), "search", "我妈面瘫了怎么办", "--limit", "2", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "没有找到：我妈" in out
    lines = out.splitlines()
    first = next(n for n, line in enumerate(lines) if line.lstrip().startswith("1."))
    assert "facial-palsy#" in lines[first]
    why = lines[first + 2 : first + 6]
    assert any("面瘫（同义词：面神经麻痹" in line and "：名称" in line for line in why)
    assert any("标题相近" in line for line in why)
    assert main([*base(data_dir, real_copy), "search", "面瘫", "--json", "--limit", "1", "--explain"]) == 0
    hit = json.loads(capsys.readouterr().out)[0]
    assert hit["explain"] and {"why", "score"} == set(hit["explain"][0])


def test_search_explain_names_the_synonyms_that_matched(
    data_dir: Path, real_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 脸歪 is in no entry: an editor tuning synonyms.txt must see which of its group's words did the work.
    assert main([*base(data_dir, real_copy), "search", "脸歪", "--limit", "3", "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(n for n, line in enumerate(lines) if line.lstrip().startswith("1."))
    assert "facial-palsy#" in lines[first]
    why = next(line for line in lines[first + 2 : first + 6] if "脸歪" in line)
    assert "脸歪（同义词：" in why and "嘴歪" in why and "名称" in why, why
    # A word with no synonyms, found as typed, says nothing more.
    assert main([*base(data_dir, real_copy), "search", "鼓腮", "--limit", "1", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "鼓腮：" in out and "同义词" not in out
