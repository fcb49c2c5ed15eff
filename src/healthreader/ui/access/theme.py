"""Colour themes: light, dark and high contrast, for the window's QPalette and the article stylesheet.

The light theme's article colours are the ones written in ``resources/article.css``; the dark and
high-contrast themes are generated from it by swapping each of those colours for its counterpart
(``ARTICLE_COLOURS``), plus a few rules that only make sense on a dark page (``EXTRA_RULES``).  A
colour added to the stylesheet without a counterpart is caught by ``tests/unit/test_contrast.py``.

Contrast targets (WCAG 2.x): at least 4.5:1 for text in light and dark (AA), at least 7:1 in high
contrast (AAA).  ``text_pairs`` lists every foreground/background pair a reader sees, so the test can
compute the ratios instead of trusting them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

SYSTEM = "system"
LIGHT = "light"
DARK = "dark"
CONTRAST = "contrast"
THEMES = (LIGHT, DARK, CONTRAST)
CHOICES = (SYSTEM, *THEMES)
MINIMUM_RATIO = {LIGHT: 4.5, DARK: 4.5, CONTRAST: 7.0}


@dataclass(frozen=True)
class Colours:
    """The window's colours; every text colour is checked against the background it is drawn on."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    placeholder: str
    disabled_text: str
    frame: str  # borders (Fusion draws them from Light/Mid/Dark)
    focus: str  # the keyboard-focus ring
    notice: str  # the bar above the article (已收藏：…, what a print job is doing)
    notice_border: str
    notice_text: str


PALETTES: dict[str, Colours] = {
    LIGHT: Colours(
        window="#f3f4f6",
        window_text="#1a1a1a",
        base="#ffffff",
        alternate_base="#f1f4f7",
        text="#1a1a1a",
        button="#e8eaed",
        button_text="#1a1a1a",
        highlight="#0a5fc2",
        highlighted_text="#ffffff",
        link="#0a5a8a",
        link_visited="#5b3a8a",
        placeholder="#5f6368",
        disabled_text="#8a8f95",
        frame="#9aa0a6",
        focus="#0a5fc2",
        notice="#fff8e1",
        notice_border="#e0b040",
        notice_text="#3d2e00",
    ),
    DARK: Colours(
        window="#202124",
        window_text="#e8eaed",
        base="#17181b",
        alternate_base="#23252a",
        text="#e8eaed",
        button="#2d2f33",
        button_text="#e8eaed",
        highlight="#8ab4f8",
        highlighted_text="#0b1320",
        link="#8ecdf7",
        link_visited="#c9a7f5",
        placeholder="#a6abb2",
        disabled_text="#7a7f86",
        frame="#5f6368",
        focus="#8ab4f8",
        notice="#3a3212",  # the article's notices in the dark theme: amber on dark, not a cream stripe
        notice_border="#c9a227",
        notice_text="#ffe08a",
    ),
    CONTRAST: Colours(
        window="#000000",
        window_text="#ffffff",
        base="#000000",
        alternate_base="#101010",
        text="#ffffff",
        button="#000000",
        button_text="#ffffff",
        highlight="#ffff00",
        highlighted_text="#000000",
        link="#ffff00",
        link_visited="#ffb8ff",
        placeholder="#d8d8d8",
        disabled_text="#a0a0a0",
        frame="#ffffff",
        focus="#ffff00",
        notice="#000000",
        notice_border="#ffff00",
        notice_text="#ffffff",
    ),
}

# Light colour (as written in article.css, lower case) -> (dark, high contrast).
ARTICLE_COLOURS: dict[str, tuple[str, str]] = {
    "#0a5a8a": ("#8ecdf7", "#ffff00"),  # links, addresses
    "#0b3d5c": ("#a8d4f0", "#ffffff"),  # title, h2, active filter
    "#1b4a66": ("#b5d9ef", "#ffffff"),  # h3
    "#333333": ("#e0e0e0", "#ffffff"),  # h4
    "#4f5b66": ("#b8c1ca", "#e6e6e6"),  # meta, counts, sources (muted)
    "#ffffff": ("#ffffff", "#000000"),  # the kind badge's text
    "#2f6f8f": ("#2f6f8f", "#ffffff"),  # the kind badge
    "#24313a": ("#e3e8ec", "#ffffff"),  # summary, snippets
    "#fdecea": ("#3b1618", "#000000"),  # warning signs: emergency box
    "#c62828": ("#ef6b6b", "#ff6b6b"),  # emergency border
    "#a50e0e": ("#ffb3ad", "#ff9e9e"),  # emergency title
    "#fff3e0": ("#3a2a14", "#000000"),  # same-day box
    "#c46a12": ("#d9822b", "#ffaa00"),  # same-day border
    "#8a3b00": ("#ffc58a", "#ffcc66"),  # same-day title
    "#e8f1fb": ("#14283d", "#000000"),  # within-days box
    "#2f6f9f": ("#5b9bd5", "#66c2ff"),  # within-days border
    "#134a7c": ("#a9d1f5", "#99d6ff"),  # within-days title
    "#1a1a1a": ("#e8eaed", "#ffffff"),  # the warning signs themselves
    "#fff8d6": ("#3a3212", "#000000"),  # "due for review" and plain-text notices
    "#8a6d00": ("#c9a227", "#ffff00"),  # their border
    "#5c4700": ("#ffe08a", "#ffff66"),  # their text
    "#eef2f5": ("#262c32", "#000000"),  # disclaimer box
    "#c5d0d8": ("#56626d", "#ffffff"),  # disclaimer border
    "#3b4650": ("#cfd7de", "#ffffff"),  # disclaimer text, quotes
    "#ffe58a": ("#6e5a00", "#ffff00"),  # search match
    "#eef6fb": ("#1e3342", "#000000"),  # spelling correction box
}

