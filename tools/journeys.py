"""Walk the reader's journeys in the real app and save a screenshot after every step.

The journeys are the ones the journey tests walk (``tests/ui/journeys/walks.py``), with the same checks
after each step; here every step also leaves a picture, for a person to look at.  Each journey runs in
a process of its own (a fresh app, a fresh data folder, as a new user starts), on the X display given
(start one with ``Xvfb :73 -screen 0 1920x1080x24``), at every size and look asked for::

    .venv/bin/python tools/journeys.py --display :73 --out /work/shots/journeys

Without a window manager a window never gets the keyboard from X, so the app is driven in-process
(QTest's clicks and keys go to the widget under the pointer or with the focus, as the test driver's
do) and the pictures are grabbed from the X screen itself (``QScreen.grabWindow``), so that
drop-downs, menus and dialogs are in them as drawn.  ``OUT/summary.txt`` lists every journey's steps and
any check that failed (a failed check is photographed as ``NN-FAILED.png`` and ends that journey).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the journeys live beside their tests
sys.path.insert(0, str(ROOT / "src"))

SIZES = ("1366x800", "800x600", "1920x1080")
LOOKS = ("light", "dark", "contrast", "large")
#: The desktop locale each journey's process gets: a Chinese desktop, or Taiwan's for the journey that needs it.
LOCALES = {"": "zh_CN.UTF-8", "zh_TW": "zh_TW.UTF-8"}


class Driver:
    """pytest-qt's qtbot, as far as the journeys use it, on QTest."""

    def mouseClick(self, widget: Any, button: Any, modifier: Any = None, pos: Any = None) -> None:  # noqa: N802
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button, modifier or Qt.KeyboardModifier.NoModifier, pos or QPoint())
        self.wait(30)

    def mouseDClick(self, widget: Any, button: Any, modifier: Any = None, pos: Any = None) -> None:  # noqa: N802
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        QTest.mouseDClick(widget, button, modifier or Qt.KeyboardModifier.NoModifier, pos or QPoint())
        self.wait(30)

    def keyClick(self, widget: Any, key: Any, modifier: Any = None) -> None:  # noqa: N802
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self._activate(widget)
        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.wait(30)

    def keyClicks(self, widget: Any, text: str) -> None:  # noqa: N802
        from PySide6.QtTest import QTest

        self._activate(widget)
        QTest.keyClicks(widget, text)

    def _activate(self, widget: Any) -> None:
        """Shortcuts reach only the active window: without a window manager X may take that away
        (a popup closing, a dialog gone), and a person would click the window first."""
        top = widget.window()
        if not top.isActiveWindow():
            top.activateWindow()
            try:
                self.waitUntil(top.isActiveWindow, timeout=1000)
            except TimeoutError:
                print(f"  (the window {top.objectName()} could not be made active)", flush=True)

    def wait(self, ms: int) -> None:
        from tests.ui.event_loop import wait

        wait(ms)

    def waitUntil(self, condition: Any, timeout: int = 5000) -> None:  # noqa: N802
        end = time.monotonic() + timeout / 1000
        while True:
            try:
                if condition() in (None, True):
                    return
            except AssertionError:
                pass
            if time.monotonic() > end:
                raise TimeoutError(f"waited {timeout} ms in vain")
            self.wait(20)


