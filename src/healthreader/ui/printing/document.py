"""Handouts on paper: an entry, or one section of it, laid out for printing and PDF export.

One painter, ``paint_handout``, draws every page of every handout: the body from a QTextDocument
styled by ``resources/print.css`` (not the screen stylesheet, not the screen zoom), an optional clinic
header line, and a running footer with the library's name, the entry's title and the page number.
PDF export, the print preview and printing straight to a printer all go through it, so what the
preview shows is what the PDF holds.

Failures are ``PrintError``s with a plain-words message; the UI shows the message, the command line
prints it.  Widgets stay out of this module except the preview dialog.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import html as html_text
import logging
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from healthreader.content import Entry, Library
from healthreader.content.sections import SectionText, split_sections
from healthreader.paths import resource, write_document
from healthreader.render import PageLabels, entry_page, render_markdown
from healthreader.render.stylesheet import scale_stylesheet
from healthreader.ui.common.fonts import pick_chinese_family
from healthreader.ui.common.labels import page_labels

log = logging.getLogger(__name__)

BODY_PT = 12.0
LARGE_BODY_PT = 16.0
# Page margins in millimetres: room for a hole punch or staple on the left edge.
MARGINS_MM = QMarginsF(20, 14, 16, 12)
# Header and footer text, in points: small, but never below what an older reader can make out.
FURNITURE_PT = 9.0
LARGE_FURNITURE_PT = 11.0
MIN_FURNITURE_PT = 7.0  # the footer of a receipt roll: smaller is not read
# The PDF's own unit: fine enough that positions on the page are exact.
PDF_RESOLUTION = 600
# Text is laid out at CSS's 96 dpi (see _layout_device) and scaled to the device.
LAYOUT_DPI = 96
GREY = QColor("#555555")
TAIL_LINES = 3  # of the article that go with its sources to their page: its last thought, not a stray line
PREVIEW_SCREEN_SHARE = 0.9  # of the screen the print preview opens on: most of it, its edges free


class PrintError(Exception):
    """A handout could not be made or delivered; ``str()`` is a message for the user, ``reason`` a code.

    Reasons: ``unknown_section``, ``unwritable``, ``disk_full``, ``no_printer``, ``printer_failed``.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class PrintOptions:
    """What the reader chose: the whole entry or one section (its anchor), the text size, a header line."""

    section: str | None = None
    large_print: bool = False
    header_line: str = ""
    # A kiosk's handout ends with a QR code of the entry and the print date (see entry_code).
    stamp: bool = False
    entry_url: str = ""  # the clinic's web address for an entry, "{id}" in it; "" for id and version only
    # Type larger than the handout's own by this factor (a kiosk policy's text size): body, headings,
    # header and footer alike, so the page keeps its proportions.
    text_scale: float = 1.0
    # The library's text as the screen shows it (traditional characters): an HTML-safe conversion of
    # the handout, labels and all, or None for the text as written.
    convert: Callable[[str], str] | None = None


@dataclass(frozen=True)
class Handout:
    """Everything painted on paper, already translated: the body HTML and the page furniture."""

    html: str
    title: str
    library_name: str
    header_line: str
    large_print: bool
    family: str | None
    # Type scale of the paper it goes on (see paper_for_media): 1 on A4 and Letter, less on A5 and rolls.
    paper_scale: float = 1.0
    code: str = ""  # what the QR code at the end holds; "" for none
    text_scale: float = 1.0  # see PrintOptions.text_scale

    @property
    def type_scale(self) -> float:
        return self.paper_scale * self.text_scale

    @property
    def body_pt(self) -> float:
        return (LARGE_BODY_PT if self.large_print else BODY_PT) * self.type_scale


STAMP_IMAGE = QUrl("healthreader-qr:handout")
# The code's side on paper at 96 dpi: 1.5 inch, about 1 mm a module for a typical address.
STAMP_PX = 144


def entry_code(entry_id: str, version: str, entry_url: str = "") -> str:
    """What a handout's QR code holds: the clinic's address for the entry when it has one, else the
    entry's stable id; with the library's version either way, so staff know which text was printed.

        >>> entry_code("face-wasting", "2026.12.1", "https://clinic.example/hr/{id}")
        'https://clinic.example/hr/face-wasting?v=2026.12.1'
        >>> entry_code("face-wasting", "2026.12.1")
        'healthreader:entry/face-wasting?v=2026.12.1'
    """
    base = entry_url.replace("{id}", entry_id) if entry_url else f"healthreader:entry/{entry_id}"
    return f"{base}{'&' if '?' in base else '?'}v={version}"


