"""The translated words the rendered pages use (render holds no UI strings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from healthreader.paths import resource
from healthreader.render import PageLabels
from healthreader.render.results import ResultsLabels

# Called as QCoreApplication.translate is: (context, source, disambiguation).
Translate = Callable[..., str]


def simplified_words() -> Translate | None:
    """The words of the simplified (zh_CN) translation, where the UI is in traditional characters.

    The page's own labels (什么情况需要就医, 审核人) are part of the page: when the reader has the
    library shown in simplified characters on a Taiwan or Hong Kong system, they are written in
    simplified too, while the menus stay as the system has them.  None where the UI's own words are
    simplified already (or English, which has no script to follow)."""
    ui = QLocale()
    if ui.language() != QLocale.Language.Chinese or ui.script() != QLocale.Script.TraditionalHanScript:
        return None
    translator = QTranslator()
    if not translator.load(str(resource("i18n", "healthreader_zh_CN.qm"))):
        return None

    def translate(context: str, source: str, disambiguation: str | None = None) -> str:
        # The closure keeps the translator alive; it is never installed, so the menus are not touched.
        return translator.translate(context, source, disambiguation) or QCoreApplication.translate(
            context, source, disambiguation
        )

    return translate


def page_labels(translate: Translate = QCoreApplication.translate) -> PageLabels:
    return PageLabels(
        article=translate("PageLabels", "Article"),
        question=translate("PageLabels", "Q&A"),
        category=translate("PageLabels", "Category"),
        reviewed=translate("PageLabels", "Reviewed"),
        reviewer=translate("PageLabels", "Reviewed by"),
        next_review=translate("PageLabels", "Next review"),
        review_due=translate("PageLabels", "Due for review"),
        review_due_text=translate(
            "PageLabels", "The date for this entry's next medical review has passed: some of it may be out of date."
        ),
        red_flags=translate("PageLabels", "When to get medical help"),
        tier_emergency=translate("PageLabels", "Call 120 now"),
        tier_same_day=translate("PageLabels", "See a doctor today"),
        tier_soon=translate("PageLabels", "See a doctor within a few days"),
        plain_text=translate(
            "PageLabels",
            "This entry is too long or too deeply nested to show with its formatting; it is shown as plain text.",
        ),
        sources=translate("PageLabels", "Sources"),
        disclaimer=translate("PageLabels", "Disclaimer"),
        about=translate("PageLabels", "About this library"),
        categories=translate("PageLabels", "Topics"),
        start_here=translate("PageLabels", "Start here"),
        recently_read=translate("PageLabels", "Recently read"),
        entries_count=translate("PageLabels", "{n} entries"),
        offline_title=translate("PageLabels", "You are offline"),
        offline_text=translate(
            "PageLabels", "HealthReader works without a network and does not open web pages. The address is:"
        ),
        back=translate("PageLabels", "Back"),
        not_found_title=translate("PageLabels", "Entry not found"),
        not_found_text=translate("PageLabels", "The library has no entry with this id:"),
        colon=translate("PageLabels", ": ", "between a label and its value: Category: 神经与肌肉"),
    )


def results_labels(translate: Translate = QCoreApplication.translate) -> ResultsLabels:
    return ResultsLabels(
        heading=translate("Results", "Search: %1"),
        show=translate("Results", "Show:"),
        topic=translate("Results", "Topic:"),
        showing=translate("Results", "Showing results for %1."),
        search_exactly=translate("Results", "Search exactly for “%1” instead"),
        all_kinds=translate("Results", "All"),
        articles=translate("Results", "Articles"),
        questions=translate("Results", "Questions"),
        all_topics=translate("Results", "All topics"),
        empty_query=translate("Results", "Type a word to search for, for example 面瘫 or jrws."),
        unavailable=translate("Results", "Search is being repaired; please try again in a moment."),
        count=translate("Results", "%1 results"),
        not_found=translate("Results", "Not found: %1"),
        nothing=translate("Results", "Nothing in the library matches these words."),
        perhaps=translate("Results", "Perhaps you meant one of these:"),
        article=translate("Results", "Article"),
        question=translate("Results", "Q&A"),
        searching=translate("Results", "Searching…"),
        tips=translate("Results", "You could try:"),
        tip_shorter=translate(
            "Results", "fewer words: only the one that matters most, such as 面瘫 instead of 面瘫多久能好"
        ),
        tip_pinyin=translate("Results", "pinyin or its initials, such as mianpi or jrws for 肌肉萎缩"),
        tip_typo=translate("Results", "another character, if the input method picked one that sounds the same"),
        browse=translate("Results", "Or browse a topic:"),
        filtered=translate("Results", "Nothing with these filters."),
        search_everything=translate("Results", "Search everything for “%1”"),
        more=translate("Results", "More results"),
        shown=translate("Results", "Showing %1 of %2."),
    )