def run_one(journey_name: str, size: str, look: str, out: Path, index: Path | None) -> int:
    """In this process: build the app, walk one journey, save a picture after each step."""
    import shutil

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication, QWidget
    from tests.ui.journeys.walks import JOURNEYS

    from healthreader.config.kiosk import KioskPolicy
    from healthreader.paths import DataPaths
    from healthreader.ui.app import create_main_window
    from healthreader.ui.kiosk.controller import KioskController

    journey = next(j for j in JOURNEYS if j.name == journey_name)
    width, height = (int(n) for n in size.split("x"))
    app = QApplication([sys.argv[0]])
    app.setApplicationName("HealthReader")
    data = Path(tempfile.mkdtemp(prefix="journey-"))
    paths = DataPaths.at(data / "data")
    if index is not None:
        shutil.copytree(index, paths.index_dir)  # as after a first start: search ready in a moment
    kiosk = KioskPolicy(enabled=True, **journey.needs.kiosk) if journey.needs.kiosk is not None else None
    if kiosk is not None:
        run = data / "run"
        run.mkdir(mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(run)
    # Search on in every journey, as in the app (the tests leave it off where a journey does not search).
    window = create_main_window(paths, [ROOT / "content"], None, search=True, kiosk=kiosk)
    window.move(0, 0)
    window.resize(width, height)
    window.show()
    window.activateWindow()
    driver = Driver()
    driver.waitUntil(lambda: window.isVisible() and window.viewer.toPlainText() != "", timeout=20_000)
    a = window.actions_
    if kiosk is not None:
        pass  # a kiosk's look is its policy's, and its reset returns to that: it is walked in "light" only
    elif look == "large":
        a["theme_light"].trigger()
        a["large_type"].trigger()
    else:
        a[{"light": "theme_light", "dark": "theme_dark", "contrast": "theme_contrast"}[look]].trigger()
    driver.wait(300)
    folder = out / f"{size}-{look}" / journey.name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    steps: list[str] = []

    def grab(name: str, widget: QWidget | None = None) -> None:
        driver.wait(150)  # let X draw what Qt just painted (a popup appears a moment later)
        target = widget or window
        top = target.window()
        frame = top.frameGeometry() if widget is not None else window.frameGeometry()
        area = QRect(frame)
        popup = QApplication.activePopupWidget()
        if popup is not None and popup.isVisible():
            area = area.united(popup.frameGeometry())  # a drop-down may hang below the window
        screen = top.screen()
        # The X server shows a frame only once Qt has flushed it: on a busy machine a picture taken
        # too soon is half old, half new.  Take pictures until two in a row are the same.
        picture = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
        for _ in range(20):
            driver.wait(100)
            again = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
            if again.toImage() == picture.toImage():
                break
            picture = again
        path = folder / f"{len(steps):02d}-{name.replace(' ', '-').replace('/', '-')}.png"
        picture.save(str(path))

    def snap(step: str, widget: QWidget | None = None) -> None:
        steps.append(step)
        grab(step, widget)
        print(f"  {size} {look} {journey.name}: {len(steps):02d} {step}", flush=True)

    status = 0
    try:
        journey.walk(driver, window, snap)
    except (AssertionError, TimeoutError, StopIteration) as exc:
        status = 1
        steps.append("FAILED")
        grab("FAILED")
        message = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        where = traceback.extract_tb(exc.__traceback__)[-1]
        (folder / "FAILED.txt").write_text(f"{message}\nat {where.filename}:{where.lineno}\n", encoding="utf-8")
        print(f"  {size} {look} {journey.name}: FAILED after {len(steps) - 1} steps: {message}", flush=True)
    (folder / "steps.txt").write_text("\n".join(steps) + "\n", encoding="utf-8")
    controller = window.findChild(KioskController)
    if controller is not None and not controller.is_unlocked:
        controller.unlock()  # so that the window may close
    window.close()
    shutil.rmtree(data, ignore_errors=True)
    return status


def contact_sheet(folder: Path) -> None:
    """All of a journey's pictures on one page, in order, each with its step's name: for a first look."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    pictures = sorted(p for p in folder.glob("[0-9][0-9]-*.png"))
    if not pictures:
        return
    images = [QImage(str(p)) for p in pictures]
    cell_w = 700
    scaled = [i.scaledToWidth(cell_w, Qt.TransformationMode.SmoothTransformation) for i in images]
    cell_h = max(i.height() for i in scaled) + 30
    columns = 2
    rows = (len(scaled) + columns - 1) // columns
    sheet = QImage(columns * (cell_w + 10) + 10, rows * cell_h + 10, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#808080"))
    painter = QPainter(sheet)
    painter.setFont(QFont("Noto Sans CJK SC", 12))
    for n, (image, path) in enumerate(zip(scaled, pictures, strict=True)):
        x = 10 + (n % columns) * (cell_w + 10)
        y = 10 + (n // columns) * cell_h
        painter.setPen(QColor("#ffffff"))
        painter.drawText(x, y + 16, path.stem)
        painter.drawImage(x, y + 24, image)
    painter.end()
    sheet.save(str(folder / "sheet.png"))


def build_index(folder: Path) -> Path:
    from healthreader.content import load_library
    from healthreader.search.index import IndexManager

    index = folder / "index"
    if not index.exists():
        IndexManager(load_library([ROOT / "content"]), index, prebuilt_dirs=[]).open_or_build().close()
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", default=os.environ.get("DISPLAY", ":73"), help="the X display (Xvfb) to use")
    parser.add_argument("--out", type=Path, default=Path("/tmp/journeys/shots"), help="where the pictures go")
    parser.add_argument("--sizes", default=",".join(SIZES), help="window sizes, e.g. 1366x800,800x600")
    parser.add_argument("--looks", default=",".join(LOOKS), help="light, dark, contrast, large")
    parser.add_argument("--journeys", default="", help="journey names (default: all)")
    parser.add_argument("--one", nargs=3, metavar=("JOURNEY", "SIZE", "LOOK"), help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return run_one(*args.one, out=args.out, index=args.index)

    from PySide6.QtGui import QGuiApplication
    from tests.ui.journeys.walks import JOURNEYS

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # this process only draws the contact sheets
    sheets = QGuiApplication([sys.argv[0]])  # noqa: F841
    chosen = [j for j in JOURNEYS if not args.journeys or j.name in args.journeys.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="journeys-"))
    index = build_index(work)
    lines: list[str] = []
    failed = 0
    for size in args.sizes.split(","):
        for look in args.looks.split(","):
            for journey in chosen:
                if journey.needs.kiosk is not None and look != LOOKS[0]:
                    continue
                env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb")
                env["LANG"] = env["LC_ALL"] = LOCALES[journey.needs.system]
                env.pop("LANGUAGE", None)
                command = [sys.executable, __file__, "--out", str(args.out), "--one", journey.name, size, look]
                if index is not None:
                    command += ["--index", str(index)]
                done = subprocess.run(command, env=env, timeout=300)
                folder = args.out / f"{size}-{look}" / journey.name
                steps = (
                    (folder / "steps.txt").read_text(encoding="utf-8").splitlines()
                    if (folder / "steps.txt").exists()
                    else []
                )
                problem = (
                    (folder / "FAILED.txt").read_text(encoding="utf-8").strip()
                    if (folder / "FAILED.txt").exists()
                    else ""
                )
                if done.returncode != 0:
                    failed += 1
                contact_sheet(folder)
                verdict = "ok" if done.returncode == 0 else f"FAILED ({done.returncode}): {problem}"
                lines.append(f"{size} {look} {journey.name}: {len(steps)} pictures, {verdict}")
    (args.out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"{failed} of {len(lines)} journeys failed a check; pictures in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
