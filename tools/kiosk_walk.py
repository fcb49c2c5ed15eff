"""Issue #18's "Done when" walk, in the real app on an X display: ``healthreader --kiosk`` with a kiosk
policy, Qt Virtual Keyboard, a private CUPS server; every step photographed from the X screen.

    Xvfb :62 -screen 0 1280x800x24 &
    .venv/bin/python tools/kiosk_walk.py --display :62 --out /work/shots/kiosk/walk

The pointer's clicks and drags are real X events (xdotool), at the places the app says its keys,
words, links and buttons are; the finger drag is a touch sequence (QTest's touch events on a touch
screen device), since Xvfb has no touch device.  Without a window manager the window never gets the
keyboard from X, so the search box is given the focus in-process after its tap, as a window manager
would.  The QR codes are read by zbarimg from the screenshot and from the page CUPS printed (pdftoppm).
``OUT/walk.txt`` says what each step saw; the process ends 0 only if every check held.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

PIN = "246810"
CLINIC_URL = "https://clinic.example/hr/{id}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--display", required=True, help="an X display at the kiosk's size, e.g. :62")
    parser.add_argument("--out", type=Path, required=True, help="folder for the screenshots and walk.txt")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.out)
    from tests.printjobs.cupsd import CupsServer

    from healthreader.config.kiosk import hash_pin

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    work = Path(tempfile.mkdtemp(prefix="healthreader-kiosk-walk-"))
    cups = CupsServer(Path(tempfile.mkdtemp(prefix="healthreader-cups-")))
    cups.start()
    try:
        cups.run("lpadmin", "-d", "a4")
        policy = work / "kiosk.toml"
        policy.write_text(
            "\n".join(
                [
                    "enabled = true",
                    "idle_timeout_seconds = 12",
                    "countdown_seconds = 3",
                    "printing = true",
                    'clinic_name = "康复门诊"',
                    'clinic_phone = "010-1234"',
                    f'exit_pin_hash = "{hash_pin(PIN)}"',
                    f'entry_url = "{CLINIC_URL}"',
                    "",
                ]
            ),
            encoding="utf-8",
        )
        env = {
            **cups.env,
            "DISPLAY": args.display,
            "QT_QPA_PLATFORM": "xcb",
            "HEALTHREADER_KIOSK_POLICY": str(policy),
            "HOME": str(work / "home"),
            "LANG": "zh_CN.UTF-8",
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
            "KIOSK_WALK_CUPS_PDF": str(cups.pdf_dir),
            "KIOSK_WALK_DATA": str(work / "data"),
        }
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "QT_IM_MODULE"):
            env.pop(name, None)
        (work / "home").mkdir()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", "--display", args.display, "--out", str(args.out)],
            env=env,
            cwd=ROOT,
            timeout=600,
            check=False,
            capture_output=True,
            text=True,
        )
        (args.out / "app-stderr.txt").write_text(proc.stderr, encoding="utf-8")
        print((args.out / "walk.txt").read_text(encoding="utf-8") if (args.out / "walk.txt").exists() else "")
        print(f"app ended {proc.returncode}")
        return proc.returncode
    finally:
        cups.stop()
        shutil.rmtree(cups.root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


# --- the app's process -------------------------------------------------------------------------------


def child(out: Path) -> int:
    import healthreader.ui.app as app_module
    from healthreader import cli

    made = app_module.create_main_window
    outcome: dict[str, Any] = {"ok": False}

    def create(*a: Any, **k: Any) -> Any:
        window = made(*a, **k)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(1500, lambda: run_walk(window, out, outcome))
        return window

    app_module.create_main_window = create
    library = ROOT / "tests" / "data" / "library"  # beside the bundled one: alpha has an outside link
    code = cli.main(["--kiosk", "--data-dir", os.environ["KIOSK_WALK_DATA"], "--library", str(library)])
    return 0 if outcome["ok"] and code == 0 else 1


class Walk:
    def __init__(self, window: Any, out: Path) -> None:
        self.window = window
        self.out = out
        self.n = 0
        self.lines: list[str] = []

    def say(self, text: str) -> None:
        self.lines.append(text)
        (self.out / "walk.txt").write_text("\n".join(self.lines) + "\n", encoding="utf-8")

    def wait(self, ms: int) -> None:
        from tests.ui.event_loop import wait

        wait(ms)

    def wait_until(self, what: str, check: Any, timeout_s: float = 20) -> None:
        deadline = time.monotonic() + timeout_s
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout_s:.0f} s for {what}")
            self.wait(100)

    def snap(self, name: str) -> Path:
        from PySide6.QtGui import QGuiApplication

        self.wait(300)
        self.n += 1
        path = self.out / f"{self.n:02d}-{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        self.say(f"  picture {path.name}")
        return path

    def tap(self, x: int, y: int) -> None:
        """A real X click at a point of the screen, held as long as a finger's tap (0.1 s)."""
        run = ["xdotool", "mousemove", "--sync", str(x), str(y), "mousedown", "1", "sleep", "0.1", "mouseup", "1"]
        subprocess.run(run, check=True, timeout=10)
        self.wait(250)

    def tap_widget(self, widget: Any) -> None:
        centre = widget.mapToGlobal(widget.rect().center())
        self.tap(centre.x(), centre.y())


