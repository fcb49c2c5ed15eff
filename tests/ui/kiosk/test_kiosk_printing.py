"""Kiosk printing on a real CUPS server (tests/printjobs/cupsd.py): the patient is told what really
happens to the page, the window keeps drawing whatever the print server does, and a job not printed
by the reset between patients is cancelled."""

from __future__ import annotations

import re
import statistics
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from healthreader.ui.reader.main_window import MainWindow
from healthreader.ui.reader.navigation import Location
from tests.printjobs.conftest import cups, cups_server, hung_server  # noqa: F401  (fixtures)
from tests.printjobs.cupsd import CupsServer
from tests.printjobs.test_printjobs import pdfinfo
from tests.ui.kiosk.test_kiosk import controller_of, open_window  # noqa: F401  (fixture)


class Ticks:
    """Counts the event loop's turns: a frozen window counts none."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


@pytest.fixture
def ticks() -> Iterator[Ticks]:
    t = Ticks()
    yield t
    t.timer.stop()


def start_printing(open_window, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # noqa: F811
    window = open_window(printing=True)
    c = controller_of(window)
    asked: list[str] = []
    monkeypatch.setattr(c, "_ask", lambda text: asked.append(text) or True)
    window.open_location(Location("alpha"))
    window.actions_["print"].trigger()
    assert len(asked) == 1
    return window


def no_other_window(window: MainWindow) -> bool:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window] == []


def test_the_page_is_printed_and_the_patient_told_only_then(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    ticks: Ticks,
) -> None:
    before = set(cups.pdfs())
    window = start_printing(open_window, monkeypatch)
    assert "Printed" not in window.infobar.text()  # the click is not the print
    qtbot.waitUntil(lambda: "Printed" in window.infobar.text(), timeout=30000)
    assert window.infobar.text() == "Printed 2 page(s). Please collect them at the printer."  # alpha on A4
    assert window.infobar.isVisible()
    assert len([p for p in cups.pdfs() if p not in before]) == 1
    assert no_other_window(window)
    assert ticks.count > 5


def test_a_stopped_printer_says_why_and_the_reset_cancels_the_job(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cups.run("cupsdisable", "-r", "Out of paper", "a4")
    before = set(cups.pdfs())
    window = start_printing(open_window, monkeypatch)
    qtbot.waitUntil(lambda: "out of paper" in window.infobar.text(), timeout=20000)
    assert "tell the staff" in window.infobar.text() and "collect" not in window.infobar.text()
    assert cups.run("lpstat", "-o", "a4").stdout.strip() != ""  # held at the printer, for now
    controller_of(window).reset()
    qtbot.waitUntil(lambda: cups.run("lpstat", "-o", "a4", check=False).stdout.strip() == "", timeout=10000)
    assert not window.infobar.isVisible()
    cups.run("cupsenable", "a4")
    time.sleep(1.5)
    assert [p for p in cups.pdfs() if p not in before] == []  # nothing for the next patient


def test_a_reset_while_the_job_is_followed_cancels_it(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cups.run("cupsdisable", "a4")  # stopped without a word: the job waits
    window = start_printing(open_window, monkeypatch)
    qtbot.waitUntil(lambda: cups.run("lpstat", "-o", "a4", check=False).stdout.strip() != "", timeout=15000)
    controller_of(window).reset()
    qtbot.waitUntil(lambda: cups.run("lpstat", "-o", "a4", check=False).stdout.strip() == "", timeout=15000)


def test_a_refusing_queue_is_said_so(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cups.run("cupsreject", "-r", "closed", "a4")
    window = start_printing(open_window, monkeypatch)
    qtbot.waitUntil(lambda: "not taking print jobs" in window.infobar.text(), timeout=20000)
    assert "Nothing was printed" in window.infobar.text()


def test_a_hung_print_server_costs_the_window_nothing(
    qtbot,
    open_window,  # noqa: F811
    hung_server: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    ticks: Ticks,
) -> None:
    started = time.monotonic()
    window = start_printing(open_window, monkeypatch)
    assert time.monotonic() - started < 2  # the click returns at once
    assert "Looking for the printer" in window.infobar.text()
    qtbot.wait(2000)
    assert ticks.count >= 40  # 2 s at 20 ms a turn, with room for a slow machine: never frozen
    qtbot.waitUntil(lambda: "printing service does not answer" in window.infobar.text(), timeout=15000)
    assert "collect" not in window.infobar.text()
    assert time.monotonic() - started < 15


def body_text_height(pdf: bytes, tmp_path: Path) -> float:
    """The usual height of a word of Chinese on the handout's pages (pdftotext's word boxes), in points."""
    path = tmp_path / "sent.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    heights = [
        float(y2) - float(y1)
        for y1, y2, word in re.findall(r'yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]+)</word>', html)
        if re.search(r"[\u4e00-\u9fff]", word)
    ]
    return statistics.median(heights)


def test_kiosk_handouts_follow_the_policy_text_size(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A clinic that sets the kiosk's text to 200 % (its readers see poorly) gets handouts in larger
    type too, in the same proportion to the kiosk's usual 125 %; the page that comes out has them."""
    sent: dict[int, tuple[bytes, int]] = {}
    for size in (125, 200):
        before = set(cups.pdfs())
        window = open_window(printing=True, text_size=size)
        c = controller_of(window)
        monkeypatch.setattr(c, "_ask", lambda text: True)
        window.open_location(Location("alpha"))
        window.actions_["print"].trigger()
        qtbot.waitUntil(lambda w=window: "Printed" in w.infobar.text(), timeout=30000)
        job = c._print_jobs[-1]
        out = [p for p in cups.pdfs() if p not in before]
        assert len(out) == 1
        pages = int(re.search(r"^Pages:\s+(\d+)", pdfinfo(out[0]), re.M).group(1))
        assert pages == job.pages  # what came out of the printer is what was laid out
        sent[size] = (job.pdf, pages)
        c.reset()
    normal, large = body_text_height(sent[125][0], tmp_path), body_text_height(sent[200][0], tmp_path)
    assert large / normal == pytest.approx(200 / 125, rel=0.1)
    assert sent[200][1] > sent[125][1]  # larger type, more paper


