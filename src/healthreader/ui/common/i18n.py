"""Choose the UI language and install Qt translators.

``auto`` follows the system locale; where the system names no language we know (the C/POSIX locale
of a fresh machine or a kiosk), the UI follows the library's language, so a Chinese library on a C
locale gets a Chinese UI.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from healthreader.chinese.traditional import HONG_KONG, TAIWAN
from healthreader.paths import resource

log = logging.getLogger(__name__)
SUPPORTED = ("zh_CN", "zh_TW", "en")
# Chinese in these places is written in traditional characters.
TRADITIONAL_TERRITORIES = (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)


def system_locale() -> QLocale:
    """The desktop's locale (one place, so tests can stand in a Taiwan or Hong Kong system)."""
    return QLocale.system()


def choose_language(
    preference: str, library_language: str, system: QLocale | None = None, *, traditional: bool = False
) -> str:
    """``zh_CN``, ``zh_TW`` or ``en``; ``traditional`` (the reader's setting) turns Chinese into zh_TW.

    >>> choose_language("auto", "zh-Hans", QLocale(QLocale.Language.C))
    'zh_CN'
    >>> choose_language("auto", "zh-Hans", QLocale(QLocale.Language.Chinese, QLocale.Country.HongKong))
    'zh_TW'
    >>> choose_language("zh_CN", "zh-Hans", traditional=True)
    'zh_TW'
    """
    chosen = _choose(preference, library_language, system or system_locale())
    return "zh_TW" if traditional and chosen == "zh_CN" else chosen


def _choose(preference: str, library_language: str, system: QLocale) -> str:
    if preference in SUPPORTED:
        return preference
    if system.language() == QLocale.Language.Chinese:
        traditional = (
            system.script() == QLocale.Script.TraditionalHanScript or system.territory() in TRADITIONAL_TERRITORIES
        )
        return "zh_TW" if traditional else "zh_CN"
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return "zh_CN" if library_language.lower().startswith("zh") else "en"
    return "en"


def traditional_variant(system: QLocale | None = None) -> str | None:
    """``hk`` for Hong Kong and Macao, ``tw`` for Taiwan and other traditional-character Chinese
    systems, None where Chinese is written in simplified characters (or not Chinese at all).

    >>> traditional_variant(QLocale(QLocale.Language.Chinese, QLocale.Country.HongKong))
    'hk'
    >>> traditional_variant(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan))
    'tw'
    >>> traditional_variant(QLocale(QLocale.Language.Chinese, QLocale.Country.China)) is None
    True
    """
    system = system or system_locale()
    if system.language() != QLocale.Language.Chinese:
        return None
    if system.territory() in (QLocale.Country.HongKong, QLocale.Country.Macao):
        return HONG_KONG
    if system.territory() == QLocale.Country.Taiwan or system.script() == QLocale.Script.TraditionalHanScript:
        return TAIWAN
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our translation and Qt's own (standard dialogs' buttons), replacing earlier ones."""
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return translators
    ours = QTranslator(app)
    path = resource("i18n", f"healthreader_{language}.qm")
    if ours.load(str(path)):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation %s not found; the UI stays in English", path)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    # Qt 6 changed some of its own source strings (the file dialog's "Look in:") and PySide6's qtbase
    # files still carry the old ones: our supplement translates them, installed last so that it wins.
    supplement = QTranslator(app)
    if supplement.load(str(resource("i18n", f"qt_supplement_{language}.qm"))):
        app.installTranslator(supplement)
        translators.append(supplement)
    QLocale.setDefault(QLocale(language))
    return translators
