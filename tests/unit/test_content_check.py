"""``healthreader content check``: the real library passes; broken content fails with file:line."""

from __future__ import annotations

from pathlib import Path

from healthreader.cli import main
from tests.conftest import REAL_LIBRARY


def test_real_library_passes(capsys) -> None:
    assert main(["content", "check", "--library", str(REAL_LIBRARY)]) == 0
    out = capsys.readouterr().out
    assert "no problems" in out


def test_tiny_library_passes(tiny_library: Path, capsys) -> None:
    assert main(["content", "check", "--library", str(tiny_library)]) == 0


def test_problems_are_printed_as_path_line_message(tiny_library: Path, capsys) -> None:
    alpha = tiny_library / "articles" / "alpha.md"
    text = alpha.read_text("utf-8")
    text = text.replace("related: [qa-beta, gamma]", "related: [qa-beta, nowhere]")
    text = text.replace(
        "第二段：面瘫在医生指导下治疗。", "第二段：<b>粗体</b>，见[别处](entry:missing)和[节](entry:gamma#没有这一节)。"
    )
    alpha.write_text(text, "utf-8")
    gamma = tiny_library / "articles" / "gamma.md"
    gamma.write_text(
        gamma.read_text("utf-8").replace("## 注意事项\n感到疼痛时停止训练。", "## 注意事项\n感到疼痛时：\n1. 停止训练"),
        "utf-8",
    )
    (tiny_library / "qa" / "bad.md").write_text("---\nid: bad\ntitle: x\n---\n", "utf-8")
    assert main(["content", "check", "--library", str(tiny_library)]) == 1
    lines = capsys.readouterr().out.splitlines()
    body_line = text.splitlines().index(next(s for s in text.splitlines() if s.startswith("第二段"))) + 1
    assert f"{alpha}:9: related id 'nowhere' does not exist" in lines
    assert f"{alpha}:{body_line}: raw HTML is not allowed; write Markdown" in lines
    assert f"{alpha}:{body_line}: link to unknown entry 'missing'" in lines
    assert f"{alpha}:{body_line}: link to unknown section '没有这一节' of 'gamma'" in lines
    assert any(line.startswith(f"{tiny_library / 'qa' / 'bad.md'}:2: missing required field") for line in lines)
    list_line = gamma.read_text("utf-8").splitlines().index("1. 停止训练") + 1
    assert f"{gamma}:{list_line}: put a blank line before this list, or it shows as running text" in lines


def test_a_passed_review_date_warns_but_does_not_fail(tiny_library: Path, capsys) -> None:
    gamma = tiny_library / "articles" / "gamma.md"
    gamma.write_text(gamma.read_text("utf-8").replace("next_review: 2099-11-02", "next_review: 2026-11-30"), "utf-8")
    assert main(["content", "check", "--library", str(tiny_library)]) == 0
    out = capsys.readouterr().out
    line = gamma.read_text("utf-8").splitlines().index("next_review: 2026-11-30") + 1
    assert f"{gamma}:{line}: warning: next_review 2026-11-30 has passed" in out
    assert "no problems, 1 warning(s) (warnings do not fail the check)" in out


def test_missing_provenance_citations_and_limits_are_problems(tiny_library: Path, capsys) -> None:
    gamma = tiny_library / "articles" / "gamma.md"
    text = gamma.read_text("utf-8").replace("reviewer: 测试编辑组（康复科）\n", "")
    text = text.replace("从被动运动开始", "从被动运动开始[2]").replace(
        "感到疼痛时停止训练。", "感到疼痛时停止训练。\n\n" + "[" * 5000
    )
    gamma.write_text(text, "utf-8")
    assert main(["content", "check", "--library", str(tiny_library)]) == 1
    out = capsys.readouterr().out.splitlines()
    lines = text.splitlines()
    assert f"{gamma}:2: missing field 'reviewer' (who reviewed it: a name and role, or the board)" in out
    cite = next(n for n, s in enumerate(lines, 1) if "[2]" in s)
    assert f"{gamma}:{cite}: cites source [2], but the entry lists 0 source(s)" in out
    brackets = lines.index("[" * 5000) + 1
    assert f"{gamma}:{brackets}: more than 30 '[' brackets in one paragraph: the entry is shown as plain text" in out
