"""A kiosk's handout carries a QR code of the entry and the print date, read back from the PDF page
with real tools: pdftoppm draws the page, zbarimg (Debian's zbar-tools) decodes the code."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from healthreader.content import load_library
from healthreader.ui.printing.document import PrintOptions, build_handout, printer_pdf, render_pdf


def last_page_codes(pdf: bytes, tmp_path: Path) -> tuple[list[str], str]:
    for tool in ("pdftoppm", "zbarimg", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (tools/setup.sh installs poppler-utils and zbar-tools)")
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / "page")], check=True, timeout=60)
    last = sorted(tmp_path.glob("page-*.png"))[-1]
    out = subprocess.run(["zbarimg", "--raw", "-q", str(last)], capture_output=True, text=True, timeout=30)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.stdout.splitlines(), text


@pytest.mark.parametrize(
    "entry_url, expected",
    [
        ("https://clinic.example/hr/{id}", "https://clinic.example/hr/alpha?v=1.0"),
        ("", "healthreader:entry/alpha?v=1.0"),
    ],
    ids=["clinic-address", "id-and-version"],
)
def test_the_handout_carries_a_qr_code_of_the_entry_and_the_print_date(
    qapp, tiny_library: Path, tmp_path: Path, entry_url: str, expected: str
) -> None:
    library = load_library([tiny_library])
    entry = library.find("alpha")
    assert entry is not None
    options = PrintOptions(header_line="康复门诊", stamp=True, entry_url=entry_url)
    pdf, pages = render_pdf(build_handout(entry, library, options))
    codes, text = last_page_codes(pdf, tmp_path)
    assert codes == [expected]
    assert dt.date.today().isoformat() in text and "alpha" in text and "1.0" in text
    if entry_url:
        assert "https://clinic.example/hr/alpha" in text


def test_an_ordinary_handout_has_no_code(qapp, tiny_library: Path, tmp_path: Path) -> None:
    library = load_library([tiny_library])
    entry = library.find("alpha")
    assert entry is not None
    pdf, _ = render_pdf(build_handout(entry, library, PrintOptions()))
    assert last_page_codes(pdf, tmp_path)[0] == []


@pytest.mark.parametrize("media", ["oe_80x200mm", "om_58x210mm"], ids=["80mm-roll", "58mm-roll"])
def test_the_code_on_a_receipt_roll_decodes_to_the_entry(qapp, tiny_library: Path, tmp_path: Path, media: str) -> None:
    """On a receipt printer's roll the handout is narrow and its type small: the code must still be
    whole and readable by a phone's camera (zbarimg reading the page as pdftoppm draws it)."""
    library = load_library([tiny_library])
    entry = library.find("alpha")
    assert entry is not None
    options = PrintOptions(header_line="康复门诊", stamp=True, entry_url="https://clinic.example/hr/{id}")
    pdf, pages = printer_pdf(entry, library, media, options)
    codes, text = last_page_codes(pdf, tmp_path)
    # On the last page, with its lines: the code is not left behind on a page of its own.
    assert codes == ["https://clinic.example/hr/alpha?v=1.0"]
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(tmp_path / "handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Each line of the stamp readable: words whole, not a few letters a line.
    assert "Scan the code to read this entry again." in " ".join(last.split())
    assert dt.date.today().isoformat() in last and "https://clinic.example/hr/alpha" in last.replace("\n", "")
    width_mm = float(media.split("_")[1].split("x")[0])
    info = subprocess.run(["pdfinfo", str(tmp_path / "handout.pdf")], capture_output=True, text=True, check=True)
    width_pt = float(info.stdout.split("Page size:")[1].split("x")[0])
    assert width_pt == pytest.approx(width_mm / 25.4 * 72, abs=1)  # laid out on the roll, not on A4
