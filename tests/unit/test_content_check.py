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
