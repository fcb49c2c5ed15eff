"""Search off the UI thread: open or build the index, suggest while typing, search on Enter.

One worker thread owns the SearchService (a Whoosh searcher is not for concurrent use).  Every
request carries a generation number; the worker skips a request that a newer one has overtaken,
and results that arrive for an overtaken request are dropped, so fast typing never shows stale
suggestions and never queues up work.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from healthreader.content import Library
from healthreader.ui.common.search_request import SearchRequest

if TYPE_CHECKING:
    from healthreader.search import SearchService

# The search package (Whoosh, OpenCC) is imported on the worker thread when the index is opened, so
# the window's first paint does not wait for it.

log = logging.getLogger(__name__)


class _Latest:
    """The newest generation asked for, per kind, and whether to stop; read by the worker thread."""

    def __init__(self) -> None:
        self.suggest = 0
        self.search = 0
        self.stopping = False


class _Cancelled(Exception):
    """Raised from the build's progress callback to stop a build when the app quits."""


class _Worker(QObject):
    progress = Signal(int, int)
    opened = Signal()
    failed = Signal(str)
    suggestions = Signal(int, object)
    results = Signal(int, object)

    def __init__(
        self, library: Library, index_dir: Path, prebuilt: list[Path] | None, latest: _Latest, cache_dir: Path | None
    ) -> None:
        super().__init__()
        self.cache_dir = cache_dir
        self.library = library
        self.index_dir = index_dir
        self.prebuilt = prebuilt
        self.latest = latest
        self.service: SearchService | None = None

    @Slot()
    def open(self) -> None:
        self._open(self.prebuilt)

    @Slot()
    def open_known(self) -> None:
        """Open the index without reading the library's files, when an earlier start worked out the
        hash of this same content snapshot; else nothing (``confirm`` or ``open`` follows)."""
        from healthreader.search import SearchService
        from healthreader.search.service import known_hash

        token = getattr(self.library, "token", "")
        digest = known_hash(self.cache_dir, token) if self.cache_dir is not None and token else None
        if digest is None:
            return
        service = SearchService.open_known(self.library, self.index_dir, digest, prebuilt_dirs=self.prebuilt)
        if service is None:
            return
        service.prepare()
        self.service = service
        log.info("search ready: index in %s (the library as at the last start)", service.folder)
        self.opened.emit()
        service.prepare_corrections()

    @Slot()
    def confirm(self) -> None:
        """The library's files were checked and nothing changed: open the index now if ``open_known``
        could not (it runs before this: the worker takes its calls in order)."""
        if self.service is None:
            self._open(self.prebuilt)

    def _open(self, prebuilt: list[Path] | None) -> None:
        from healthreader.search import IndexBuildError, SearchService, prebuilt_index_dirs

        if prebuilt is None:
            prebuilt = prebuilt_index_dirs()
        try:
            if self.service is not None:
                self.service.close()
                self.service = None
            service = SearchService.open(
                self.library, self.index_dir, prebuilt_dirs=prebuilt, progress=self._progress, cache_dir=self.cache_dir
            )
            service.prepare()
        except (IndexBuildError, OSError) as exc:
            if self.latest.stopping:
                log.info("search index build stopped: the app is quitting")
                return
            log.error("search is unavailable: %s", exc)
            self.failed.emit(str(exc))
            return
        self.service = service
        log.info("search ready: index in %s", service.folder)
        token = getattr(self.library, "token", "")
        if token and self.cache_dir is not None:
            from healthreader.search.service import remember_hash

            # The next start from this same snapshot opens the index without reading the files first.
            remember_hash(self.cache_dir, token, service.index.manifest.content_hash)
        self.opened.emit()
        # After "ready": the homophone table (pypinyin) for corrections in the drop-down. A search
        # asked for meanwhile waits for it, once, rather than the whole of search waiting at start.
        service.prepare_corrections()

    def _progress(self, done: int, total: int) -> None:
        if self.latest.stopping:
            raise _Cancelled("the app is quitting")
        self.progress.emit(done, total)

    @Slot(int, str)
    def suggest(self, generation: int, text: str) -> None:
        if generation < self.latest.suggest or self.service is None:
            return  # overtaken by newer typing
        self.suggestions.emit(generation, self.service.suggest(text, 8))
        self._rebuild_if_damaged()

    @Slot(int, object)
    def search(self, generation: int, request: SearchRequest) -> None:
        if generation < self.latest.search or self.service is None:
            return
        results = self.service.search(
            request.text, request.limit, request.type or None, request.category or None, request.exact
        )
        self.results.emit(generation, results)
        self._rebuild_if_damaged()

    def _rebuild_if_damaged(self) -> None:
        if self.service is not None and self.service.damaged:
            # The index failed mid-search: rebuild into the user's folder and use that from now on.
            log.warning("search index damaged; rebuilding it in %s", self.index_dir)
            shutil.rmtree(self.index_dir, ignore_errors=True)
            self._open([])