def page_colour(window: Any) -> str:
    """The colour drawn in the article's top-left corner (its margin: the page's background)."""
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = window.viewer.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor(image.pixel(3, 3)).name()


def zbar(png: Path) -> list[str]:
    found = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, timeout=30)
    return found.stdout.splitlines()


def keyboard_panel() -> Any:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow

    return next((w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow)), None)


def quick_items(root: Any) -> list[Any]:
    out = [root]
    for child_item in root.childItems():
        out += quick_items(child_item)
    return out


def keyboard_candidates(panel: Any) -> list[str]:
    from PySide6.QtCore import Qt

    offered: list[str] = []
    for view in [it for it in quick_items(panel.contentItem()) if "ListView" in it.metaObject().className()]:
        model = view.property("model")
        if model is not None and hasattr(model, "rowCount") and model.rowCount():
            offered = [model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    return offered


def link_point(viewer: Any, text: str) -> Any:
    """Where on the screen the words ``text`` of the page are (a link's words)."""
    cursor = viewer.document().find(text)
    assert not cursor.isNull(), f"no '{text}' on the page"
    viewer.setTextCursor(cursor)
    viewer.ensureCursorVisible()
    rect = viewer.cursorRect(cursor)
    start = viewer.document().find(text)
    start.setPosition(start.selectionStart())
    left = viewer.cursorRect(start)
    point = rect.center()
    point.setX((left.left() + rect.right()) // 2)
    # No selection left behind: a link is followed only when no text is selected.
    plain = viewer.textCursor()
    plain.clearSelection()
    viewer.setTextCursor(plain)
    return viewer.viewport().mapToGlobal(point)


def run_walk(window: Any, out: Path, outcome: dict[str, Any]) -> None:
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QScroller, QToolButton

    from healthreader.ui.kiosk.controller import KioskController
    from healthreader.ui.reader.navigation import Location

    walk = Walk(window, out)
    controller = window.findChild(KioskController)
    try:
        screen = QGuiApplication.primaryScreen().geometry()
        walk.say(f"screen {screen.width()}x{screen.height()}, window {window.width()}x{window.height()}")
        if window.geometry() != screen:
            # No window manager on a bare X server to honour the full-screen state: place it as one would.
            window.setGeometry(screen)
            walk.wait(500)
            walk.say(f"placed on the whole screen (no window manager): window {window.width()}x{window.height()}")
            fits = window.width() <= screen.width() and window.height() <= screen.height()
            assert fits, f"the kiosk is larger than the screen: at least {window.minimumSizeHint().toTuple()}"
        walk.wait_until("search to be ready", lambda: window.search is not None and window.search.is_ready, 120)
        start_colour = page_colour(window)
        walk.snap("kiosk-home")

        # 1. A search typed on the on-screen keyboard, key by key.
        box = window.search_box
        walk.tap_widget(box)
        if not box.hasFocus():  # no window manager gives the window X's keyboard focus
            window.activateWindow()
            box.setFocus(Qt.FocusReason.MouseFocusReason)
            walk.tap_widget(box)
        QGuiApplication.inputMethod().show()
        walk.wait_until("the on-screen keyboard", lambda: keyboard_panel() is not None and keyboard_panel().isVisible())
        panel = keyboard_panel()
        walk.wait(800)
        keys: dict[str, Any] = {}
        for item in quick_items(panel.contentItem()):
            text = item.property("text")
            if isinstance(text, str) and text and item.isVisible() and item.property("key") is not None:
                keys.setdefault(text, item)
        # The keyboard's window is the whole screen (masked); its keys are where it draws.
        keys_top = min(panel.mapToGlobal(k.mapToScene(k.boundingRect().topLeft()).toPoint()).y() for k in keys.values())
        key_heights = sorted({round(k.height()) for k in keys.values()})
        box_bottom = box.mapToGlobal(QPoint(0, box.height())).y()
        walk.say(
            f"keyboard keys from y={keys_top} (heights {key_heights} px); box bottom at y={box_bottom}; "
            f"the keys cover the box: {keys_top < box_bottom}"
        )
        assert keys_top >= box_bottom, "the keyboard covers the search box"
        walk.snap("keyboard-open")
        for letter in "mianta":
            item = keys[letter]
            centre = panel.mapToGlobal(item.mapToScene(item.boundingRect().center()).toPoint())
            walk.tap(centre.x(), centre.y())
        row = controller.words
        walk.wait_until("words for mianta", lambda: "面瘫" in row.words())
        walk.wait(400)
        offered = keyboard_candidates(panel)
        walk.say(f"typed m-i-a-n-t-a on the keyboard; its candidates: {offered[:8]}; the row: {row.words()}")
        assert "面瘫" not in offered and row.words()[0] == "面瘫"
        walk.snap("typed-mianta")
        button = next(b for b in row.buttons() if b.text() == "面瘫")
        walk.tap_widget(button)
        walk.wait_until("the results for 面瘫", lambda: window.current_location() == Location(query="面瘫"))
        walk.wait_until("results on the page", lambda: "面神经麻痹（面瘫）" in window.viewer.toPlainText())
        walk.say(f"tapped 面瘫: box '{box.text()}', title '{window.windowTitle()}'")
        walk.snap("results-mian-tan")
        QGuiApplication.inputMethod().hide()
        walk.wait_until("the keyboard to go", lambda: not panel.isVisible(), 5)

        # 2. An article, scrolled with a finger.
        point = link_point(window.viewer, "面神经麻痹（面瘫）")
        walk.wait(300)
        anchor = window.viewer.anchorAt(window.viewer.viewport().mapFromGlobal(point))
        walk.say(f"the first result's link at {point.x()},{point.y()}: {anchor}")
        walk.tap(point.x(), point.y())

        walk.wait_until("the article", lambda: window.current_entry() is not None, 5)
        walk.say(f"tapped the first result: '{window.windowTitle()}'")
        bar = window.viewer.verticalScrollBar()
        bar.setValue(0)
        window.viewer.moveCursor(window.viewer.textCursor().MoveOperation.Start)
        walk.snap("article")
        viewport = window.viewer.viewport()
        device = QTest.createTouchDevice()
        start = QPoint(viewport.width() // 2, viewport.height() * 3 // 4)
        QTest.touchEvent(viewport, device).press(0, start, viewport).commit()
        for step in range(1, 13):
            walk.wait(40)  # 0.75 px/ms: a finger's unhurried drag
            QTest.touchEvent(viewport, device).move(0, start - QPoint(0, step * 30), viewport).commit()
        QTest.touchEvent(viewport, device).release(0, start - QPoint(0, 360), viewport).commit()
        scroller = QScroller.scroller(viewport)
        walk.wait(200)
        gliding = scroller.state() == QScroller.State.Scrolling
        walk.wait_until("the glide to stop", lambda: scroller.state() == QScroller.State.Inactive, 10)
        walk.say(
            f"finger drag of 360 px up: the page scrolled from 0 to {bar.value()} (of {bar.maximum()}); "
            f"it glided on after the finger left: {gliding}"
        )
        assert bar.value() > 0, "the finger drag did not scroll the page"
        walk.snap("article-after-finger-drag")

        # 3. An outside link: a QR code to scan.
        window.open_location(Location("alpha"))
        walk.wait_until("alpha", lambda: window.current_entry() is not None and window.current_entry().id == "alpha")
        point = link_point(window.viewer, "某网站")
        walk.tap(point.x(), point.y())
        walk.wait_until("the QR code", lambda: QApplication.activeModalWidget() is not None, 10)
        shot = walk.snap("outside-link-qr")
        codes = zbar(shot)
        walk.say(f"zbarimg on the screenshot: {codes}")
        assert codes == ["https://example.org/page"], codes
        dialog = QApplication.activeModalWidget()
        close = next(b for b in dialog.findChildren(QPushButton) if b.isVisible())
        walk.tap_widget(close)
        walk.wait_until("the QR code to close", lambda: QApplication.activeModalWidget() is None, 10)

        # 4. The handout, printed through CUPS.
        pdfs = Path(os.environ["KIOSK_WALK_CUPS_PDF"])
        before = set(pdfs.rglob("*.pdf"))

        def answer() -> None:
            box_ = QApplication.activeModalWidget()
            if not isinstance(box_, QMessageBox):
                QTimer.singleShot(200, answer)
                return
            walk.snap("print-asked")
            yes = next(b for b in box_.buttons() if box_.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
            walk.tap_widget(yes)

        QTimer.singleShot(500, answer)
        printer = next(
            b
            for b in window.findChildren(QToolButton)
            if b.isVisible() and (b.defaultAction() is window.actions_["print"] or b.text() in ("打印", "Print"))
        )
        walk.tap_widget(printer)
        walk.wait_until(
            "the page printed", lambda: "Printed" in window.infobar.text() or "已打印" in window.infobar.text(), 60
        )
        walk.say(f"info bar: {window.infobar.text()}")
        walk.snap("printed")
        walk.wait_until("cups-pdf's file", lambda: len(set(pdfs.rglob("*.pdf")) - before) == 1, 30)
        pdf = next(iter(set(pdfs.rglob("*.pdf")) - before))
        shutil.copy(pdf, out / "handout-from-cups.pdf")
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(out / "handout-page")], check=True, timeout=60)
        last = sorted(out.glob("handout-page-*.png"))[-1]
        codes = zbar(last)
        walk.say(f"CUPS printed {pdf.name}; zbarimg on its last page ({last.name}): {codes}")
        assert codes == ["https://clinic.example/hr/alpha?v=1.0"], codes

        # 5. A patient's theme and characters, then the idle reset.
        # Tapped on the banner's buttons, as a patient would (a touch screen has no Ctrl+Alt+H).
        contrast_action = next(a for a in controller.banner.actions() if a.objectName() == "kioskContrast")
        for action in (contrast_action, window.actions_["traditional"]):
            walk.tap_widget(controller.banner.widgetForAction(action))
            walk.wait(500)
        contrast = page_colour(window)
        walk.say(
            f"high contrast on ({window.actions_['theme_contrast'].isChecked()}): page colour {start_colour} -> {contrast}; traditional: "
            f"{window.actions_['traditional'].isChecked()}; title '{window.windowTitle()}'"
        )
        assert contrast != start_colour and window.actions_["traditional"].isChecked()
        walk.snap("patients-choices")
        walk.wait_until("the countdown", controller.countdown.isVisible, 30)
        walk.snap("still-reading")
        walk.wait_until("the reset", lambda: controller.resets == 1, 15)
        walk.wait(800)
        colour = page_colour(window)
        walk.say(
            f"after the idle reset: page colour {colour}, traditional {window.actions_['traditional'].isChecked()}, "
            f"at {window.current_location().to_string()}, box '{box.text()}', words row {row.words()}"
        )
        assert colour == start_colour and not window.actions_["traditional"].isChecked()
        assert window.current_location().is_home and box.text() == ""
        walk.snap("reset")
        outcome["ok"] = True
        walk.say("ALL CHECKS HELD")
    except Exception:  # noqa: BLE001  (any failure is written down and photographed)
        walk.say("FAILED:\n" + traceback.format_exc())
        walk.snap("FAILED")
    finally:
        controller.unlock()
        QApplication.instance().exit(0)


if __name__ == "__main__":
    sys.exit(main())
