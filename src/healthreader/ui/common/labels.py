"""The translated words the rendered pages use (render holds no UI strings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from healthreader.render import PageLabels
from healthreader.render.results import ResultsLabels


def page_labels() -> PageLabels:
    return PageLabels(
        article=QCoreApplication.translate("PageLabels", "Article"),
        question=QCoreApplication.translate("PageLabels", "Q&A"),
        category=QCoreApplication.translate("PageLabels", "Category"),
        reviewed=QCoreApplication.translate("PageLabels", "Reviewed"),
        reviewer=QCoreApplication.translate("PageLabels", "Reviewed by"),
        next_review=QCoreApplication.translate("PageLabels", "Next review"),
        review_due=QCoreApplication.translate("PageLabels", "Due for review"),
        review_due_text=QCoreApplication.translate(
            "PageLabels", "The date for this entry's next medical review has passed: some of it may be out of date."
        ),
        red_flags=QCoreApplication.translate("PageLabels", "When to get medical help"),
        tier_emergency=QCoreApplication.translate("PageLabels", "Call 120 now"),
        tier_same_day=QCoreApplication.translate("PageLabels", "See a doctor today"),
        tier_soon=QCoreApplication.translate("PageLabels", "See a doctor within a few days"),
        plain_text=QCoreApplication.translate(
            "PageLabels",
            "This entry is too long or too deeply nested to show with its formatting; it is shown as plain text.",
        ),
        sources=QCoreApplication.translate("PageLabels", "Sources"),
        disclaimer=QCoreApplication.translate("PageLabels", "Disclaimer"),
        about=QCoreApplication.translate("PageLabels", "About this library"),
        categories=QCoreApplication.translate("PageLabels", "Topics"),
        start_here=QCoreApplication.translate("PageLabels", "Start here"),
        recently_read=QCoreApplication.translate("PageLabels", "Recently read"),
        entries_count=QCoreApplication.translate("PageLabels", "{n} entries"),
        offline_title=QCoreApplication.translate("PageLabels", "You are offline"),
        offline_text=QCoreApplication.translate(
            "PageLabels", "HealthReader works without a network and does not open web pages. The address is:"
        ),
        back=QCoreApplication.translate("PageLabels", "Back"),
        not_found_title=QCoreApplication.translate("PageLabels", "Entry not found"),
        not_found_text=QCoreApplication.translate("PageLabels", "The library has no entry with this id:"),
        colon=QCoreApplication.translate("PageLabels", ": ", "between a label and its value: Category: 神经与肌肉"),
    )


def results_labels() -> ResultsLabels:
    return ResultsLabels(
        heading=QCoreApplication.translate("Results", "Search: %1"),
        show=QCoreApplication.translate("Results", "Show:"),
        topic=QCoreApplication.translate("Results", "Topic:"),
        showing=QCoreApplication.translate("Results", "Showing results for %1."),
        search_exactly=QCoreApplication.translate("Results", "Search exactly for “%1” instead"),
        all_kinds=QCoreApplication.translate("Results", "All"),
        articles=QCoreApplication.translate("Results", "Articles"),
        questions=QCoreApplication.translate("Results", "Questions"),
        all_topics=QCoreApplication.translate("Results", "All topics"),
        empty_query=QCoreApplication.translate("Results", "Type a word to search for, for example 面瘫 or jrws."),
        unavailable=QCoreApplication.translate("Results", "Search is being repaired; please try again in a moment."),
        count=QCoreApplication.translate("Results", "%1 results"),
        not_found=QCoreApplication.translate("Results", "Not found: %1"),
        nothing=QCoreApplication.translate("Results", "Nothing in the library matches these words."),
        perhaps=QCoreApplication.translate("Results", "Perhaps you meant one of these:"),
        article=QCoreApplication.translate("Results", "Article"),
        question=QCoreApplication.translate("Results", "Q&A"),
        searching=QCoreApplication.translate("Results", "Searching…"),
        tips=QCoreApplication.translate("Results", "You could try:"),
        tip_shorter=QCoreApplication.translate(
            "Results", "fewer words: only the one that matters most, such as 面瘫 instead of 面瘫多久能好"
        ),
        tip_pinyin=QCoreApplication.translate("Results", "pinyin or its initials, such as mianpi or jrws for 肌肉萎缩"),
        tip_typo=QCoreApplication.translate(
            "Results", "another character, if the input method picked one that sounds the same"
        ),
        browse=QCoreApplication.translate("Results", "Or browse a topic:"),
        filtered=QCoreApplication.translate("Results", "Nothing with these filters."),
        search_everything=QCoreApplication.translate("Results", "Search everything for “%1”"),
        more=QCoreApplication.translate("Results", "More results"),
        shown=QCoreApplication.translate("Results", "Showing %1 of %2."),
    )
