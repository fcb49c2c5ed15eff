"""Markdown to sanitised HTML for QTextBrowser, with the entry's table of contents.

A pure function of its input: no Qt, no file system.  See ``markdown.render_markdown`` and
``page`` for the whole pages (an entry, the home page) the viewer shows.
"""

from healthreader.content.sections import slugify
from healthreader.render.body import LinkRef, Rendered, Section, render_markdown
from healthreader.render.page import PageLabels, entry_page, home_page, offline_link_page

__all__ = [
    "LinkRef",
    "PageLabels",
    "Rendered",
    "Section",
    "entry_page",
    "home_page",
    "offline_link_page",
    "render_markdown",
    "slugify",
]
