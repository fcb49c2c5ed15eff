"""The real ``healthreader`` process, started as a user would, checked through its log and a screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e


def run_app(*args: str, data_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-m", "healthreader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


def test_opens_the_main_article_and_saves_a_screenshot(data_dir: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    proc = run_app("--open", "facial-muscle-atrophy", "--screenshot", str(shot), data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    log = (data_dir / "healthreader.log").read_text("utf-8")
    assert "opened entry facial-muscle-atrophy (8 sections)" in log
    assert "window shown in" in log and "面部肌肉萎缩是怎么回事" in log
    assert f"screenshot saved to {shot}" in log

    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 700 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a real window, not a blank surface


def test_last_entry_is_restored_at_the_next_start(data_dir: Path, tmp_path: Path) -> None:
    run_app("--open", "emg-guide", "--screenshot", str(tmp_path / "a.png"), data_dir=data_dir)
    proc = run_app("--screenshot", str(tmp_path / "b.png"), data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    log = (data_dir / "healthreader.log").read_text("utf-8")
    assert log.count("opened entry emg-guide") == 2


def test_broken_entry_in_an_added_library_is_logged_and_skipped(data_dir: Path, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    (clinic / "qa").mkdir(parents=True)
    (clinic / "library.yaml").write_text("id: clinic\ntitle: 诊所\ndisclaimer: 仅供参考\n", "utf-8")
    (clinic / "qa" / "hours.md").write_text(
        "---\nid: clinic-hours\ntype: qa\ntitle: 门诊时间\nsummary: 时间。\ncategory: 康复与护理\n"
        "reviewed: 2026-11-01\n---\n周一至周五。\n",
        "utf-8",
    )
    bad = clinic / "qa" / "bad.md"
    bad.write_text("---\nid: bad\ntype: qa\n---\n", "utf-8")
    proc = run_app(
        "--library", str(clinic), "--open", "clinic-hours", "--screenshot", str(tmp_path / "c.png"), data_dir=data_dir
    )
    assert proc.returncode == 0, proc.stderr
    log = (data_dir / "healthreader.log").read_text("utf-8")
    assert f"{bad}:2: missing required field 'title'" in log
    assert "opened entry clinic-hours" in log


def test_content_check_command_exits_non_zero_on_problems(tmp_path: Path) -> None:
    bad = tmp_path / "lib" / "qa" / "x.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("no front matter\n", "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run(
        [sys.executable, "-m", "healthreader", "content", "check", "--library", str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 1
    assert f"{bad}:1: the file must start with a '---' line" in proc.stdout
