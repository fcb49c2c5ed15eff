"""The window's print command on a real CUPS server (tests/printjobs/cupsd.py): the printers are looked
up off the UI thread, and the preview opens on the paper of the printer it will print on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPageSize

from healthreader.content import Library
from healthreader.ui.printing import actions as actions_module
from tests.printjobs.conftest import cups, cups_server  # noqa: F401  (fixtures)
from tests.printjobs.cupsd import CupsServer
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
    opened = []
    make = actions_module.printing.make_preview_dialog

    def recording(*args, **kwargs):
        dialog = make(*args, **kwargs)
        monkeypatch.setattr(dialog, "exec", lambda: 0)  # modal: look at it instead of waiting for a click
        opened.append(dialog)
        return dialog

    monkeypatch.setattr(actions_module.printing, "make_preview_dialog", recording)
    print_actions.print_current(real_library.get(MAIN), "")
    assert opened == []  # not yet: the printers are being looked up in a worker
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    printer = opened[0]._printer
    assert printer.printerName() == "a5"
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    assert printer.docName() == real_library.get(MAIN).title
    assert print_actions.errors == []