def _stamp_html(entry_id: str, version: str, url: str, today: dt.date) -> str:
    lines = [
        QCoreApplication.translate("Printing", "Scan the code to read this entry again."),
        QCoreApplication.translate("Printing", "Entry %1 · library version %2 · printed %3")
        .replace("%1", entry_id)
        .replace("%2", version)
        .replace("%3", today.isoformat()),
    ]
    if url:
        lines.append(url)
    text = "".join(f'<p class="stamp">{html_text.escape(line)}</p>' for line in lines)
    return (
        f'<table class="stamp" cellpadding="6"><tr><td><img src="{STAMP_IMAGE.toString()}" width="{STAMP_PX}"'
        f' height="{STAMP_PX}">{_STAMP_BESIDE}{text}</td></tr></table>'
    )


# Between the code and its lines: beside it on a sheet; below it on a roll (see _layout_document).
_STAMP_BESIDE = '</td><td valign="middle">'
_STAMP_BELOW = "</td></tr><tr><td>"
# A column narrower than this puts the lines below the code: beside a 38 mm code on a 58 mm roll they
# had 8 mm, a few letters a line, and the code itself was pushed onto a page of its own.
STAMP_BESIDE_MIN_MM = 65.0


# --- what goes on paper ----------------------------------------------------------------------------
def _find_section(body: str, anchor: str) -> SectionText | None:
    return next((part for part in split_sections(body) if part.anchor and part.anchor == anchor), None)


def section_title(entry: Entry, anchor: str) -> str | None:
    """The heading of section ``anchor`` of ``entry``, or None when the entry has no such section."""
    part = _find_section(entry.read_body(), anchor)
    return part.title if part else None


def _body_markdown(entry: Entry, section: str | None) -> str:
    body = entry.read_body()
    if not section:
        return body
    part = _find_section(body, section)
    if part is None:
        message = QCoreApplication.translate("Printing", "The article “%1” has no section “%2”.")
        raise PrintError(message.replace("%1", entry.title).replace("%2", section), "unknown_section")
    # The heading line is not part of the section's text; put it back so the handout shows it.
    return f"## {part.title}\n\n{part.text}"


# Where the article ends and what follows it (sources, disclaimer, a kiosk's code) begins: an anchor
# the layout finds again in the QTextDocument (Qt keeps a name, not a class).
END_MATTER = "handout-end-matter"
_END_MATTER_STARTS = ('<h4 class="sources-title">', '<p class="disclaimer-title">')


def _mark_end_matter(html: str) -> str:
    """The anchor at the start of the sources' heading, or of the disclaimer's title when there are none."""
    found = [(html.find(start), start) for start in _END_MATTER_STARTS if start in html]
    if not found:
        return html
    at, start = min(found)
    at += len(start)  # inside the element: an anchor of its own would be a paragraph of its own
    return html[:at] + f'<a name="{END_MATTER}"></a>' + html[at:]


def _as_written(text: str) -> str:
    return text


def build_handout(
    entry: Entry, library: Library, options: PrintOptions = PrintOptions(), labels: PageLabels | None = None
) -> Handout:
    """The handout for ``entry``: title, summary, meta line, red flags, body (or one section), sources,
    and the library's disclaimer at the end.  Raises ``PrintError`` for an unknown section."""
    body_html = render_markdown(_body_markdown(entry, options.section), sources=len(entry.sources)).html
    if options.section:
        # The summary speaks for the whole article; a one-section handout holds that section alone.
        entry = dataclasses.replace(entry, summary="")
    html = entry_page(entry, body_html, library.disclaimer_for(entry), labels or page_labels())
    html = html.replace('<p class="summary"></p>', "")
    html = _mark_end_matter(html)
    info = library.info_for(entry)
    convert = options.convert or _as_written
    html = convert(html)
    code = ""
    if options.stamp:
        version = info.version if info else ""
        code = entry_code(entry.id, version, options.entry_url)
        url = options.entry_url.replace("{id}", entry.id) if options.entry_url else ""
        stamp = _stamp_html(entry.id, version, url, dt.date.today())
        html = html.replace("</body>", stamp + "</body>") if "</body>" in html else html + stamp
    family = pick_chinese_family()
    if family is None:
        log.error("no font for Simplified Chinese is installed: the handout's Chinese will print as boxes")
    return Handout(
        html=html,
        title=convert(entry.title),
        library_name=convert((info.title if info else "") or library.title),
        header_line=options.header_line.strip(),
        large_print=options.large_print,
        family=family,
        code=code,
        text_scale=max(1.0, options.text_scale),
    )


def print_stylesheet(large_print: bool, paper_scale: float = 1.0) -> str:
    css = resource("print.css").read_text(encoding="utf-8")
    factor = (LARGE_BODY_PT / BODY_PT if large_print else 1.0) * paper_scale
    return scale_stylesheet(css, factor) if factor != 1.0 else css


