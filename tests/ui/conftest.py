"""UI fixtures: a real main window on the tiny library, in its own data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from healthreader.config.kiosk import KioskPolicy
from healthreader.paths import DataPaths
from healthreader.ui.app import create_main_window
from healthreader.ui.kiosk.controller import KioskController
from healthreader.ui.reader.main_window import MainWindow


@pytest.fixture(scope="session")
def _pristine_look(qapp):
    """The application's own font, palette, style and stylesheet, before any window changed them."""
    from PySide6.QtGui import QFont, QPalette

    style = (qapp.style().name(), type(qapp.style()).__name__)
    return QFont(qapp.font()), QPalette(qapp.palette()), style, qapp.styleSheet()


@pytest.fixture(autouse=True)
def _no_leftover_translators(qapp, _pristine_look):
    """A window installs translators on the shared QApplication and sets its font, palette and style
    (large type, themes); the next test starts without any of them, whatever order windows went in."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

    # The test's windows are closed and scheduled for deletion by now: delete them, so that what they
    # restore when they go happens before this, not in the middle of the next test.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
    font, palette, style, sheet = _pristine_look
    if (qapp.style().name(), type(qapp.style()).__name__) != style:
        qapp.setStyle(style[0])
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real library's search index, built once per run: a window given ``real_index=True`` starts
    with a copy in its data folder, as after a first start (building it takes seconds each time)."""
    from healthreader.content import load_library
    from healthreader.search.index import IndexManager
    from tests.conftest import REAL_LIBRARY

    folder = tmp_path_factory.mktemp("real-index") / "index"
    IndexManager(load_library([REAL_LIBRARY]), folder, prebuilt_dirs=[]).open_or_build().close()
    return folder


@pytest.fixture
def make_window(
    qtbot, data_dir: Path, tiny_library: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., MainWindow]]:
    def make(
        open_target: str | None = None,
        dirs: list[Path] | None = None,
        size: tuple[int, int] | None = (780, 580),
        search: bool = False,
        real_index: bool = False,
        kiosk: KioskPolicy | None = None,
    ) -> MainWindow:
        paths = DataPaths.at(data_dir)
        if real_index and not paths.index_dir.exists():
            import shutil

            shutil.copytree(request.getfixturevalue("real_index"), paths.index_dir)
        window = create_main_window(paths, dirs or [tiny_library], open_target, search=search, kiosk=kiosk)
        qtbot.addWidget(window)
        made.append(window)
        if size:
            window.resize(*size)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        return window

    made: list[MainWindow] = []
    yield make
    for window in made:  # a kiosk's filter is on the whole application: take it away with its window
        controller = window.findChild(KioskController)
        if controller is not None and not controller.is_unlocked:
            controller.unlock()
