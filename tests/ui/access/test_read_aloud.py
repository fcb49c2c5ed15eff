"""Read aloud with Qt's mock engine: explains a missing engine or voice, reads section by section, pauses and stops.

Never the real speech-dispatcher engine here: with no audio server its daemon hangs later clients.
"""

from __future__ import annotations

import pytest

from healthreader.ui.access.controller import AccessibilityController
from healthreader.ui.access.read_aloud import ReadAloud, document_chunks, mandarin_score


@pytest.fixture
def reader(make_window):
    window = make_window("alpha")
    speech = window.findChild(AccessibilityController).read_aloud
    return window, speech


def test_voice_choice_prefers_mandarin() -> None:
    assert mandarin_score("Chinese (Mandarin, latin as Pinyin)", False, "") == 2
    assert mandarin_score("Li-mu", True, "China") == 3
    assert mandarin_score("Chinese_(Cantonese)", False, "") == 0
    assert mandarin_score("Anne", False, "") == 0


def test_the_page_is_split_at_its_sections(reader) -> None:
    window, _ = reader
    chunks = document_chunks(window.viewer.document(), window.viewer.section_anchors())
    assert [c.anchor for c in chunks[1:]] == window.viewer.section_anchors()
    assert chunks[0].anchor == "" and "面部肌肉萎缩测试文章" in chunks[0].text
    assert "鼓腮" in next(c.text for c in chunks if c.anchor == "日常护理")


def test_no_engine_is_explained_not_failed(reader) -> None:
    window, speech = reader
    speech.engine_name = "no-such-engine"
    window.actions_["read_aloud"].trigger()
    assert window.infobar.isVisible()
    assert "speech-dispatcher" in window.infobar.label.text()
    assert not speech.reading()


def test_no_chinese_voice_is_explained(reader) -> None:
    window, speech = reader
    speech.engine_name = "mock"  # its voices are English, Norwegian and Finnish
    window.actions_["read_aloud"].trigger()
    assert "espeak-ng" in window.infobar.label.text()
    assert not speech.reading()


def test_reads_section_by_section_with_pause_resume_stop_and_speed(reader, qtbot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    window, speech = reader
    speech.engine_name = "mock"
    speech._score = lambda voice: 1  # the mock has no Chinese voice: let it read with any
    started: list[str] = []
    speech.sectionStarted.connect(started.append)
    window.viewer.scroll_to("日常护理")  # reading starts at the section shown
    window.actions_["read_aloud"].trigger()
    assert started == ["日常护理"] and speech.reading()
    assert window.viewer.extraSelections()  # the section being read is marked
    assert window.actions_["read_stop"].isEnabled()
    speech.stop()
    # The mock engine takes its time per space-separated word; Chinese has none, so give it a page
    # of words to be paused in the middle of.
    window.viewer.show_page("<p>" + " ".join(["word"] * 200) + "</p>")
    window.actions_["read_aloud"].trigger()
    qtbot.waitUntil(lambda: speech.speech.state() == QTextToSpeech.State.Speaking, timeout=3000)
    window.actions_["read_pause"].trigger()
    qtbot.waitUntil(lambda: speech.speech.state() == QTextToSpeech.State.Paused, timeout=3000)
    window.actions_["read_pause"].trigger()
    qtbot.waitUntil(lambda: speech.speech.state() == QTextToSpeech.State.Speaking, timeout=3000)
    window.actions_["read_faster"].trigger()
    assert window.settings.get("speech_rate") == 1
    assert speech.speech.rate() == pytest.approx(0.2)
    window.actions_["read_stop"].trigger()
    assert not speech.reading() and not window.viewer.extraSelections()
    assert not window.actions_["read_stop"].isEnabled()


def test_reading_goes_on_to_the_next_section(reader, qtbot) -> None:
    window, speech = reader
    speech.engine_name = "mock"
    speech._score = lambda voice: 1
    sections = window.viewer.section_anchors()
    started: list[str] = []
    speech.sectionStarted.connect(started.append)
    window.viewer.scroll_to(sections[-2])
    window.actions_["read_aloud"].trigger()
    with qtbot.waitSignal(speech.finished, timeout=20000):
        pass
    assert started == sections[-2:]
    assert not window.viewer.extraSelections()


def test_opening_another_page_stops_reading(reader) -> None:
    from healthreader.ui.reader.navigation import Location

    window, speech = reader
    speech.engine_name = "mock"
    speech._score = lambda voice: 1
    window.actions_["read_aloud"].trigger()
    assert speech.reading()
    window.open_location(Location("gamma"))
    assert not speech.reading()
    assert isinstance(speech, ReadAloud)
