"""Read the open entry aloud in Mandarin with QtTextToSpeech, one section at a time.

Reading starts at the section the reader is looking at (or the top of the page) and goes on to the
end; the section being read is scrolled into view and marked in the viewer.  The engine is created
only when the reader first asks for speech: speech-dispatcher spawns a daemon, and with no audio
server that daemon can hang, so nothing starts it behind the reader's back (or in tests, which use
Qt's ``mock`` engine).

Where there is no engine, or the engine has no Chinese voice, ``explain`` carries a sentence the
window shows instead of failing silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice
from PySide6.QtWidgets import QTextEdit

from healthreader.config import Settings
from healthreader.ui.reader.viewer import EntryViewer

log = logging.getLogger(__name__)

RATE_STEPS = 5  # the setting runs -5..5; Qt's rate runs -1.0..1.0
_CHINESE_NAMES = ("mandarin", "cmn", "chinese", "普通话", "中文")
_NOT_MANDARIN = ("cantonese", "yue", "hakka", "min nan")


@dataclass(frozen=True)
class Chunk:
    anchor: str  # "" for the part above the first section heading
    start: int
    end: int
    text: str


def mandarin_score(name: str, language_is_chinese: bool, territory: str) -> int:
    """How well a voice reads Mandarin: 0 not at all, higher is better.

    speech-dispatcher's espeak-ng voices all have the locale ``C``, so the name decides.

    >>> mandarin_score("Chinese (Mandarin, latin as Pinyin)", False, "")
    2
    >>> mandarin_score("Chinese_(Cantonese)", False, ""), mandarin_score("Bob", False, "")
    (0, 0)
    """
    lowered = name.lower()
    if any(word in lowered for word in _NOT_MANDARIN):
        return 0
    if language_is_chinese:
        return 3 if territory in ("China", "Taiwan", "Singapore", "Hong Kong") else 2
    if "mandarin" in lowered or "cmn" in lowered or "普通话" in lowered:
        return 2
    return 1 if any(word in lowered for word in _CHINESE_NAMES) else 0


def voice_score(voice: QVoice) -> int:
    locale = voice.locale()
    chinese = locale.language() == QLocale.Language.Chinese
    return mandarin_score(voice.name(), chinese, QLocale.territoryToString(locale.territory()) if chinese else "")


def document_chunks(doc: QTextDocument, anchors: list[str]) -> list[Chunk]:
    """The page split at its section headings, in reading order."""
    wanted = set(anchors)
    starts: list[tuple[str, int]] = [("", 0)]
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            names = [n for n in it.fragment().charFormat().anchorNames() if n in wanted]
            if names and block.position() > starts[-1][1]:
                starts.append((names[0], block.position()))
            elif names and starts[-1][1] == block.position():
                starts[-1] = (names[0], block.position())
            it += 1
        block = block.next()
    end_of_doc = max(doc.characterCount() - 1, 0)
    chunks = []
    for i, (anchor, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else end_of_doc
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n").strip()
        if text:
            chunks.append(Chunk(anchor, start, end, text))
    return chunks


class ReadAloud(QObject):
    """Speech for one viewer, driven by the read-aloud actions."""

    explain = Signal(str)  # why speech is unavailable, in the reader's words
    status = Signal(str)  # passing news (the speed) for the status bar
    sectionStarted = Signal(str)  # the anchor of the section now being read
    finished = Signal()

    def __init__(
        self,
        viewer: EntryViewer,
        settings: Settings,
        actions: dict[str, QAction],
        parent: QObject | None = None,
        *,
        engine: str | None = None,
        voice_score: Callable[[QVoice], int] = voice_score,
    ) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self.settings = settings
        self.actions = actions
        self.engine_name = engine
        self._score = voice_score
        self.speech: QTextToSpeech | None = None
        self.voice: QVoice | None = None
        self._queue: list[Chunk] = []
        self._current: Chunk | None = None
        self._stopping = False
        actions["read_aloud"].triggered.connect(self.read)
        actions["read_pause"].triggered.connect(self.toggle_pause)
        actions["read_stop"].triggered.connect(self.stop)
        actions["read_faster"].triggered.connect(lambda: self.step_rate(+1))
        actions["read_slower"].triggered.connect(lambda: self.step_rate(-1))
        self._update_actions()

    # --- the engine ---------------------------------------------------------------------------
    def _choose_engine(self) -> str | None:
        engines = QTextToSpeech.availableEngines()
        if self.engine_name is not None:
            return self.engine_name if self.engine_name in engines else None
        real = [e for e in engines if e != "mock"]  # the mock engine only pretends to speak
        return "speechd" if "speechd" in real else (real[0] if real else None)

    def ensure_engine(self) -> bool:
        """Create the engine and pick a Mandarin voice; on failure say why through ``explain``."""
        if self.speech is not None and self.voice is not None:
            return True
        name = self._choose_engine()
        if name is None:
            self.explain.emit(
                self.tr(
                    "Reading aloud needs a speech engine, and none is installed. On Linux, install speech-dispatcher and espeak-ng."
                )
            )
            return False
        if self.speech is None:
            # speechd starts in the default locale and fails ("Failed to initialize default locale and
            # voice") when that is zh_CN: its Chinese voices have the locale C. Start it in C, then
            # pick the voice by name.
            default = QLocale()
            QLocale.setDefault(QLocale.c())
            try:
                self.speech = QTextToSpeech(name, self)
            finally:
                QLocale.setDefault(default)
            self.speech.stateChanged.connect(self._on_state)
            self.speech.errorOccurred.connect(self._on_error)
        if self.speech.state() == QTextToSpeech.State.Error:
            self.explain.emit(self.tr("The speech engine could not start: %1").replace("%1", self.speech.errorString()))
            return False
        voice = self._best_voice(self.speech)
        if voice is None:
            self.explain.emit(
                self.tr(
                    "The speech engine has no Chinese voice. Install a Mandarin voice (for example espeak-ng's) and try again."
                )
            )
            return False
        self.speech.setLocale(voice.locale())
        self.speech.setVoice(voice)
        self.voice = voice
        self.speech.setRate(self.settings.get("speech_rate") / RATE_STEPS)
        log.info("read aloud: engine %s, voice %r", name, voice.name())
        return True

    def _best_voice(self, speech: QTextToSpeech) -> QVoice | None:
        # availableVoices() lists only the current locale's voices, so look in every locale.
        best: tuple[int, QVoice] | None = None
        original = speech.locale()
        for locale in speech.availableLocales() or [original]:
            if locale != speech.locale():
                speech.setLocale(locale)
            for voice in speech.availableVoices():
                score = self._score(voice)
                if score > 0 and (best is None or score > best[0]):
                    best = (score, voice)
        return best[1] if best else None

    # --- reading ------------------------------------------------------------------------------
    def read(self) -> None:
        """Read from the section shown (or the selection, if the reader selected text) to the end."""
        if not self.ensure_engine():
            return
        self.stop()
        cursor = self.viewer.textCursor()
        if cursor.hasSelection():
            text = cursor.selectedText().replace("\u2029", "\n")
            self._queue = [Chunk("", cursor.selectionStart(), cursor.selectionEnd(), text)]
        else:
            chunks = document_chunks(self.viewer.document(), self.viewer.section_anchors())
            here = self.viewer.current_section()
            first = next((i for i, c in enumerate(chunks) if here and c.anchor == here), 0)
            self._queue = chunks[first:]
        if not self._queue:
            self.explain.emit(self.tr("There is nothing to read on this page."))
            return
        self._next()

    def _next(self) -> None:
        if not self._queue or self.speech is None:
            self._current = None
            self.viewer.setExtraSelections([])
            self._update_actions()
            self.finished.emit()
            return
        self._current = self._queue.pop(0)
        self._mark(self._current)
        if self._current.anchor:
            self.viewer.scroll_to(self._current.anchor)
        self.sectionStarted.emit(self._current.anchor)
        self.speech.say(self._current.text)
        self._update_actions()

    def _mark(self, chunk: Chunk) -> None:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.viewer.document())
        cursor.setPosition(chunk.start)
        cursor.setPosition(chunk.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        colour = QColor(self.viewer.palette().highlight().color())
        colour.setAlpha(48)  # a tint: the text keeps its own colour and contrast
        fmt.setBackground(colour)
        selection.format = fmt
        self.viewer.setExtraSelections([selection])

    def toggle_pause(self) -> None:
        if self.speech is None:
            return
        if self.speech.state() == QTextToSpeech.State.Speaking:
            self.speech.pause(QTextToSpeech.BoundaryHint.Immediate)  # a reader who says "wait" means now
        elif self.speech.state() == QTextToSpeech.State.Paused:
            self.speech.resume()

    def stop(self) -> None:
        self._queue = []
        if self.speech is not None and self.speech.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Paused,
        ):
            self._stopping = True
            self.speech.stop(QTextToSpeech.BoundaryHint.Immediate)
        if self._current is not None:
            self._current = None
            self.viewer.setExtraSelections([])
        self._update_actions()

    def step_rate(self, direction: int) -> None:
        rate = max(-RATE_STEPS, min(RATE_STEPS, self.settings.get("speech_rate") + direction))
        self.settings.set("speech_rate", rate)
        if self.speech is not None:
            self.speech.setRate(rate / RATE_STEPS)
        self.status.emit(self.tr("Reading speed %1 (from -5 to 5)").replace("%1", str(rate)))

    def reading(self) -> bool:
        return self._current is not None

    def _on_state(self, state: QTextToSpeech.State) -> None:
        log.info("read aloud: %s", state.name)
        if state == QTextToSpeech.State.Ready:
            if self._stopping:
                self._stopping = False
            elif self._current is not None:
                self._next()
        self._update_actions()

    def _on_error(self, _reason: object, message: str) -> None:
        log.error("read aloud failed: %s", message)
        self._queue = []
        self._current = None
        self.viewer.setExtraSelections([])
        self._update_actions()
        self.explain.emit(self.tr("Reading aloud stopped: %1").replace("%1", message))

    def _update_actions(self) -> None:
        active = self._current is not None
        self.actions["read_pause"].setEnabled(active)
        self.actions["read_stop"].setEnabled(active)
        paused = self.speech is not None and self.speech.state() == QTextToSpeech.State.Paused
        self.actions["read_pause"].setText(self.tr("Resume reading") if paused else self.tr("Pause reading"))
        self.actions["read_pause"].setIconText(self.tr("Resume") if paused else self.tr("Pause"))
