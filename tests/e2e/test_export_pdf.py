"""``healthreader export-pdf`` run as a user would: a real process with no display."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from healthreader.config import Settings
from healthreader.paths import DataPaths
from tests.conftest import ROOT, TINY_LIBRARY
from tests.ui.printing.test_printing import needs_poppler, pdf_fonts, pdf_lines, pdf_pages, pdf_text

pytestmark = [pytest.mark.e2e, needs_poppler]

MAIN = "facial-muscle-atrophy"
TITLE = "面部肌肉萎缩是怎么回事"


def export(*args: str, data_dir: Path, library: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    only = ["--no-bundled", "--library", str(library)] if library else []
    return subprocess.run(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data_dir), *only, "export-pdf", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )


def written_pages(proc: subprocess.CompletedProcess[str]) -> int:
    assert proc.returncode == 0, proc.stderr
    match = re.search(r"^(\d+) pages? written to ", proc.stdout, re.M)
    assert match, proc.stdout
    return int(match.group(1))


def test_exports_the_article_with_the_clinic_header_from_the_settings(data_dir: Path, tmp_path: Path) -> None:
    header = "康宁社区卫生服务中心 · 电话 010-8888 6666"
    Settings(DataPaths.at(data_dir)).set("print_header", header)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "handout.pdf"
    pages = written_pages(export(MAIN, str(out), data_dir=data_dir))
    assert pages == pdf_pages(out) >= 2
    for n in range(1, pages + 1):
        text = pdf_text(out, n)
        assert header in text and f"{n}/{pages}" in text
    text = pdf_text(out)
    assert TITLE in text and "什么时候需要就医" in text and "不能代替医生的诊断和治疗" in text
    assert all(embedded for _, embedded in pdf_fonts(out))
    assert [p.name for p in out.parent.iterdir()] == ["handout.pdf"]  # no temporary left beside it


def test_large_print_and_header_option(data_dir: Path, tmp_path: Path) -> None:
    normal = written_pages(export(MAIN, str(tmp_path / "normal.pdf"), data_dir=data_dir))
    large_pdf = tmp_path / "large.pdf"
    large = written_pages(export(MAIN, str(large_pdf), "--large-print", "--header", "门诊 123", data_dir=data_dir))
    assert large > normal
    assert pdf_lines(large_pdf, 1)[0] == "门诊 123"


def test_one_section_from_the_tiny_library(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "care.pdf"
    proc = export(
        "alpha", str(out), "--section", "日常护理", "--no-large-print", data_dir=data_dir, library=TINY_LIBRARY
    )
    pages = written_pages(proc)
    text = pdf_text(out)
    assert pages == pdf_pages(out)
    assert "面部肌肉萎缩测试文章" in text and "日常护理" in text and "鼓腮十次" in text
    assert "面神经麻痹（面瘫）" not in text and "什么时候需要就医" not in text


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("no-such-entry",), 2, "no entry with id 'no-such-entry'"),
        ((MAIN, "--section", "no-such-section"), 2, "sections: 面神经麻痹面瘫, 脑卒中后遗症"),
    ],
)
def test_unknown_entry_or_section(
    data_dir: Path, tmp_path: Path, args: tuple[str, ...], status: int, message: str
) -> None:
    out = tmp_path / "x.pdf"
    entry, *options = args
    proc = export(entry, str(out), *options, data_dir=data_dir)
    assert proc.returncode == status
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()


def test_unwritable_destination(data_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = export(MAIN, str(blocker / "handout.pdf"), data_dir=data_dir)
    assert proc.returncode == 1
    assert str(blocker) in proc.stderr and "Traceback" not in proc.stderr
    assert not (blocker / "handout.pdf").exists()
