"""Local search statistics: which searches a kiosk's patients made, and which found nothing.

Off unless the kiosk policy says ``search_stats = true``.  What is kept is only, per calendar day, a
search text and two counts (searches, searches that found nothing): no time of day, no order, no
session, no bookmark, nothing about the person.  Texts that look like a phone number, an ID number or
an e-mail address are never stored.  Counts below 3 are never shown (``MIN_SHOWN``), so a search one
person made stays unseen.  Nothing here sends anything anywhere.

Plain Python and SQLite (no Qt).
"""

from healthreader.stats.store import MIN_SHOWN, DayCount, SearchStats, StatsError, normalise_query

__all__ = ["MIN_SHOWN", "DayCount", "SearchStats", "StatsError", "normalise_query"]
