"""Read aloud: what the reader sees on the 朗读 button and in the info bar, whatever the engine does.

The window speaks Chinese here (the library's language).  Qt's mock engine reads (it speaks
nothing, word by word on a timer).  The stuck-service tests start a real speech-dispatcher of their
own, on a socket of their own, and freeze it with SIGSTOP: that is how a daemon with no audio server
behaves, and it blocked QTextToSpeech's constructor, say() and stop() for ever, on the UI thread.
Never the user's own daemon: a stuck one hangs every later client.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from healthreader.ui.access.controller import AccessibilityController
from healthreader.ui.access.read_aloud import ReadAloud, audio_output_found, document_chunks, mandarin_score


@pytest.fixture
def reader(make_window):
    window = make_window("alpha")
    speech = window.findChild(AccessibilityController).read_aloud
    return window, speech


def button(window):
    """The 朗读 button on the toolbar, as the reader sees it."""
    return window.toolbar.widgetForAction(window.actions_["read_aloud"])


def press(qtbot, window) -> None:
    qtbot.mouseClick(button(window), Qt.MouseButton.LeftButton)


class Ticks:
    """A timer that counts the event loop's turns: it only ticks while the UI thread is free."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def test_voice_choice_prefers_mandarin() -> None:
    assert mandarin_score("Chinese (Mandarin, latin as Pinyin)", False, "") == 2
    assert mandarin_score("Li-mu", True, "China") == 3
    assert mandarin_score("Chinese_(Cantonese)", False, "") == 0
    assert mandarin_score("Anne", False, "") == 0


def test_sound_output_is_looked_for_on_disk(tmp_path: Path) -> None:
    dev = tmp_path / "snd"
    dev.mkdir()
    (dev / "controlC0").touch()
    (dev / "pcmC0D0c").touch()  # a microphone only
    assert not audio_output_found({}, str(dev))
    (dev / "pcmC0D0p").touch()
    assert audio_output_found({}, str(dev))
    run = tmp_path / "run"
    (run / "pulse").mkdir(parents=True)
    (run / "pulse" / "native").touch()
    assert audio_output_found({"XDG_RUNTIME_DIR": str(run)}, str(tmp_path / "none"))


def test_the_page_is_split_at_its_sections(reader) -> None:
    window, _ = reader
    chunks = document_chunks(window.viewer.document(), window.viewer.section_anchors())
    assert [c.anchor for c in chunks[1:]] == window.viewer.section_anchors()
    assert chunks[0].anchor == "" and "面部肌肉萎缩测试文章" in chunks[0].text
    assert "鼓腮" in next(c.text for c in chunks if c.anchor == "日常护理")


def test_no_engine_is_explained_and_the_button_says_why(reader, qtbot) -> None:
    window, speech = reader
    speech.engine_name = "no-such-engine"
    press(qtbot, window)
    assert window.infobar.isVisible()
    text = window.infobar.label.text()
    assert "没有语音引擎" in text and "无法朗读" in text and "speech-dispatcher" in text
    assert not button(window).isEnabled() and button(window).toolTip() == text
    assert button(window).text() == "朗读"
    assert not speech.reading()


def test_no_chinese_voice_is_explained(reader, qtbot) -> None:
    window, speech = reader
    speech.engine_name = "mock"  # its voices are English, Norwegian and Finnish
    press(qtbot, window)
    qtbot.waitUntil(lambda: "没有可用的中文语音" in window.infobar.label.text(), timeout=5000)
    assert window.infobar.isVisible() and "无法朗读" in window.infobar.label.text()
    assert not button(window).isEnabled() and "没有可用的中文语音" in button(window).toolTip()
    assert button(window).text() == "朗读" and not speech.reading()


def test_no_sound_device_is_explained(reader, qtbot, tmp_path: Path) -> None:
    window, speech = reader
    speech.engine_name = "speechd"
    speech._audio = lambda: audio_output_found({}, str(tmp_path))  # a computer with no sound card
    press(qtbot, window)
    assert "没有扬声器或声卡" in window.infobar.label.text()
    assert not button(window).isEnabled() and "扬声器" in button(window).toolTip()
    assert speech.speech is None  # the daemon was never started for nothing