# --- paper -----------------------------------------------------------------------------------------
def default_page_size(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else.

    Paper is a matter of where the printer is, not of the UI language: the system's region decides
    (English UI in Shanghai: A4).  A bare C/POSIX locale (kiosks, CI) says nothing, so then the
    application's locale does.
    """
    if locale is None:
        system = QLocale.system()
        unknown = system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage)
        locale = QLocale() if unknown else system
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def default_page_layout(locale: QLocale | None = None) -> QPageLayout:
    return QPageLayout(
        default_page_size(locale), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


_MEDIA_SIZE_RE = re.compile(r"_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$")
_PPD_SIZES = {"a4": (210.0, 297.0), "a5": (148.0, 210.0), "letter": (215.9, 279.4), "legal": (215.9, 355.6)}


def media_size_mm(media: str | None) -> tuple[float, float] | None:
    """Width and height in mm of a CUPS media name: PWG (``iso_a5_148x210mm``, ``na_letter_8.5x11in``,
    ``oe_80x200mm``) or a PPD PageSize (``A4``, ``Letter``); None when it is not one we can read."""
    if not media:
        return None
    match = _MEDIA_SIZE_RE.search(media)
    if match:
        factor = 25.4 if match.group(3) == "in" else 1.0
        return float(match.group(1)) * factor, float(match.group(2)) * factor
    return _PPD_SIZES.get(media.strip().lower())


def paper_scale(width_mm: float) -> float:
    """Type scale for paper ``width_mm`` wide: 1 on A4 and Letter, 0.9 on A5, 0.8 / 0.7 on 80 / 58 mm rolls."""
    if width_mm <= 90:
        return 0.8 if width_mm >= 70 else 0.7
    return 0.9 if width_mm < 200 else 1.0


def paper_for_media(media: str | None, locale: QLocale | None = None) -> tuple[QPageLayout, float]:
    """The page layout and type scale for the printer's paper (the locale's A4 or Letter when unknown).

    Margins and type scale with the paper's width: A4 and Letter keep the handout's own margins and
    12 pt; A5 shrinks both a little; a 58 or 80 mm receipt roll keeps a few millimetres of margin, so
    the column is the roll's width and the header and red-flag box stay on one width of paper.
    """
    size = media_size_mm(media)
    if size is None:
        return default_page_layout(locale), 1.0
    width, height = size
    page = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Millimeter, media or "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    scale = paper_scale(width)
    if width <= 90:  # receipt rolls
        margins = QMarginsF(3, 4, 3, 4)
    elif width < 200:  # A5 and other small sheets
        k = width / 210.0
        margins = QMarginsF(20 * k, 14 * k, 16 * k, 12 * k)
    else:
        margins = MARGINS_MM
    return QPageLayout(page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter), scale


def page_number_text(page: int, pages: int) -> str:
    # "%1" is "page/pages" (e.g. 2/5), so the number reads the same in every translation.
    return QCoreApplication.translate("Printing", "Page %1", "%1 is 'page/pages', e.g. 2/5").replace(
        "%1", f"{page}/{pages}"
    )


def _print_font(handout: Handout, points: float) -> QFont:
    font = QFont(handout.family) if handout.family else QFont()
    font.setPointSizeF(points)
    # Noto CJK's "locl" swaps digits after Latin letters for glyphs outside its character map, and a
    # PDF cannot name such glyphs: dates and page numbers would vanish from copied or searched text.
    # The SC family's own character map already holds the Simplified Chinese forms.
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def _furniture_font(handout: Handout) -> QFont:
    points = (LARGE_FURNITURE_PT if handout.large_print else FURNITURE_PT) * handout.type_scale
    return _print_font(handout, max(MIN_FURNITURE_PT, points))


def _keep_headings_with_next(doc: QTextDocument, page_height: float) -> None:
    """Move a heading that would end a page to the next page, so it stays with its first lines.

    Qt's layout has no "keep with next"; each fix moves later text, so look again after every one.
    """
    layout = doc.documentLayout()
    fixed: set[int] = set()
    for _ in range(200):  # bounded: each pass fixes one heading, and a long article has a few dozen
        block = doc.begin()
        moved = False
        while block.isValid():
            nxt = block.next()
            level = block.blockFormat().headingLevel()
            if level >= 2 and nxt.isValid() and block.position() not in fixed:
                top = layout.blockBoundingRect(block).top()
                # The first line of what follows must be on the heading's page.
                following = layout.blockBoundingRect(nxt)
                first_line = nxt.layout().lineAt(0) if nxt.layout().lineCount() else None
                line_bottom = following.top() + (first_line.rect().bottom() if first_line else following.height())
                if int(top // page_height) != int((line_bottom - 0.01) // page_height) and top % page_height > 0:
                    cursor = QTextCursor(block)
                    fmt = QTextBlockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    cursor.mergeBlockFormat(fmt)
                    # Qt's incremental relayout after a format change loses page breaks; redo it all.
                    doc.markContentsDirty(0, doc.characterCount())
                    fixed.add(block.position())
                    moved = True
                    break
            block = nxt
        if not moved:
            return


def _keep_boxes_together(doc: QTextDocument, page_height: float) -> None:
    """Start a box (a warning tier, the disclaimer) on a new page when it would straddle a page edge.

    A box shorter than a page is read as one thing: a disclaimer cut by the footer and the next
    page's header, or the first warning signs of a tier left behind on the page before, reads badly.
    """
    layout = doc.documentLayout()
    fixed: set[int] = set()
    for _ in range(100):  # bounded: one box per pass, a handout has a handful
        moved = False
        for frame in doc.rootFrame().childFrames():
            rect = layout.frameBoundingRect(frame)
            first, last = int(rect.top() // page_height), int((rect.bottom() - 0.01) // page_height)
            if first != last and rect.height() < page_height and frame.firstPosition() not in fixed:
                fmt = frame.frameFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                frame.setFrameFormat(fmt)
                doc.markContentsDirty(0, doc.characterCount())
                fixed.add(frame.firstPosition())
                moved = True
                break
        if not moved:
            return


@dataclass
class _Unit:
    """A paragraph of the root frame, or a whole box (a table), as the layout placed it."""

    block: QTextBlock | None
    frame: QTextFrame | None
    start: int  # its first position in the document
    top: float  # the top of its first line
    lines: int

    def set_break(self, policy: QTextFormat.PageBreakFlag) -> None:
        if self.frame is not None:
            box = self.frame.frameFormat()
            box.setPageBreakPolicy(policy)
            self.frame.setFrameFormat(box)
        elif self.block is not None:
            paragraph = QTextBlockFormat()
            paragraph.setPageBreakPolicy(policy)
            QTextCursor(self.block).mergeBlockFormat(paragraph)

    def breaks_before(self) -> bool:
        fmt = self.frame.frameFormat() if self.frame is not None else self.block.blockFormat() if self.block else None
        return fmt is not None and bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _first_line_top(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    # A paragraph moved to the next page keeps its top on the page before; its first line moves.
    top = layout.blockBoundingRect(block).top()
    return top + (block.layout().lineAt(0).y() if block.layout().lineCount() else 0.0)


def _units(doc: QTextDocument) -> list[_Unit]:
    layout = doc.documentLayout()
    units = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        if frame is not None:
            first = doc.findBlock(frame.firstPosition())
            lines = 0
            inner = first
            while inner.isValid() and inner.position() <= frame.lastPosition():
                lines += inner.layout().lineCount()
                inner = inner.next()
            units.append(_Unit(None, frame, frame.firstPosition(), _first_line_top(layout, first), lines))
        elif block.isValid() and block.text().strip():  # empty paragraphs between boxes hold nothing
            units.append(
                _Unit(block, None, block.position(), _first_line_top(layout, block), block.layout().lineCount())
            )
        it += 1
    return units


def _end_matter_start(doc: QTextDocument) -> int | None:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if END_MATTER in it.fragment().charFormat().anchorNames():
                return block.position()
            it += 1
        block = block.next()
    return None


def _keep_end_with_article(doc: QTextDocument, page_height: float) -> bool:
    """Carry the article's last lines onto the page its sources and disclaimer would have to themselves.

    A last page of sources and disclaimer alone, after a page that stops where the article ends, reads
    as if the article went on elsewhere, and takes a sheet for a few lines.  The article's last
    ``TAIL_LINES`` lines (whole paragraphs, a box as one) start a page, and what follows them flows after
    them.  True if it moved anything."""
    marker = _end_matter_start(doc)
    if marker is None:
        return False
    units = _units(doc)
    # The unit the marker is in: the sources' heading, or the disclaimer's box.
    first_end = max((i for i, u in enumerate(units) if u.start <= marker), default=0)
    if first_end == 0:
        return False
    last_page = int(units[-1].top // page_height)
    starts_last = next(i for i, u in enumerate(units) if int(u.top // page_height) == last_page)
    if starts_last < first_end:
        return False  # the last page has some of the article on it
    tail, lines = first_end, 0
    while tail > 0 and lines < TAIL_LINES:
        candidate = units[tail - 1]
        if candidate.top % page_height < 1.0 and int(candidate.top // page_height) < last_page:
            break  # it starts its page already: moving it would leave that page empty
        tail -= 1
        lines += candidate.lines
    if tail == first_end:
        return False
    for unit in units[first_end:]:
        if unit.breaks_before():
            unit.set_break(QTextFormat.PageBreakFlag.PageBreak_Auto)
    units[tail].set_break(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    # Qt's incremental relayout after a format change loses page breaks; redo it all.
    doc.markContentsDirty(0, doc.characterCount())
    return True


def _split_blocks_at_page_breaks(doc: QTextDocument, page_height: float) -> None:
    """End every paragraph that runs over a page edge there, and go on in a new paragraph.

    Qt draws a paragraph's last line above the clip rectangle as well as the visible ones; on paper
    the clip hides it, but the PDF would hold that line twice (copying, searching, screen readers).
    A paragraph that starts on its page has no such line.  The lines stay where they were.
    """
    layout = doc.documentLayout()
    for _ in range(500):  # bounded: one split per pass, a few per page
        block = doc.begin()
        split = False
        while block.isValid() and not split:
            lines = block.layout()
            top = layout.blockBoundingRect(block).top()
            for i in range(1, lines.lineCount()):
                before = int((top + lines.lineAt(i - 1).y() + 0.5) // page_height)
                if int((top + lines.lineAt(i).y() + 0.5) // page_height) == before:
                    continue
                cursor = QTextCursor(doc)
                cursor.setPosition(block.position() + lines.lineAt(i).textStart())
                fmt = block.blockFormat()
                fmt.setTopMargin(0)
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.insertBlock(fmt, cursor.charFormat())
                text_list = cursor.block().textList()
                if text_list is not None:
                    # The rest of a list item is not a new item: no second bullet or number.
                    text_list.remove(cursor.block())
                    rest = cursor.blockFormat()
                    rest.setIndent(text_list.format().indent())
                    cursor.setBlockFormat(rest)
                doc.markContentsDirty(0, doc.characterCount())
                split = True
                break
            block = block.next()
        if not split:
            return


def _layout_device() -> QImage:
    """A stand-in paint device at 96 dpi for the text layout.

    HTML lengths in pixels (``cellpadding``, borders) are CSS pixels, 1/96 inch; laid out at a
    printer's 600 dpi they would shrink to nothing.  The painter scales the laid-out text to the device.
    """
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _layout_document(handout: Handout, device: QImage, width: float, height: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    # Unhinted advances: a line laid out at 96 dpi keeps its exact width when drawn at 600 dpi.
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(_print_font(handout, handout.body_pt))
    doc.setDefaultStyleSheet(print_stylesheet(handout.large_print, handout.type_scale))
    doc.setDocumentMargin(0)  # the page layout holds the margins
    if handout.code:
        # segno (and the urllib it imports) only when a handout is laid out, not before the first paint.
        from healthreader.ui.common.qr import qr_image

        # Drawn at 144 px in a 96-dpi layout: 8 px modules are larger, so the painter only scales down.
        doc.addResource(QTextDocument.ResourceType.ImageResource, STAMP_IMAGE, qr_image(handout.code, 8))
    html = handout.html
    if handout.code and width * 25.4 / LAYOUT_DPI < STAMP_BESIDE_MIN_MM:
        html = html.replace(_STAMP_BESIDE, _STAMP_BELOW)
    doc.setHtml(html)
    # A page size makes the layout paginate: a line that would cross a page edge moves to the next page.
    doc.setPageSize(QSizeF(width, height))
    _keep_boxes_together(doc, height)
    _keep_headings_with_next(doc, height)
    if _keep_end_with_article(doc, height):
        # The lines moved may leave a heading at the foot of the page before, or push a box over an edge.
        _keep_boxes_together(doc, height)
        _keep_headings_with_next(doc, height)
    _split_blocks_at_page_breaks(doc, height)
    return doc


def paint_handout(device: QPagedPaintDevice, handout: Handout) -> int:
    """Paint every page of ``handout`` on ``device`` (a QPdfWriter or a QPrinter); return the page count.

    The painter's origin is the top-left corner inside the page margins for both devices.  Header and
    footer are drawn in device units; the body is laid out at 96 dpi and scaled to the device.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(
            QCoreApplication.translate("Printing", "The printer or file could not be opened for printing."),
            "printer_failed",
        )
    try:
        furniture = _furniture_font(handout)
        metrics = QFontMetricsF(furniture, device)
        gap = metrics.height()  # a clear white band between text and header or footer
        width = float(device.width())
        header_h = metrics.height() + gap if handout.header_line else 0.0
        footer_h = metrics.height() + gap
        body_h = float(device.height()) - header_h - footer_h
        sx = device.logicalDpiX() / LAYOUT_DPI
        sy = device.logicalDpiY() / LAYOUT_DPI
        layout_device = _layout_device()  # must outlive the document that lays out on it
        doc = _layout_document(handout, layout_device, width / sx, body_h / sy)
        page_h = body_h / sy
        pages = max(1, doc.pageCount())
        left_text = " · ".join(x for x in (handout.library_name, handout.title) if x)
        rule = QPen(GREY)
        rule.setWidthF(device.logicalDpiY() / 240)  # 0.3 pt
        for index in range(pages):
            if index:
                device.newPage()
            painter.setFont(furniture)
            if handout.header_line:
                painter.setPen(GREY)
                header = metrics.elidedText(handout.header_line, Qt.TextElideMode.ElideRight, width)
                painter.drawText(QRectF(0, 0, width, metrics.height()), Qt.AlignmentFlag.AlignCenter, header)
                painter.setPen(rule)
                painter.drawLine(QPointF(0, header_h - gap / 2), QPointF(width, header_h - gap / 2))
            bottom = header_h + body_h
            painter.setPen(rule)
            painter.drawLine(QPointF(0, bottom + gap / 2), QPointF(width, bottom + gap / 2))
            painter.setPen(GREY)
            number = page_number_text(index + 1, pages)
            line = QRectF(0, bottom + gap, width, metrics.height())
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
            room = width - metrics.horizontalAdvance(number) - metrics.height() * 2
            left = metrics.elidedText(left_text, Qt.TextElideMode.ElideMiddle, room)
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)

            painter.save()
            painter.translate(0, header_h)
            painter.scale(sx, sy)
            painter.translate(0, -index * page_h)
            page = QRectF(0, index * page_h, width / sx, page_h)
            painter.setClipRect(page)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = page.adjusted(0, 0.5, 0, -0.5)
            # Ink on paper whatever the screen's theme: the context starts with the application's
            # palette, whose text is white in the dark and high-contrast themes (white on white paper).
            context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
            context.palette.setColor(QPalette.ColorRole.Link, QColor("#0b4f8a"))
            doc.documentLayout().draw(painter, context)
            painter.restore()
        return pages
    finally:
        painter.end()


