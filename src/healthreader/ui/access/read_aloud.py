"""Read the open entry aloud in Mandarin with QtTextToSpeech, one section at a time.

Reading starts at the section the reader is looking at (or the top of the page) and goes on to the
end; the section being read is scrolled into view and marked in the viewer.

The engine never runs on the UI thread.  speech-dispatcher answers every call over a socket, and a
stuck daemon (no audio server, a crashed output module) blocks QTextToSpeech's constructor, say()
and stop() for ever: on the UI thread that froze the window until it was killed.  So the engine
lives in a ``SpeechWorker`` on a thread of its own, reached only by queued signals, and the window
changes at once (the button says 停止 the moment reading starts, 朗读 the moment it stops) whatever
the engine is doing.  A watchdog tells the reader when the service does not answer.

The engine is created only when the reader first asks for speech (or, in a kiosk, when the kiosk
starts, so that read aloud is offered only when it works): speech-dispatcher spawns a daemon, and
nothing starts it behind the reader's back (or in tests, which use Qt's ``mock`` engine).  Where
there is no engine, no Chinese voice or no sound output, ``explain`` carries a sentence the window
shows, and the action is disabled with the reason as its tooltip.
"""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice
from PySide6.QtWidgets import QTextEdit

from healthreader.config import Settings
from healthreader.ui.common.icons import themed_icon
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


def audio_output_found(env: dict[str, str] | None = None, dev: str = "/dev/snd") -> bool:
    """Whether this computer has somewhere to send sound: a sound server's socket or a playback device.

    Looked up on disk, never by connecting: a stuck sound server must not block the question.  With
    none, speech-dispatcher's output module waits for ever and the daemon stays "speaking".

    >>> audio_output_found({}, "/nonexistent")
    False
    >>> audio_output_found({"PULSE_SERVER": "tcp:localhost"}, "/nonexistent")
    True
    """
    env = dict(os.environ) if env is None else env
    if env.get("PULSE_SERVER"):
        return True
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and any(os.path.exists(os.path.join(runtime, name)) for name in ("pulse/native", "pipewire-0")):
        return True
    return bool(glob.glob(os.path.join(dev, "pcmC*D*p")))


# Speech threads stuck in a call to the daemon when their window went: kept for the process's life
# (see ReadAloud.shutdown); the composition root ends the process without waiting for them.
_STUCK_THREADS: list[QThread] = []


def stuck_speech_threads() -> int:
    """How many speech threads are still stuck in the speech service (they end with the process)."""
    _STUCK_THREADS[:] = [t for t in _STUCK_THREADS if t.isRunning()]
    return len(_STUCK_THREADS)


# Engine states, as the UI thread sees them.
CLOSED, OPENING, READY, FAILED, SILENT = "closed", "opening", "ready", "failed", "silent"