def test_the_button_reads_and_stops_with_pause_resume_and_speed(reader, qtbot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    window, speech = reader
    speech.engine_name = "mock"
    speech._score = lambda voice: 1  # the mock has no Chinese voice: let it read with any
    started: list[str] = []
    speech.sectionStarted.connect(started.append)
    window.viewer.scroll_to("日常护理")  # reading starts at the section shown
    press(qtbot, window)
    # At once, before the engine has said anything: the button is the way to stop.
    assert button(window).text() == "停止" and window.actions_["read_aloud"].text() == "停止朗读"
    qtbot.waitUntil(lambda: started == ["日常护理"], timeout=5000)
    assert window.viewer.extraSelections()  # the section being read is marked
    assert window.actions_["read_stop"].isEnabled()
    press(qtbot, window)
    assert button(window).text() == "朗读" and not window.viewer.extraSelections()
    # The mock engine takes its time per space-separated word; Chinese has none, so give it a page
    # of words to be paused in the middle of.
    window.viewer.show_page("<p>" + " ".join(["word"] * 200) + "</p>")
    press(qtbot, window)
    qtbot.waitUntil(lambda: speech.speech_state == QTextToSpeech.State.Speaking, timeout=3000)
    window.actions_["read_pause"].trigger()
    qtbot.waitUntil(lambda: window.actions_["read_pause"].text() == "继续朗读", timeout=3000)
    assert button(window).text() == "停止"  # paused is still reading: the button still stops
    window.actions_["read_pause"].trigger()
    qtbot.waitUntil(lambda: window.actions_["read_pause"].text() == "暂停朗读", timeout=3000)
    window.actions_["read_faster"].trigger()
    assert window.settings.get("speech_rate") == 1
    assert window.statusBar().currentMessage() == "朗读速度 1（-5 到 5）"
    qtbot.waitUntil(lambda: speech.speech.rate() == pytest.approx(0.2), timeout=3000)
    press(qtbot, window)
    assert not speech.reading() and not window.viewer.extraSelections()
    assert button(window).text() == "朗读" and not window.actions_["read_stop"].isEnabled()
    # The engine's answer to the stop is not taken for the end of anything read next.
    press(qtbot, window)
    qtbot.wait(300)
    assert button(window).text() == "停止" and speech.speech_state == QTextToSpeech.State.Speaking


def test_reading_goes_on_to_the_next_section(reader, qtbot) -> None:
    window, speech = reader
    speech.engine_name = "mock"
    speech._score = lambda voice: 1
    sections = window.viewer.section_anchors()
    started: list[str] = []
    speech.sectionStarted.connect(started.append)
    window.viewer.scroll_to(sections[-2])
    with qtbot.waitSignal(speech.finished, timeout=20000):
        press(qtbot, window)
    assert started == sections[-2:]
    assert not window.viewer.extraSelections()
    assert button(window).text() == "朗读"


def test_opening_another_page_stops_reading(reader, qtbot) -> None:
    from healthreader.ui.reader.navigation import Location

    window, speech = reader
    speech.engine_name = "mock"
    speech._score = lambda voice: 1
    press(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.viewer.extraSelections()), timeout=5000)
    window.open_location(Location("gamma"))
    assert not speech.reading() and button(window).text() == "朗读"
    assert isinstance(speech, ReadAloud)


class Daemon:
    """A speech-dispatcher of the test's own, on its own socket, that can be frozen and thawed."""

    def __init__(self, folder: Path) -> None:
        self.socket = folder / "speechd.sock"
        self.process = subprocess.Popen(
            ["speech-dispatcher", "-s", "-t", "0", "-c", "unix_socket", "-S", str(self.socket),
             "-P", str(folder / "speechd.pid"), "-L", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while not self.socket.exists() and time.monotonic() < deadline and self.process.poll() is None:
            time.sleep(0.05)
        assert self.socket.exists(), "speech-dispatcher did not start"

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def end(self) -> None:
        if self.process.poll() is not None:
            return
        self.thaw()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def daemon(reader, monkeypatch: pytest.MonkeyPatch) -> Iterator[Daemon]:
    """Ended before the window: thawed, the window's speech ended (as when the window goes), then the
    daemon.  Never killed while a client talks to it: libspeechd crashes its client when the daemon
    dies in the middle of a call (strlen of a missing reply, in spd_open)."""
    if shutil.which("speech-dispatcher") is None:
        pytest.skip("speech-dispatcher is not installed")
    folder = Path(tempfile.mkdtemp(prefix="hr-sd-"))  # short: a socket's path has at most 107 bytes
    d = Daemon(folder)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{d.socket}")
    _, speech = reader
    speech.engine_name = "speechd"
    # This is about a daemon that stops answering; whether the PC has speakers is another test's.
    speech._audio = lambda: True
    yield d
    d.thaw()
    speech.shutdown_wait_ms = 20000
    speech.shutdown()
    d.end()
    shutil.rmtree(folder, ignore_errors=True)


def test_a_stuck_speech_service_never_freezes_the_window(reader, daemon, qtbot) -> None:
    window, speech = reader
    speech.open_timeout_ms = 1500
    daemon.freeze()  # as after a press while it spoke with no audio server: the next start hung
    ticks = Ticks()
    press(qtbot, window)
    assert button(window).text() == "停止"  # the press shows at once
    before = ticks.count
    qtbot.wait(300)
    assert ticks.count > before + 5  # the loop turns while the engine waits for the daemon
    press(qtbot, window)  # the reader changes their mind: it stops at once
    assert button(window).text() == "朗读" and not speech.reading()
    press(qtbot, window)
    qtbot.waitUntil(lambda: "没有响应" in window.infobar.label.text(), timeout=10000)
    assert button(window).text() == "朗读" and button(window).isEnabled()
    assert "没有响应" in button(window).toolTip()
    assert ticks.count > before + 50
    # And the window closes, daemon still frozen.
    window.close()
    assert not window.isVisible()
    window.show()
    speech.open_timeout_ms = 20000  # a loaded machine's daemon may take seconds once thawed
    daemon.thaw()  # it answers again: read aloud is offered again
    qtbot.waitUntil(lambda: speech.engine == "ready", timeout=20000)
    assert button(window).isEnabled() and button(window).text() == "朗读" and not speech.reading()


def test_stopping_while_the_service_is_stuck_in_speech(reader, daemon, qtbot) -> None:
    window, speech = reader
    speech.answer_timeout_ms = 1500
    speech.probe()
    with qtbot.waitSignal(speech.availabilityChanged, timeout=20000) as ready:
        pass
    assert ready.args == [True] and "Mandarin" in speech.voice_name
    assert button(window).isEnabled() and button(window).text() == "朗读"
    daemon.freeze()
    ticks = Ticks()
    press(qtbot, window)
    assert button(window).text() == "停止"
    qtbot.wait(200)
    press(qtbot, window)  # stop, while say() is stuck in the daemon
    assert button(window).text() == "朗读" and not window.viewer.extraSelections()
    press(qtbot, window)  # and again: the service still does not answer, and the reader is told
    qtbot.waitUntil(lambda: "没有响应" in window.infobar.label.text(), timeout=10000)
    assert button(window).text() == "朗读" and ticks.count > 50
    window.close()
    assert not window.isVisible()