def test_a_patient_who_chose_traditional_characters_gets_them_on_paper(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The page turned to traditional characters, the handout printed simplified.  Read in the PDF
    sent to the queue (what CUPS hands the printer has its fonts re-encoded, no text to read)."""
    from healthreader.ui.kiosk import controller as kiosk_controller

    sent: list[bytes] = []

    class Followed(kiosk_controller.PrintJob):  # type: ignore[misc,valid-type]
        def __init__(self, data: bytes, *args: object, **kwargs: object) -> None:
            sent.append(data)
            super().__init__(data, *args, **kwargs)

    monkeypatch.setattr(kiosk_controller, "PrintJob", Followed)
    window = open_window(printing=True)
    c = controller_of(window)
    monkeypatch.setattr(c, "_ask", lambda text: True)
    window.open_location(Location("alpha"))
    window.actions_["traditional"].trigger()
    assert "面部肌肉萎縮測試文章" in window.viewer.toPlainText()
    window.actions_["print"].trigger()
    qtbot.waitUntil(lambda: "Printed" in window.infobar.text(), timeout=30000)
    assert len(sent) == 1
    (tmp_path / "sent.pdf").write_bytes(sent[0])
    out = subprocess.run(["pdftotext", str(tmp_path / "sent.pdf"), "-"], capture_output=True, text=True, check=True)
    assert "面部肌肉萎縮測試文章" in out.stdout and "萎缩" not in out.stdout, out.stdout[:300]


def test_the_page_that_comes_out_of_the_printer_carries_the_entrys_qr_code(
    qtbot,
    open_window,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A kiosk's handout through a real CUPS queue: the page cups-pdf wrote (what a printer would put
    on paper) is drawn by pdftoppm and its code read by zbarimg: the clinic's address for the entry,
    with its id and the library's version."""
    from tests.ui.kiosk.test_handout_qr import last_page_codes

    before = set(cups.pdfs())
    window = open_window(printing=True, entry_url="https://clinic.example/hr/{id}")
    c = controller_of(window)
    monkeypatch.setattr(c, "_ask", lambda text: True)
    window.open_location(Location("alpha"))
    window.actions_["print"].trigger()
    qtbot.waitUntil(lambda: "Printed" in window.infobar.text(), timeout=30000)
    qtbot.waitUntil(lambda: len([p for p in cups.pdfs() if p not in before]) == 1, timeout=30000)
    printed = next(p for p in cups.pdfs() if p not in before)
    codes, _ = last_page_codes(printed.read_bytes(), tmp_path)
    assert codes == ["https://clinic.example/hr/alpha?v=1.0"]
