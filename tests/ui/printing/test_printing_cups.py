"""The window's print command on a real CUPS server (tests/printjobs/cupsd.py): the printers are looked
up off the UI thread, the preview opens on the paper of the printer it will print on, and its Print
sends a job that is followed: the bar above the article says what became of it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QComboBox, QGraphicsView, QToolBar

from healthreader.config import Settings
from healthreader.content import Library
from healthreader.paths import DataPaths
from healthreader.ui.reader.main_window import MainWindow
from tests.printjobs.conftest import cups, cups_server, hung_server  # noqa: F401  (fixtures)
from tests.printjobs.cupsd import CupsServer
from tests.printjobs.test_printjobs import cups_pdf_title, pdfinfo
from tests.ui.kiosk.test_kiosk_printing import Ticks, ticks  # noqa: F401  (fixture)
from tests.ui.printing.test_printing import MAIN, print_actions, real_library  # noqa: F401  (fixtures)


@pytest.fixture
def a5_default(cups: CupsServer) -> Iterator[CupsServer]:  # noqa: F811
    cups.run("lpadmin", "-d", "a5")
    yield cups
    cups.run("lpadmin", "-d", "a4")


def test_the_preview_opens_on_the_default_printer_paper(
    qtbot,
    print_actions,  # noqa: F811
    real_library: Library,  # noqa: F811
    a5_default: CupsServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[dict] = []
    monkeypatch.setattr(print_actions, "_exec", lambda dialog: opened.append(looked_at(dialog)) or 0)
    print_actions.print_current(real_library.get(MAIN), "")
    assert opened == []  # not yet: the printers are being looked up in a worker
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    shown = opened[0]
    assert shown["printer"] == "a5"
    assert sorted(shown["printers"]) == ["a4", "a5", "letter", "receipt80"]
    assert shown["paper"] == QPageSize.PageSizeId.A5
    assert shown["job_name"] == real_library.get(MAIN).title
    assert print_actions.errors == []


def looked_at(dialog: QPrintPreviewDialog) -> dict:
    """What the preview shows as it opens (it is deleted once closed)."""
    choice = dialog.findChild(QComboBox, "printerChoice")
    printer = dialog._printer
    return {
        "title": dialog.windowTitle(),
        "printer": choice.currentText() if choice else None,
        "printers": [choice.itemText(i) for i in range(choice.count())] if choice else [],
        "paper": printer.pageLayout().pageSize().id(),
        "job_name": printer.docName(),
    }


def test_the_preview_names_the_section_it_prints(
    qtbot,
    print_actions,  # noqa: F811
    real_library: Library,  # noqa: F811
    cups: CupsServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[dict] = []
    monkeypatch.setattr(print_actions, "_exec", lambda dialog: opened.append(looked_at(dialog)) or 0)
    entry = real_library.get(MAIN)
    print_actions.print_current(entry, "日常护理")
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    assert opened[0]["title"] == f"Print preview: {entry.title} – 日常护理"
    print_actions.preview(entry, "")
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert opened[1]["title"] == f"Print preview: {entry.title}"


# --- printing from the window: the preview's Print sends a job that is followed ---------------------------
def when_preview_opens(qtbot, act: Callable[[QPrintPreviewDialog], dict]) -> list:
    """Run ``act`` on the print preview once File > Print has opened it (modal: from inside its loop)."""
    seen: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            QTimer.singleShot(100, poll)
            return
        try:
            preview = dialog.findChild(QPrintPreviewWidget)
            qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10000)
            seen.append(act(dialog))
        except BaseException as exc:  # seen by the test, after the dialog is gone
            seen.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(100, poll)
    return seen


def page_shape(dialog: QPrintPreviewDialog) -> float:
    """Width over height of the first page the preview draws, as the reader sees its outline (with its
    drop shadow, a few points wider and taller)."""
    view = dialog.findChild(QGraphicsView)
    pages = sorted((item.boundingRect() for item in view.scene().items()), key=lambda r: -r.width() * r.height())
    return round(pages[0].width() / pages[0].height(), 2)


def press_print(qtbot, dialog: QPrintPreviewDialog, printer: str | None = None) -> dict:
    """Choose ``printer`` on the preview's toolbar, as a reader does, and press its Print button."""
    toolbar = dialog.findChild(QToolBar)
    preview = dialog.findChild(QPrintPreviewWidget)
    choice = dialog.findChild(QComboBox, "printerChoice")
    if printer is not None and printer != choice.currentText():
        before = page_shape(dialog)
        choice.setCurrentIndex(choice.findText(printer))
        qtbot.waitUntil(lambda: page_shape(dialog) != before, timeout=10000)
    send = dialog.findChild(QAction, "sendToPrinter")
    shown = [a.text() for a in toolbar.actions() if a.isVisible()]
    info = {
        "printer": choice.currentText(),
        "pages": preview.pageCount(),
        "page_shape": page_shape(dialog),
        "paper_mm": dialog._printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter).width(),
        "print_buttons": [t for t in shown if t == "Print"],
    }
    qtbot.mouseClick(toolbar.widgetForAction(send), Qt.MouseButton.LeftButton)
    info["open_after_print"] = dialog.isVisible()
    return info


def result_of(qtbot, seen: list) -> dict:
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    if isinstance(seen[0], BaseException):
        raise seen[0]
    return seen[0]


def english_window(make_window, data_dir: Path) -> MainWindow:
    Settings(DataPaths.at(data_dir)).set("ui_language", "en")  # the library's language on a C locale otherwise
    return make_window("alpha")


