"""Every user action, declared once by id: text, shortcuts, icon, tooltip.

Menus and toolbars are built from these ids, and a policy (kiosk mode) can hide or disable any of
them in one place instead of through ``if`` statements in the widgets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from healthreader.ui.common.icons import themed_icon

CHECKABLE = frozenset(
    {
        "sidebar",
        "bookmark",
        "large_print",
        "theme_system",
        "theme_light",
        "theme_dark",
        "theme_contrast",
        "large_type",
        "traditional",
    }
)


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[QKeySequence.StandardKey | str, ...] = ()
    icon: str | None = None  # resources/icons/<icon>.svg, drawn in the theme's colours
    tip: str = ""


def specs() -> list[ActionSpec]:
    K = QKeySequence.StandardKey
    return [
        ActionSpec(
            "back",
            QCoreApplication.translate("Actions", "Back"),
            (K.Back, "Alt+Left"),
            "back",
            QCoreApplication.translate("Actions", "Go back (Alt+Left)"),
        ),
        ActionSpec(
            "forward",
            QCoreApplication.translate("Actions", "Forward"),
            (K.Forward, "Alt+Right"),
            "forward",
            QCoreApplication.translate("Actions", "Go forward (Alt+Right)"),
        ),
        ActionSpec(
            "home",
            QCoreApplication.translate("Actions", "Home"),
            ("Alt+Home",),
            "home",
            QCoreApplication.translate("Actions", "The library's home page (Alt+Home)"),
        ),
        ActionSpec(
            "sidebar",
            QCoreApplication.translate("Actions", "Sidebar"),
            ("F9",),
            "sidebar",
            QCoreApplication.translate("Actions", "Show or hide the sections and related questions (F9)"),
        ),
        ActionSpec(
            "zoom_in",
            QCoreApplication.translate("Actions", "Larger text"),
            ("Ctrl+=", "Ctrl++", K.ZoomIn),
            "zoom-in",
            QCoreApplication.translate("Actions", "Larger text (Ctrl+=)"),
        ),
        ActionSpec(
            "zoom_out",
            QCoreApplication.translate("Actions", "Smaller text"),
            ("Ctrl+-", K.ZoomOut),
            "zoom-out",
            QCoreApplication.translate("Actions", "Smaller text (Ctrl+-)"),
        ),
        ActionSpec(
            "zoom_reset",
            QCoreApplication.translate("Actions", "Normal text size"),
            ("Ctrl+0",),
            "zoom-reset",
            QCoreApplication.translate("Actions", "Normal text size (Ctrl+0)"),
        ),
        ActionSpec(
            "focus_search",
            QCoreApplication.translate("Actions", "Search the library"),
            ("Ctrl+K", "Ctrl+L"),
            "search",
            QCoreApplication.translate("Actions", "Search the library (Ctrl+K)"),
        ),
        ActionSpec(
            "find",
            QCoreApplication.translate("Actions", "Find in page"),
            (K.Find, "Ctrl+F"),
            "find",
            QCoreApplication.translate("Actions", "Find in this page (Ctrl+F)"),
        ),
        ActionSpec(
            "find_next", QCoreApplication.translate("Actions", "Find next"), (K.FindNext, "F3"), "find-next", ""
        ),
        ActionSpec(
            "find_previous",
            QCoreApplication.translate("Actions", "Find previous"),
            (K.FindPrevious, "Shift+F3"),
            "find-previous",
            "",
        ),
        ActionSpec(
            "bookmark",
            QCoreApplication.translate("Actions", "Bookmark"),
            ("Ctrl+D",),
            "star-off",
            QCoreApplication.translate("Actions", "Bookmark this entry, or remove its bookmark (Ctrl+D)"),
        ),
        ActionSpec(
            "show_bookmarks",
            QCoreApplication.translate("Actions", "Bookmarks and history"),
            ("Ctrl+B",),
            "bookmarks",
            QCoreApplication.translate("Actions", "Show your bookmarks and reading history (Ctrl+B)"),
        ),
        ActionSpec("export_bookmarks", QCoreApplication.translate("Actions", "Export bookmarks…"), (), "export", ""),
        ActionSpec("import_bookmarks", QCoreApplication.translate("Actions", "Import bookmarks…"), (), "import", ""),
        ActionSpec(
            "print",
            QCoreApplication.translate("Actions", "Print…"),
            (K.Print, "Ctrl+P"),
            "print",
            QCoreApplication.translate("Actions", "Print this entry (Ctrl+P)"),
        ),
        ActionSpec("print_preview", QCoreApplication.translate("Actions", "Print preview"), (), "print-preview", ""),
        ActionSpec(
            "export_pdf",
            QCoreApplication.translate("Actions", "Export PDF…"),
            (),
            "pdf",
            QCoreApplication.translate("Actions", "Save this entry as a PDF handout"),
        ),
        ActionSpec(
            "large_print",
            QCoreApplication.translate("Actions", "Large print"),
            (),
            "large-print",
            QCoreApplication.translate("Actions", "Print with 16 pt text for easier reading"),
        ),
        ActionSpec(
            "quit",
            QCoreApplication.translate("Actions", "Quit"),
            (K.Quit, "Ctrl+Q"),
            "quit",
            QCoreApplication.translate("Actions", "Quit HealthReader"),
        ),
        ActionSpec(
            "theme_system",
            QCoreApplication.translate("Actions", "Follow the system colours"),
            (),
            "theme-system",
            QCoreApplication.translate("Actions", "Light or dark, as the desktop is set"),
        ),
        ActionSpec("theme_light", QCoreApplication.translate("Actions", "Light"), (), "theme-light", ""),
        ActionSpec("theme_dark", QCoreApplication.translate("Actions", "Dark"), (), "theme-dark", ""),
        ActionSpec(
            "theme_contrast",
            QCoreApplication.translate("Actions", "High contrast"),
            ("Ctrl+Alt+H",),
            "theme-contrast",
            QCoreApplication.translate("Actions", "White and yellow text on black (Ctrl+Alt+H)"),
        ),
        ActionSpec(
            "large_type",
            QCoreApplication.translate("Actions", "Large type"),
            ("Ctrl+Shift+L",),
            "large-type",
            QCoreApplication.translate("Actions", "Bigger menus, buttons and article text (Ctrl+Shift+L)"),
        ),
        ActionSpec(
            "traditional",
            QCoreApplication.translate("Actions", "Traditional characters"),
            ("Ctrl+Shift+T",),
            "traditional",
            QCoreApplication.translate("Actions", "Show the library in traditional characters (Ctrl+Shift+T)"),
        ),
        ActionSpec(
            "read_aloud",
            QCoreApplication.translate("Actions", "Read aloud"),
            ("Ctrl+R",),
            "read-aloud",
            QCoreApplication.translate("Actions", "Read this entry aloud from the section shown (Ctrl+R)"),
        ),
        ActionSpec(
            "read_pause",
            QCoreApplication.translate("Actions", "Pause or resume reading"),
            ("Ctrl+Shift+R",),
            "read-pause",
            "",
        ),
        ActionSpec("read_stop", QCoreApplication.translate("Actions", "Stop reading"), ("Ctrl+.",), "read-stop", ""),
        ActionSpec("read_faster", QCoreApplication.translate("Actions", "Read faster"), ("Ctrl+]",), "read-faster", ""),
        ActionSpec("read_slower", QCoreApplication.translate("Actions", "Read slower"), ("Ctrl+[",), "read-slower", ""),
        ActionSpec(
            "shortcuts",
            QCoreApplication.translate("Actions", "Keyboard shortcuts"),
            ("F1",),
            "shortcuts",
            QCoreApplication.translate("Actions", "List every keyboard shortcut (F1)"),
        ),
        ActionSpec("about", QCoreApplication.translate("Actions", "About HealthReader"), (), "about", ""),
    ]


class ActionRegistry(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        for spec in specs():
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.id}")
            keys: list[QKeySequence] = []
            for s in spec.shortcuts:
                keys.extend(
                    QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else [QKeySequence(s)]
                )
            unique: list[QKeySequence] = []
            for k in keys:
                if not k.isEmpty() and k not in unique:
                    unique.append(k)
            action.setShortcuts(unique)
            if spec.icon is not None:
                # The bookmark star fills in once the entry is bookmarked.
                action.setIcon(themed_icon(spec.icon, "star-on" if spec.id == "bookmark" else None))
            if spec.tip:
                action.setToolTip(spec.tip)
                action.setStatusTip(spec.tip)
            if spec.id in CHECKABLE:
                action.setCheckable(True)
            parent.addAction(action)  # shortcuts work even when the action is in no visible menu
            self._actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def ids(self) -> Iterable[str]:
        return self._actions.keys()