# Rules appended after the generated stylesheet: a match on a yellow marker needs dark text whatever
# the page's text colour is.
EXTRA_RULES: dict[str, str] = {
    LIGHT: "",
    DARK: "b.match { color: #ffffff; }\n",
    CONTRAST: "b.match { color: #000000; }\nspan.kind { color: #000000; background-color: #ffffff; }\n",
}

# Text that sits inside a box with its own background: selector -> the box's selector.
CONTAINED_IN = {
    "p.flags-emergency-title": "table.flags-emergency",
    "ul.flags-emergency li": "table.flags-emergency",
    "p.flags-same-day-title": "table.flags-same-day",
    "ul.flags-same-day li": "table.flags-same-day",
    "p.flags-soon-title": "table.flags-soon",
    "ul.flags-soon li": "table.flags-soon",
    "p.review-due": "table.review-due",
    "p.disclaimer-title": "table.disclaimer",
    "p.disclaimer-text": "table.disclaimer",
}

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def resolve(choice: str, system_is_dark: bool) -> str:
    """The theme to show for a user's choice.

    >>> resolve("system", True), resolve("system", False), resolve("contrast", False)
    ('dark', 'light', 'contrast')
    """
    if choice in THEMES:
        return choice
    return DARK if system_is_dark else LIGHT


def article_css(css: str, theme: str) -> str:
    """The article stylesheet for ``theme``; ``css`` is the light one from resources/article.css."""
    if theme == LIGHT:
        return css
    index = 0 if theme == DARK else 1

    def swap(m: re.Match[str]) -> str:
        pair = ARTICLE_COLOURS.get(m[0].lower())
        return pair[index] if pair else m[0]

    return _HEX.sub(swap, css) + EXTRA_RULES[theme]


def css_rules(css: str) -> dict[str, dict[str, str]]:
    """Selector -> declarations (later rules override earlier ones), comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in _RULE.findall(css):
        decls = {}
        for decl in body.split(";"):
            if ":" in decl:
                key, value = decl.split(":", 1)
                decls[key.strip()] = value.strip()
        for sel in selectors.split(","):
            rules.setdefault(sel.strip(), {}).update(decls)
    return rules


def text_pairs(css: str, theme: str) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background) a reader sees in ``theme``, for the contrast check."""
    c = PALETTES[theme]
    pairs = [
        ("window text", c.window_text, c.window),
        ("text", c.text, c.base),
        ("alternate rows", c.text, c.alternate_base),
        ("buttons", c.button_text, c.button),
        ("selection", c.highlighted_text, c.highlight),
        ("links", c.link, c.base),
        ("visited links", c.link_visited, c.base),
        ("placeholder", c.placeholder, c.base),
        ("info bar", c.notice_text, c.notice),
    ]
    rules = css_rules(article_css(css, theme))
    for selector, decls in rules.items():
        box = rules.get(CONTAINED_IN.get(selector, ""), {})
        background = decls.get("background-color") or box.get("background-color") or c.base
        foreground = decls.get("color") or c.text
        if "color" in decls or "background-color" in decls:
            pairs.append((f"article {selector}", foreground, background))
    return pairs