@pytest.fixture
def window(make_window, data_dir: Path, cups: CupsServer) -> MainWindow:  # noqa: F811
    return english_window(make_window, data_dir)


def test_printing_from_the_window_follows_the_job_to_the_page(
    qtbot,
    window,
    cups: CupsServer,  # noqa: F811
    ticks: Ticks,  # noqa: F811
) -> None:
    before = set(cups.pdfs())
    seen = when_preview_opens(qtbot, lambda dialog: press_print(qtbot, dialog))
    window.actions_["print"].trigger()
    shown = result_of(qtbot, seen)
    assert shown["printer"] == "a4" and shown["paper_mm"] == pytest.approx(210, abs=0.5)
    assert shown["page_shape"] == pytest.approx(210 / 297, abs=0.05)
    assert shown["print_buttons"] == ["Print"]  # ours; Qt's own (the untracked job) is gone
    assert shown["open_after_print"] is False
    # The click is not the print: the bar says where the job is, then that it printed.
    assert window.infobar.isVisible() and "Printed" not in window.infobar.text()
    qtbot.waitUntil(lambda: window.infobar.text().startswith("Printed"), timeout=30000)
    assert window.infobar.text() == f"Printed {shown['pages']} page(s)."
    out = [p for p in cups.pdfs() if p not in before]
    assert len(out) == 1
    assert "595 x 842" in pdfinfo(out[0])
    assert f"Pages:           {shown['pages']}\n" in pdfinfo(out[0])
    # The job carries the entry's title (cups-pdf cuts its file name short).
    title = cups_pdf_title(out[0])
    assert len(title) >= 4 and "面部肌肉萎缩测试文章".startswith(title)
    assert ticks.count > 5


def test_choosing_another_printer_relays_the_preview_and_prints_on_its_paper(
    qtbot,
    window,
    cups: CupsServer,  # noqa: F811
) -> None:
    before = set(cups.pdfs())
    seen = when_preview_opens(qtbot, lambda dialog: press_print(qtbot, dialog, "receipt80"))
    window.actions_["print"].trigger()
    shown = result_of(qtbot, seen)
    assert shown["printer"] == "receipt80" and shown["paper_mm"] == pytest.approx(80, abs=0.5)
    assert shown["page_shape"] == pytest.approx(80 / 200, abs=0.05)  # the preview shows the roll's pages
    qtbot.waitUntil(lambda: window.infobar.text().startswith("Printed"), timeout=30000)
    out = [p for p in cups.pdfs() if p not in before]
    assert len(out) == 1
    info = pdfinfo(out[0])
    assert re.search(r"Page size: +22[67](\.\d+)? x 56[67]", info), info  # 80 x 200 mm, as previewed
    assert f"Pages:           {shown['pages']}\n" in info


def test_a_queue_that_refuses_the_job_is_said_in_the_window(qtbot, window, cups: CupsServer) -> None:  # noqa: F811
    cups.run("cupsreject", "-r", "closed for maintenance", "a4")
    seen = when_preview_opens(qtbot, lambda dialog: press_print(qtbot, dialog))
    window.actions_["print"].trigger()
    result_of(qtbot, seen)
    qtbot.waitUntil(lambda: "not taking print jobs" in window.infobar.text(), timeout=20000)
    assert window.infobar.text() == "The printer is not taking print jobs now. Nothing was printed."
    assert cups.run("lpstat", "-o", "a4", check=False).stdout.strip() == ""


def test_a_printer_out_of_paper_is_said_in_the_window(qtbot, window, cups: CupsServer) -> None:  # noqa: F811
    cups.run("cupsdisable", "-r", "Out of paper", "a4")
    seen = when_preview_opens(qtbot, lambda dialog: press_print(qtbot, dialog))
    window.actions_["print"].trigger()
    result_of(qtbot, seen)
    before = set(cups.pdfs())
    qtbot.waitUntil(lambda: "out of paper" in window.infobar.text(), timeout=30000)
    assert window.infobar.text() == "The printer is out of paper. The pages will print once paper is loaded."
    assert window.infobar.isVisible()
    # On a desktop the job waits in the queue for the paper (nobody else collects it there)...
    qtbot.wait(4000)  # longer than a kiosk waits before it gives up on a held job
    assert cups.run("lpstat", "-o", "a4", check=False).stdout.strip() != ""
    assert "out of paper" in window.infobar.text()
    # ...and is still followed: paper in, the pages come out, and the bar says so.
    cups.run("cupsenable", "a4")
    qtbot.waitUntil(lambda: window.infobar.text().startswith("Printed"), timeout=30000)
    assert re.fullmatch(r"Printed \d+ page\(s\)\.", window.infobar.text())
    assert len([p for p in cups.pdfs() if p not in before]) == 1


def test_a_hung_print_server_costs_the_window_nothing(
    qtbot,
    make_window,
    hung_server,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    ticks: Ticks,  # noqa: F811
    data_dir: Path,
) -> None:
    window = english_window(make_window, data_dir)
    offered: list[str] = []
    monkeypatch.setattr(window.printing, "_offer_pdf", lambda message: offered.append(message) or False)
    # File > Print and File > Print preview: neither waits on the server in the window's thread (a
    # preview's QPrinter would ask it for the default printer, for as long as it likes).
    for action in ("print", "print_preview"):
        count = len(offered)
        window.actions_[action].trigger()
        start = ticks.count
        qtbot.waitUntil(lambda c=count: len(offered) > c, timeout=20000)
        assert "does not answer" in offered[-1] and "PDF" in offered[-1]
        assert ticks.count - start > 20  # the window kept drawing while the server said nothing
