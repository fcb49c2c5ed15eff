"""Printing on a real CUPS server: what the caller is told is what happened to the job.

A private cupsd with cups-pdf queues (A4, A5, an 80 mm roll, Letter) prints into a temporary
folder; the pages that come out are read back with pdfinfo and pdftotext.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from healthreader import printjobs
from tests.conftest import REAL_LIBRARY
from tests.printjobs.cupsd import CupsServer

ENTRY = "carpal-cubital-tunnel"
TITLE_START = "腕管"


def healthreader(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}
    cmd = [sys.executable, "-m", "healthreader", "--library", str(REAL_LIBRARY), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)


def pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def cups_pdf_title(path: Path) -> str:
    """cups-pdf names its file after the job name, each UTF-8 byte written as three octal digits."""
    stem = path.name.rsplit("-job_", 1)[0]
    raw = bytes(int(part, 8) for part in stem.split("_") if part.isdigit() and len(part) == 3)
    return raw.decode("utf-8", errors="ignore")


def new_pdfs(cups: CupsServer, before: set[Path]) -> list[Path]:
    return [p for p in cups.pdfs() if p not in before]


def test_discovery_lists_every_queue_with_its_paper(cups: CupsServer) -> None:
    printers = {p.name: p for p in printjobs.list_printers()}
    assert set(printers) == {"a4", "a5", "receipt80", "letter"}
    assert printers["a4"].is_default and not printers["a5"].is_default
    assert printers["a5"].media == "iso_a5_148x210mm"
    assert printers["receipt80"].media == "oe_80x200mm"


@pytest.mark.parametrize(
    ("queue", "size"),
    [
        ("a4", "595 x 842"),
        ("a5", "42[01] x 595"),
        ("letter", "612 x 792"),
        ("receipt80", r"22[67](\.\d+)? x 56[67](\.\d+)?"),
    ],
)
def test_print_command_waits_for_the_job_and_the_pages_match_the_printer_paper(
    cups: CupsServer, queue: str, size: str
) -> None:
    before = set(cups.pdfs())
    result = healthreader("print", ENTRY, "--printer", queue)
    assert result.returncode == 0, result.stderr
    assert "Printed" in result.stdout or "已打印" in result.stdout
    out = new_pdfs(cups, before)
    assert len(out) == 1  # done means the page is there, not on its way
    info = pdfinfo(out[0])
    assert re.search(f"Page size: +{size} pts", info), info
    pages = int(re.search(r"(\d+)\s*(?:page|页)", result.stdout).group(1))
    assert f"Pages:           {pages}\n" in info  # every page the command counted came out
    # cups-pdf re-renders through PostScript, which drops the text layer: look at the ink instead.
    png = out[0].with_suffix("")
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-gray", "-png", str(out[0]), str(png)], check=True)
    assert any(png.parent.glob(png.name + "*.png"))
    assert cups_pdf_title(out[0]).startswith(TITLE_START)  # the job carries the entry's title


def test_receipt_paper_gets_a_column_as_wide_as_the_roll(cups: CupsServer, qapp) -> None:
    from healthreader.content import load_library
    from healthreader.ui.printing.document import PrintOptions, printer_pdf

    library = load_library([REAL_LIBRARY])
    entry = library.find(ENTRY)
    assert entry is not None
    data, pages = printer_pdf(entry, library, "oe_80x200mm", PrintOptions())
    a4, a4_pages = printer_pdf(entry, library, "iso_a4_210x297mm", PrintOptions())
    path = Path(cups.root / "receipt.pdf")
    path.write_bytes(data)
    assert "227 x 567" in pdfinfo(path)  # 80 x 200 mm
    assert pages > a4_pages  # the same text on narrower paper, not scaled down to nothing
    lines = [ln for ln in pdftotext(path).splitlines() if ln.strip()]
    assert any("腕管" in ln for ln in lines[:3])  # the title on top of the first slip


def test_a_queue_that_refuses_jobs_is_said_so_and_nothing_is_queued(cups: CupsServer) -> None:
    cups.run("cupsreject", "-r", "closed for maintenance", "a5")
    started = time.monotonic()
    result = healthreader("print", ENTRY, "--printer", "a5")
    assert result.returncode == 1
    assert "不接受打印" in result.stderr or "not taking print jobs" in result.stderr
    assert time.monotonic() - started < 30
    assert cups.run("lpstat", "-o", "a5", check=False).stdout.strip() == ""


def test_a_stopped_printer_is_held_with_its_reason_and_the_job_cancelled(cups: CupsServer) -> None:
    cups.run("cupsdisable", "-r", "Out of paper", "a4")
    before = set(cups.pdfs())
    result = healthreader("print", ENTRY, "--printer", "a4", "--wait", "4")
    assert result.returncode == 1
    assert "缺纸" in result.stderr or "out of paper" in result.stderr
    assert cups.run("lpstat", "-o", "a4", check=False).stdout.strip() == ""  # not left to print later
    cups.run("cupsenable", "a4")
    time.sleep(1.5)
    assert new_pdfs(cups, before) == []


def test_follow_reports_the_paper_problem_of_a_stopped_queue(cups: CupsServer, tmp_path: Path) -> None:
    cups.run("cupsdisable", "-r", "Out of paper", "a5")
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(Path("/usr/share/cups/data/default-testpage.pdf").read_bytes())
    seen: list[printjobs.JobStatus] = []
    outcome = printjobs.print_pdf(pdf, "a5", "测试", until=10, on_status=seen.append)
    assert outcome.state == "held" and outcome.reason == "out_of_paper" and outcome.job_id
    assert seen[-1].state == "held"
    assert printjobs.cancel(outcome.job_id)
    assert cups.run("lpstat", "-o", "a5", check=False).stdout.strip() == ""


def test_a_hung_server_ends_in_a_bounded_wait_with_a_clear_message(hung_server: Path) -> None:
    started = time.monotonic()
    with pytest.raises(printjobs.PrintSystemError) as caught:
        printjobs.list_printers(timeout=2)
    assert caught.value.reason == "timeout"
    assert time.monotonic() - started < 5
    result = healthreader("print", ENTRY, timeout=40)
    assert result.returncode == 1
    assert "不响应" in result.stderr or "does not answer" in result.stderr


def test_no_server_is_said_so(no_server: Path) -> None:
    with pytest.raises(printjobs.PrintSystemError) as caught:
        printjobs.list_printers(timeout=3)
    assert caught.value.reason == "no_server"
    result = healthreader("print", ENTRY)
    assert result.returncode == 1
    assert "打印服务" in result.stderr or "printing service" in result.stderr