def relative_luminance(colour: str) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21.

    >>> round(contrast_ratio("#000000", "#ffffff"), 1)
    21.0
    """
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def palette(theme: str) -> QPalette:
    c = PALETTES[theme]
    R = QPalette.ColorRole
    p = QPalette(QColor(c.button), QColor(c.window))  # derives Light/Mid/Dark shades from these two
    for role, value in (
        (R.Window, c.window), (R.WindowText, c.window_text), (R.Base, c.base), (R.AlternateBase, c.alternate_base),
        (R.Text, c.text), (R.Button, c.button), (R.ButtonText, c.button_text), (R.Highlight, c.highlight),
        (R.HighlightedText, c.highlighted_text), (R.Link, c.link), (R.LinkVisited, c.link_visited),
        (R.PlaceholderText, c.placeholder), (R.ToolTipBase, c.base), (R.ToolTipText, c.text),
        (R.BrightText, c.highlight), (R.Accent, c.highlight),
    ):  # fmt: skip
        p.setColor(role, QColor(value))
    if theme == CONTRAST:
        # Fusion draws frames and separators in these shades: make them white lines on black.
        for role in (R.Light, R.Midlight, R.Mid, R.Dark, R.Shadow):
            p.setColor(role, QColor(c.frame))
    disabled = QPalette.ColorGroup.Disabled
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(disabled, role, QColor(c.disabled_text))
    # Keep the selection strong when the window loses focus, so a reader still sees where they are.
    for role in (R.Highlight, R.HighlightedText):
        p.setColor(QPalette.ColorGroup.Inactive, role, p.color(QPalette.ColorGroup.Active, role))
    return p


def chrome_stylesheet(theme: str, large: bool) -> str:
    """Widget stylesheet for the window: a thick, theme-coloured ring around whatever has focus, and
    the info bar in the theme's colours.

    Fusion's own focus hint is a faint 1 px line; readers who use the keyboard need to find it at a
    glance.  Only editable fields, lists and the article get a border (buttons keep Fusion's look and
    its highlight-coloured focus frame, which the palette makes strong).
    """
    focus = PALETTES[theme].focus
    width = 3 if large or theme == CONTRAST else 2
    # On a dark window Fusion's field frame is nearly invisible (in high contrast, black on black):
    # draw the search and filter fields' edges in the frame colour.
    frame = PALETTES[theme].frame
    fields = (
        f"QLineEdit {{ border: 1px solid {frame}; border-radius: 3px; padding: 2px 4px; }}\n" if theme != LIGHT else ""
    )
    c = PALETTES[theme]
    notice = (
        f"#infoBar {{ background: {c.notice}; border: {width - 1}px solid {c.notice_border}; border-radius: 4px; }}\n"
        f"#infoBar QLabel {{ color: {c.notice_text}; }}\n"
    )
    return (
        fields
        + notice
        + (_contrast_chrome(large) if theme == CONTRAST else "")
        + (
            f"QLineEdit:focus, QComboBox:focus {{ border: {width}px solid {focus}; border-radius: 3px; }}\n"
            f"QAbstractItemView:focus, QTextBrowser:focus {{ border: {width}px solid {focus}; }}\n"
            f"QPushButton:focus {{ border: {width}px solid {focus}; border-radius: 4px; padding: 3px 8px; }}\n"
            # No padding of its own: a toolbar lays its buttons out unfocused, and the ring's extra room
            # squeezed the focused label to "…" (首页 on a fresh start, where Home has the focus).
            f"QToolButton:focus {{ border: {width}px solid {focus}; border-radius: 4px; padding: 0px; }}\n"
        )
    )


def _contrast_chrome(large: bool) -> str:
    """Scroll bars and tabs for high contrast, drawn from the palette's own colours.

    Fusion draws a scroll bar's slider and a tab's frame in shades of the window's colour, which on
    black are black: a reader saw neither where a list or the article was scrolled to nor which
    sidebar tab was open.  A white slider on black, and the chosen tab in the selection's colours."""
    c = PALETTES[CONTRAST]
    bar = 18 if large else 14
    return (
        f"QScrollBar:vertical {{ background: {c.window}; width: {bar}px; border-left: 1px solid {c.frame}; }}\n"
        f"QScrollBar:horizontal {{ background: {c.window}; height: {bar}px; border-top: 1px solid {c.frame}; }}\n"
        f"QScrollBar::handle {{ background: {c.text}; border: 2px solid {c.window}; border-radius: 4px; }}\n"
        f"QScrollBar::handle:vertical {{ min-height: {2 * bar}px; }}\n"
        f"QScrollBar::handle:horizontal {{ min-width: {2 * bar}px; }}\n"
        f"QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {c.focus}; }}\n"
        "QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; background: none; }\n"
        "QScrollBar::add-page, QScrollBar::sub-page { background: none; }\n"
        f"QTabBar::tab {{ color: {c.window_text}; background: {c.window}; border: 1px solid {c.frame};"
        " padding: 4px 10px; margin-right: 2px; }\n"
        f"QTabBar::tab:selected {{ color: {c.highlighted_text}; background: {c.highlight}; }}\n"
        f"QTabBar::tab:!selected:hover {{ border-color: {c.focus}; }}\n"
    )


def is_system_dark(scheme: Qt.ColorScheme) -> bool:
    return scheme == Qt.ColorScheme.Dark
