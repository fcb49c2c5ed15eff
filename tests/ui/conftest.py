"""UI fixtures: a real main window on the tiny library, in its own data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
from healthreader.ui.reader.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_leftover_translators(qapp):
    """A window installs translators on the shared QApplication; the next test starts without them."""
    yield
    from PySide6.QtCore import QLocale, QTranslator

    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def make_window(qtbot, data_dir: Path, tiny_library: Path) -> Callable[..., MainWindow]:
    def make(
        open_target: str | None = None,
        dirs: list[Path] | None = None,
        size: tuple[int, int] | None = (780, 580),
        search: bool = False,
    ) -> MainWindow:
        window = create_main_window(DataPaths.at(data_dir), dirs or [tiny_library], open_target, search=search)
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        return window

    return make