# --- PDF -------------------------------------------------------------------------------------------
def render_pdf(handout: Handout, layout: QPageLayout | None = None) -> tuple[bytes, int]:
    """The handout as PDF bytes, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(layout or default_page_layout())
    writer.setTitle(handout.title)
    writer.setCreator("HealthReader")
    pages = paint_handout(writer, handout)
    del writer  # flushes the PDF's trailer into the buffer
    data = bytes(QByteArray(buffer.data()).data())
    buffer.close()
    return fix_radical_text(data, _drawn_text(handout), handout.family), pages


def _drawn_text(handout: Handout) -> str:
    doc = QTextDocument()
    doc.setHtml(handout.html)
    # Everything painted, the running footer's words (第 1/2 页) too: a character left out is not known
    # to be what its glyph was drawn for, and copies as the radical sharing the glyph (⻚).
    furniture = (handout.header_line, handout.library_name, handout.title, page_number_text(1, 1))
    return "".join((doc.toPlainText(), *furniture))


def _is_radical(cp: int) -> bool:
    # CJK Radicals Supplement, Kangxi Radicals, CJK Compatibility Ideographs.
    return 0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF


_CMAP_ARRAY_RE = re.compile(rb"\[([<>0-9A-Fa-f\s]*)\]")
_CMAP_SINGLE_RE = re.compile(rb"^(<[0-9A-Fa-f]+>) \1 <([0-9A-Fa-f]{4})>$", re.M)
_HEX4_RE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def fix_radical_text(pdf: bytes, text: str, family: str | None) -> bytes:
    """Make the PDF's text layer say 面, not the Kangxi radical ⾯ that shares its glyph.

    CJK fonts map a radical and its ideograph to one glyph; Qt's PDF writer names each glyph by the
    lowest code point that reaches it, so copying, searching and screen readers get radicals.  Each
    such entry of the ToUnicode maps is rewritten to the character the handout actually drew with
    that glyph (or the radical's NFKC form).  Codes keep their length, so the file's offsets hold.
    """
    numbers = set(re.findall(rb"/ToUnicode (\d+) 0 R", pdf))
    if not numbers:
        return pdf
    raw = QRawFont.fromFont(QFont(family) if family else QFont())
    by_glyph: dict[int, str] = {}
    for ch in sorted(set(text)):
        if ord(ch) > 0x3000 and not _is_radical(ord(ch)):
            glyphs = raw.glyphIndexesForString(ch)
            if glyphs and glyphs[0]:
                by_glyph.setdefault(glyphs[0], ch)

    def better(match: re.Match[bytes]) -> bytes:
        # The last group is the four hex digits of the character a code stands for.
        cp = int(match.group(match.lastindex or 0), 16)
        if not _is_radical(cp):
            return b"<%04X>" % cp
        glyphs = raw.glyphIndexesForString(chr(cp))
        found = by_glyph.get(glyphs[0]) if glyphs and glyphs[0] else None
        if found is None:
            nfkc = unicodedata.normalize("NFKC", chr(cp))
            found = nfkc if len(nfkc) == 1 and ord(nfkc) <= 0xFFFF and nfkc != chr(cp) else None
        return b"<%04X>" % ord(found if found else chr(cp))

    out = bytearray(pdf)
    for number in numbers:
        head = re.search(rb"\n%s 0 obj\n<<([^>]*)>>\nstream\n" % number, pdf)
        if not head or b"/Filter" in head.group(1):
            continue  # a compressed map would need the offsets rewritten; leave it as Qt wrote it
        start = head.end()
        end = pdf.find(b"endstream", start)
        stream = pdf[start:end]
        stream = _CMAP_ARRAY_RE.sub(lambda m: b"[" + _HEX4_RE.sub(better, m.group(1)) + b"]", stream)
        stream = _CMAP_SINGLE_RE.sub(lambda m: m.group(1) + b" " + m.group(1) + b" " + better(m), stream)
        if len(stream) == end - start:  # always: every code keeps its four digits
            out[start:end] = stream
    return bytes(out)


def _write_atomically(data: bytes, path: Path) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place in one step."""
    try:
        write_document(path, data)
    except OSError as exc:
        raise _save_error(path, exc) from exc


def _save_error(path: Path, exc: OSError) -> PrintError:
    def tr(text: str) -> str:
        return text.replace("%1", str(path)).replace("%2", str(path.parent))

    log.warning("cannot save PDF %s: %s", path, exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PrintError(
            tr(
                QCoreApplication.translate(
                    "Printing", "The PDF could not be saved: the disk is full. Free some space or choose another place."
                )
            ),
            "disk_full",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = QCoreApplication.translate(
            "Printing", "The PDF could not be saved: you may not write to the folder “%2”. Choose another place."
        )
    elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
        text = QCoreApplication.translate("Printing", "The PDF could not be saved: the folder “%2” does not exist.")
    else:
        text = QCoreApplication.translate("Printing", "The PDF could not be saved to “%1”.")
    return PrintError(tr(text), "unwritable")


def export_pdf(
    entry: Entry,
    library: Library,
    path: str | os.PathLike[str],
    *,
    section: str | None = None,
    large_print: bool = False,
    header_line: str = "",
    labels: PageLabels | None = None,
    convert: Callable[[str], str] | None = None,
) -> int:
    """Write the handout for ``entry`` (or its ``section``) to the PDF ``path``; return the page count.

    Nothing is left at ``path`` on failure (an existing file there stays as it was).
    """
    target = Path(path)
    handout = build_handout(entry, library, PrintOptions(section, large_print, header_line, convert=convert), labels)
    if target.is_dir():
        raise _save_error(target, OSError(errno.EISDIR, "is a folder"))
    data, pages = render_pdf(handout)
    _write_atomically(data, target)
    log.debug("exported %s%s to %s (%d pages)", entry.id, f"#{section}" if section else "", target, pages)
    return pages


# --- printers --------------------------------------------------------------------------------------
def available_printers() -> list[str]:
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def printer_pdf(
    entry: Entry,
    library: Library,
    media: str | None,
    options: PrintOptions = PrintOptions(),
    labels: PageLabels | None = None,
) -> tuple[bytes, int]:
    """The handout laid out for a printer's paper (``media``, its CUPS default): PDF bytes and pages.

    What goes to a print queue is this PDF, so the preview, the kiosk and ``healthreader print`` all
    show and print the same pages for the same paper.
    """
    return layout_pdf(entry, library, paper_for_media(media)[0], options, labels)


def layout_pdf(
    entry: Entry,
    library: Library,
    layout: QPageLayout,
    options: PrintOptions = PrintOptions(),
    labels: PageLabels | None = None,
) -> tuple[bytes, int]:
    """The handout on the page ``layout`` (a printer's paper, or what the preview was set to), its type
    scale following the paper's width: PDF bytes and pages."""
    width = layout.pageSize().size(QPageSize.Unit.Millimeter).width()
    handout = dataclasses.replace(build_handout(entry, library, options, labels), paper_scale=paper_scale(width))
    return render_pdf(handout, layout)


def preview_printer(media: str | None) -> QPrinter:
    """A QPrinter that only paints the preview, on the paper ``media`` (a queue's, from discovery).

    Its output is PDF, so nothing later asks CUPS from the UI thread (a QPrinter bound to a queue
    does, for every paper change); the job itself goes out through ``jobs.PrintJob``.  Making any
    QPrinter still asks CUPS once, for the default printer, and with the GIL held (a worker would not
    help): so it is made only just after discovery heard the print server answer.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(paper_for_media(media)[0])
    return printer


def no_printer_error() -> PrintError:
    return PrintError(
        QCoreApplication.translate(
            "Printing",
            "No printer is set up on this computer. You can save the article as a PDF and print it elsewhere.",
        ),
        "no_printer",
    )


def print_to_printer(
    printer: QPrinter,
    entry: Entry,
    library: Library,
    *,
    section: str | None = None,
    large_print: bool = False,
    header_line: str = "",
    labels: PageLabels | None = None,
) -> int:
    """Print the handout on ``printer`` with the paper and margins it is set up with; return the pages."""
    handout = build_handout(entry, library, PrintOptions(section, large_print, header_line), labels)
    printer.setDocName(entry.title)
    pages = paint_handout(printer, handout)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError(
            QCoreApplication.translate(
                "Printing", "The printer reported an error. Check that it is switched on and has paper."
            ),
            "printer_failed",
        )
    _fix_printed_pdf(printer, handout)
    return pages


def _fix_printed_pdf(printer: QPrinter, handout: Handout) -> None:
    """After "print to file" (a PDF) from the print dialog: give it the same searchable text as an export."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not printer.outputFileName():
        return
    target = Path(printer.outputFileName())
    if not target.is_file():
        return  # a preview paints on the printer without writing its file
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise _save_error(target, exc) from exc
    _write_atomically(fix_radical_text(data, _drawn_text(handout), handout.family), target)


def new_printer(printer_name: str | None = None, media: str | None = None) -> QPrinter:
    """A printer set up for handouts: the named (or default) printer, its paper (``media``, as CUPS
    reports it; the locale's when unknown), the margins for that paper."""
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    printer = (
        QPrinter(info, QPrinter.PrinterMode.HighResolution)
        if not info.isNull()
        else QPrinter(QPrinter.PrinterMode.HighResolution)
    )
    printer.setPageLayout(paper_for_media(media)[0])
    return printer


def print_entry(
    entry: Entry,
    library: Library,
    *,
    printer_name: str | None = None,
    section: str | None = None,
    large_print: bool = False,
    header_line: str = "",
    labels: PageLabels | None = None,
) -> int:
    """Print straight to the named (or the default) printer, with no dialog; return the page count."""
    names = available_printers()
    if not names or (printer_name and printer_name not in names):
        raise no_printer_error()
    printer = new_printer(printer_name)
    return print_to_printer(
        printer, entry, library, section=section, large_print=large_print, header_line=header_line, labels=labels
    )


def make_preview_dialog(
    parent: QWidget | None,
    entry: Entry,
    library: Library,
    *,
    section: str | None = None,
    large_print: bool = False,
    header_line: str = "",
    labels: PageLabels | None = None,
    printer_name: str | None = None,
    media: str | None = None,
    printer: QPrinter | None = None,
    convert: Callable[[str], str] | None = None,
) -> QPrintPreviewDialog:
    """A print preview of the handout, painted by ``paint_handout``; its Print button prints the same.

    ``printer_name`` and ``media`` (from printer discovery, done off the UI thread) choose the printer
    and its paper, so the preview opens on the pages that printer will print; or ``printer`` is the
    one to paint on (``preview_printer``).
    """
    handout = build_handout(entry, library, PrintOptions(section, large_print, header_line, convert=convert), labels)
    printer = printer or new_printer(printer_name, media)
    printer.setDocName(handout.title)  # the job's name at the print server
    dialog = QPrintPreviewDialog(printer, parent)
    heading = section_title(entry, section) if section else None
    if heading and convert is not None:
        heading = convert(heading)
    title = (
        QCoreApplication.translate("Printing", "Print preview: %1 – %2")
        .replace("%1", handout.title)
        .replace("%2", heading)
        if heading
        else QCoreApplication.translate("Printing", "Print preview: %1").replace("%1", handout.title)
    )
    dialog.setWindowTitle(title)

    def paint(on: QPrinter) -> None:
        # The paper may have changed in the print dialog (another printer, another size): the type
        # scale follows the paper painted on, as the printed pages will.
        width = on.pageLayout().pageSize().size(QPageSize.Unit.Millimeter).width()
        on_paper = dataclasses.replace(handout, paper_scale=paper_scale(width))
        try:
            paint_handout(on, on_paper)
            _fix_printed_pdf(on, on_paper)
        except PrintError as exc:
            # Qt calls this from inside the dialog, which has no way to take an exception; the print
            # dialog has already shown the printer's own error, so a log line is what is left to do.
            log.warning("printing from the preview failed: %s", exc)

    dialog.paintRequested.connect(paint)
    # The dialog keeps no reference to the printer it was given; tie its life to the dialog's.
    dialog._printer = printer  # type: ignore[attr-defined]
    _open_large(dialog, parent)
    return dialog


def _open_large(dialog: QPrintPreviewDialog, parent: QWidget | None) -> None:
    """Most of the screen, the page as wide as the view: Qt opens its preview at 640 x 480 with the
    whole page in view, about 40 %, too small to read the text one is about to print."""
    host = parent.window() if parent is not None else None
    screen = (host.screen() if host is not None else dialog.screen()).availableGeometry()
    dialog.resize(round(PREVIEW_SCREEN_SHARE * screen.width()), round(PREVIEW_SCREEN_SHARE * screen.height()))
    # Qt's own "Fit width" button, so that its toolbar shows the mode the preview is in.
    fit_width = dialog.findChild(QAction, "fitWidthAction")
    if fit_width is not None:
        fit_width.trigger()
        return
    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.fitToWidth()


def print_preview(
    parent: QWidget | None,
    entry: Entry,
    library: Library,
    *,
    section: str | None = None,
    large_print: bool = False,
    header_line: str = "",
    labels: PageLabels | None = None,
) -> int:
    """Show the print preview (modal); the dialog's result code."""
    dialog = make_preview_dialog(
        parent, entry, library, section=section, large_print=large_print, header_line=header_line, labels=labels
    )
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