class SearchController(QObject):
    """The UI's handle on search; lives on the UI thread, talks to the worker by queued signals."""

    preparing = Signal()
    progress = Signal(int, int)
    ready = Signal()
    failed = Signal(str)
    suggestionsReady = Signal(object)  # list[Suggestion], only the newest
    resultsReady = Signal(object, object)  # (SearchRequest, Results), only the newest

    _open = Signal()
    _open_known = Signal()
    _confirm = Signal()
    _suggest = Signal(int, str)
    _search = Signal(int, object)

    def __init__(
        self,
        library: Library,
        index_dir: Path,
        prebuilt: list[Path] | None = None,
        parent: QObject | None = None,
        *,
        cache_dir: Path | None = None,  # remembers the library's content hash between starts
    ) -> None:
        super().__init__(parent)
        self._latest = _Latest()
        self._requests: dict[int, SearchRequest] = {}
        self.is_ready = False
        self._thread = QThread()
        self._thread.setObjectName("search")
        self._worker = _Worker(library, index_dir, prebuilt, self._latest, cache_dir)
        self._worker.moveToThread(self._thread)
        self._open.connect(self._worker.open)
        self._open_known.connect(self._worker.open_known)
        self._confirm.connect(self._worker.confirm)
        self._suggest.connect(self._worker.suggest)
        self._search.connect(self._worker.search)
        self._worker.progress.connect(self.progress)
        self._worker.opened.connect(self._on_opened)
        self._worker.failed.connect(self._on_failed)
        self._worker.suggestions.connect(self._on_suggestions)
        self._worker.results.connect(self._on_results)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def use_library(self, library: Library) -> None:
        """Search this library from the next ``start`` (the one checked after the first paint)."""
        self._worker.library = library  # read by the worker only when the queued open reaches it

    def start_known(self) -> None:
        """Open the index for the library as at the last start, before its files are checked (then
        ``confirm`` when they have not changed, or ``use_library`` and ``start`` when they have)."""
        self.is_ready = False
        self.preparing.emit()
        self._open_known.emit()

    def confirm(self) -> None:
        self._confirm.emit()

    def start(self) -> None:
        self.is_ready = False
        self.preparing.emit()
        self._open.emit()

    def suggest(self, text: str) -> None:
        self._latest.suggest += 1
        self._suggest.emit(self._latest.suggest, text)

    def search(self, request: SearchRequest) -> None:
        self._latest.search += 1
        self._requests = {self._latest.search: request}
        self._search.emit(self._latest.search, request)

    def shutdown(self) -> None:
        """Stop the worker (an index build stops at its next entry) and wait for the thread to end."""
        self._latest.stopping = True
        self._thread.quit()
        self._thread.wait()

    # --- from the worker -----------------------------------------------------------------------
    def _on_opened(self) -> None:
        self.is_ready = True
        self.ready.emit()

    def _on_failed(self, message: str) -> None:
        self.is_ready = False
        self.failed.emit(message)

    def _on_suggestions(self, generation: int, suggestions: object) -> None:
        if generation == self._latest.suggest:
            self.suggestionsReady.emit(suggestions)

    def _on_results(self, generation: int, results: object) -> None:
        request = self._requests.get(generation)
        if generation == self._latest.search and request is not None:
            self.resultsReady.emit(request, results)
