"""Printed handouts, checked the way a reader would: the PDF's text, fonts and pages (poppler-utils)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from healthreader.content import Library, load_library
from healthreader.render import render_markdown
from healthreader.ui.common.fonts import pick_chinese_family
from healthreader.ui.printing import document as printing
from healthreader.ui.printing.document import PrintError, export_pdf
from tests.conftest import REAL_LIBRARY, TINY_LIBRARY
from tests.ui.journeys.screen import answer_file_dialog

MAIN = "facial-muscle-atrophy"
CLINIC = "康宁社区卫生服务中心 电话 010-8888 6666"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed; tools/setup.sh installs it"
)
pytestmark = needs_poppler


# --- reading PDFs with poppler (shared with tests/e2e/test_export_pdf.py) ------------------------------
def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_page_size(path: Path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)


def pdf_lines(path: Path, page: int | None = None) -> list[str]:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line for line in re.split(r"[\n\f]", out) if line.strip()]


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text with line breaks removed (Chinese lines wrap anywhere, even inside a heading)."""
    return "".join(pdf_lines(path, page))


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font in the PDF."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type... encoding emb sub uni object ID: "emb" is the fifth column from the end.
        fonts.append((cols[0].split("+")[-1], cols[-5] == "yes"))
    return fonts


# --- fixtures -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_library() -> Library:
    return load_library([REAL_LIBRARY])