class ReadAloud(QObject):
    """Speech for one viewer, driven by the read-aloud actions; the engine lives on the speech thread."""

    explain = Signal(str)  # why speech is unavailable, in the reader's words
    status = Signal(str)  # passing news (the speed) for the status bar
    sectionStarted = Signal(str)  # the anchor of the section now being read
    finished = Signal()
    availabilityChanged = Signal(bool)  # the engine answered: it can read (True) or it cannot (False)

    # To the engine, queued to its thread, where Qt runs its C++ slots without Python.
    _set_engine = Signal(str, "QVariantMap")  # type: ignore[arg-type]  # a C++ type name: PySide takes it
    _set_locale = Signal(QLocale)
    _set_voice = Signal(QVoice)
    _say = Signal(str)
    _pause = Signal(QTextToSpeech.BoundaryHint)
    _resume = Signal()
    _stop = Signal(QTextToSpeech.BoundaryHint)
    _rate = Signal(float)

    # How long the service may take to start, and to answer a call, before the reader is told.
    open_timeout_ms = 10000
    answer_timeout_ms = 5000
    # How long closing waits for the speech thread before it gives up on it.
    shutdown_wait_ms = 1000

    def __init__(
        self,
        viewer: EntryViewer,
        settings: Settings,
        actions: dict[str, QAction],
        parent: QObject | None = None,
        *,
        engine: str | None = None,
        voice_score: Callable[[QVoice], int] = voice_score,
        audio: Callable[[], bool] = audio_output_found,
    ) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self.settings = settings
        self.actions = actions
        self.engine_name = engine
        self._score = voice_score
        self._audio = audio
        self.engine = CLOSED
        self.voice_name = ""
        self.speech: QTextToSpeech | None = None  # lives on the speech thread: never call it from here
        self.speech_state = QTextToSpeech.State.Ready  # the engine's, as last reported
        self._why = ""  # the reason the engine cannot read, once known
        self._thread: QThread | None = None
        self._queue: list[Chunk] = []
        self._current: Chunk | None = None
        self._starting = False  # the reader pressed 朗读 and the engine is still starting
        self._said = False  # the current chunk was sent and its end (Ready) has not come back
        self._skip_ready = 0  # Ready answers to stops, not the end of the chunk being read
        self._locale: QLocale | None = None  # the UI's locale while the engine starts in C
        self._engine_to_open = ""
        self._quiet = False  # a probe: failures are logged, not shown
        self._retried = False  # a late start, in the wrong locale, tried once more
        self._attempt = 0
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_silence)
        read = actions["read_aloud"]
        self._read_text, self._read_tip = read.text(), read.toolTip()
        actions["read_aloud"].triggered.connect(self.toggle)
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

    def probe(self) -> None:
        """Start the engine now, without reading: ``availabilityChanged`` says whether it can read.

        Nobody asked to hear anything, so a failure is logged, not shown: a kiosk then offers no
        read aloud at all, and its patients never see a message about speakers meant for the staff."""
        if self.engine == CLOSED:
            self._quiet = True
            self._open_engine()
        elif self.engine in (READY, FAILED):
            self.availabilityChanged.emit(self.engine == READY)

    def _open_engine(self) -> None:
        """Start the engine on the speech thread.

        A Python object there would not do: PySide holds Python's lock for the whole of every C++
        call it makes, so a worker stuck in say() would stop the UI thread as surely as calling it
        here (measured: not one timer tick).  So the thread runs no Python at all.  The engine is
        made here as Qt's mock (instant), moved there, and switched to the real one by a queued
        setEngine(), which makes it there; say, stop, pause and the rest reach it as queued signals, which Qt delivers
        to its C++ slots on that thread.  Its signals come back queued to this object.
        """
        name = self._choose_engine()
        if name is None:
            self._fail(
                self.tr(
                    "This computer has no speech engine, so it cannot read aloud. "
                    "(For the administrator: install speech-dispatcher and espeak-ng.)"
                )
            )
            return
        if name != "mock" and not self._audio():  # the mock makes no sound, so it needs no speakers
            self._fail(self.tr("This computer has no speakers or sound device, so it cannot read aloud."))
            return
        speech = QTextToSpeech("mock")
        thread = QThread()
        thread.setObjectName("speech")
        speech.moveToThread(thread)
        queued = Qt.ConnectionType.QueuedConnection
        self._set_engine.connect(speech.setEngine, queued)
        self._set_locale.connect(speech.setLocale, queued)
        self._set_voice.connect(speech.setVoice, queued)
        self._say.connect(speech.say, queued)
        self._pause.connect(speech.pause, queued)
        self._resume.connect(speech.resume, queued)
        self._stop.connect(speech.stop, queued)
        self._rate.connect(speech.setRate, queued)
        speech.engineChanged.connect(self._on_engine, queued)
        speech.stateChanged.connect(self._on_state, queued)
        speech.errorOccurred.connect(self._on_error, queued)
        speech.voiceChanged.connect(self._on_voice, queued)
        self.speech, self._thread = speech, thread
        thread.start()
        self.engine = OPENING
        self._update_actions()
        # speechd starts in the default locale and fails ("Failed to initialize default locale and
        # voice") when that is zh_CN: its Chinese voices have the locale C. So it starts in C (set
        # here, on the UI thread, and put back as soon as the engine answers or is given up on),
        # and the voice is picked by name.
        self._engine_to_open = name
        self._start_engine()

    def _start_engine(self) -> None:
        self._locale = self._locale or QLocale()
        QLocale.setDefault(QLocale.c())
        # New parameters make a new engine, even of the same name, made on the speech thread: the
        # mock made here belongs to this thread, and its timers would not run there.
        self._attempt += 1
        self._set_engine.emit(self._engine_to_open, {"attempt": self._attempt})
        self._watchdog.start(self.open_timeout_ms)

    def _restore_locale(self) -> None:
        if self._locale is not None:
            QLocale.setDefault(self._locale)
            self._locale = None

    @Slot(str)
    def _on_engine(self, name: str) -> None:
        self._restore_locale()
        speech = self.speech
        if speech is None or self.engine not in (OPENING, SILENT):
            return
        if speech.state() == QTextToSpeech.State.Error:
            if self.engine == SILENT and not self._retried:
                # It answered late, after the locale went back, in which speechd finds no voice:
                # the daemon answers now, so start it again, in C.
                log.info("read aloud: the speech service answered late; starting the engine again")
                self._retried = True
                self.engine = OPENING
                self._start_engine()
                return
            self._fail(
                self.tr("The speech service could not start (%1), so it cannot read aloud.").replace(
                    "%1", speech.errorString()
                )
            )
            return
        # The voices are a list the engine read when it started: reading it sends nothing to the daemon.
        scored = [(self._score(v), v) for v in speech.allVoices(None)]  # type: ignore[arg-type]  # every locale's
        best = max((pair for pair in scored if pair[0] > 0), key=lambda pair: pair[0], default=None)
        if best is None:
            self._fail(
                self.tr(
                    "This computer has no Chinese voice, so it cannot read aloud. "
                    "(For the administrator: install espeak-ng with its Mandarin voice.)"
                )
            )
            return
        voice = best[1]
        self._watchdog.stop()
        self._set_locale.emit(voice.locale())
        self._set_voice.emit(voice)
        self._rate.emit(self.settings.get("speech_rate") / RATE_STEPS)
        self.engine, self.voice_name = READY, voice.name()
        log.info("read aloud: engine %s, voice %r", name, voice.name())
        self._update_actions()
        self.availabilityChanged.emit(True)
        if self._starting:
            self._starting = False
            self._next()

    @Slot(QVoice)
    def _on_voice(self, _voice: QVoice) -> None:
        self._on_answer()

    @Slot(QTextToSpeech.ErrorReason, str)
    def _on_error(self, _reason: object, message: str) -> None:
        log.error("read aloud failed: %s", message)
        if not self.voice_name:  # still starting: the engine's answer to setEngine() says what next
            return
        # It read before: this page failed, the next one may not.
        self._watchdog.stop()
        self._skip_ready = 0
        self._clear()
        self.explain.emit(self.tr("Reading aloud stopped: %1").replace("%1", message))

    def _fail(self, why: str) -> None:
        """The engine cannot read: say why, now and on every later press, and grey the button."""
        self.engine, self._why = FAILED, why
        self._starting = False
        self._clear()
        if self._quiet:
            log.warning("read aloud cannot read: %s", why)
        else:
            self.explain.emit(why)
        self.availabilityChanged.emit(False)

    def _on_answer(self) -> None:
        """Any word from the engine: it is alive."""
        if self.engine == SILENT and self.voice_name:
            log.info("read aloud: the speech service answers again")
            self.engine = READY
            self._update_actions()
            if self._starting:
                self._starting = False
                self._next()
                return
        if self.engine != OPENING:
            self._watchdog.stop()

    def _on_silence(self) -> None:
        """The service did not answer in time: stop waiting for it, and say so."""
        log.error("read aloud: the speech service did not answer (engine %s)", self.engine)
        # The default locale goes back now (an on-screen keyboard opened later takes its layout from
        # it); an engine that starts after all then starts in it, fails, and is started again in C.
        self._restore_locale()
        self.engine = SILENT
        self._starting = False
        self._clear()
        self.explain.emit(
            self.tr("The speech service is not answering, so reading aloud has stopped. Try again later.")
        )

    def shutdown(self) -> None:
        """Let the speech thread go: when the window goes, and when the app quits."""
        thread, speech = self._thread, self.speech
        self._thread, self.speech = None, None
        self._watchdog.stop()
        self._restore_locale()
        self.engine, self.voice_name = CLOSED, ""
        if thread is None or speech is None:
            return
        self._stop.emit(QTextToSpeech.BoundaryHint.Immediate)
        speech.deleteLater()  # on its own thread: its destructor talks to the daemon too
        thread.quit()
        if not thread.wait(self.shutdown_wait_ms):
            # Stuck in a call to a daemon that does not answer.  Nothing ends such a call safely
            # (QThread.terminate() crashed the process in the libspeechd call), and destroying a
            # running QThread aborts: so it is kept, and the process ends without waiting for it.
            log.error("read aloud: the speech thread is stuck in the speech service; left to end with the process")
            _STUCK_THREADS.append(thread)

    # --- reading ------------------------------------------------------------------------------
    def toggle(self) -> None:
        """The button: 朗读 reads, and while reading it says 停止 and stops."""
        if self.reading():
            self.stop()
        else:
            self.read()

    def read(self) -> None:
        """Read from the section shown (or the selection, if the reader selected text) to the end."""
        self._quiet = False  # the reader asked: whatever goes wrong now is said
        if self.engine == FAILED:
            self.explain.emit(self._why)
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
        if self.engine == READY or (self.engine == SILENT and self.voice_name):
            self._next()  # after silence, a new try: the watchdog says so again if it stays silent
            return
        self._starting = True
        if self.engine == CLOSED:
            self._open_engine()  # may fail at once (no engine, no sound): then it has said why
        elif self.engine == SILENT:  # still starting, it never answered
            self._watchdog.start(self.open_timeout_ms)
        self._update_actions()

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
        self._said = True
        self._say.emit(self._current.text)
        self._watchdog.start(self.answer_timeout_ms)
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
        if self._current is None:
            return
        if self.speech_state == QTextToSpeech.State.Speaking:
            self._pause.emit(QTextToSpeech.BoundaryHint.Immediate)  # a reader who says "wait" means now
            self._watchdog.start(self.answer_timeout_ms)
        elif self.speech_state == QTextToSpeech.State.Paused:
            self._resume.emit()
            self._watchdog.start(self.answer_timeout_ms)

    def stop(self) -> None:
        """Stop at once on screen; the engine is told, and however long it takes, nobody waits for it."""
        self._starting = False
        self._clear()

    def _clear(self) -> None:
        if self._said and self.speech is not None:
            # Its answer, Ready, is not the end of the next chunk; anything still queued for the
            # engine (behind a stuck call) is stopped by this, in order, before it is heard.
            self._skip_ready += 1
            self._stop.emit(QTextToSpeech.BoundaryHint.Immediate)
        self._said = False
        self._queue = []
        if self._current is not None:  # only its own mark: a search's marks on a new page stay
            self.viewer.setExtraSelections([])
        self._current = None
        if self.engine != OPENING:
            self._watchdog.stop()
        self.speech_state = QTextToSpeech.State.Ready
        self._update_actions()

    def step_rate(self, direction: int) -> None:
        rate = max(-RATE_STEPS, min(RATE_STEPS, self.settings.get("speech_rate") + direction))
        self.settings.set("speech_rate", rate)
        if self.speech is not None:
            self._rate.emit(rate / RATE_STEPS)
        self.status.emit(self.tr("Reading speed %1 (from -5 to 5)").replace("%1", str(rate)))

    def reading(self) -> bool:
        """Whether the reader has asked for reading that is not over: the button says 停止."""
        return self._current is not None or self._starting

    @Slot(QTextToSpeech.State)
    def _on_state(self, state: QTextToSpeech.State) -> None:
        log.info("read aloud: %s", state.name)
        self._on_answer()
        if state == QTextToSpeech.State.Ready and self._skip_ready:
            self._skip_ready -= 1
            return
        if state == QTextToSpeech.State.Error or self._current is None:
            return
        self.speech_state = state
        self._watchdog.stop()
        if state == QTextToSpeech.State.Ready and self._said:
            self._said = False
            self._next()
        self._update_actions()

    def _update_actions(self) -> None:
        active = self.reading()
        read = self.actions["read_aloud"]
        read.setEnabled(self.engine != FAILED or active)
        if active:
            read.setText(self.tr("Stop reading"))
            read.setIconText(self.tr("Stop"))
            read.setIcon(themed_icon("read-stop"))
            read.setToolTip(self.tr("Stop reading aloud"))
        else:
            read.setText(self._read_text)
            read.setIconText(self.tr("Read aloud"))
            read.setIcon(themed_icon("read-aloud"))
            if self.engine == FAILED:
                read.setToolTip(self._why)
            elif self.engine == SILENT:
                read.setToolTip(self.tr("The speech service is not answering."))
            else:
                read.setToolTip(self._read_tip)
        speaking = self._current is not None
        self.actions["read_pause"].setEnabled(speaking)
        self.actions["read_stop"].setEnabled(active)
        paused = speaking and self.speech_state == QTextToSpeech.State.Paused
        self.actions["read_pause"].setText(self.tr("Resume reading") if paused else self.tr("Pause reading"))
        self.actions["read_pause"].setIconText(self.tr("Resume") if paused else self.tr("Pause"))
