"""Where the handout's pages break, read from the real PDF page by page (pdftotext): the last page never
holds only the sources and the disclaimer; the end of the article goes with them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from healthreader.content import Library, load_library
from healthreader.ui.printing.document import export_pdf
from tests.conftest import REAL_LIBRARY
from tests.ui.printing.test_printing import needs_poppler, pdf_pages, pdf_text

pytestmark = needs_poppler


@pytest.fixture(scope="module")
def real_library() -> Library:
    return load_library([REAL_LIBRARY])


def _last_words(entry_body: str) -> str:
    """The article's last characters as printed: its last paragraph without Markdown, spaces or citations."""
    last = [line for line in entry_body.strip().splitlines() if line.strip()][-1]
    last = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", last)  # a link prints its text
    last = re.sub(r"\[\d+\]|^\s*(?:[-*]|\d+\.)\s+|\*\*", "", last)
    return "".join(last.split())[-12:]


def _squeezed(text: str) -> str:
    return "".join(text.split())


# Found by printing every entry of the library on A4 in both sizes: 51 of the 186 handouts ended on a
# page of sources and disclaimer alone.  These three are of each kind (the disclaimer alone; the
# sources and the disclaimer; large print), the article is one that already ended well.
@pytest.mark.parametrize(
    ("entry_id", "large"),
    [
        ("qa-botox-chewing-smile", False),
        ("qa-carpal-tunnel-surgery", False),
        ("qa-bedridden-leg-swelling", True),
        ("facial-muscle-atrophy", False),
    ],
)
def test_the_last_page_holds_the_end_of_the_article_with_its_sources(
    qapp, real_library: Library, tmp_path: Path, entry_id: str, large: bool
) -> None:
    entry = real_library.get(entry_id)
    path = tmp_path / "handout.pdf"
    pages = export_pdf(entry, real_library, path, large_print=large)
    assert pages == pdf_pages(path) and pages >= 2
    last = _squeezed(pdf_text(path, pages))
    disclaimer = _squeezed(real_library.disclaimer_for(entry))[:12]
    firsts = [_squeezed(source)[:10] for source in entry.sources] or [disclaimer]
    assert disclaimer in last, last
    end_matter = min(last.index(text) for text in firsts + [disclaimer] if text in last)
    words = _last_words(entry.read_body())
    assert words in last[:end_matter], f"the article's end ({words}) is not on the page of its sources: {last}"
    # Nothing is printed twice or lost by moving it: the whole handout holds the end once, each source once.
    everything = _squeezed(pdf_text(path))
    assert everything.count(words) == 1
    for source in entry.sources:
        assert everything.count(_squeezed(source)) == 1, source