@pytest.fixture(scope="module")
def exported(qapp, real_library: Library, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """The main article in both sizes, with a clinic header, exported once for the module.

    Paper follows the locale; other tests switch the application's locale to English (US), so pin it
    to the library's language here (the system locale of a CI machine is C and says nothing).
    """
    out = tmp_path_factory.mktemp("pdf")
    entry = real_library.get(MAIN)
    result = {}
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        for name, large in (("normal", False), ("large", True)):
            path = out / f"{name}.pdf"
            result[name] = (path, export_pdf(entry, real_library, path, large_print=large, header_line=CLINIC))
    finally:
        QLocale.setDefault(previous)
    return result


# --- what a reader sees ----------------------------------------------------------------------------------
def test_a_chinese_font_is_installed(qapp) -> None:
    # Without one every character prints as an empty box, and text checks could pass on garbage.
    assert pick_chinese_family() is not None


@pytest.mark.parametrize("size", ["normal", "large"])
def test_handout_holds_the_whole_article(exported, real_library: Library, size: str) -> None:
    path, pages = exported[size]
    entry = real_library.get(MAIN)
    text = pdf_text(path)
    assert "面部肌肉萎缩是怎么回事" in text  # real Chinese characters, not boxes or look-alike radicals
    assert entry.summary in text
    assert entry.reviewed is not None and entry.reviewed.isoformat() in text  # the reviewed date
    sections = render_markdown(entry.read_body()).sections
    assert len(sections) == 8
    for section in sections:
        assert section.title in text
    for flag in entry.red_flags:
        assert flag in text
    for source in entry.sources:
        assert source in text
    disclaimer = real_library.disclaimer_for(entry)
    assert disclaimer in text
    assert text.rstrip().endswith(f"{pages}/{pages}")  # the disclaimer is on the last page, before its footer
    assert disclaimer in pdf_text(path, pages)


@pytest.mark.parametrize("size", ["normal", "large"])
def test_every_page_has_the_clinic_header_and_a_running_footer(exported, real_library: Library, size: str) -> None:
    path, pages = exported[size]
    assert pages == pdf_pages(path)
    assert 2 <= pages <= 12  # a long article: more than one sheet, fewer than a booklet
    for n in range(1, pages + 1):
        text = pdf_text(path, n)
        assert text.count(CLINIC) == 1
        assert f"{n}/{pages}" in text
        assert real_library.title in text and "面部肌肉萎缩是怎么回事" in text


@pytest.mark.parametrize("size", ["normal", "large"])
def test_no_line_is_printed_on_two_pages(exported, real_library: Library, size: str) -> None:
    # A line at a page edge drawn on both pages (hidden by the clip) would be copied and read twice.
    path, pages = exported[size]
    furniture = (CLINIC, real_library.title)
    body = [[line for line in pdf_lines(path, n) if not line.startswith(furniture)] for n in range(1, pages + 1)]
    # Compare each page's first lines with the previous page's last ones: two different sentences
    # may both end in a short identical line ("力。"), but only a line at the edge is drawn twice.
    for n in range(1, pages):
        edge = set(body[n - 1][-3:]) & set(body[n][:3])
        assert not edge, f"{edge} at the end of page {n} and the top of page {n + 1}"


def test_large_print_needs_more_pages(exported) -> None:
    assert exported["large"][1] > exported["normal"][1]


def test_pages_are_a4_by_default(exported) -> None:
    if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        pytest.skip("this machine's region uses US Letter paper")
    assert "A4" in pdf_page_size(exported["normal"][0])


def test_letter_paper_where_the_locale_measures_in_inches(qapp) -> None:
    letter = printing.default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert letter.id() == QPageSize.PageSizeId.Letter
    a4 = printing.default_page_size(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert a4.id() == QPageSize.PageSizeId.A4


def test_the_simplified_chinese_face_is_embedded(exported) -> None:
    fonts = pdf_fonts(exported["normal"][0])
    assert fonts and all(embedded for _, embedded in fonts)
    family = (pick_chinese_family() or "").replace(" ", "").lower()
    names = [name.replace(" ", "").lower() for name, _ in fonts]
    assert any("sc" in name.split("-")[0][-2:] or family in name for name in names), names
    assert not any("jp" in name for name in names), names


def test_radicals_in_the_text_layer_become_the_characters_drawn(qapp) -> None:
    # Noto CJK gives 面 and the Kangxi radical ⾯ one glyph; copying "⾯部" from a PDF finds nothing.
    cmap = b"2 beginbfrange\n<0001> <0002> [<2FAF> <0041>]\n<0003> <0003> <2F81>\nendbfrange\n"
    pdf = b"%PDF-1.4\n5 0 obj\n<< /ToUnicode 7 0 R >>\nendobj\n7 0 obj\n<< /Length 99 >>\nstream\n"
    pdf += cmap + b"endstream\nendobj\n"
    fixed = printing.fix_radical_text(pdf, "面部肌肉", pick_chinese_family())
    assert len(fixed) == len(pdf)  # the file's byte offsets still hold
    assert b"[<9762> <0041>]" in fixed and b"<0003> <0003> <8089>" in fixed


def test_one_section_alone(qapp, real_library: Library, tmp_path: Path) -> None:
    entry = real_library.get(MAIN)
    sections = render_markdown(entry.read_body()).sections
    care = next(s for s in sections if s.title == "日常护理")
    path = tmp_path / "care.pdf"
    pages = export_pdf(entry, real_library, path, section=care.anchor)
    text = pdf_text(path)
    assert pages == pdf_pages(path)
    assert "面部肌肉萎缩是怎么回事" in text and "日常护理" in text
    assert "鼓腮：闭紧嘴唇" in text and "心情：容貌改变" in text
    for other in sections:
        if other is not care:
            assert other.title not in text, other.title
    assert real_library.disclaimer_for(entry) in text
    assert f"1/{pages}" in text


def test_tiny_library_entry(qapp, tmp_path: Path) -> None:
    library = load_library([TINY_LIBRARY])
    path = tmp_path / "alpha.pdf"
    pages = export_pdf(library.get("alpha"), library, path)
    text = pdf_text(path)
    assert pages == pdf_pages(path)
    assert "面部肌肉萎缩测试文章" in text and "本资料仅供参考" in text and "测试读本" in text
    assert f"1/{pages}" in text and text.endswith(f"{pages}/{pages}")


# --- failures ---------------------------------------------------------------------------------------------
def test_unknown_section_is_a_print_error(qapp, real_library: Library, tmp_path: Path) -> None:
    with pytest.raises(PrintError) as caught:
        export_pdf(real_library.get(MAIN), real_library, tmp_path / "x.pdf", section="no-such-section")
    assert caught.value.reason == "unknown_section"
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_destination_leaves_no_file(qapp, real_library: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    target = blocker / "handout.pdf"
    with pytest.raises(PrintError) as caught:
        export_pdf(real_library.get(MAIN), real_library, target)
    assert caught.value.reason == "unwritable"
    assert str(blocker) in str(caught.value)
    assert not target.exists()


def test_full_disk_keeps_the_old_file_and_leaves_no_temporary(
    qapp, real_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"the earlier handout")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(printing.os, "fsync", full)
    with pytest.raises(PrintError) as caught:
        export_pdf(real_library.get(MAIN), real_library, target)
    assert caught.value.reason == "disk_full"
    assert "full" in str(caught.value)
    assert target.read_bytes() == b"the earlier handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]


def test_no_printer_says_so(qapp, real_library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "available_printers", lambda: [])
    with pytest.raises(PrintError) as caught:
        printing.print_entry(real_library.get(MAIN), real_library)
    assert caught.value.reason == "no_printer"
    assert "PDF" in str(caught.value)


# --- printers and the preview share the painter ------------------------------------------------------------
def test_printing_to_a_printer_paints_the_same_pages(exported, real_library: Library, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(printing.default_page_layout())
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    pages = printing.print_to_printer(printer, real_library.get(MAIN), real_library, header_line=CLINIC)
    assert pages == exported["normal"][1] == pdf_pages(out)
    text = pdf_text(out, 1)
    assert text.count(CLINIC) == 1 and f"1/{pages}" in text and "面部肌肉萎缩是怎么回事" in text


def test_preview_shows_every_page(qtbot, exported, real_library: Library) -> None:
    dialog = printing.make_preview_dialog(None, real_library.get(MAIN), real_library, header_line=CLINIC)
    qtbot.addWidget(dialog)
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    assert preview.pageCount() == exported["normal"][1]
    dialog.close()


# --- the window's print commands ----------------------------------------------------------------------------
@pytest.fixture
def print_actions(qtbot, real_library: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    from PySide6.QtWidgets import QWidget

    from healthreader.config import Settings
    from healthreader.paths import DataPaths
    from healthreader.ui.printing.actions import PrintActions

    window = QWidget()
    qtbot.addWidget(window)
    settings = Settings(DataPaths.at(data_dir))
    settings.set("print_header", CLINIC)
    actions = PrintActions(window, real_library, settings)
    actions.errors = []  # type: ignore[attr-defined]
    monkeypatch.setattr(actions, "_show_error", actions.errors.append)
    return actions


def test_pdf_file_name_is_safe_everywhere(real_library: Library) -> None:
    from healthreader.ui.printing.actions import pdf_file_name

    entry = real_library.get(MAIN)
    assert pdf_file_name(entry) == "面部肌肉萎缩是怎么回事.pdf"
    assert pdf_file_name(entry, "A/B: 护理?") == "面部肌肉萎缩是怎么回事 - A B 护理.pdf"


def test_export_asks_for_a_path_and_uses_the_settings(
    qtbot, print_actions, real_library: Library, tmp_path: Path
) -> None:
    asked: list[str] = []

    def read_the_suggestion() -> None:
        dialog = QApplication.activeModalWidget()
        edit = dialog.findChild(QLineEdit, "fileNameEdit") if isinstance(dialog, QFileDialog) else None
        if edit is None:
            QTimer.singleShot(20, read_the_suggestion)
            return
        asked.append(str(Path(dialog.directory().absolutePath()) / edit.text()))

    QTimer.singleShot(0, read_the_suggestion)
    answering = answer_file_dialog(qtbot, tmp_path / "handout")  # typed without ".pdf"
    with qtbot.waitSignal(print_actions.exported) as signal:
        path = print_actions.export_current_pdf(real_library.get(MAIN), "日常护理")
    answering.stop()
    assert asked[0] == str(Path.home() / "Documents" / "面部肌肉萎缩是怎么回事 - 日常护理.pdf")
    assert path == tmp_path / "handout.pdf" and signal.args == [str(path)]
    text = pdf_text(path)
    assert CLINIC in text and "日常护理" in text and "面神经麻痹（面瘫）" not in text
    assert print_actions.errors == []


def test_print_without_a_printer_offers_a_pdf(
    qtbot, print_actions, real_library: Library, tmp_path: Path, monkeypatch
) -> None:
    offered: list[str] = []
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-print-server.sock"))  # no print system answers
    monkeypatch.setattr(print_actions, "_offer_pdf", lambda message: offered.append(message) or True)
    answering = answer_file_dialog(qtbot, tmp_path / "x.pdf")
    print_actions.print_current(real_library.get(MAIN), "")
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)  # the printers are looked up off the UI thread
    assert "PDF" in offered[0]
    qtbot.waitUntil((tmp_path / "x.pdf").exists)
    answering.stop()


def test_print_commands_explain_failures(qtbot, print_actions, tmp_path: Path, real_library: Library) -> None:
    print_actions.print_current(None, "")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    answering = answer_file_dialog(qtbot, blocker / "x.pdf")  # a folder that is a file
    assert print_actions.export_current_pdf(real_library.get(MAIN), "") is None
    answering.stop()
    assert len(print_actions.errors) == 2 and str(tmp_path) in print_actions.errors[1]
    assert not (blocker / "x.pdf").exists()


def test_an_exported_pdf_gets_the_users_usual_file_mode(qapp, real_library: Library, tmp_path: Path) -> None:
    """A handout is for sharing: 0666 less the umask, as any program of the reader's makes it, not 0600."""
    previous = os.umask(0o027)
    try:
        path = tmp_path / "handout.pdf"
        export_pdf(real_library.get(MAIN), real_library, path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _dark_pixels(pdf: Path, out: Path) -> int:
    """How much of the first page is drawn in dark ink (text, rules), rendered as a printer would."""
    from PySide6.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(out)], check=True)
    [png] = out.parent.glob(out.name + "*.png")
    image = QImage(str(png))
    return sum(
        1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).lightnessF() < 0.45
    )


@pytest.mark.parametrize("theme_action", ["theme_dark", "theme_contrast"])
def test_the_handout_is_dark_ink_on_paper_whatever_the_screens_theme(
    qtbot, make_window, tmp_path: Path, theme_action: str
) -> None:
    """The screen's theme is not the paper's: in the dark theme the print preview and the PDF had the
    body text in the window's light text colour, white on white paper (seen in the Xvfb journeys)."""
    window = make_window("alpha")
    light_pdf = tmp_path / "light.pdf"
    answering = answer_file_dialog(qtbot, light_pdf)
    window.actions_["export_pdf"].trigger()
    answering.stop()
    window.actions_[theme_action].trigger()
    dark_pdf = tmp_path / "dark.pdf"
    answering = answer_file_dialog(qtbot, dark_pdf)
    window.actions_["export_pdf"].trigger()
    answering.stop()
    light = _dark_pixels(light_pdf, tmp_path / "light")
    dark = _dark_pixels(dark_pdf, tmp_path / "dark")
    assert light > 0 and dark >= 0.95 * light, (light, dark)


def test_the_handout_is_in_the_characters_the_reader_chose(qtbot, make_window, tmp_path: Path) -> None:
    """Traditional characters turned on: the page was traditional and the printed handout simplified."""
    window = make_window("alpha")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.actions_["traditional"].isChecked()
    assert "面部肌肉萎縮測試文章" in window.viewer.toPlainText()
    pdf = tmp_path / "handout.pdf"
    answering = answer_file_dialog(qtbot, pdf)
    window.actions_["export_pdf"].trigger()
    answering.stop()
    text = pdf_text(pdf)
    assert "面部肌肉萎縮測試文章" in text and "萎缩" not in text, text[:200]


def test_turned_off_on_a_taiwan_system_the_handout_is_simplified_labels_and_all(
    qtbot, make_window, monkeypatch, tmp_path: Path
) -> None:
    """On a Taiwan system the handout's labels came from the UI's translation (什麼情況需要就醫) beside
    simplified text, with traditional characters turned off, as the page's did before 710ad83."""
    from healthreader.ui.common import i18n

    taiwan = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan)
    monkeypatch.setattr(i18n, "system_locale", lambda: taiwan)
    window = make_window("qa-face-atrophy-causes", dirs=[REAL_LIBRARY], size=(1366, 800))
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.actions_["traditional"].isChecked()
    assert "什么情况需要就医" in window.viewer.toPlainText()
    pdf = tmp_path / "handout.pdf"
    answering = answer_file_dialog(qtbot, pdf)
    window.actions_["export_pdf"].trigger()
    answering.stop()
    text = pdf_text(pdf)
    assert "脸部肌肉萎缩症状什么原因引起的" in text and "什么情况需要就医" in text, text[:300]
    assert "什麼" not in text and "審核" not in text, text[:300]


def test_the_page_numbers_copy_as_the_characters_drawn(qtbot, make_window, tmp_path: Path) -> None:
    """The footer's 第 1/2 页 came out of the PDF as 第 1/2 ⻚ (the radical that shares 页's glyph):
    the running footer's words were not among those the text layer is mended with."""
    window = make_window("alpha")
    pdf = tmp_path / "handout.pdf"
    answering = answer_file_dialog(qtbot, pdf)
    window.actions_["export_pdf"].trigger()
    answering.stop()
    footer = printing.page_number_text(1, pdf_pages(pdf))
    assert footer in pdf_text(pdf, 1), pdf_lines(pdf, 1)[-3:]
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in pdf_text(pdf)), pdf_lines(pdf, 1)[-3:]
