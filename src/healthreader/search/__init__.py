"""Full-text search and suggestions over the library, offline, with Whoosh kept inside this package.

Chinese is indexed as overlapping character pairs (every substring is found) plus whole words from
rjieba and the library's user dictionary (a word match ranks above bare characters); traditional
characters fold to simplified (OpenCC), synonyms expand at query time, pinyin and initials match
titles, aliases, tags and headings, and a query that finds little is retried with sound-alike words.

Keywords must all match; a question (面瘫多久能好) is answered best match first: its question words
and particles (``questions``) never have to match, they say what is asked and raise the section that
answers it; ranking is BM25F over the words, then how close the entries' titles are to the question.

Plain Python: no Qt, and no import of ``render`` or the stores.
"""

from healthreader.search.errors import IndexBuildError, IndexUnusable, SearchError
from healthreader.search.index import IndexManager, IndexStatus, build_index, prebuilt_index_dirs
from healthreader.search.service import (
    HINT_EMPTY_QUERY,
    HINT_NO_MATCH,
    HINT_UNAVAILABLE,
    Hit,
    Results,
    SearchService,
)
from healthreader.search.suggest import Suggestion

__all__ = [
    "HINT_EMPTY_QUERY",
    "HINT_NO_MATCH",
    "HINT_UNAVAILABLE",
    "Hit",
    "IndexBuildError",
    "IndexManager",
    "IndexStatus",
    "IndexUnusable",
    "Results",
    "SearchError",
    "SearchService",
    "Suggestion",
    "build_index",
    "prebuilt_index_dirs",
]
