"""The reader's journeys through the real library, in a real window driven as a person drives it;
after each step the journey asserts what the screen shows (see ``walks.py``).

At 800×600, the smallest window the reader supports and the one where the article's share and the
related list were squashed; ``tools/journeys.py`` walks the same journeys at every size and look.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from healthreader.config.kiosk import KioskPolicy
from healthreader.ui.common import i18n
from tests.conftest import REAL_LIBRARY
from tests.ui.journeys.walks import JOURNEYS, Journey

SIZE = (800, 600)
SYSTEMS = {
    "zh_TW": QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan),
}


KIOSK_SCREENS = {"kiosk-reset": [None, SIZE]}  # its touch screen, and the smallest a clinic may have
CASES = [(j, s) for j in JOURNEYS for s in KIOSK_SCREENS.get(j.name, [SIZE])]


@pytest.mark.parametrize(
    "journey, size",
    CASES,
    ids=[f"{j.name}-{s[0]}x{s[1]}" if j.name in KIOSK_SCREENS and s else j.name for j, s in CASES],
)
def test_journey(
    journey: Journey, size: tuple[int, int] | None, qtbot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    needs = journey.needs
    if needs.system:
        system = SYSTEMS[needs.system]
        monkeypatch.setattr(i18n, "system_locale", lambda: system)
    kiosk = None
    if needs.kiosk is not None:
        (tmp_path / "run").mkdir(mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))  # the patient's session folder
        kiosk = KioskPolicy(enabled=True, **needs.kiosk)
    # A kiosk has the size of its screen (in preview, 1280×800, or 800×600 as seen under Xvfb: the article
    # 59 %, A+ folded away, with large type); a desktop window may be as small as 800×600.
    window = make_window(dirs=[REAL_LIBRARY], size=size, search=needs.search, real_index=needs.search, kiosk=kiosk)
    steps: list[str] = []

    def snap(step: str, widget: QWidget | None = None) -> None:
        assert step not in steps, f"two steps named {step!r}"
        steps.append(step)

    journey.walk(qtbot, window, snap)
    assert len(steps) >= 3, steps
